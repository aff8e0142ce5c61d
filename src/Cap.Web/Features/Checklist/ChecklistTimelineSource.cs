using Cap.Data;
using Cap.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Checklist;

/// <summary>Each assessment of the checklist on the product timeline (« Check-list »).</summary>
public sealed class ChecklistTimelineSource(CapDbContext db) : ITimelineSource
{
    public async Task<IReadOnlyList<TimelineEvent>> EventsAsync(int productId, string productSlug, CancellationToken ct)
    {
        var rows = await db.ChecklistAssessments.AsNoTracking().Where(a => a.ProductId == productId)
            .Select(a => new { a.Id, a.Number, a.AssessedAt, a.AuthorName, a.ScorePercent, a.UnknownCount }).ToListAsync(ct);
        return [.. rows.Select(a => new TimelineEvent(a.AssessedAt, "Check-list",
            $"Auto-évaluation n° {a.Number} de la check-list produit par {a.AuthorName}",
            $"Score global : {ChecklistDisplay.Percent(a.ScorePercent)}{ChecklistDisplay.UnknownNote(a.UnknownCount)}.",
            $"/produits/{productSlug}/checklist/{a.Number}"))];
    }
}
