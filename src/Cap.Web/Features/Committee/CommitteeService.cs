using Cap.Data;
using Cap.Domain.Catalogue;
using Cap.Domain.Committee;
using Cap.Domain.LifeCycle;
using Cap.Domain.Platform;
using Cap.Web.Features.LifeCycle;
using Cap.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Committee;

/// <summary>The outcome of a committee command: the value, or errors by field with the HTTP status they deserve (409 or 422).</summary>
public sealed record CommitteeResult<T>(T? Value, Dictionary<string, string> Errors, int Status = StatusCodes.Status200OK)
{
    public bool Succeeded => Errors.Count == 0;
    public static CommitteeResult<T> Ok(T value) => new(value, []);
    public static CommitteeResult<T> Invalid(Dictionary<string, string> errors) => new(default, errors, StatusCodes.Status422UnprocessableEntity);
    public static CommitteeResult<T> Conflict(string key, string message) => new(default, new() { [key] = message }, StatusCodes.Status409Conflict);
    public static CommitteeResult<T> Invalid(string key, string message) => Invalid(new Dictionary<string, string> { [key] = message });
}

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
public sealed class CommitteeService(CapDbContext db, LifeCycleService lifeCycle, TimeProvider time)
{
    public const string ConcurrencyMessage = "La demande a été modifiée par quelqu’un d’autre entre-temps : rechargez la page.";

    public DateOnly Today => DateOnly.FromDateTime(Dates.ToParis(time.GetUtcNow()).DateTime);

    public Task<bool> HasOpenRequestAsync(int productId, CancellationToken ct) =>
        db.GateRequests.AnyAsync(r => r.ProductId == productId
            && (r.Status == GateRequestStatus.Brouillon || r.Status == GateRequestStatus.Soumise || r.Status == GateRequestStatus.Inscrite), ct);

    public async Task<CommitteeResult<GateRequest>> CreateRequestAsync(int productId, Phase current, GateRequestInput input, bool submit, Person author, CancellationToken ct)
    {
        if (await HasOpenRequestAsync(productId, ct))
        {
            return CommitteeResult<GateRequest>.Conflict(string.Empty, GateRules.DuplicateOpenRequest);
        }
        var errors = GateRules.ValidateRequest(current, input, Today);
        if (errors.Count > 0)
        {
            return CommitteeResult<GateRequest>.Invalid(errors);
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
            return CommitteeResult<GateRequest>.Conflict(string.Empty, GateRules.DuplicateOpenRequest);
        }
        return CommitteeResult<GateRequest>.Ok(request);
    }

    public Task<CommitteeResult<GateRequest>> SubmitAsync(GateRequest request, CancellationToken ct) =>
        ChangeAsync(request, GateRules.SubmitRefusal(request.Status), r =>
        {
            r.Status = GateRequestStatus.Soumise;
            r.SubmittedAt = time.GetUtcNow();
        }, ct);

    public Task<CommitteeResult<GateRequest>> WithdrawAsync(GateRequest request, CancellationToken ct) =>
        ChangeAsync(request, GateRules.WithdrawRefusal(request.Status), r =>
        {
            r.Status = GateRequestStatus.Retiree;
            r.SessionId = null;
        }, ct);

    public Task<CommitteeResult<GateRequest>> ScheduleAsync(GateRequest request, CommitteeSession session, CancellationToken ct) =>
        ChangeAsync(request, GateRules.ScheduleRefusal(request.Status, session.Status), r =>
        {
            r.Status = GateRequestStatus.Inscrite;
            r.SessionId = session.Id;
        }, ct);

    public Task<CommitteeResult<GateRequest>> UnscheduleAsync(GateRequest request, CancellationToken ct) =>
        ChangeAsync(request, GateRules.UnscheduleRefusal(request.Status), r =>
        {
            r.Status = GateRequestStatus.Soumise;
            r.SessionId = null;
        }, ct);

    private async Task<CommitteeResult<GateRequest>> ChangeAsync(GateRequest request, string? refusal, Action<GateRequest> change, CancellationToken ct)
    {
        if (refusal is not null)
        {
            return CommitteeResult<GateRequest>.Conflict(string.Empty, refusal);
        }
        change(request);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommitteeResult<GateRequest>.Conflict(string.Empty, ConcurrencyMessage);
        }
        return CommitteeResult<GateRequest>.Ok(request);
    }

    public async Task<CommitteeResult<CommitteeSession>> PlanSessionAsync(DateOnly? date, IReadOnlyCollection<int> memberIds, string? notes, CancellationToken ct)
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
            return CommitteeResult<CommitteeSession>.Invalid(errors);
        }
        var session = new CommitteeSession { Date = date!.Value, Notes = cleanNotes };
        session.Members.AddRange(memberIds.Distinct().Select(id => new SessionMember { PersonId = id }));
        db.CommitteeSessions.Add(session);
        await db.SaveChangesAsync(ct);
        return CommitteeResult<CommitteeSession>.Ok(session);
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
    public async Task<CommitteeResult<RecordedDecision>> DecideAsync(GateRequest request, DecisionInput input, GateDecision? corrects, Person decider, CancellationToken ct)
    {
        if (GateRules.ReviewRefusal(request.Status, corrects is not null) is { } refusal)
        {
            return CommitteeResult<RecordedDecision>.Conflict(string.Empty, refusal);
        }
        var product = await db.Products.FirstAsync(p => p.Id == request.ProductId, ct);
        if (corrects is not null && await db.GateDecisions.AnyAsync(d => d.ProductId == request.ProductId && d.Id > corrects.Id, ct))
        {
            return CommitteeResult<RecordedDecision>.Conflict(string.Empty, GateRules.OvertakenCorrectionRefusal);
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
            return CommitteeResult<RecordedDecision>.Invalid(errors);
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
                if (lifeCycle.StageMove(product, after, PhaseChangeKind.CommitteeDecision, decider.DisplayName, reason: null, gateDecisionId: decision.Id) is { } moveRefusal)
                {
                    await transaction.RollbackAsync(ct);
                    db.ChangeTracker.Clear();
                    return CommitteeResult<RecordedDecision>.Invalid(nameof(DecisionInput.Outcome), moveRefusal);
                }
                await db.SaveChangesAsync(ct);
            }
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return CommitteeResult<RecordedDecision>.Conflict(string.Empty, "La demande ou le produit a été modifié pendant l’examen (une autre décision a peut-être été enregistrée) : rechargez la page.");
        }
        return CommitteeResult<RecordedDecision>.Ok(new RecordedDecision(decision, before, after));
    }

    public async Task<CommitteeResult<GateCondition>> DeclareMetAsync(GateCondition condition, string? evidence, string? link, Person person, CancellationToken ct)
    {
        if (GateRules.DeclareMetRefusal(condition.Status, evidence, link) is { } refusal)
        {
            return condition.Status == ConditionStatus.Ouverte
                ? CommitteeResult<GateCondition>.Invalid("Evidence", refusal)
                : CommitteeResult<GateCondition>.Conflict(string.Empty, refusal);
        }
        condition.Status = ConditionStatus.LeveeDeclaree;
        condition.Evidence = string.IsNullOrWhiteSpace(evidence) ? null : evidence.Trim();
        condition.EvidenceLink = string.IsNullOrWhiteSpace(link) ? null : link.Trim();
        condition.DeclaredAt = time.GetUtcNow();
        condition.DeclaredByName = person.DisplayName;
        return await SaveConditionAsync(condition, ct);
    }

    public async Task<CommitteeResult<GateCondition>> ConfirmAsync(GateCondition condition, Person person, CancellationToken ct)
    {
        if (GateRules.ConfirmRefusal(condition.Status) is { } refusal)
        {
            return CommitteeResult<GateCondition>.Conflict(string.Empty, refusal);
        }
        condition.Status = ConditionStatus.Confirmee;
        condition.ConfirmedAt = time.GetUtcNow();
        condition.ConfirmedByName = person.DisplayName;
        return await SaveConditionAsync(condition, ct);
    }

    public async Task<CommitteeResult<GateCondition>> ReopenAsync(GateCondition condition, CancellationToken ct)
    {
        if (GateRules.ReopenRefusal(condition.Status) is { } refusal)
        {
            return CommitteeResult<GateCondition>.Conflict(string.Empty, refusal);
        }
        condition.Status = ConditionStatus.Ouverte;
        condition.DeclaredAt = null;
        condition.DeclaredByName = null;
        return await SaveConditionAsync(condition, ct);
    }

    private async Task<CommitteeResult<GateCondition>> SaveConditionAsync(GateCondition condition, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommitteeResult<GateCondition>.Conflict(string.Empty, "La condition a été modifiée par quelqu’un d’autre entre-temps : rechargez la page.");
        }
        return CommitteeResult<GateCondition>.Ok(condition);
    }
}
