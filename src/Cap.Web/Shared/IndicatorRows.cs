using Cap.Data;
using Cap.Domain.Steering;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Shared;

/// <summary>An indicator with its assessed status.</summary>
public sealed record IndicatorRow(Indicator Indicator, string? ObjectiveTitle, int? ObjectivePosition, IndicatorAssessment Assessment)
{
    public bool Pending => IndicatorRules.IsPending(Indicator);
}

/// <summary>
/// A product's indicators with their statuses, read from their kept measurement summaries (one query, no history
/// read): the indicators' tab and API, and the committee's evidence pack.
/// </summary>
public static class IndicatorRows
{
    /// <param name="today">The Paris day measurements are judged against.</param>
    public static async Task<List<IndicatorRow>> ListAsync(CapDbContext db, int productId, DateOnly today, CancellationToken ct)
    {
        var indicators = await db.Indicators.AsNoTracking().Include(i => i.Objective)
            .Where(i => i.ProductId == productId)
            .OrderBy(i => i.Position).ThenBy(i => i.Id)
            .ToListAsync(ct);
        return indicators.Select(i => new IndicatorRow(i, i.Objective?.Title, i.Objective?.Position,
            IndicatorStatusRule.Assess(i.Spec, i.Summary, today))).ToList();
    }

    /// <summary>An indicator status in its DSFR badge tone; the label is always written beside.</summary>
    public static BadgeTone Tone(this IndicatorStatus status) => status switch
    {
        IndicatorStatus.Reached => BadgeTone.Success,
        IndicatorStatus.OnTrack => BadgeTone.Info,
        IndicatorStatus.Watch => BadgeTone.Warning,
        IndicatorStatus.OffTrack => BadgeTone.Error,
        IndicatorStatus.Late => BadgeTone.New,
        _ => BadgeTone.Neutral,
    };
}
