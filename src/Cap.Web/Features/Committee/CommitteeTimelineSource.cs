using Cap.Data;
using Cap.Domain.Catalogue;
using Cap.Domain.Committee;
using Cap.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Committee;

/// <summary>The committee's events on the product timeline: requests submitted, decisions, conditions met and confirmed.</summary>
public sealed class CommitteeTimelineSource(CapDbContext db) : ITimelineSource
{
    private const string Category = "Comité produit";

    public async Task<IReadOnlyList<TimelineEvent>> EventsAsync(int productId, string productSlug, CancellationToken ct)
    {
        var page = $"/produits/{productSlug}/comite";
        var events = new List<TimelineEvent>();
        var requests = await db.GateRequests.AsNoTracking().Where(r => r.ProductId == productId && r.SubmittedAt != null)
            .Select(r => new { r.SubmittedAt, r.Kind, r.FromPhase, r.TargetPhase, r.Ask, r.AuthorName }).ToListAsync(ct);
        events.AddRange(requests.Select(r => new TimelineEvent(r.SubmittedAt!.Value, Category,
            r.Kind == GateRequestKind.PassagePhase
                ? $"Demande de passage {r.FromPhase.Label()} → {r.TargetPhase.Label()} soumise par {r.AuthorName}"
                : $"Demande de revue ({r.Kind.Label().ToLowerInvariant()}) soumise par {r.AuthorName}",
            r.Ask, $"{page}#demandes")));
        var decisions = await db.GateDecisions.AsNoTracking().Where(d => d.ProductId == productId)
            .Select(d => new { d.Id, d.DecidedAt, d.Outcome, d.Kind, d.FromPhase, d.TargetPhase, d.Summary, d.CorrectsDecisionId }).ToListAsync(ct);
        events.AddRange(decisions.Select(d => new TimelineEvent(d.DecidedAt, Category,
            $"{(d.CorrectsDecisionId is null ? "Décision" : "Décision corrigée")} du comité : {d.Outcome.Label()} ({CommitteeLabels.Subject(d.Kind, d.FromPhase, d.TargetPhase)})",
            d.Summary, $"{page}#decision-{d.Id}")));
        var conditions = await db.GateConditions.AsNoTracking().Where(c => c.ProductId == productId && (c.DeclaredAt != null || c.ConfirmedAt != null))
            .Select(c => new { c.Description, c.DeclaredAt, c.ConfirmedAt, c.DeclaredByName, c.ConfirmedByName }).ToListAsync(ct);
        foreach (var c in conditions)
        {
            if (c.DeclaredAt is { } declared)
            {
                events.Add(new TimelineEvent(declared, Category, $"Condition déclarée levée par {c.DeclaredByName}", c.Description, $"{page}#conditions"));
            }
            if (c.ConfirmedAt is { } confirmed)
            {
                events.Add(new TimelineEvent(confirmed, Category, $"Condition levée, confirmée par {c.ConfirmedByName}", c.Description, $"{page}#conditions"));
            }
        }
        return events;
    }
}
