using Cap.Data;
using Cap.Domain;
using Cap.Domain.Catalogue;
using Cap.Domain.Committee;
using Cap.Domain.LifeCycle;
using Cap.Domain.Platform;
using Cap.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Committee;

/// <summary>A recorded decision and the product's phase before and after it.</summary>
public sealed record RecordedDecision(GateDecision Decision, Phase PhaseBefore, Phase PhaseAfter)
{
    /// <summary>Said to the person who recorded the decision.</summary>
    public string Message(string productName) =>
        $"Décision « {Decision.Outcome.Label()} » enregistrée pour {productName} : {GateRules.PhaseEffect(PhaseBefore, PhaseAfter)}";
}

/// <summary>Records the committee's decision on a request (or its correction) with the phase move it causes, together or not at all.</summary>
public sealed class CommitteeDecisions(CapDbContext db, PhaseMoves phaseMoves, TimeProvider time)
{
    private DateOnly Today => time.ParisToday();

    /// <summary>
    /// Records a review and its decision in one transaction: the decision with its seven assessments and conditions,
    /// the request marked examined, then the phase move staged with the decision's id (known after the first save).
    /// </summary>
    /// <param name="corrects">The decision this one corrects, or null for a first decision.</param>
    public async Task<Result<RecordedDecision>> DecideAsync(GateRequest request, DecisionInput input, GateDecision? corrects, Person decider, CancellationToken ct)
    {
        if (GateRules.ReviewRefusal(request.Status, corrects is not null) is { } refusal)
        {
            return Refusal.Conflict(refusal);
        }
        var product = await db.Products.FirstAsync(p => p.Id == request.ProductId, ct);
        if (corrects is not null && await db.GateDecisions.AnyAsync(d => d.ProductId == request.ProductId && d.Id > corrects.Id, ct))
        {
            return Refusal.Conflict(GateRules.OvertakenCorrectionRefusal);
        }
        // A correction is judged against the phase before the corrected decision moved the product.
        var errors = GateRules.ValidateDecision(corrects is null ? product.Phase : request.FromPhase, request.TargetPhase, input, Today);
        var ownerIds = input.Conditions.Where(c => !c.IsBlank && c.OwnerId is not null).Select(c => c.OwnerId!.Value).Distinct().ToList();
        var owners = await db.People.AsNoTracking().Where(p => ownerIds.Contains(p.Id) && p.IsActive).ToDictionaryAsync(p => p.Id, ct);
        foreach (var (c, i) in input.Conditions.Select((c, i) => (c, i)))
        {
            if (!c.IsBlank && c.OwnerId is { } ownerId && !owners.ContainsKey(ownerId))
            {
                errors[$"Conditions[{i}].OwnerId"] = "Le responsable choisi n’existe pas ou n’est plus actif.";
            }
        }
        if (errors.Count > 0)
        {
            return Refusal.Rule(errors);
        }

        var outcome = input.Outcome!.Value;
        var decision = new GateDecision
        {
            ProductId = request.ProductId,
            GateRequestId = request.Id,
            SessionId = request.SessionId,
            Kind = request.Kind,
            FromPhase = request.FromPhase,
            TargetPhase = request.TargetPhase,
            Outcome = outcome,
            Summary = input.Summary!.Trim(),
            SupportNeeds = input.SupportNeeds,
            CorrectsDecisionId = corrects?.Id,
            DecidedAt = time.GetUtcNow(),
            DecidedById = decider.Id,
            DecidedByName = decider.DisplayName,
        };
        decision.Assessments.AddRange(input.Aspects.OrderBy(a => a.Aspect).Select(a => new AspectAssessment
        {
            ProductId = request.ProductId,
            Aspect = a.Aspect,
            Rating = a.Rating!.Value,
            Comment = string.IsNullOrWhiteSpace(a.Comment) ? null : a.Comment.Trim(),
        }));
        decision.Conditions.AddRange(input.Conditions.Where(c => !c.IsBlank).Select(c => new GateCondition
        {
            ProductId = request.ProductId,
            Description = c.Description!.Trim(),
            OwnerId = c.OwnerId,
            OwnerName = owners[c.OwnerId!.Value].DisplayName,
            DueDate = c.DueDate!.Value,
        }));
        request.Status = GateRequestStatus.Examinee;

        var before = product.Phase;
        var after = GateRules.PhaseAfterDecision(outcome, request.FromPhase, request.TargetPhase, before, corrects is not null);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            db.GateDecisions.Add(decision);
            await db.SaveChangesAsync(ct);
            if (after != before)
            {
                if (phaseMoves.Stage(product, after, PhaseChangeKind.CommitteeDecision, decider.DisplayName, reason: null, gateDecisionId: decision.Id) is { } moveRefusal)
                {
                    await transaction.RollbackAsync(ct);
                    db.ChangeTracker.Clear();
                    return Refusal.Rule(nameof(DecisionInput.Outcome), moveRefusal);
                }
                await db.SaveChangesAsync(ct);
            }
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return Refusal.Conflict("La demande ou le produit a été modifié pendant l’examen (une autre décision a peut-être été enregistrée) : rechargez la page.");
        }
        return new RecordedDecision(decision, before, after);
    }
}
