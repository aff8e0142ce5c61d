using Cap.Data;
using Cap.Domain;
using Cap.Domain.Roadmap;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Roadmap;

/// <summary>Sets the roadmap's horizon (3 to 6 months) and its priority objectives, saved with a revision.</summary>
public sealed class HorizonPlanning(CapDbContext db, RoadmapRevisionRecorder revisions)
{
    public async Task<Result<RoadmapView>> SetHorizonAsync(int productId, HorizonInput input, CancellationToken ct)
    {
        var checks = new RoadmapChecks();
        var roadmap = await db.Roadmaps.Include(r => r.Priorities).FirstOrDefaultAsync(r => r.ProductId == productId, ct);
        if (input.Start is null)
        {
            checks.Errors["Start"] = "Saisissez le début de l’horizon sous la forme jj/mm/aaaa.";
        }
        if (input.End is null)
        {
            checks.Errors["End"] = "Saisissez la fin de l’horizon sous la forme jj/mm/aaaa.";
        }
        if (input.Start is { } s && input.End is { } e && RoadmapRules.HorizonError(s, e) is { } horizonError)
        {
            checks.Errors["End"] = horizonError;
            checks.RuleRefused = true;
        }
        var wanted = input.PriorityObjectiveIds.Distinct().ToList();
        var own = await db.Objectives.Where(o => o.ProductId == productId && wanted.Contains(o.Id)).Select(o => o.Id).ToListAsync(ct);
        if (own.Count != wanted.Count)
        {
            checks.Errors["PriorityObjectiveIds"] = "Un des objectifs prioritaires choisis n’est pas un objectif de ce produit.";
            checks.RuleRefused = true;
        }
        if (roadmap is not null && input.Version is { } v && v != roadmap.Version)
        {
            checks.StaleVersion = roadmap.Version;
        }
        if (checks.Refusal is { } refused)
        {
            return refused;
        }
        if (roadmap is null)
        {
            roadmap = new ProductRoadmap { ProductId = productId };
            db.Roadmaps.Add(roadmap);
        }
        roadmap.HorizonStart = input.Start!.Value;
        roadmap.HorizonEnd = input.End!.Value;
        roadmap.Priorities.RemoveAll(p => !wanted.Contains(p.ObjectiveId));
        foreach (var id in wanted.Where(id => roadmap.Priorities.All(p => p.ObjectiveId != id)))
        {
            roadmap.Priorities.Add(new RoadmapPriority { ObjectiveId = id, ProductId = productId });
        }
        var summary = $"Horizon du {RoadmapDisplay.Day(roadmap.HorizonStart)} au {RoadmapDisplay.Day(roadmap.HorizonEnd)}, {RoadmapRevisionRecorder.Plural(wanted.Count, "objectif prioritaire", "objectifs prioritaires")}.";
        return await revisions.CommitAsync(productId, summary, ct);
    }
}
