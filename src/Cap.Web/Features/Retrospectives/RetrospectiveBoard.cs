using System.Globalization;
using Cap.Data;
using Cap.Domain;
using Cap.Domain.Retrospectives;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Retrospectives;

/// <summary>
/// Holds a retrospective: opens it (free, or for an iteration that has none), takes the team's items, closes it. Each
/// command checks the rules (<see cref="RetrospectiveRules"/>) first and saves once, so a refused command leaves
/// nothing behind: its <see cref="Refusal"/> is a rule's, a conflict (an iteration already held, a closed
/// retrospective) or not found.
/// </summary>
public sealed class RetrospectiveBoard(CapDbContext db, TimeProvider time)
{
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
            return Refusal.NotFound(RetrospectiveQueries.NotFoundMessage);
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

    public async Task<Result<bool>> CloseAsync(int productId, int id, CancellationToken ct)
    {
        var retro = await db.Retrospectives.FirstOrDefaultAsync(r => r.Id == id && r.ProductId == productId, ct);
        if (retro is null)
        {
            return Refusal.NotFound(RetrospectiveQueries.NotFoundMessage);
        }
        if (retro.Status == RetrospectiveStatus.Closed)
        {
            return Refusal.Conflict("La rétrospective est déjà close.");
        }
        retro.Status = RetrospectiveStatus.Closed;
        await db.SaveChangesAsync(ct);
        return true;
    }
}
