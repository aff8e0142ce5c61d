using Cap.Data;
using Cap.Domain.Catalogue;
using Cap.Domain.Roadmap;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Roadmap;

/// <summary>
/// Gives the demo roadmaps a history, so « Historique de la feuille de route » shows how a roadmap evolved: the initial
/// plan (every initiative planned, the last one not there yet), the initiative added later, then the status changes
/// up to today's roadmap. Snapshots are built from the roadmap as it is now (as real revisions are), with
/// earlier statuses. Runs once, after the demo portfolio (<c>Database:SeedDemoData</c>), and only on demo roadmaps
/// that have no revision.
/// </summary>
public static class DemoRoadmapRevisions
{
    public static async Task SeedAsync(CapDbContext db, TimeProvider time, CancellationToken ct = default)
    {
        if (await db.RoadmapRevisions.AnyAsync(ct))
        {
            return;
        }
        var products = await db.Roadmaps.AsNoTracking().OrderBy(r => r.ProductId)
            .Select(r => new
            {
                r.ProductId,
                Owner = db.TeamMembers.Where(m => m.ProductId == r.ProductId && m.Role == ProductRole.ResponsableProduit)
                    .Select(m => m.Person!.DisplayName).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var now = time.GetUtcNow();
        foreach (var product in products)
        {
            if (await RoadmapQueries.LoadAsync(db, product.ProductId, ct) is not { Horizon: { } horizon } current || current.Initiatives.Count == 0)
            {
                continue;
            }
            var author = product.Owner ?? "Équipe produit";
            var steps = History(current, horizon).ToList();
            // Spread the revisions from a week before the horizon starts to three days ago.
            var first = new DateTimeOffset(horizon.Start.AddDays(-7).ToDateTime(new TimeOnly(9, 30)), TimeSpan.Zero);
            var last = now.AddDays(-3);
            var span = last > first ? last - first : TimeSpan.FromDays(steps.Count);
            for (var i = 0; i < steps.Count; i++)
            {
                var (summary, view) = steps[i];
                db.RoadmapRevisions.Add(new RoadmapRevision
                {
                    ProductId = product.ProductId,
                    Number = i + 1,
                    At = steps.Count == 1 ? last : first + (span * i / (steps.Count - 1)),
                    AuthorName = author,
                    Summary = summary,
                    Snapshot = RoadmapSnapshot.Of(view).Serialize(),
                });
            }
        }
        await db.SaveChangesAsync(ct);
    }

    private static IEnumerable<(string Summary, RoadmapView View)> History(RoadmapView current, RoadmapHorizonView horizon)
    {
        var planned = current.Initiatives.Select(i => i with { Status = InitiativeStatus.Planned }).ToList();
        var months = ((horizon.End.Year - horizon.Start.Year) * 12) + horizon.End.Month - horizon.Start.Month + 1;
        var initial = planned.Count > 1 ? planned[..^1] : planned;
        yield return ($"Feuille de route initiale : horizon de {months} mois, {initial.Count} initiative{(initial.Count > 1 ? "s" : "")}",
            current with { Initiatives = initial });
        if (planned.Count > 1)
        {
            yield return ($"Initiative ajoutée : « {planned[^1].Title} »", current with { Initiatives = planned });
        }
        // Then each initiative that moved, in the order of the plan: first started, then delivered or abandoned.
        var state = planned.ToList();
        foreach (var (initiative, index) in current.Initiatives.Select((x, n) => (x, n)))
        {
            if (initiative.Status == InitiativeStatus.Planned)
            {
                continue;
            }
            if (initiative.Status is InitiativeStatus.Delivered or InitiativeStatus.InProgress)
            {
                state[index] = state[index] with { Status = InitiativeStatus.InProgress };
                yield return ($"« {initiative.Title} » : en cours", current with { Initiatives = state.ToList() });
            }
            if (initiative.Status != InitiativeStatus.InProgress)
            {
                state[index] = initiative;
                yield return ($"« {initiative.Title} » : {initiative.Status.Label().ToLowerInvariant()}", current with { Initiatives = state.ToList() });
            }
        }
    }
}
