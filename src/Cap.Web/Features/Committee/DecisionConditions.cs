using Cap.Data;
using Cap.Domain;
using Cap.Domain.Committee;
using Cap.Domain.Platform;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Committee;

/// <summary>The conditions of a decision: declared met by the team with their evidence, confirmed or reopened by the committee.</summary>
public sealed class DecisionConditions(CapDbContext db, TimeProvider time)
{
    public async Task<Result<GateCondition>> DeclareMetAsync(GateCondition condition, string? evidence, string? link, Person person, CancellationToken ct)
    {
        if (GateRules.DeclareMetRefusal(condition.Status, evidence, link) is { } refusal)
        {
            return condition.Status == ConditionStatus.Ouverte
                ? Refusal.Rule("Evidence", refusal)
                : Refusal.Conflict(refusal);
        }
        condition.Status = ConditionStatus.LeveeDeclaree;
        condition.Evidence = string.IsNullOrWhiteSpace(evidence) ? null : evidence.Trim();
        condition.EvidenceLink = string.IsNullOrWhiteSpace(link) ? null : link.Trim();
        condition.DeclaredAt = time.GetUtcNow();
        condition.DeclaredByName = person.DisplayName;
        return await SaveConditionAsync(condition, ct);
    }

    public async Task<Result<GateCondition>> ConfirmAsync(GateCondition condition, Person person, CancellationToken ct)
    {
        if (GateRules.ConfirmRefusal(condition.Status) is { } refusal)
        {
            return Refusal.Conflict(refusal);
        }
        condition.Status = ConditionStatus.Confirmee;
        condition.ConfirmedAt = time.GetUtcNow();
        condition.ConfirmedByName = person.DisplayName;
        return await SaveConditionAsync(condition, ct);
    }

    public async Task<Result<GateCondition>> ReopenAsync(GateCondition condition, CancellationToken ct)
    {
        if (GateRules.ReopenRefusal(condition.Status) is { } refusal)
        {
            return Refusal.Conflict(refusal);
        }
        condition.Status = ConditionStatus.Ouverte;
        condition.DeclaredAt = null;
        condition.DeclaredByName = null;
        return await SaveConditionAsync(condition, ct);
    }

    private async Task<Result<GateCondition>> SaveConditionAsync(GateCondition condition, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Refusal.Conflict("La condition a été modifiée par quelqu’un d’autre entre-temps : rechargez la page.");
        }
        return condition;
    }
}
