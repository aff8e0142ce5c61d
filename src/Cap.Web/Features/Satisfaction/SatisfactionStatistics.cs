using System.Globalization;
using Cap.Data;
using Cap.Domain.Satisfaction;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Satisfaction;

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
/// Statistics over a period: one grouped query by day (on the (ProductId, Day) index) and one by placement; buckets
/// of weeks and months are summed in memory from the days.
/// </summary>
public sealed class SatisfactionStatistics(CapDbContext db)
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public async Task<SatisfactionStats> ComputeAsync(int productId, DateOnly from, DateOnly to, int? placementId, Granularity granularity, CancellationToken ct)
    {
        var answers = db.FeedbackAnswers.AsNoTracking().Where(a => a.ProductId == productId && a.Day >= from && a.Day <= to);
        var perDay = await DailyTotalsAsync(placementId is { } id ? answers.Where(a => a.PlacementId == id) : answers, ct);
        var byPlacement = await answers.GroupBy(a => a.PlacementId).Select(g => new
        {
            PlacementId = g.Key,
            Count = g.LongCount(),
            Points = g.Sum(a => a.Experience == 3 ? 10 : a.Experience == 2 ? 5 : 0),
            ClarityCount = g.Count(a => a.Clarity != null),
            ClaritySum = g.Sum(a => a.Clarity ?? 0),
            HelpAsked = g.Count(a => a.AdministrationReached != null),
            Reached = g.Count(a => a.AdministrationReached == true),
        }).ToListAsync(ct);
        var placements = await db.Placements.AsNoTracking().Where(p => p.ProductId == productId).OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.Label, p.IsEnabled }).ToListAsync(ct);

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
        var perPlacement = placements.Select(p =>
        {
            var row = byPlacement.FirstOrDefault(b => b.PlacementId == p.Id);
            var totals = row is null ? AnswerTotals.Empty : new AnswerTotals(row.Count, row.Points, row.ClarityCount, row.ClaritySum, row.HelpAsked, row.Reached);
            return new PlacementTotals(p.Id, p.Label, p.IsEnabled, totals);
        }).ToList();
        return new SatisfactionStats(from, to, granularity, overall, buckets, perPlacement);
    }

    /// <summary>The totals of these answers per day of reception (one grouped query); the scoring is SQL here, <see cref="SatisfactionScore"/> in memory.</summary>
    public static async Task<Dictionary<DateOnly, AnswerTotals>> DailyTotalsAsync(IQueryable<FeedbackAnswer> answers, CancellationToken ct) =>
        (await answers.GroupBy(a => a.Day).Select(g => new
        {
            Day = g.Key,
            Count = g.LongCount(),
            Points = g.Sum(a => a.Experience == 3 ? 10 : a.Experience == 2 ? 5 : 0),
            ClarityCount = g.Count(a => a.Clarity != null),
            ClaritySum = g.Sum(a => a.Clarity ?? 0),
            HelpAsked = g.Count(a => a.AdministrationReached != null),
            Reached = g.Count(a => a.AdministrationReached == true),
        }).ToListAsync(ct))
        .ToDictionary(d => d.Day, d => new AnswerTotals(d.Count, d.Points, d.ClarityCount, d.ClaritySum, d.HelpAsked, d.Reached));

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
