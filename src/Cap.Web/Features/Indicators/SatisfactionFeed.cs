using Cap.Data;
using Cap.Data.Coordination;
using Cap.Data.Intake;
using Cap.Domain.Satisfaction;
using Cap.Domain.Steering;
using Cap.Web.Shared;
using Microsoft.EntityFrameworkCore;

using Cap.Web.Shared.Hosting;

namespace Cap.Web.Features.Indicators;

/// <summary>
/// Feeds each product's "Satisfaction usagers" indicator from its satisfaction form: one measurement per month,
/// dated the 1st, whose value is the satisfaction index of that month's answers (source « Formulaire »); the
/// current month's value follows the answers as they arrive. The indicator is created with the first answers:
/// a range from 8 (the interministerial target) to 10 to hold over the next twelve months, baseline the first month's
/// index, monthly frequency, so it
/// takes part in the indicator statuses like any other. Its measurements go through <see cref="MeasurementWriter"/>
/// (one audit entry per change, none when nothing changed).
/// </summary>
public sealed class SatisfactionFeed(CapDbContext db, TimeProvider time)
{
    public const string IndicatorName = "Satisfaction usagers (formulaire)";
    public const string AuthorName = "Formulaire de satisfaction";

    /// <summary>
    /// The lock that one instance holds while it writes satisfaction indicators: two instances feeding the same product at
    /// once could both create its indicator (see <see cref="DatabaseLocks"/>).
    /// </summary>
    public const string LockName = "cap:satisfaction-feed";

    /// <summary>Writes the months from <paramref name="since"/> (all when null) for one product; returns the months written.</summary>
    public async Task<int> FeedAsync(int productId, DateOnly? since, CancellationToken ct)
    {
        var from = since ?? DateOnly.MinValue;
        var days = await SatisfactionStatistics.DailyTotalsAsync(db.FeedbackDailyRollups.AsNoTracking().Where(r => r.ProductId == productId && r.Day >= from), ct);
        // The days synced from another tool (JDMA) count as the form's answers do.
        var external = await SatisfactionStatistics.DailyTotalsAsync(SatisfactionStatistics.ExternalRows(db, productId, null).Where(r => r.Day >= from), ct);
        var externalByMonth = external.GroupBy(d => SatisfactionStatistics.BucketStart(d.Key, Granularity.Month)).ToDictionary(m => m.Key, m => m.Sum(d => d.Value.Count));
        foreach (var (day, totals) in external)
        {
            days[day] = days.TryGetValue(day, out var own) ? own.Add(totals) : totals;
        }
        if (days.Count == 0)
        {
            return 0;
        }
        var months = days.GroupBy(d => SatisfactionStatistics.BucketStart(d.Key, Granularity.Month))
            .Select(m => (Month: m.Key, Totals: m.Aggregate(AnswerTotals.Empty, (sum, d) => sum.Add(d.Value))))
            .Where(m => m.Totals.Index is not null).OrderBy(m => m.Month).ToList();
        if (months.Count == 0)
        {
            return 0;
        }
        var indicator = await db.Indicators.AsNoTracking().FirstOrDefaultAsync(i => i.ProductId == productId && i.FedBySatisfactionForm, ct);
        if (indicator is null)
        {
            // Created from the whole history, so its baseline is the first month's index.
            if (since is not null)
            {
                return await FeedAsync(productId, null, ct);
            }
            indicator = await CreateIndicatorAsync(productId, months[0].Month, months[0].Totals.Index!.Value, ct);
        }
        var rows = months.Select(m => new MeasurementRow(m.Month, m.Totals.Index!.Value, Note(m.Totals.Count, externalByMonth.GetValueOrDefault(m.Month)))).ToList();
        await MeasurementWriter.UpsertAsync(db, indicator, rows, MeasurementSource.Form, null, AuthorName, time.GetUtcNow(), ct);
        return rows.Count;
    }

    private static string Note(long count, long external) =>
        external == 0 ? $"{count} réponse(s) au formulaire"
        : external == count ? $"{count} réponse(s) synchronisée(s) depuis JDMA"
        : $"{count} réponse(s), dont {external} synchronisée(s) depuis JDMA";

    /// <summary>The products with answers whose indicator does not exist yet get it with their whole history (start-up, demo).</summary>
    public async Task<int> FeedMissingAsync(CancellationToken ct)
    {
        // Instances starting together: the second waits, then finds the indicators created.
        await using var held = await DatabaseLocks.AcquireAsync(db, LockName, ct);
        var fed = db.Indicators.Where(i => i.FedBySatisfactionForm).Select(i => i.ProductId);
        var products = await db.Placements.AsNoTracking()
            .Where(p => !fed.Contains(p.ProductId) && db.FeedbackAnswers.Any(a => a.PlacementId == p.Id))
            .Select(p => p.ProductId).Distinct().ToListAsync(ct);
        products = [.. products.Union(await db.ExternalSatisfactionDays.AsNoTracking().Where(d => !fed.Contains(d.ProductId) && d.Count > 0)
            .Select(d => d.ProductId).Distinct().ToListAsync(ct))];
        foreach (var productId in products)
        {
            await FeedAsync(productId, null, ct);
        }
        return products.Count;
    }

    /// <summary>The first day of last month in Paris: what a periodic refresh rewrites (last month may still receive late answers).</summary>
    public DateOnly RecentFrom()
    {
        var today = time.ParisToday();
        return new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
    }

    private async Task<Indicator> CreateIndicatorAsync(int productId, DateOnly firstMonth, decimal firstIndex, CancellationToken ct)
    {
        var position = await db.Indicators.Where(i => i.ProductId == productId).MaxAsync(i => (int?)i.Position, ct) ?? -1;
        var indicator = new Indicator
        {
            ProductId = productId, Kind = IndicatorKind.Success, Name = IndicatorName,
            Definition = "Indice de satisfaction sur 10 des réponses du mois au formulaire « Je donne mon avis » du produit (1 → 0, 2 → 5, 3 → 10, moyenne). Calculé par Cap à l’arrivée des réponses.",
            Unit = IndicatorUnit.ScoreOn10, Direction = WantedDirection.Range, Baseline = firstIndex, BaselineDate = firstMonth,
            Target = SatisfactionScore.Target, TargetMax = 10m, TargetDate = RecentFrom().AddMonths(13), Frequency = UpdateFrequency.Monthly,
            Family = ImpactFamily.Satisfaction, DataSource = "Formulaire de satisfaction de Cap (onglet Satisfaction)",
            Position = position + 1, FedBySatisfactionForm = true,
        };
        db.Indicators.Add(indicator);
        await db.SaveChangesAsync(ct);
        db.Entry(indicator).State = EntityState.Detached;
        return indicator;
    }
}

/// <summary>
/// Moves the satisfaction indicators as answers arrive: every <c>Satisfaction:FeedSeconds</c> (30 by default) it
/// refreshes the last two months of the products that received answers since its last pass, as marked by
/// <see cref="SatisfactionChanges"/>; its first pass refreshes every product with answers in those months (answers
/// may have arrived while the application was stopped, or through another instance). Nothing to do, nothing written.
/// With several instances, each one's pass feeds the products that received answers through it, one pass at a time
/// (a lock in the database, <see cref="SatisfactionFeed.LockName"/>), so no product's indicator is created twice.
/// </summary>
public sealed class SatisfactionFeedWorker(IServiceScopeFactory scopes, SatisfactionChanges changes, IConfiguration configuration, ILogger<SatisfactionFeedWorker> logger) : BackgroundService
{
    private bool _caughtUp;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var period = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Satisfaction:FeedSeconds", 30)));
        await PeriodicPasses.RunAsync(period, runFirst: false, PassAsync,
            (e, p) => logger.LogError(e, "The satisfaction indicators could not be refreshed; next pass in {Period}", p), stoppingToken);
    }

    /// <summary>One pass: the products with new answers since the last pass (all those with recent answers on the first).</summary>
    public async Task<int> PassAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CapDbContext>();
        var feed = scope.ServiceProvider.GetRequiredService<SatisfactionFeed>();
        var recent = feed.RecentFrom();
        await using var held = await DatabaseLocks.AcquireAsync(db, SatisfactionFeed.LockName, ct);
        var products = new HashSet<int>(changes.Take());
        if (!_caughtUp)
        {
            // The daily rollups say which products have answers in those months, without reading the answers.
            products.UnionWith(await db.FeedbackDailyRollups.Where(r => r.Day >= recent).Select(r => r.ProductId).Distinct().ToListAsync(ct));
        }
        var done = 0;
        try
        {
            foreach (var productId in products)
            {
                await feed.FeedAsync(productId, recent, ct);
                done++;
            }
        }
        catch
        {
            // The products not refreshed yet are taken again at the next pass.
            foreach (var productId in products.Skip(done))
            {
                changes.Stored(productId);
            }
            throw;
        }
        _caughtUp = true;
        return products.Count;
    }
}

/// <summary>A connector's days move the satisfaction indicator as the form's answers do, one feed at a time (the feed's lock).</summary>
public sealed class SatisfactionIndicatorFeed(CapDbContext db, SatisfactionFeed feed) : ISatisfactionIndicatorFeed
{
    public async Task RefreshAsync(int productId, DateOnly since, CancellationToken ct)
    {
        await using var held = await DatabaseLocks.AcquireAsync(db, SatisfactionFeed.LockName, ct);
        await feed.FeedAsync(productId, new DateOnly(since.Year, since.Month, 1), ct);
    }
}
