using System.Globalization;
using Cap.Data;
using Cap.Domain;
using Cap.Domain.Retrospectives;
using Cap.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Retrospectives;

/// <summary>
/// Reads and writes a product's retrospectives for the pages, the live channel and the API alike. Each command checks
/// the rules (<see cref="RetrospectiveRules"/>) first and saves once, so a refused command leaves nothing behind: its
/// <see cref="Refusal"/> is a rule's (a field's message), a conflict (an iteration already held, a closed retrospective,
/// a stale version) or not found.
/// </summary>
public sealed class RetrospectiveService(CapDbContext db, TimeProvider time)
{
    public const string ConcurrencyMessage = "L’action a été modifiée par quelqu’un d’autre entre-temps : rechargez la page.";

    public const string NotFoundMessage = "Cette rétrospective, ou cette action, n’existe pas pour ce produit.";

    /// <summary>How far back the live channel sends rows again, whatever their id (see <see cref="NewsAsync"/>).</summary>
    public static readonly TimeSpan LiveOverlap = TimeSpan.FromSeconds(10);

    public DateOnly Today => time.ParisToday();

    // ---- Reads ---------------------------------------------------------------------------------------

    public Task<List<RetrospectiveRow>> ListAsync(int productId, CancellationToken ct) =>
        db.Retrospectives.AsNoTracking().Where(r => r.ProductId == productId)
            .OrderByDescending(r => r.HeldOn).ThenByDescending(r => r.Id)
            .Select(r => new RetrospectiveRow(r.Id, r.Title, r.HeldOn, r.Status, r.IterationId, r.Iteration != null ? (int?)r.Iteration.Number : null,
                r.Items.Count(i => i.Kind == RetroItemKind.Works), r.Items.Count(i => i.Kind == RetroItemKind.ToImprove),
                r.Actions.Count(a => a.Status == RetroActionStatus.Done), r.Actions.Count))
            .ToListAsync(ct);

    /// <summary>The share of the product's actions done, per month of the retrospective that decided them.</summary>
    public async Task<IReadOnlyList<DoneShare>> DoneSharePerMonthAsync(int productId, CancellationToken ct)
    {
        var actions = await db.RetroActions.AsNoTracking().Where(a => a.ProductId == productId)
            .Select(a => new ActionFacts(a.Id, a.RetrospectiveId, a.Retrospective!.HeldOn, a.Status, a.CarriedToRetrospectiveId))
            .ToListAsync(ct);
        return RetrospectiveRules.DoneSharePerMonth(actions);
    }

    public Task<List<TeamPersonView>> TeamAsync(int productId, CancellationToken ct) =>
        db.TeamMembers.AsNoTracking().Where(m => m.ProductId == productId)
            .OrderBy(m => m.Person!.DisplayName).Select(m => new TeamPersonView(m.PersonId, m.Person!.DisplayName))
            .ToListAsync(ct);

    /// <summary>The product's iterations that have no retrospective yet, latest first.</summary>
    public Task<List<(int Id, int Number, DateOnly Start, DateOnly End)>> IterationsWithoutRetrospectiveAsync(int productId, CancellationToken ct) =>
        db.Iterations.AsNoTracking()
            .Where(i => i.ProductId == productId && !db.Retrospectives.Any(r => r.IterationId == i.Id))
            .OrderByDescending(i => i.Start)
            .Select(i => new ValueTuple<int, int, DateOnly, DateOnly>(i.Id, i.Number, i.Start, i.End))
            .ToListAsync(ct);

    public async Task<RetrospectiveView?> LoadAsync(int productId, int id, CancellationToken ct)
    {
        var retro = await db.Retrospectives.AsNoTracking().Where(r => r.Id == id && r.ProductId == productId)
            .Select(r => new { r.Id, r.Product!.Slug, r.Title, r.HeldOn, r.Status, r.IterationId, Number = r.Iteration != null ? (int?)r.Iteration.Number : null, r.Version })
            .FirstOrDefaultAsync(ct);
        if (retro is null)
        {
            return null;
        }
        var items = await Items(db.RetroItems.AsNoTracking().Where(i => i.RetrospectiveId == id)).ToListAsync(ct);
        var actions = await Actions(db.RetroActions.AsNoTracking().Where(a => a.RetrospectiveId == id)).ToListAsync(ct);

        // Earlier retrospectives' actions still open, or carried here (kept visible as decided).
        var earlierActions = await Actions(db.RetroActions.AsNoTracking()
            .Where(a => a.ProductId == productId && a.RetrospectiveId != id
                && (a.Status == RetroActionStatus.Open || a.Status == RetroActionStatus.InProgress || a.CarriedToRetrospectiveId == id)))
            .ToListAsync(ct);
        var retros = await db.Retrospectives.AsNoTracking().Where(r => r.ProductId == productId)
            .Select(r => new { r.Id, r.HeldOn, r.Title }).ToDictionaryAsync(r => r.Id, ct);
        var facts = retros.ToDictionary(r => r.Key, r => new RetrospectiveFacts(r.Key, r.Value.HeldOn));
        var current = new RetrospectiveFacts(id, retro.HeldOn);
        var toReviewIds = RetrospectiveRules.ToReview(current,
                earlierActions.Select(a => new ActionFacts(a.Id, a.RetrospectiveId, retros[a.RetrospectiveId].HeldOn, a.Status, a.CarriedToRetrospectiveId)), facts)
            .Select(a => a.Id).ToList();
        EarlierActionView Earlier(RetroActionView a) => new(a, a.RetrospectiveId, retros[a.RetrospectiveId].Title, retros[a.RetrospectiveId].HeldOn, a.CarriedToRetrospectiveId == id);
        var toReview = toReviewIds.Select(i => Earlier(earlierActions.First(a => a.Id == i))).ToList();
        var carried = earlierActions.Where(a => a.CarriedToRetrospectiveId == id)
            .OrderBy(a => retros[a.RetrospectiveId].HeldOn).ThenBy(a => a.Id).Select(Earlier).ToList();
        return new RetrospectiveView(retro.Id, retro.Slug, retro.Title, retro.HeldOn, retro.Status, retro.IterationId, retro.Number,
            items, actions, toReview, carried, retro.Version);
    }

    /// <summary>Items and actions of a retrospective added after the given ids: the live channel's answer.</summary>
    public async Task<RetrospectiveNews?> NewsAsync(int productId, int id, int afterItem, int afterAction, CancellationToken ct)
    {
        var status = await db.Retrospectives.AsNoTracking().Where(r => r.Id == id && r.ProductId == productId)
            .Select(r => (RetrospectiveStatus?)r.Status).FirstOrDefaultAsync(ct);
        if (status is null)
        {
            return null;
        }
        // Ids are taken before commit: an item with a smaller id may become visible after a greater one was read. The
        // last seconds' rows are sent again whatever their id, and the screen ignores the ids it already shows.
        var recent = time.GetUtcNow().Add(-LiveOverlap);
        var items = await Items(db.RetroItems.AsNoTracking().Where(i => i.RetrospectiveId == id && (i.Id > afterItem || i.CreatedAt >= recent))).Take(200).ToListAsync(ct);
        var actions = await Actions(db.RetroActions.AsNoTracking().Where(a => a.RetrospectiveId == id && (a.Id > afterAction || a.CreatedAt >= recent))).Take(200).ToListAsync(ct);
        return new RetrospectiveNews(items, actions, status.Value);
    }

    private static IQueryable<RetroItemView> Items(IQueryable<RetroItem> items) =>
        items.OrderBy(i => i.Id).Select(i => new RetroItemView(i.Id, i.Kind, i.Text, i.AuthorPersonId, i.Author != null ? i.Author.DisplayName : null, i.CreatedAt));

    private static IQueryable<RetroActionView> Actions(IQueryable<RetroAction> actions) =>
        actions.OrderBy(a => a.Id).Select(a => new RetroActionView(a.Id, a.RetrospectiveId, a.Title, a.OwnerPersonId, a.Owner!.DisplayName, a.DueDate, a.Status,
            a.CarriedToRetrospectiveId, a.ClosedAt, a.Version));

    // ---- Commands ------------------------------------------------------------------------------------

    public async Task<Result<int>> CreateAsync(int productId, RetrospectiveInput input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        if (input.HeldOn is null)
        {
            errors[nameof(input.HeldOn)] = "Saisissez la date de la rétrospective sous la forme jj/mm/aaaa.";
        }
        var title = Text.Clean(input.Title);
        if (title is { Length: > Retrospective.TitleMaxLength })
        {
            errors[nameof(input.Title)] = $"Le titre ne doit pas dépasser {Retrospective.TitleMaxLength} caractères (actuellement {title.Length}).";
        }
        int? number = null;
        if (input.IterationId is { } iterationId)
        {
            number = await db.Iterations.Where(i => i.Id == iterationId && i.ProductId == productId).Select(i => (int?)i.Number).FirstOrDefaultAsync(ct);
            if (number is null)
            {
                errors[nameof(input.IterationId)] = "L’itération choisie n’est pas une itération de ce produit.";
            }
            else if (await db.Retrospectives.AnyAsync(r => r.IterationId == iterationId, ct))
            {
                return Refusal.Conflict(RetrospectiveRules.IterationTaken, nameof(input.IterationId));
            }
        }
        if (errors.Count > 0)
        {
            return Refusal.Rule(errors);
        }
        var heldOn = input.HeldOn!.Value;
        var retro = new Retrospective
        {
            ProductId = productId,
            IterationId = input.IterationId,
            HeldOn = heldOn,
            Title = title ?? (number is { } n ? $"Rétrospective de l’itération {n}" : $"Rétrospective du {heldOn.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}"),
        };
        db.Retrospectives.Add(retro);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (input.IterationId is not null)
        {
            // Two people created the iteration's retrospective at once: the unique index kept one.
            db.ChangeTracker.Clear();
            return Refusal.Conflict(RetrospectiveRules.IterationTaken, nameof(input.IterationId));
        }
        return retro.Id;
    }

    public async Task<Result<RetroItemView>> AddItemAsync(int productId, int id, RetroItemInput input, int? authorPersonId, CancellationToken ct)
    {
        var retro = await db.Retrospectives.AsNoTracking().Where(r => r.Id == id && r.ProductId == productId).Select(r => new { r.Status }).FirstOrDefaultAsync(ct);
        if (retro is null)
        {
            return Refusal.NotFound(NotFoundMessage);
        }
        var errors = new Dictionary<string, string>();
        if (input.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors[nameof(input.Kind)] = "Choisissez la colonne : « Ce qui fonctionne » ou « À améliorer ».";
        }
        if (RetrospectiveRules.ItemTextError(input.Text) is { } textError)
        {
            errors[nameof(input.Text)] = textError;
        }
        if (errors.Count > 0)
        {
            return Refusal.Rule(errors);
        }
        if (retro.Status == RetrospectiveStatus.Closed)
        {
            return Refusal.Conflict(RetrospectiveRules.Closed);
        }
        var item = new RetroItem { ProductId = productId, RetrospectiveId = id, Kind = input.Kind!.Value, Text = input.Text!.Trim(), AuthorPersonId = authorPersonId, CreatedAt = time.GetUtcNow() };
        db.RetroItems.Add(item);
        await db.SaveChangesAsync(ct);
        var author = authorPersonId is null ? null : await db.People.Where(p => p.Id == authorPersonId).Select(p => p.DisplayName).FirstOrDefaultAsync(ct);
        return new RetroItemView(item.Id, item.Kind, item.Text, item.AuthorPersonId, author, item.CreatedAt);
    }

    public async Task<Result<RetroActionView>> AddActionAsync(int productId, int id, RetroActionInput input, CancellationToken ct)
    {
        var retro = await db.Retrospectives.AsNoTracking().Where(r => r.Id == id && r.ProductId == productId).Select(r => new { r.Status, r.HeldOn }).FirstOrDefaultAsync(ct);
        if (retro is null)
        {
            return Refusal.NotFound(NotFoundMessage);
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
            return Refusal.NotFound(NotFoundMessage);
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
            return Refusal.NotFound(NotFoundMessage);
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

    public async Task<Result<bool>> CloseAsync(int productId, int id, CancellationToken ct)
    {
        var retro = await db.Retrospectives.FirstOrDefaultAsync(r => r.Id == id && r.ProductId == productId, ct);
        if (retro is null)
        {
            return Refusal.NotFound(NotFoundMessage);
        }
        if (retro.Status == RetrospectiveStatus.Closed)
        {
            return Refusal.Conflict("La rétrospective est déjà close.");
        }
        retro.Status = RetrospectiveStatus.Closed;
        await db.SaveChangesAsync(ct);
        return true;
    }

    // ---- Helpers -------------------------------------------------------------------------------------

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
        Actions(db.RetroActions.AsNoTracking().Where(a => a.Id == id)).FirstOrDefaultAsync(ct);

}
