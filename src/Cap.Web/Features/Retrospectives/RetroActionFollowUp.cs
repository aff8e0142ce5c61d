using Cap.Data;
using Cap.Domain;
using Cap.Domain.Retrospectives;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Retrospectives;

/// <summary>
/// The actions a retrospective decides, followed until they are done: added with an owner of the team and a due
/// date, updated, and reviewed (closed or carried) at the start of a later retrospective.
/// </summary>
public sealed class RetroActionFollowUp(CapDbContext db, TimeProvider time)
{
    public const string ConcurrencyMessage = "L’action a été modifiée par quelqu’un d’autre entre-temps : rechargez la page.";

    public async Task<Result<RetroActionView>> AddActionAsync(int productId, int id, RetroActionInput input, CancellationToken ct)
    {
        var retro = await db.Retrospectives.AsNoTracking().Where(r => r.Id == id && r.ProductId == productId).Select(r => new { r.Status, r.HeldOn }).FirstOrDefaultAsync(ct);
        if (retro is null)
        {
            return Refusal.NotFound(RetrospectiveQueries.NotFoundMessage);
        }
        var errors = new Dictionary<string, string>();
        if (RetrospectiveRules.ActionTitleError(input.Title) is { } titleError)
        {
            errors[nameof(input.Title)] = titleError;
        }
        await CheckOwnerAndDueAsync(productId, input.OwnerPersonId, input.DueDate, retro.HeldOn, errors, ct);
        if (errors.Count > 0)
        {
            return Refusal.Rule(errors);
        }
        if (retro.Status == RetrospectiveStatus.Closed)
        {
            return Refusal.Conflict(RetrospectiveRules.Closed);
        }
        var action = new RetroAction { ProductId = productId, RetrospectiveId = id, Title = input.Title!.Trim(), OwnerPersonId = input.OwnerPersonId!.Value, DueDate = input.DueDate };
        db.RetroActions.Add(action);
        await db.SaveChangesAsync(ct);
        return (await ActionAsync(action.Id, ct))!;
    }

    /// <summary>Changes an action of this retrospective: status, owner, due date (kept when not given).</summary>
    public async Task<Result<RetroActionView>> UpdateActionAsync(int productId, int id, int actionId, RetroActionUpdate input, CancellationToken ct)
    {
        var action = await db.RetroActions.Include(a => a.Retrospective).FirstOrDefaultAsync(a => a.Id == actionId && a.RetrospectiveId == id && a.ProductId == productId, ct);
        if (action is null)
        {
            return Refusal.NotFound(RetrospectiveQueries.NotFoundMessage);
        }
        var errors = new Dictionary<string, string>();
        var status = input.Status ?? action.Status;
        if (!Enum.IsDefined(status))
        {
            errors[nameof(input.Status)] = "Choisissez le statut : à faire, en cours, réalisée ou abandonnée.";
        }
        var owner = input.OwnerPersonId ?? action.OwnerPersonId;
        var due = input.DueDate ?? action.DueDate;
        if (input.OwnerPersonId is not null || input.DueDate is not null)
        {
            await CheckOwnerAndDueAsync(productId, owner, input.DueDate, action.Retrospective!.HeldOn, errors, ct);
        }
        if (errors.Count > 0)
        {
            return Refusal.Rule(errors);
        }
        if (input.Version is { } v && v != action.Version)
        {
            return Refusal.Conflict(ConcurrencyMessage);
        }
        SetStatus(action, status);
        action.OwnerPersonId = owner;
        action.DueDate = due;
        return await SaveActionAsync(action, ct);
    }

    /// <summary>Closes (done, abandoned) or carries an open action of an earlier retrospective, at the start of this one.</summary>
    public async Task<Result<RetroActionView>> ReviewAsync(int productId, int id, int actionId, ActionReviewInput input, CancellationToken ct)
    {
        var retro = await db.Retrospectives.AsNoTracking().Where(r => r.Id == id && r.ProductId == productId).Select(r => new { r.Id, r.HeldOn, r.Status }).FirstOrDefaultAsync(ct);
        var action = retro is null ? null : await db.RetroActions.Include(a => a.Retrospective).FirstOrDefaultAsync(a => a.Id == actionId && a.ProductId == productId, ct);
        if (retro is null || action is null)
        {
            return Refusal.NotFound(RetrospectiveQueries.NotFoundMessage);
        }
        if (input.Outcome is not { } outcome || !Enum.IsDefined(outcome))
        {
            return Refusal.Rule(nameof(input.Outcome), "Choisissez : réalisée, abandonnée ou reportée.");
        }
        var current = new RetrospectiveFacts(retro.Id, retro.HeldOn);
        var decidedIn = new RetrospectiveFacts(action.RetrospectiveId, action.Retrospective!.HeldOn);
        if (RetrospectiveRules.ReviewError(new ActionFacts(action.Id, action.RetrospectiveId, decidedIn.HeldOn, action.Status, action.CarriedToRetrospectiveId), current, decidedIn) is { } error)
        {
            return Refusal.Conflict(error, nameof(input.Outcome));
        }
        if (retro.Status == RetrospectiveStatus.Closed)
        {
            return Refusal.Conflict(RetrospectiveRules.Closed);
        }
        SetStatus(action, RetrospectiveRules.StatusAfter(outcome, action.Status));
        if (outcome == ActionReview.Carry)
        {
            action.CarriedToRetrospectiveId = id;
        }
        return await SaveActionAsync(action, ct);
    }

    private async Task CheckOwnerAndDueAsync(int productId, int? owner, DateOnly? due, DateOnly heldOn, Dictionary<string, string> errors, CancellationToken ct)
    {
        var team = owner is null ? [] : await db.TeamMembers.Where(m => m.ProductId == productId && m.PersonId == owner).Select(m => m.PersonId).ToListAsync(ct);
        if (RetrospectiveRules.OwnerError(owner, team) is { } ownerError)
        {
            errors[nameof(RetroActionInput.OwnerPersonId)] = ownerError;
        }
        if (RetrospectiveRules.DueDateError(due, heldOn) is { } dueError)
        {
            errors[nameof(RetroActionInput.DueDate)] = dueError;
        }
    }

    private void SetStatus(RetroAction action, RetroActionStatus status)
    {
        if (status == action.Status)
        {
            return;
        }
        action.Status = status;
        action.ClosedAt = RetrospectiveRules.IsOpen(status) ? null : time.GetUtcNow();
    }

    private async Task<Result<RetroActionView>> SaveActionAsync(RetroAction action, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Refusal.Conflict(ConcurrencyMessage);
        }
        return (await ActionAsync(action.Id, ct))!;
    }

    private Task<RetroActionView?> ActionAsync(int id, CancellationToken ct) =>
        RetrospectiveQueries.Actions(db.RetroActions.AsNoTracking().Where(a => a.Id == id)).FirstOrDefaultAsync(ct);
}
