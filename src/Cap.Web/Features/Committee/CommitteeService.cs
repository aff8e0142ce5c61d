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

public sealed class CommitteeOptions
{
    /// <summary>The committee home flags products whose current phase has lasted longer than this.</summary>
    public int PhaseAlertMonths { get; set; } = 12;
}

/// <summary>
/// Every write of the committee capability, for the screens: requests, sessions and agendas, reviews and decisions,
/// conditions. A decision and the phase move it causes are committed together or not at all.
/// </summary>
public sealed class CommitteeService(CapDbContext db, PhaseMoves phaseMoves, TimeProvider time)
{
    public const string ConcurrencyMessage = "La demande a été modifiée par quelqu’un d’autre entre-temps : rechargez la page.";

    public DateOnly Today => time.ParisToday();

    public Task<bool> HasOpenRequestAsync(int productId, CancellationToken ct) =>
        db.GateRequests.AnyAsync(r => r.ProductId == productId
            && (r.Status == GateRequestStatus.Brouillon || r.Status == GateRequestStatus.Soumise || r.Status == GateRequestStatus.Inscrite), ct);

    public async Task<Result<GateRequest>> CreateRequestAsync(int productId, Phase current, GateRequestInput input, bool submit, Person author, CancellationToken ct)
    {
        if (await HasOpenRequestAsync(productId, ct))
        {
            return Refusal.Conflict(GateRules.DuplicateOpenRequest);
        }
        var errors = GateRules.ValidateRequest(current, input, Today);
        if (errors.Count > 0)
        {
            return Refusal.Rule(errors);
        }
        var request = new GateRequest
        {
            ProductId = productId,
            FromPhase = current,
            TargetPhase = input.Target!.Value,
            Context = input.Context!.Trim(),
            Ask = input.Ask!.Trim(),
            DesiredDate = input.DesiredDate,
            Status = submit ? GateRequestStatus.Soumise : GateRequestStatus.Brouillon,
            SubmittedAt = submit ? time.GetUtcNow() : null,
            AuthorId = author.Id,
            AuthorName = author.DisplayName,
        };
        db.GateRequests.Add(request);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (db.Entry(request).State == EntityState.Added)
        {
            // Another request of the same product was written between the check and the insert (unique filtered index).
            db.Entry(request).State = EntityState.Detached;
            if (!await HasOpenRequestAsync(productId, ct))
            {
                throw;
            }
            return Refusal.Conflict(GateRules.DuplicateOpenRequest);
        }
        return request;
    }

    public Task<Result<GateRequest>> SubmitAsync(GateRequest request, CancellationToken ct) =>
        ChangeAsync(request, GateRules.SubmitRefusal(request.Status), r =>
        {
            r.Status = GateRequestStatus.Soumise;
            r.SubmittedAt = time.GetUtcNow();
        }, ct);

    public Task<Result<GateRequest>> WithdrawAsync(GateRequest request, CancellationToken ct) =>
        ChangeAsync(request, GateRules.WithdrawRefusal(request.Status), r =>
        {
            r.Status = GateRequestStatus.Retiree;
            r.SessionId = null;
        }, ct);

    /// <summary>Puts the request on the session's agenda; a refusal is about the chosen request (the form's <c>RequestId</c>).</summary>
    public Task<Result<GateRequest>> ScheduleAsync(GateRequest request, CommitteeSession session, CancellationToken ct) =>
        ChangeAsync(request, GateRules.ScheduleRefusal(request.Status, session.Status), r =>
        {
            r.Status = GateRequestStatus.Inscrite;
            r.SessionId = session.Id;
        }, ct, field: "RequestId");

    public Task<Result<GateRequest>> UnscheduleAsync(GateRequest request, CancellationToken ct) =>
        ChangeAsync(request, GateRules.UnscheduleRefusal(request.Status), r =>
        {
            r.Status = GateRequestStatus.Soumise;
            r.SessionId = null;
        }, ct);

    /// <param name="field">The field a refusal is about; the whole command by default.</param>
    private async Task<Result<GateRequest>> ChangeAsync(GateRequest request, string? refusal, Action<GateRequest> change, CancellationToken ct, string field = "")
    {
        if (refusal is not null)
        {
            return Refusal.Conflict(refusal, field);
        }
        change(request);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Refusal.Conflict(ConcurrencyMessage, field);
        }
        return request;
    }

    public async Task<Result<CommitteeSession>> PlanSessionAsync(DateOnly? date, IReadOnlyCollection<int> memberIds, string? notes, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        if (GateRules.SessionDateRefusal(date, Today) is { } refusal)
        {
            errors["Date"] = refusal;
        }
        var members = await EligibleMembersAsync(ct);
        if (memberIds.Any(id => members.All(m => m.Id != id)))
        {
            errors["MemberIds"] = "Une des personnes choisies n’est pas membre du comité produit.";
        }
        var cleanNotes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim();
        if (cleanNotes is { Length: > CommitteeSession.NotesMaxLength })
        {
            errors["Notes"] = $"Les notes ne doivent pas dépasser {CommitteeSession.NotesMaxLength} caractères.";
        }
        if (errors.Count > 0)
        {
            return Refusal.Rule(errors);
        }
        var session = new CommitteeSession { Date = date!.Value, Notes = cleanNotes };
        session.Members.AddRange(memberIds.Distinct().Select(id => new SessionMember { PersonId = id }));
        db.CommitteeSessions.Add(session);
        await db.SaveChangesAsync(ct);
        return session;
    }

    /// <summary>People who may be recorded as present: committee members and administrators.</summary>
    public Task<List<Person>> EligibleMembersAsync(CancellationToken ct) =>
        db.People.AsNoTracking()
            .Where(p => p.IsActive && ((p.Roles & GlobalRoles.MembreComite) != 0 || (p.Roles & GlobalRoles.Administrateur) != 0))
            .OrderBy(p => p.DisplayName).ToListAsync(ct);

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
