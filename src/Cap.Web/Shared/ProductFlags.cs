using Cap.Domain.Catalogue;
using Microsoft.Extensions.DependencyInjection;

namespace Cap.Web.Shared;

/// <summary>How much a point of attention weighs: DSFR's warning (orange) or error (red) tone.</summary>
public enum FlagLevel
{
    /// <summary>To look at soon (a vision not reviewed for six months, a homologation expiring within 90 days).</summary>
    Warning,

    /// <summary>Out of the rules now (a homologation expired, an RGAA rate below 80 % for a public product).</summary>
    Alert,
}

/// <summary>
/// One point of attention on a product, computed from what Cap stores (never typed by hand): shown on the product, in the
/// committee's evidence pack (« Points d'attention ») and counted on the portfolio.
/// </summary>
/// <param name="Code">A stable English identifier (kebab-case, the API's vocabulary: <c>vision-stale</c>).</param>
/// <param name="Label">The French title people read (« Vision à revisiter »).</param>
/// <param name="Detail">The French sentence saying why, with its dates.</param>
/// <param name="Url">The page where the team acts on it, when there is one.</param>
public sealed record ProductFlag(string Code, string Label, string Detail, string? Url, FlagLevel Level = FlagLevel.Warning);

/// <summary>
/// A capability that raises points of attention on products (a seam, like <see cref="ITimelineSource"/>). Register an
/// implementation with <c>services.AddProductFlagSource&lt;T&gt;()</c>. A source answers for a set of products in a
/// fixed number of queries (never one per product): the portfolio asks for every product at once.
/// </summary>
public interface IProductFlagSource
{
    /// <summary>The flags this source may raise (code, French label): the portfolio's filter lists them.</summary>
    IReadOnlyList<(string Code, string Label)> Kinds => [];

    /// <param name="productIds">The products asked about; <c>null</c> for every product.</param>
    /// <param name="today">Paris's date, the day the rules are evaluated on.</param>
    Task<IReadOnlyList<(int ProductId, ProductFlag Flag)>> FlagsAsync(IReadOnlyCollection<int>? productIds, DateOnly today, CancellationToken ct);
}

/// <summary>The points of attention of every registered source, alerts first.</summary>
public sealed class ProductFlags(IEnumerable<IProductFlagSource> sources, TimeProvider time)
{
    /// <summary>Every flag the registered sources may raise, by code (the portfolio's filter).</summary>
    public IReadOnlyList<(string Code, string Label)> Kinds =>
        sources.SelectMany(s => s.Kinds).DistinctBy(k => k.Code).OrderBy(k => k.Label, StringComparer.CurrentCulture).ToList();

    /// <summary>
    /// The products a source looks at: those asked about (<paramref name="productIds"/>, or every one when null) that are
    /// still steered — an archived or stopped product raises no point of attention.
    /// </summary>
    public static IQueryable<Product> Concerned(IQueryable<Product> products, IReadOnlyCollection<int>? productIds)
    {
        var steered = products.Where(p => !p.IsArchived && p.Phase != Phase.Arret);
        return productIds is null ? steered : steered.Where(p => productIds.Contains(p.Id));
    }

    public async Task<IReadOnlyList<ProductFlag>> ForProductAsync(int productId, CancellationToken ct) =>
        (await ForProductsAsync([productId], ct))[productId].ToList();

    /// <param name="productIds">The products asked about; <c>null</c> for every product.</param>
    public async Task<ILookup<int, ProductFlag>> ForProductsAsync(IReadOnlyCollection<int>? productIds, CancellationToken ct)
    {
        var today = time.ParisToday();
        var all = new List<(int ProductId, ProductFlag Flag)>();
        // One source after the other: they share the request's DbContext.
        foreach (var source in sources)
        {
            all.AddRange(await source.FlagsAsync(productIds, today, ct));
        }
        return all.OrderByDescending(f => f.Flag.Level).ThenBy(f => f.Flag.Label, StringComparer.Ordinal)
            .ToLookup(f => f.ProductId, f => f.Flag);
    }
}

public static class ProductFlagRegistration
{
    /// <summary>Adds a source of points of attention (and, once, the <see cref="ProductFlags"/> that gathers them).</summary>
    public static IServiceCollection AddProductFlagSource<TSource>(this IServiceCollection services)
        where TSource : class, IProductFlagSource
    {
        services.AddScoped<IProductFlagSource, TSource>();
        if (!services.Any(d => d.ServiceType == typeof(ProductFlags)))
        {
            services.AddScoped<ProductFlags>();
            // On the product's overview, first of the panels: what needs the team's attention.
            services.AddProductOverviewPanel(new ProductOverviewPanel("/Shared/_ProductFlagsPanel.cshtml", 5,
                async (sp, product, ct) => (object)await sp.GetRequiredService<ProductFlags>().ForProductAsync(product.Id, ct)));
        }
        return services;
    }
}
