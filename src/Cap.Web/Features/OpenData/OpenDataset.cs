using System.Globalization;
using Cap.Data;
using Cap.Domain.Catalogue;
using Cap.Domain.OpenData;
using Cap.Domain.Satisfaction;
using Cap.Domain.Steering;
using Cap.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cap.Web.Features.OpenData;

/// <summary>One published indicator: its definition's public part and its latest value (the indicator's kept summary).</summary>
public sealed record PublishedIndicator(
    string Name, IndicatorKind Kind, string Unit, WantedDirection Direction, decimal Baseline, DateOnly BaselineDate,
    decimal Target, decimal? TargetMax, DateOnly TargetDate, decimal? LatestValue, DateOnly? LatestDate, UpdateFrequency Frequency)
{
    public string KindCode => Kind switch { IndicatorKind.Success => "succes", IndicatorKind.Impact => "impact", _ => "tendance" };
    public string DirectionCode => Direction switch { WantedDirection.Up => "hausse", WantedDirection.Down => "baisse", _ => "fourchette" };
    public string FrequencyCode => Frequency switch
    {
        UpdateFrequency.Weekly => "hebdomadaire",
        UpdateFrequency.Monthly => "mensuelle",
        UpdateFrequency.Quarterly => "trimestrielle",
        _ => "annuelle",
    };
}

/// <summary>One product's row of the open data, with its published indicators.</summary>
public sealed record PublishedProduct(
    string Slug, string Name, string Summary, string DirectorateCode, string DirectorateName, string DomainName, Phase Phase, string? Url,
    PublishedSatisfaction Satisfaction, decimal? SatisfactionIndex, long? SatisfactionAnswers, DateOnly? SatisfactionFrom, DateOnly? SatisfactionTo,
    IReadOnlyList<PublishedIndicator> Indicators)
{
    public string PhaseCode => Phase.Slug();
}

/// <summary>The published products (ordered by identifier) and the period their satisfaction covers.</summary>
public sealed record OpenDataContent(IReadOnlyList<PublishedProduct> Products, DateOnly SatisfactionFrom, DateOnly SatisfactionTo, int MinimumAnswers);

/// <summary>
/// Builds the open data from what Cap keeps (decision 0020), in a fixed number of queries whatever the portfolio's size:
/// the published products with their directorate and domain, the published indicators' kept summaries
/// (<see cref="Indicator.LastValue"/>), the satisfaction daily rollups of the period summed by product. Only rows the team
/// opted in are read: an archived product, a product not published, an indicator not chosen never enter the query's
/// result; answers' comments are never read.
/// </summary>
public sealed class OpenDataset(CapDbContext db, TimeProvider time, IOptions<OpenDataOptions> options)
{
    private readonly OpenDataOptions _options = options.Value;

    /// <summary>The whole dataset: every published product, not archived.</summary>
    public Task<OpenDataContent> BuildAsync(CancellationToken ct) =>
        BuildAsync(db.ProductOpenData.AsNoTracking().Where(o => o.IsPublished && !o.Product!.IsArchived), ct);

    /// <summary>
    /// The row one product's stored choices give, whether it is published or not (the settings page's preview: what
    /// publishing would show); null for an archived product, which is never published.
    /// </summary>
    public async Task<PublishedProduct?> PreviewAsync(int productId, CancellationToken ct)
    {
        var content = await BuildAsync(db.ProductOpenData.AsNoTracking().Where(o => o.ProductId == productId && !o.Product!.IsArchived), ct);
        if (content.Products.Count > 0)
        {
            return content.Products[0];
        }
        // Nothing chosen yet: the product's own row, without satisfaction or indicators.
        var (from, to) = Period();
        return (await Products(db.Products.AsNoTracking().Where(p => p.Id == productId && !p.IsArchived))
            .ToListAsync(ct))
            .Select(p => Row(p, publishSatisfaction: false, null, [], from, to)).FirstOrDefault();
    }

    private (DateOnly From, DateOnly To) Period() => OpenDataRules.SatisfactionPeriod(time.ParisToday(), _options.SatisfactionDays);

    private sealed record ProductColumns(int Id, string Slug, string Name, string Summary, string DirectorateCode, string DirectorateName, string DomainName, Phase Phase, string? Url);

    private static IQueryable<ProductColumns> Products(IQueryable<Product> products) => products.Select(p => new ProductColumns(
        p.Id, p.Slug, p.Name, p.Summary, p.Directorate!.Code, p.Directorate.Name, p.Domain!.Name, p.Phase, p.Url));

    private async Task<OpenDataContent> BuildAsync(IQueryable<ProductOpenData> chosen, CancellationToken ct)
    {
        var (from, to) = Period();
        // 1. The products and what their teams chose.
        var rows = await chosen.Select(o => new
        {
            o.Id,
            o.PublishSatisfaction,
            Product = new ProductColumns(o.ProductId, o.Product!.Slug, o.Product.Name, o.Product.Summary, o.Product.Directorate!.Code,
                o.Product.Directorate.Name, o.Product.Domain!.Name, o.Product.Phase, o.Product.Url),
        }).ToListAsync(ct);
        var choiceIds = rows.Select(r => r.Id).ToList();
        var withSatisfaction = rows.Where(r => r.PublishSatisfaction).Select(r => r.Product.Id).ToList();

        // 2. The chosen indicators, with their kept summary (last value and date).
        var indicators = choiceIds.Count == 0 ? [] : await db.OpenDataIndicators.AsNoTracking()
            .Where(i => choiceIds.Contains(i.ProductOpenDataId))
            .OrderBy(i => i.Indicator!.Position).ThenBy(i => i.Indicator!.Name)
            .Select(i => new
            {
                i.ProductId,
                Indicator = new
                {
                    i.Indicator!.Name, i.Indicator.Kind, i.Indicator.Unit, i.Indicator.CustomUnit, i.Indicator.Direction, i.Indicator.Baseline,
                    i.Indicator.BaselineDate, i.Indicator.Target, i.Indicator.TargetMax, i.Indicator.TargetDate, i.Indicator.LastValue,
                    i.Indicator.LastDate, i.Indicator.Frequency,
                },
            }).ToListAsync(ct);
        var byProduct = indicators.GroupBy(i => i.ProductId).ToDictionary(g => g.Key, g => g.Select(i => new PublishedIndicator(
            i.Indicator.Name, i.Indicator.Kind, UnitText(i.Indicator.Unit, i.Indicator.CustomUnit), i.Indicator.Direction, i.Indicator.Baseline, i.Indicator.BaselineDate,
            i.Indicator.Target, i.Indicator.Direction == WantedDirection.Range ? i.Indicator.TargetMax : null, i.Indicator.TargetDate,
            i.Indicator.LastValue, i.Indicator.LastDate, i.Indicator.Frequency)).ToList());

        // 3. The satisfaction of the period: the daily rollups summed by product (counts only).
        var satisfaction = withSatisfaction.Count == 0 ? [] : await db.FeedbackDailyRollups.AsNoTracking()
            .Where(r => withSatisfaction.Contains(r.ProductId) && r.Day >= from && r.Day <= to)
            .GroupBy(r => r.ProductId)
            .Select(g => new { ProductId = g.Key, Count = g.Sum(r => r.Count), Points = g.Sum(r => r.Points) })
            .ToDictionaryAsync(t => t.ProductId, t => (t.Count, t.Points), ct);

        var products = rows
            .Select(r => Row(r.Product, r.PublishSatisfaction, satisfaction.TryGetValue(r.Product.Id, out var s) ? s : (0, 0),
                byProduct.GetValueOrDefault(r.Product.Id) ?? [], from, to))
            .OrderBy(p => p.Slug, StringComparer.Ordinal)
            .ToList();
        return new OpenDataContent(products, from, to, _options.MinimumAnswers);
    }

    private PublishedProduct Row(ProductColumns p, bool publishSatisfaction, (long Count, long Points)? totals, IReadOnlyList<PublishedIndicator> indicators, DateOnly from, DateOnly to)
    {
        var (count, points) = totals ?? (0, 0);
        var status = OpenDataRules.Satisfaction(publishSatisfaction, count, _options.MinimumAnswers);
        return new PublishedProduct(p.Slug, p.Name, p.Summary, p.DirectorateCode, p.DirectorateName, p.DomainName, p.Phase, p.Url,
            status,
            status == PublishedSatisfaction.Published ? SatisfactionScore.Index(points, count) : null,
            status == PublishedSatisfaction.NotPublished ? null : count,
            status == PublishedSatisfaction.NotPublished ? null : from,
            status == PublishedSatisfaction.NotPublished ? null : to,
            indicators);
    }

    private static string UnitText(IndicatorUnit unit, string? custom) =>
        unit == IndicatorUnit.Free && !string.IsNullOrWhiteSpace(custom) ? custom : unit.Label();

    /// <summary>A date as the files write it (ISO 8601).</summary>
    public static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
