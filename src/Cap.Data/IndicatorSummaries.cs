using Cap.Domain.Steering;
using Microsoft.EntityFrameworkCore;

namespace Cap.Data;

/// <summary>
/// Keeps each indicator's <see cref="MeasurementSummary"/> (last point, recent trend) in step with its
/// measurements, so statuses across a portfolio are computed from the indicators' rows alone.
/// <see cref="CapDbContext"/> refreshes it in the transaction that changes tracked measurements; writers that
/// bypass the change tracker call <see cref="RefreshAsync"/> before committing.
/// </summary>
public static class IndicatorSummaries
{
    /// <summary>Recomputes the summaries of these indicators from their last measurements (one index range read each).</summary>
    public static async Task RefreshAsync(CapDbContext db, IEnumerable<int> indicatorIds, CancellationToken ct)
    {
        foreach (var id in indicatorIds.Distinct())
        {
            var recent = await db.Measurements.AsNoTracking().Where(m => m.IndicatorId == id)
                .OrderByDescending(m => m.Date).Take(IndicatorStatusRule.TrendPoints)
                .Select(m => new Point(m.Date, m.Value)).ToListAsync(ct);
            recent.Reverse();
            var summary = IndicatorStatusRule.Summarise(recent);
            DateOnly? lastDate = summary?.Last.Date;
            decimal? lastValue = summary?.Last.Value;
            double? trendValue = summary?.Trend?.ValueAtAnchor;
            double? trendSlope = summary?.Trend?.SlopePerDay;
            await db.Indicators.Where(i => i.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(i => i.LastDate, lastDate)
                .SetProperty(i => i.LastValue, lastValue)
                .SetProperty(i => i.TrendValue, trendValue)
                .SetProperty(i => i.TrendSlope, trendSlope), ct);
        }
    }

    /// <summary>Fills the summaries missing after an upgrade or a raw bulk load: indicators with measurements but no kept last date.</summary>
    public static async Task<int> RefreshMissingAsync(CapDbContext db, CancellationToken ct)
    {
        var ids = await db.Indicators.Where(i => i.LastDate == null && i.Measurements.Any()).Select(i => i.Id).ToListAsync(ct);
        await RefreshAsync(db, ids, ct);
        return ids.Count;
    }
}
