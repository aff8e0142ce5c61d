using Cap.Data;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Shared.Auth;

/// <summary>Marks an endpoint a product token may call (for its own product only).</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class ProductTokenAllowedAttribute : Attribute;

/// <summary>
/// Limits requests authenticated by a product token to the endpoints marked <see cref="ProductTokenAllowedAttribute"/>
/// and, when the route names a product (<c>{slug}</c>), to the token's product: anything else is a 403 ProblemDetails.
/// The endpoint's own rights check then applies with the token creator's rights.
/// </summary>
public static class ProductTokenScope
{
    public static TBuilder AllowProductToken<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ProductTokenAllowedAttribute());

    public static IApplicationBuilder UseProductTokenScope(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.User.ProductTokenScope() is not { } productId)
        {
            await next(context);
            return;
        }
        var endpoint = context.GetEndpoint();
        string? refusal = null;
        if (endpoint?.Metadata.GetMetadata<ProductTokenAllowedAttribute>() is null)
        {
            refusal = "Un jeton de produit sert seulement à lire les indicateurs de son produit et à y envoyer des mesures.";
        }
        else if (context.GetRouteValue("slug") is string slug)
        {
            var db = context.RequestServices.GetRequiredService<CapDbContext>();
            var routeProduct = await db.Products.Where(p => p.Slug == slug).Select(p => (int?)p.Id).FirstOrDefaultAsync(context.RequestAborted);
            if (routeProduct is { } id && id != productId)
            {
                refusal = "Ce jeton de produit ne donne accès qu’aux indicateurs de son produit.";
            }
        }
        if (refusal is null)
        {
            await next(context);
            return;
        }
        await Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Accès refusé", detail: refusal).ExecuteAsync(context);
    });
}
