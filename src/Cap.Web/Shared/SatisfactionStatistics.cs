using System.Globalization;
using System.Linq.Expressions;
using Cap.Data;
using Cap.Domain.Satisfaction;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Shared;

public enum Granularity
{
    Day = 1,
    Week = 2,
    Month = 3,
}

/// <summary>Counts for a set of answers; every figure of the statistics derives from them.</summary>
public sealed record AnswerTotals(long Count, long Points, long ClarityCount, long ClaritySum, long HelpAsked, long Reached)
{
    public static readonly AnswerTotals Empty = new(0, 0, 0, 0, 0, 0);

    public decimal? Index => SatisfactionScore.Index(Points, Count);
    public decimal? ClarityMean => ClarityCount == 0 ? null : Math.Round((decimal)ClaritySum / ClarityCount, 1, MidpointRounding.AwayFromZero);

    /// <summary>Share of those who tried to get help and said whether they reached the administration who did, in %.</summary>
    public decimal? ReachRate => HelpAsked == 0 ? null : Math.Round(100m * Reached / HelpAsked, 0, MidpointRounding.AwayFromZero);

    public AnswerTotals Add(AnswerTotals o) =>
        new(Count + o.Count, Points + o.Points, ClarityCount + o.ClarityCount, ClaritySum + o.ClaritySum, HelpAsked + o.HelpAsked, Reached + o.Reached);
}

public sealed record PeriodBucket(DateOnly Start, string Label, AnswerTotals Totals);

public sealed record PlacementTotals(int PlacementId, string Label, bool IsEnabled, AnswerTotals Totals);

public sealed record SatisfactionStats(DateOnly From, DateOnly To, Granularity Granularity, AnswerTotals Totals, List<PeriodBucket> Buckets, List<PlacementTotals> Placements);

/// <summary>
/// Statistics over a period, read from the daily rollups (<see cref="FeedbackDailyRollup"/>, one row per placement and
/// Paris day, kept current in the answers' own transactions): one grouped query by day (on the (ProductId, Day) index)
/// and one by placement, whatever the number of answers; buckets of weeks and months are summed in memory from the
/// days. <see cref="ComputeFromAnswersAsync"/> computes the same from the answers themselves (a full scan of the
/// period): the reference the tests compare with, and the naive time the benchmark reports.
/// </summary>
public sealed class SatisfactionStatistics(CapDbContext db)
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public async Task<SatisfactionStats> ComputeAsync(int productId, DateOnly from, DateOnly to, int? placementId, Granularity granularity, CancellationToken ct)
    {
        var rollups = db.FeedbackDailyRollups.AsNoTracking().Where(r => r.ProductId == productId && r.Day >= from && r.Day <= to);
        return await ComputeAsync(rollups, productId, from, to, placementId, granularity, ct);
    }

    /// <summary>The same statistics computed straight from the answers (every answer of the period read): the pre-rollup query.</summary>
    public async Task<SatisfactionStats> ComputeFromAnswersAsync(int productId, DateOnly from, DateOnly to, int? placementId, Granularity granularity, CancellationToken ct)
    {
        var answers = db.FeedbackAnswers.AsNoTracking().Where(a => a.ProductId == productId && a.Day >= from && a.Day <= to);
        return await ComputeAsync(answers.Select(SatisfactionScore.InSql), productId, from, to, placementId, granularity, ct);
    }

    /// <summary>
    /// The same statistics over the days synced from another tool (<see cref="ExternalSatisfactionDay"/>), with its
    /// forms in place of the placements (<paramref name="forms"/>: each form's id and label, in the order shown).
    /// </summary>
    public Task<SatisfactionStats> ComputeExternalAsync(int productId, SatisfactionSource source, DateOnly from, DateOnly to,
        IReadOnlyList<(int Id, string Label)> forms, Granularity granularity, CancellationToken ct) =>
        ComputeAsync(ExternalRows(db, productId, source).Where(r => r.Day >= from && r.Day <= to), from, to, null, granularity,
            forms.Select(f => (f.Id, f.Label, true)).ToList(), ct);

    /// <summary>A product's synced days (of one source, or all) as rollups whose placement is the source's form.</summary>
    public static IQueryable<FeedbackDailyRollup> ExternalRows(CapDbContext db, int productId, SatisfactionSource? source) =>
        db.ExternalSatisfactionDays.AsNoTracking()
            .Where(d => d.ProductId == productId && (source == null || d.Source == source))
            .Select(d => new FeedbackDailyRollup
            {
                ProductId = d.ProductId, PlacementId = d.FormId, Day = d.Day, Count = d.Count, Points = d.Points,
                ClarityCount = d.ClarityCount, ClaritySum = d.ClaritySum, HelpAsked = d.HelpAsked, Reached = d.Reached,
            });

    /// <summary>The statistics of these rows (rollups, or answers as rollups of one): totals per day and per placement.</summary>
    private async Task<SatisfactionStats> ComputeAsync(IQueryable<FeedbackDailyRollup> rows, int productId, DateOnly from, DateOnly to,
        int? placementId, Granularity granularity, CancellationToken ct)
    {
        var placements = await db.Placements.AsNoTracking().Where(p => p.ProductId == productId).OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.Label, p.IsEnabled }).ToListAsync(ct);
        return await ComputeAsync(rows, from, to, placementId, granularity, placements.Select(p => (p.Id, p.Label, p.IsEnabled)).ToList(), ct);
    }

    private static async Task<SatisfactionStats> ComputeAsync(IQueryable<FeedbackDailyRollup> rows, DateOnly from, DateOnly to,
        int? placementId, Granularity granularity, List<(int Id, string Label, bool IsEnabled)> placements, CancellationToken ct)
    {
        var perDay = await TotalsByAsync(placementId is { } id ? rows.Where(r => r.PlacementId == id) : rows, r => r.Day, ct);
        var byPlacement = await TotalsByAsync(rows, r => r.PlacementId, ct);

        var buckets = new List<PeriodBucket>();
        for (var start = BucketStart(from, granularity); start <= to; start = Next(start, granularity))
        {
            var end = Next(start, granularity);
            var totals = AnswerTotals.Empty;
            for (var day = start < from ? from : start; day < end && day <= to; day = day.AddDays(1))
            {
                if (perDay.TryGetValue(day, out var t))
                {
                    totals = totals.Add(t);
                }
            }
            buckets.Add(new PeriodBucket(start, Label(start, granularity), totals));
        }
        var overall = perDay.Values.Aggregate(AnswerTotals.Empty, (a, b) => a.Add(b));
        var perPlacement = placements.Select(p => new PlacementTotals(p.Id, p.Label, p.IsEnabled, byPlacement.GetValueOrDefault(p.Id) ?? AnswerTotals.Empty)).ToList();
        return new SatisfactionStats(from, to, granularity, overall, buckets, perPlacement);
    }

    /// <summary>The totals of these rollups per day (one grouped query over a few rows per day, whatever the number of answers).</summary>
    public static Task<Dictionary<DateOnly, AnswerTotals>> DailyTotalsAsync(IQueryable<FeedbackDailyRollup> rollups, CancellationToken ct) =>
        TotalsByAsync(rollups, r => r.Day, ct);

    /// <summary>
    /// The totals of these answers per day of reception, straight from the answers (one grouped query reading every
    /// answer): the pre-rollup query, kept as the reference of the tests and the naive time of the benchmark. Each answer
    /// is scored in SQL by <see cref="SatisfactionScore.InSql"/>, the C# rules' twin.
    /// </summary>
    public static Task<Dictionary<DateOnly, AnswerTotals>> DailyTotalsFromAnswersAsync(IQueryable<FeedbackAnswer> answers, CancellationToken ct) =>
        TotalsByAsync(answers.Select(SatisfactionScore.InSql), r => r.Day, ct);

    /// <summary>The six sums of these rows, grouped by <paramref name="key"/>: the one projection every figure comes from.</summary>
    private static async Task<Dictionary<TKey, AnswerTotals>> TotalsByAsync<TKey>(IQueryable<FeedbackDailyRollup> rows,
        Expression<Func<FeedbackDailyRollup, TKey>> key, CancellationToken ct) where TKey : notnull =>
        (await rows.GroupBy(key).Select(g => new
        {
            g.Key,
            Count = g.Sum(r => r.Count),
            Points = g.Sum(r => r.Points),
            ClarityCount = g.Sum(r => r.ClarityCount),
            ClaritySum = g.Sum(r => r.ClaritySum),
            HelpAsked = g.Sum(r => r.HelpAsked),
            Reached = g.Sum(r => r.Reached),
        }).ToListAsync(ct))
        .ToDictionary(t => t.Key, t => new AnswerTotals(t.Count, t.Points, t.ClarityCount, t.ClaritySum, t.HelpAsked, t.Reached));

    public static DateOnly BucketStart(DateOnly day, Granularity granularity) => granularity switch
    {
        Granularity.Week => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
        Granularity.Month => new DateOnly(day.Year, day.Month, 1),
        _ => day,
    };

    private static DateOnly Next(DateOnly start, Granularity granularity) => granularity switch
    {
        Granularity.Week => start.AddDays(7),
        Granularity.Month => start.AddMonths(1),
        _ => start.AddDays(1),
    };

    private static string Label(DateOnly start, Granularity granularity) => granularity switch
    {
        Granularity.Week => $"semaine du {start.ToString("dd/MM/yyyy", French)}",
        Granularity.Month => start.ToString("MMMM yyyy", French),
        _ => start.ToString("dd/MM/yyyy", French),
    };
}
