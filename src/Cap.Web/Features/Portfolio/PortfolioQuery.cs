using System.Globalization;
using System.Linq.Expressions;
using Cap.Data;
using Cap.Domain.Catalogue;
using Cap.Domain.Coaching;
using Cap.Domain.Portfolio;
using Cap.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using CatalogPhase = Cap.Domain.Catalogue.Phase;

namespace Cap.Web.Features.Portfolio;

/// <summary>One product's line as the dashboard shows it: the product, and its kept figures (null until first computed).</summary>
public sealed record PortfolioRow(
    int Id, string Slug, string Name, Phase Phase, DateTimeOffset PhaseSince,
    string DirectorateCode, string DirectorateName, string DomainCode, string DomainName, string TypologyName,
    PortfolioSummary? Line);

public sealed record PhaseHealthCount(Phase Phase, PortfolioHealth Health, int Count);

/// <summary>Products per band of their 30-day satisfaction index (band 0: no answer in 30 days).</summary>
public sealed record SatisfactionBandCount(int Band, int Count);

/// <summary>How many products are at each level of one observatory figure, in a directorate (or overall), now and a month earlier.</summary>
public sealed record ScorecardCell(ObservatoryMeasure Measure, IReadOnlyDictionary<ObservatoryLevel, int> Now, IReadOnlyDictionary<ObservatoryLevel, int>? Before);

public sealed record ScorecardRow(string DirectorateCode, string DirectorateName, int Products, IReadOnlyList<ScorecardCell> Cells);

public sealed record PortfolioView(
    PagedResult<PortfolioRow> Rows, IReadOnlyList<PhaseHealthCount> PhaseHealth, IReadOnlyList<SatisfactionBandCount> SatisfactionBands,
    ScorecardRow Overall, IReadOnlyList<ScorecardRow> ByDirectorate, int Stale);

/// <summary>
/// The portfolio dashboard's reads, shared by the page, its exports and the API: every figure comes from the kept lines
/// (<see cref="PortfolioSummary"/>) joined to the products, in a fixed number of queries whatever the portfolio's size:
/// the stale count, the total, the page, products per phase × health, per satisfaction band and per directorate × levels.
/// </summary>
public sealed class PortfolioQuery(CapDbContext db, PortfolioRefresh refresh, IMemoryCache cache, IConfiguration configuration)
{
    /// <summary>Up to this many stale lines are recomputed by the request itself, so a team sees its change at once.</summary>
    public const int InlineRefreshLimit = PortfolioRefresh.BatchSize;

    public static readonly string[] BandLabels = ["Aucun avis sur 30 jours", "Moins de 5", "De 5 à 6", "De 6 à 7", "De 7 à 8", "De 8 à 9", "9 et plus"];

    /// <summary>The figures over every product matching the filters (whatever the page and the order).</summary>
    private sealed record Figures(int Total, IReadOnlyList<PhaseHealthCount> PhaseHealth, IReadOnlyList<SatisfactionBandCount> Bands,
        ScorecardRow Overall, IReadOnlyList<ScorecardRow> ByDirectorate);

    /// <summary>How long the figures over the filtered products are kept (<c>Portfolio:FiguresCacheSeconds</c>, 60; 0: never).</summary>
    private TimeSpan FiguresFor => TimeSpan.FromSeconds(Math.Max(0, configuration.GetValue("Portfolio:FiguresCacheSeconds", 60)));

    public async Task<PortfolioView> ReadAsync(PortfolioCriteria criteria, CancellationToken ct)
    {
        var stale = await EnsureFreshAsync(ct);
        var filtered = Filter(criteria);
        // The figures over the filtered products do not depend on the page or the order: kept a minute, and recomputed
        // as soon as this instance commits a change to the portfolio (PortfolioChanges.Generation).
        var key = ("portfolio-figures", PortfolioChanges.Generation, criteria with { Sort = PortfolioSort.Name, Descending = null, Page = 1, Size = 1 });
        if (!cache.TryGetValue(key, out Figures? figures) || figures is null)
        {
            figures = await FiguresAsync(filtered, ct);
            if (FiguresFor > TimeSpan.Zero)
            {
                cache.Set(key, figures, FiguresFor);
            }
        }
        var total = figures.Total;
        var pageCount = Math.Max(1, (int)Math.Ceiling(total / (double)criteria.Size));
        var page = Math.Min(criteria.Page, pageCount);
        // The order is decided on the products' ids alone (a narrow sort), then the page's lines are read by id.
        var ids = await Order(filtered, criteria).Skip((page - 1) * criteria.Size).Take(criteria.Size).Select(p => p.Id).ToListAsync(ct);
        var byId = (await Project(db.Products.AsNoTracking().Where(p => ids.Contains(p.Id))).ToListAsync(ct)).ToDictionary(r => r.Id);
        var rows = ids.Where(byId.ContainsKey).Select(id => byId[id]).ToList();
        return new PortfolioView(new PagedResult<PortfolioRow>(rows, total, page, criteria.Size), figures.PhaseHealth, figures.Bands,
            figures.Overall, figures.ByDirectorate, stale);
    }

    private async Task<Figures> FiguresAsync(IQueryable<Product> filtered, CancellationToken ct)
    {
        var total = await filtered.CountAsync(ct);
        var phaseHealth = (await filtered.GroupBy(j => new { j.Phase, Health = j.Portfolio == null ? PortfolioHealth.NoIndicator : j.Portfolio.Health })
                .Select(g => new { g.Key.Phase, g.Key.Health, Count = g.Count() }).ToListAsync(ct))
            .Select(g => new PhaseHealthCount(g.Phase, g.Health, g.Count)).ToList();
        var bands = (await filtered.GroupBy(j => j.Portfolio == null || j.Portfolio.Answers30 == 0 || j.Portfolio.Index30Tenths == null ? 0
                    : j.Portfolio.Index30Tenths < 50 ? 1 : j.Portfolio.Index30Tenths < 60 ? 2 : j.Portfolio.Index30Tenths < 70 ? 3 : j.Portfolio.Index30Tenths < 80 ? 4 : j.Portfolio.Index30Tenths < 90 ? 5 : 6)
                .Select(g => new { Band = g.Key, Count = g.Count() }).ToListAsync(ct))
            .Select(b => new SatisfactionBandCount(b.Band, b.Count)).OrderBy(b => b.Band).ToList();
        var levels = await filtered.Where(j => j.Portfolio != null)
            .GroupBy(j => new
            {
                j.DirectorateId,
                S = j.Portfolio!.SatisfactionLevel, Sp = j.Portfolio.SatisfactionLevelPrevious,
                C = j.Portfolio.ClarityLevel, Cp = j.Portfolio.ClarityLevelPrevious,
                H = j.Portfolio.HelpLevel, Hp = j.Portfolio.HelpLevelPrevious,
                R = j.Portfolio.RgaaLevel,
                A = j.Portfolio.AvailabilityLevel, Ap = j.Portfolio.AvailabilityLevelPrevious,
                L = j.Portfolio.PageLoadLevel, Lp = j.Portfolio.PageLoadLevelPrevious,
            })
            .Select(g => new LevelCombination(g.Key.DirectorateId, g.Key.S, g.Key.Sp, g.Key.C, g.Key.Cp, g.Key.H, g.Key.Hp, g.Key.R,
                g.Key.A, g.Key.Ap, g.Key.L, g.Key.Lp, g.Count()))
            .ToListAsync(ct);
        var directorates = await db.Directorates.AsNoTracking().Select(d => new { d.Id, d.Code, d.Name }).ToListAsync(ct);
        var byDirectorate = levels.GroupBy(l => l.DirectorateId)
            .Select(g => directorates.FirstOrDefault(d => d.Id == g.Key) is { } d ? Scorecard(d.Code, d.Name, g) : Scorecard("?", "?", g))
            .OrderBy(r => r.DirectorateName, StringComparer.CurrentCulture).ToList();
        return new Figures(total, phaseHealth, bands, Scorecard("", "Ensemble des produits affichés", levels), byDirectorate);
    }

    /// <summary>Every line matching the criteria, in the shown order (the exports: what is shown, all pages).</summary>
    public IAsyncEnumerable<PortfolioRow> AllAsync(PortfolioCriteria criteria) => Project(Order(Filter(criteria), criteria)).AsAsyncEnumerable();

    /// <summary>
    /// Recomputes the stale lines when they are few (a team's own change shows at once); when many (a new day at 20,000
    /// products, an upgrade) the background refresher does it and the page says so. Returns how many are still stale.
    /// </summary>
    public async Task<int> EnsureFreshAsync(CancellationToken ct)
    {
        // Counted again as soon as this instance commits a change, else once a minute (another instance's changes,
        // a new day): counting reads every product.
        var key = ("portfolio-stale", PortfolioChanges.Generation);
        if (cache.TryGetValue(key, out int stale))
        {
            return stale;
        }
        stale = await refresh.CountStaleAsync(ct);
        if (stale is > 0 and <= InlineRefreshLimit)
        {
            await refresh.RefreshStaleAsync(ct);
            stale = 0;
        }
        if (FiguresFor > TimeSpan.Zero)
        {
            cache.Set(("portfolio-stale", PortfolioChanges.Generation), stale, FiguresFor);
        }
        return stale;
    }

    private IQueryable<Product> Filter(PortfolioCriteria c)
    {
        var query = db.Products.AsNoTracking().Where(p => !p.IsArchived);
        if (c.Q is { } q)
        {
            var folded = Cap.Domain.Text.Fold(q);
            query = query.Where(j => j.SearchText.Contains(folded));
        }
        if (c.Domain is { } domain)
        {
            query = query.Where(j => j.Domain!.Code == domain);
        }
        if (c.Directorate is { } directorate)
        {
            query = query.Where(j => j.Directorate!.Code == directorate);
        }
        if (c.Typology is { } typology)
        {
            query = query.Where(j => j.Typology!.Code == typology);
        }
        if (c.Phase is { } phase)
        {
            query = query.Where(j => j.Phase == phase);
        }
        if (c.Health is { } health)
        {
            query = health == PortfolioHealth.NoIndicator
                ? query.Where(j => j.Portfolio == null || j.Portfolio.Health == health)
                : query.Where(j => j.Portfolio != null && j.Portfolio.Health == health);
        }
        if (c.Flag is { } flag)
        {
            var pattern = $"%;{flag};%";
            query = query.Where(j => j.Portfolio != null && EF.Functions.Like(j.Portfolio.FlagCodes, pattern));
        }
        return query;
    }

    private static IQueryable<Product> Order(IQueryable<Product> query, PortfolioCriteria c)
    {
        var desc = c.IsDescending;
        IOrderedQueryable<Product> ordered = c.Sort switch
        {
            PortfolioSort.Phase => By(query, j => j.Phase, desc),
            // Longest in its phase first: the earliest start.
            PortfolioSort.TimeInPhase => By(query, j => j.PhaseSince, !desc),
            PortfolioSort.Health => By(query, j => j.Portfolio == null ? PortfolioHealth.NoIndicator : j.Portfolio.Health, desc),
            PortfolioSort.Satisfaction => By(query.OrderBy(j => j.Portfolio == null || j.Portfolio.Index30Tenths == null), j => j.Portfolio!.Index30Tenths, desc),
            PortfolioSort.Checklist => By(query.OrderBy(j => j.Portfolio == null || j.Portfolio.ChecklistScore == null), j => j.Portfolio!.ChecklistScore, desc),
            PortfolioSort.Activity => By(query.OrderBy(j => j.Portfolio == null || j.Portfolio.LastActivityAt == null), j => j.Portfolio!.LastActivityAt, desc),
            PortfolioSort.Flags => By(By(query, j => j.Portfolio == null ? 0 : j.Portfolio.AlertCount, desc), j => j.Portfolio == null ? 0 : j.Portfolio.FlagCount, desc),
            _ => By(query, j => j.Name, desc),
        };
        return ordered.ThenBy(j => j.Name).ThenBy(j => j.Id);
    }

    private static IOrderedQueryable<Product> By<TKey>(IQueryable<Product> query, Expression<Func<Product, TKey>> key, bool descending) =>
        query is IOrderedQueryable<Product> ordered && query.Expression.Type == typeof(IOrderedQueryable<Product>)
            ? descending ? ordered.ThenByDescending(key) : ordered.ThenBy(key)
            : descending ? query.OrderByDescending(key) : query.OrderBy(key);

    private static IQueryable<PortfolioRow> Project(IQueryable<Product> query) =>
        query.Select(j => new PortfolioRow(j.Id, j.Slug, j.Name, j.Phase, j.PhaseSince,
            j.Directorate!.Code, j.Directorate.Name, j.Domain!.Code, j.Domain.Name, j.Typology!.Name, j.Portfolio));

    private sealed record LevelCombination(int DirectorateId, ObservatoryLevel S, ObservatoryLevel Sp, ObservatoryLevel C, ObservatoryLevel Cp,
        ObservatoryLevel H, ObservatoryLevel Hp, ObservatoryLevel R, ObservatoryLevel A, ObservatoryLevel Ap, ObservatoryLevel L, ObservatoryLevel Lp, int Count);

    private static ScorecardRow Scorecard(string code, string name, IEnumerable<LevelCombination> combinations)
    {
        var list = combinations.ToList();
        Dictionary<ObservatoryLevel, int> Count(Func<LevelCombination, ObservatoryLevel> level) =>
            Enum.GetValues<ObservatoryLevel>().ToDictionary(l => l, l => list.Where(c => level(c) == l).Sum(c => c.Count));
        return new ScorecardRow(code, name, list.Sum(c => c.Count),
        [
            new(ObservatoryMeasure.Satisfaction, Count(c => c.S), Count(c => c.Sp)),
            new(ObservatoryMeasure.Clarity, Count(c => c.C), Count(c => c.Cp)),
            new(ObservatoryMeasure.HelpReachable, Count(c => c.H), Count(c => c.Hp)),
            new(ObservatoryMeasure.Rgaa, Count(c => c.R), null),
            new(ObservatoryMeasure.Availability, Count(c => c.A), Count(c => c.Ap)),
            new(ObservatoryMeasure.PageLoad, Count(c => c.L), Count(c => c.Lp)),
        ]);
    }
}
