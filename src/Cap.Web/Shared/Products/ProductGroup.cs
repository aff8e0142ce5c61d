using Cap.Web.Shared.Problems;

namespace Cap.Web.Shared.Products;

/// <summary>
/// The API's endpoints about one product, under <c>/products/{slug}</c>. The group's filter runs before every handler:
/// an unknown slug answers 404 (<see cref="ApiProblems.ProductNotFound"/>); a right the endpoint declares
/// (<see cref="RequireProductEdit{TBuilder}"/>, <see cref="RequireProductRight{TBuilder}"/>) and the caller lacks answers 403;
/// otherwise the handler receives the resolved <see cref="ProductAccess"/>.
/// </summary>
public static class ProductGroup
{
    public static IServiceCollection AddProductAccess(this IServiceCollection services) => services.AddScoped<ProductAccess>();

    /// <summary>A group under <c>/products/{slug}</c> (<paramref name="prefix"/> such as <c>/indicators</c>, or none).</summary>
    public static RouteGroupBuilder MapProductGroup(this IEndpointRouteBuilder api, string prefix = "") =>
        api.MapGroup("/products/{slug}" + prefix).AddEndpointFilter(ResolveAsync);

    /// <summary>Only the product's team (or an administrator) may call this endpoint.</summary>
    public static TBuilder RequireProductEdit<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireProductRight(ProductRight.Edit);

    /// <summary>Only a caller holding <paramref name="right"/> on the route's product may call this endpoint.</summary>
    public static TBuilder RequireProductRight<TBuilder>(this TBuilder builder, ProductRight right) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequiresProductRight(right));

    private static async ValueTask<object?> ResolveAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var slug = http.GetRouteValue("slug") as string ?? string.Empty;
        var product = http.RequestServices.GetRequiredService<ProductAccess>();
        if (!await product.ResolveAsync(slug, http.RequestAborted))
        {
            return ApiProblems.ProductNotFound(slug);
        }
        if (http.GetEndpoint()?.Metadata.GetMetadata<RequiresProductRight>() is { } required && !product.Has(required.Right))
        {
            return TypedResults.Forbid();
        }
        return await next(context);
    }
}
