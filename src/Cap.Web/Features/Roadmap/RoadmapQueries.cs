using Cap.Data;
using Cap.Domain.Roadmap;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Roadmap;

/// <summary>A product's roadmap as the pages, the share page and the API read it (and as a revision keeps it).</summary>
public sealed class RoadmapQueries(CapDbContext db)
{
    public const string NotFoundMessage = "Cet élément n’existe pas dans la feuille de route de ce produit.";

    public Task<RoadmapView?> LoadAsync(int productId, CancellationToken ct) => LoadAsync(db, productId, ct);

    /// <summary>The product's roadmap as shown (and as kept in revisions' snapshots).</summary>
    public static async Task<RoadmapView?> LoadAsync(CapDbContext db, int productId, CancellationToken ct)
    {
        var product = await db.Products.AsNoTracking().Where(p => p.Id == productId).Select(p => new { p.Slug, p.Name }).FirstOrDefaultAsync(ct);
        if (product is null)
        {
            return null;
        }
        var roadmap = await db.Roadmaps.AsNoTracking().Include(r => r.Priorities).FirstOrDefaultAsync(r => r.ProductId == productId, ct);
        var priorityIds = roadmap?.Priorities.Select(p => p.ObjectiveId).ToHashSet() ?? [];
        var objectives = (await db.Objectives.AsNoTracking().Where(o => o.ProductId == productId)
                .OrderBy(o => o.Position).ThenBy(o => o.Id).Select(o => new { o.Id, o.Title }).ToListAsync(ct))
            .Select(o => new RoadmapObjectiveView(o.Id, o.Title, priorityIds.Contains(o.Id))).ToList();
        // Years of past cycles stay in the database and in the revisions, not on the current roadmap: what was delivered
        // or abandoned before the horizon starts is only counted, which keeps the page and the snapshots small.
        var horizonStart = roadmap?.HorizonStart ?? DateOnly.MinValue;
        var current = db.Initiatives.AsNoTracking().Where(i => i.ProductId == productId);
        var closedBefore = roadmap is null ? 0 : await current.CountAsync(i => i.End < horizonStart && (i.Status == InitiativeStatus.Delivered || i.Status == InitiativeStatus.Abandoned), ct);
        var initiatives = (await current.Where(i => !(i.End < horizonStart && (i.Status == InitiativeStatus.Delivered || i.Status == InitiativeStatus.Abandoned)))
                .OrderBy(i => i.Start).ThenBy(i => i.Id)
                .Select(i => new { i, ObjectiveTitle = i.Objective!.Title, IndicatorName = i.Indicator != null ? i.Indicator.Name : null })
                .ToListAsync(ct))
            .Select(x => new InitiativeView(x.i.Id, x.i.ObjectiveId, x.ObjectiveTitle, x.i.Kind, x.i.Title, x.i.Description, x.i.PeriodUnit,
                RoadmapRules.FormatPeriod(x.i.PeriodUnit, x.i.Start), RoadmapRules.FormatPeriod(x.i.PeriodUnit, x.i.End), x.i.Start, x.i.End,
                x.i.Status, x.i.IndicatorId, x.IndicatorName, x.i.ExpectedEffect, x.i.Version))
            .ToList();
        var dependencies = await db.RoadmapDependencies.AsNoTracking().Where(d => d.ProductId == productId).OrderBy(d => d.Id)
            .Select(d => new DependencyView(d.Id, d.Kind, d.TargetProduct != null ? d.TargetProduct.Name : d.Target,
                d.TargetProduct != null ? d.TargetProduct.Slug : null, d.Description, d.Status, d.Version))
            .ToListAsync(ct);
        var risks = (await db.Risks.AsNoTracking().Where(r => r.ProductId == productId).OrderBy(r => r.Id).ToListAsync(ct))
            .Select(r => new RiskView(r.Id, r.Title, r.Description, r.Probability, r.Impact, r.Score, RoadmapRules.RiskLevel(r.Probability, r.Impact),
                r.Mitigation, r.OwnerName, r.OwnerPersonId, r.Status, r.Version))
            .OrderByDescending(r => r.Status == RiskStatus.Open).ThenByDescending(r => r.Score).ThenBy(r => r.Id)
            .ToList();
        return new RoadmapView(product.Slug, product.Name,
            roadmap is null ? null : new RoadmapHorizonView(roadmap.HorizonStart, roadmap.HorizonEnd, roadmap.Version),
            objectives, initiatives, dependencies, risks)
        {
            ClosedBeforeHorizon = closedBefore,
        };
    }
}
