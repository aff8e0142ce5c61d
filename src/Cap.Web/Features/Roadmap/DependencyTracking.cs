using Cap.Data;
using Cap.Domain;
using Cap.Domain.Roadmap;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Roadmap;

/// <summary>What the roadmap depends on (another product, a team, a provider, a decision), each write saved with a revision.</summary>
public sealed class DependencyTracking(CapDbContext db, RoadmapRevisionRecorder revisions)
{
    public async Task<Result<RoadmapView>> SaveDependencyAsync(int productId, int? id, DependencyInput input, CancellationToken ct)
    {
        var checks = new RoadmapChecks();
        RoadmapDependency? dependency = null;
        if (id is not null)
        {
            dependency = await db.RoadmapDependencies.FirstOrDefaultAsync(d => d.Id == id && d.ProductId == productId, ct);
            if (dependency is null)
            {
                return Refusal.NotFound(RoadmapQueries.NotFoundMessage);
            }
        }
        if (input.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            checks.Errors["Kind"] = "Choisissez ce dont dépend la feuille de route : autre produit, équipe, prestataire ou décision.";
        }
        var target = Text.Clean(input.Target);
        if (input.TargetProductId is { } targetProductId)
        {
            if (input.Kind != DependencyKind.Product)
            {
                checks.Errors["TargetProductId"] = "Ne choisissez un produit du catalogue que pour une dépendance à un autre produit.";
            }
            else if (targetProductId == productId)
            {
                checks.Errors["TargetProductId"] = "Un produit ne dépend pas de lui-même : choisissez un autre produit.";
            }
            else if (await db.Products.Where(p => p.Id == targetProductId).Select(p => p.Name).FirstOrDefaultAsync(ct) is { } name)
            {
                target = name;
            }
            else
            {
                checks.Errors["TargetProductId"] = "Le produit choisi n’existe pas.";
            }
        }
        checks.Required("Target", target, RoadmapDependency.NameMaxLength, "Nommez le produit, l’équipe, le prestataire ou la décision attendue.", "Le nom");
        var description = Text.Clean(input.Description);
        checks.MaxLength("Description", description, RoadmapDependency.TextMaxLength, "La description");
        var status = input.Status ?? DependencyStatus.Pending;
        if (!Enum.IsDefined(status))
        {
            checks.Errors["Status"] = "Choisissez le statut : en attente, bloquante ou levée.";
        }
        checks.CheckVersion(dependency?.Version, input.Version);
        if (checks.Refusal is { } refused)
        {
            return refused;
        }
        var isNew = dependency is null;
        if (dependency is null)
        {
            dependency = new RoadmapDependency { ProductId = productId };
            db.RoadmapDependencies.Add(dependency);
        }
        dependency.Kind = input.Kind!.Value;
        dependency.Target = target!;
        dependency.TargetProductId = input.TargetProductId;
        dependency.Description = description;
        dependency.Status = status;
        var summary = $"Dépendance « {dependency.Target} » {(isNew ? "ajoutée" : "modifiée")} ({status.Label().ToLower(RoadmapRevisionRecorder.French)}).";
        return await revisions.CommitAsync(productId, summary, ct);
    }

    public async Task<Result<RoadmapView>> DeleteDependencyAsync(int productId, int id, CancellationToken ct)
    {
        var dependency = await db.RoadmapDependencies.FirstOrDefaultAsync(d => d.Id == id && d.ProductId == productId, ct);
        if (dependency is null)
        {
            return Refusal.NotFound(RoadmapQueries.NotFoundMessage);
        }
        db.RoadmapDependencies.Remove(dependency);
        return await revisions.CommitAsync(productId, $"Dépendance « {dependency.Target} » retirée.", ct);
    }
}
