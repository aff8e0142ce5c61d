using Cap.Data;
using Cap.Domain;
using Cap.Domain.Iterations;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Iterations;

/// <summary>
/// Plans an iteration (dates, goal, initiatives of the roadmap), edits it, deletes the last one. Every command loads
/// what it needs, checks everything, then saves once: a refused command leaves nothing behind. Its
/// <see cref="Refusal"/> is a rule's (messages by field), a conflict (a stale version, a deletion something depends
/// on) or not found.
/// </summary>
public sealed class IterationPlanning(CapDbContext db, IterationStore store)
{
    public async Task<Result<IterationSaved>> SaveAsync(int productId, int? number, IterationInput input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        Iteration? it = null;
        if (number is not null)
        {
            it = await db.Iterations.Include(i => i.Initiatives).FirstOrDefaultAsync(i => i.ProductId == productId && i.Number == number, ct);
            if (it is null)
            {
                return Refusal.NotFound($"L’itération {number} n’existe pas pour ce produit.");
            }
        }
        var goal = Text.Clean(input.Goal);
        if (goal is null)
        {
            errors["Goal"] = "Saisissez l’objectif de l’itération : ce que l’équipe veut obtenir à la fin.";
        }
        else if (goal.Length > Iteration.GoalMaxLength)
        {
            errors["Goal"] = $"L’objectif ne doit pas dépasser {Iteration.GoalMaxLength} caractères (actuellement {goal.Length}).";
        }
        if (input.Start is null)
        {
            errors["Start"] = "Saisissez le premier jour de l’itération sous la forme jj/mm/aaaa.";
        }
        if (input.End is null)
        {
            errors["End"] = "Saisissez le dernier jour de l’itération sous la forme jj/mm/aaaa.";
        }
        if (input.Start is { } start && input.End is { } end)
        {
            if (IterationRules.LengthError(start, end) is { } lengthError)
            {
                errors["End"] = lengthError;
            }
            else
            {
                var others = await db.Iterations.AsNoTracking().Where(i => i.ProductId == productId && i.Id != (it == null ? 0 : it.Id))
                    .Select(i => new IterationSpan(i.Number, i.Start, i.End)).ToListAsync(ct);
                if (IterationRules.PlacementError(others, number, start, end) is { } placementError)
                {
                    errors["Start"] = placementError;
                }
            }
        }
        var wanted = input.InitiativeIds.Distinct().ToList();
        var own = await db.Initiatives.AsNoTracking().Where(i => i.ProductId == productId && wanted.Contains(i.Id)).Select(i => i.Id).ToListAsync(ct);
        if (own.Count != wanted.Count)
        {
            errors["InitiativeIds"] = "Une des initiatives choisies n’appartient pas à la feuille de route de ce produit : choisissez parmi ses initiatives.";
        }
        var removed = it?.Initiatives.Where(w => !wanted.Contains(w.InitiativeId)).ToList() ?? [];
        if (removed.FirstOrDefault(w => w.Outcome == IterationWorkOutcome.CarriedOver) is { } carried)
        {
            var title = await db.Initiatives.Where(i => i.Id == carried.InitiativeId).Select(i => i.Title).FirstAsync(ct);
            errors["InitiativeIds"] = $"L’initiative « {title} » est reportée sur l’itération suivante : elle reste dans celle-ci.";
        }
        if (it is not null && input.Version is { } v && v != it.Version)
        {
            return IterationStore.StaleVersion(errors);
        }
        if (errors.Count > 0)
        {
            return Refusal.Rule(errors);
        }
        if (it is null)
        {
            var numbers = await db.Iterations.Where(i => i.ProductId == productId).Select(i => i.Number).ToListAsync(ct);
            it = new Iteration
            {
                ProductId = productId,
                Number = IterationRules.NextNumber(numbers),
                Phase = await db.Products.Where(p => p.Id == productId).Select(p => p.Phase).FirstAsync(ct),
            };
            db.Iterations.Add(it);
        }
        else
        {
            db.Entry(it).Property(i => i.Version).OriginalValue = input.Version ?? it.Version;
        }
        it.Start = input.Start!.Value;
        it.End = input.End!.Value;
        it.Goal = goal!;
        foreach (var w in removed)
        {
            await store.ReleaseCarryAsync(w, ct);
            it.Initiatives.Remove(w);
            db.IterationInitiatives.Remove(w);
        }
        foreach (var id in wanted.Where(id => it.Initiatives.All(w => w.InitiativeId != id)))
        {
            it.Initiatives.Add(new IterationInitiative { ProductId = productId, InitiativeId = id });
        }
        store.TouchVersion(it);
        return await store.CommitAsync(it, ct);
    }

    public async Task<Result<IterationSaved>> DeleteAsync(int productId, int number, int? version, CancellationToken ct)
    {
        var it = await db.Iterations.Include(i => i.Initiatives).FirstOrDefaultAsync(i => i.ProductId == productId && i.Number == number, ct);
        if (it is null)
        {
            return Refusal.NotFound($"L’itération {number} n’existe pas pour ce produit.");
        }
        if (await db.Iterations.AnyAsync(i => i.ProductId == productId && i.Number > number, ct))
        {
            return Refusal.Conflict("Seule la dernière itération peut être supprimée : les numéros des itérations suivent l’ordre des dates et ne changent pas.");
        }
        if (await db.Retrospectives.AnyAsync(r => r.IterationId == it.Id, ct))
        {
            return Refusal.Conflict("Cette itération a sa rétrospective : elle ne peut plus être supprimée.");
        }
        if (version is { } v && v != it.Version)
        {
            return Refusal.Conflict("L’itération a été modifiée depuis votre lecture : rechargez la page.");
        }
        foreach (var w in it.Initiatives)
        {
            await store.ReleaseCarryAsync(w, ct);
        }
        db.Iterations.Remove(it);
        return await store.CommitAsync(it, ct);
    }
}
