using System.Globalization;
using Cap.Data;
using Cap.Domain;
using Cap.Domain.Iterations;
using Cap.Domain.Roadmap;
using Cap.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Iterations;

/// <summary>
/// Reads and writes a product's iterations for the pages and the API alike. Every command loads what it needs, checks
/// everything, then saves once (one transaction): a refused command leaves nothing behind. Its <see cref="Refusal"/> is
/// a rule's (messages by field), a conflict (a stale version, a deletion something depends on) or not found.
/// </summary>
public sealed class IterationService(CapDbContext db, TimeProvider time)
{
    public DateOnly Today => time.ParisToday();

    private static string Day(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    // ---- Reads ---------------------------------------------------------------------------------------

    public async Task<IterationListView> ListAsync(int productId, string slug, CancellationToken ct)
    {
        var today = Today;
        var rows = await db.Iterations.AsNoTracking().Where(i => i.ProductId == productId).OrderByDescending(i => i.Number)
            .Select(i => new
            {
                i.Id, i.Number, i.Start, i.End, i.Goal, i.Phase, i.ReviewedAt, i.Version,
                Count = i.Initiatives.Count,
                RetroId = db.Retrospectives.Where(r => r.IterationId == i.Id).Select(r => (int?)r.Id).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var items = rows.Select(r => new IterationSummary(r.Id, r.Number, r.Start, r.End, r.End.DayNumber - r.Start.DayNumber + 1, r.Goal, r.Phase,
            IterationRules.State(r.Start, r.End, today), r.ReviewedAt is not null, r.RetroId, r.Count, r.Version)).ToList();
        var cadence = IterationRules.Cadence(items.Select(i => (i.Start, i.End, i.RetrospectiveId is not null)).ToList(), today);
        return new IterationListView(slug, items, CadenceView.From(cadence));
    }

    /// <summary>The cadence alone, for the product page.</summary>
    public async Task<CadenceView> CadenceAsync(int productId, CancellationToken ct)
    {
        var rows = await db.Iterations.AsNoTracking().Where(i => i.ProductId == productId)
            .Select(i => new { i.Start, i.End, HasRetro = db.Retrospectives.Any(r => r.IterationId == i.Id) })
            .ToListAsync(ct);
        return CadenceView.From(IterationRules.Cadence(rows.Select(r => (r.Start, r.End, r.HasRetro)).ToList(), Today));
    }

    public async Task<IterationDetailView?> GetAsync(int productId, string slug, int number, CancellationToken ct)
    {
        var it = await db.Iterations.AsNoTracking().FirstOrDefaultAsync(i => i.ProductId == productId && i.Number == number, ct);
        if (it is null)
        {
            return null;
        }
        var work = await db.IterationInitiatives.AsNoTracking().Where(w => w.IterationId == it.Id).OrderBy(w => w.Id)
            .Select(w => new
            {
                w.Id, w.InitiativeId, w.Initiative!.Title, w.Initiative.Kind, ObjectiveTitle = w.Initiative.Objective!.Title, w.Outcome,
                CarriedFromNumber = w.CarriedFromId == null ? null : db.IterationInitiatives.Where(p => p.Id == w.CarriedFromId).Select(p => (int?)p.Iteration!.Number).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var links = await db.IterationFeedbackLinks.AsNoTracking().Where(l => l.IterationId == it.Id).OrderBy(l => l.Id)
            .Select(l => new
            {
                l.Id, l.FeedbackAnswerId, l.Note,
                Answer = db.FeedbackAnswers.Where(a => a.Id == l.FeedbackAnswerId).Select(a => new { a.Comment, a.Day }).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var retro = await db.Retrospectives.AsNoTracking().Where(r => r.IterationId == it.Id).Select(r => (int?)r.Id).FirstOrDefaultAsync(ct);
        var neighbours = await db.Iterations.AsNoTracking().Where(i => i.ProductId == productId && (i.Number == number - 1 || i.Number == number + 1))
            .Select(i => i.Number).ToListAsync(ct);
        return new IterationDetailView(it.Id, slug, it.Number, it.Start, it.End, it.End.DayNumber - it.Start.DayNumber + 1, it.Goal, it.Phase,
            IterationRules.State(it.Start, it.End, Today),
            work.Select(w => new IterationWorkView(w.Id, w.InitiativeId, w.Title, w.Kind.Label(), w.ObjectiveTitle, w.Outcome, w.CarriedFromNumber)).ToList(),
            new IterationReviewView(it.ReviewDelivered, it.ReviewLearned, it.ReviewFeedback, it.DemoDate, it.DemoAudience, it.ReviewedAt,
                links.Select(l => new FeedbackLinkView(l.Id, l.FeedbackAnswerId, l.Answer?.Comment, l.Answer?.Day, l.Note)).ToList()),
            retro, neighbours.Contains(number - 1) ? number - 1 : null, neighbours.Contains(number + 1) ? number + 1 : null, it.Version);
    }

    /// <summary>Initiatives of the product's roadmap that can be chosen, most recent periods first.</summary>
    public async Task<List<(int Id, string Title, string Status)>> ChoosableInitiativesAsync(int productId, CancellationToken ct) =>
        (await db.Initiatives.AsNoTracking().Where(i => i.ProductId == productId)
            .OrderByDescending(i => i.Status == InitiativeStatus.InProgress).ThenByDescending(i => i.Start).ThenBy(i => i.Id).Take(200)
            .Select(i => new { i.Id, i.Title, i.Status }).ToListAsync(ct))
        .Select(i => (i.Id, i.Title, i.Status.Label())).ToList();

    /// <summary>The product's most recent verbatims (comments not hidden by the team), to link from a review.</summary>
    public async Task<List<(long Id, DateOnly Day, string Comment)>> RecentVerbatimsAsync(int productId, IEnumerable<long> alsoIds, CancellationToken ct)
    {
        var also = alsoIds.ToList();
        var hidden = db.VerbatimModerations.Where(m => m.ProductId == productId && m.IsHidden).Select(m => m.AnswerId);
        var recent = await db.FeedbackAnswers.AsNoTracking()
            .Where(a => a.ProductId == productId && a.Comment != null && a.Comment != "" && !hidden.Contains(a.Id))
            .OrderByDescending(a => a.Day).ThenByDescending(a => a.Id).Take(12)
            .Select(a => new { a.Id, a.Day, a.Comment }).ToListAsync(ct);
        var missing = also.Where(id => recent.All(r => r.Id != id)).ToList();
        if (missing.Count > 0)
        {
            recent.AddRange(await db.FeedbackAnswers.AsNoTracking().Where(a => a.ProductId == productId && missing.Contains(a.Id))
                .Select(a => new { a.Id, a.Day, a.Comment }).ToListAsync(ct));
        }
        return recent.Select(a => (a.Id, a.Day, a.Comment ?? string.Empty)).ToList();
    }

    /// <summary>Dates offered for the next iteration.</summary>
    public async Task<(DateOnly Start, DateOnly End)> SuggestedDatesAsync(int productId, CancellationToken ct)
    {
        var lastEnd = await db.Iterations.Where(i => i.ProductId == productId).OrderByDescending(i => i.Number).Select(i => (DateOnly?)i.End).FirstOrDefaultAsync(ct);
        return IterationRules.SuggestedDates(lastEnd, Today);
    }

    // ---- Plan and edit -------------------------------------------------------------------------------

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
            return StaleVersion(errors);
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
            await ReleaseCarryAsync(w, ct);
            it.Initiatives.Remove(w);
            db.IterationInitiatives.Remove(w);
        }
        foreach (var id in wanted.Where(id => it.Initiatives.All(w => w.InitiativeId != id)))
        {
            it.Initiatives.Add(new IterationInitiative { ProductId = productId, InitiativeId = id });
        }
        TouchVersion(it);
        return await CommitAsync(it, ct);
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
            await ReleaseCarryAsync(w, ct);
        }
        db.Iterations.Remove(it);
        return await CommitAsync(it, ct);
    }

    // ---- Review and carry-over -----------------------------------------------------------------------

    public async Task<Result<IterationSaved>> ReviewAsync(int productId, int number, ReviewInput input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        var it = await db.Iterations.Include(i => i.Initiatives).Include(i => i.FeedbackLinks)
            .FirstOrDefaultAsync(i => i.ProductId == productId && i.Number == number, ct);
        if (it is null)
        {
            return Refusal.NotFound($"L’itération {number} n’existe pas pour ce produit.");
        }
        if (Today < it.Start)
        {
            errors["Delivered"] = $"La revue se tient à la fin de l’itération : celle-ci commence le {Day(it.Start)}.";
        }
        var delivered = Text.Clean(input.Delivered);
        if (delivered is null)
        {
            errors.TryAdd("Delivered", "Dites ce qui a été livré pendant l’itération (même « rien », avec la raison).");
        }
        MaxLength(errors, "Delivered", delivered, Iteration.TextMaxLength, "Ce qui a été livré");
        var learned = Text.Clean(input.Learned);
        MaxLength(errors, "Learned", learned, Iteration.TextMaxLength, "Ce qui a été appris");
        var feedback = Text.Clean(input.Feedback);
        MaxLength(errors, "Feedback", feedback, Iteration.TextMaxLength, "Les retours des usagers");
        var audience = Text.Clean(input.DemoAudience);
        MaxLength(errors, "DemoAudience", audience, Iteration.AudienceMaxLength, "Le public de la démonstration");
        if (audience is not null && input.DemoDate is null)
        {
            errors["DemoDate"] = "Saisissez la date de la démonstration, ou videz son public.";
        }
        var answerIds = input.FeedbackAnswerIds.Distinct().ToList();
        var ownAnswers = await db.FeedbackAnswers.AsNoTracking().Where(a => a.ProductId == productId && answerIds.Contains(a.Id)).CountAsync(ct);
        if (ownAnswers != answerIds.Count)
        {
            errors["FeedbackAnswerIds"] = "Un des verbatims choisis n’est pas un verbatim de ce produit.";
        }
        foreach (var o in input.Outcomes)
        {
            var row = it.Initiatives.FirstOrDefault(w => w.Id == o.RowId);
            if (row is null)
            {
                errors["Outcomes"] = "Une des initiatives jugées n’est pas travaillée dans cette itération.";
            }
            else if (o.Outcome is not (IterationWorkOutcome.Pending or IterationWorkOutcome.Done or IterationWorkOutcome.NotDone) && o.Outcome != row.Outcome)
            {
                errors["Outcomes"] = "Jugez chaque initiative : à juger, terminée ou non terminée (le report se fait avec « Reporter sur l’itération suivante »).";
            }
            else if (row.Outcome == IterationWorkOutcome.CarriedOver && o.Outcome != IterationWorkOutcome.CarriedOver)
            {
                errors["Outcomes"] = "Une initiative reportée sur l’itération suivante le reste : retirez-la d’abord de l’itération suivante.";
            }
        }
        if (input.Version is { } v && v != it.Version)
        {
            return StaleVersion(errors);
        }
        if (errors.Count > 0)
        {
            return Refusal.Rule(errors);
        }
        it.ReviewDelivered = delivered;
        it.ReviewLearned = learned;
        it.ReviewFeedback = feedback;
        it.DemoDate = input.DemoDate;
        it.DemoAudience = audience;
        it.ReviewedAt = time.GetUtcNow();
        foreach (var o in input.Outcomes)
        {
            it.Initiatives.First(w => w.Id == o.RowId).Outcome = o.Outcome!.Value;
        }
        foreach (var link in it.FeedbackLinks.Where(l => l.FeedbackAnswerId is { } id && !answerIds.Contains(id)).ToList())
        {
            it.FeedbackLinks.Remove(link);
            db.IterationFeedbackLinks.Remove(link);
        }
        foreach (var id in answerIds.Where(id => it.FeedbackLinks.All(l => l.FeedbackAnswerId != id)))
        {
            it.FeedbackLinks.Add(new IterationFeedbackLink { ProductId = productId, FeedbackAnswerId = id });
        }
        TouchVersion(it);
        return await CommitAsync(it, ct);
    }

    /// <summary>
    /// Carries the unfinished initiatives (all, or the rows listed) into the next iteration; plans that one (same length,
    /// from the next day) when it does not exist yet.
    /// </summary>
    public async Task<Result<IterationSaved>> CarryOverAsync(int productId, int number, CarryOverInput input, CancellationToken ct)
    {
        string? planned = null;
        var it = await db.Iterations.Include(i => i.Initiatives).FirstOrDefaultAsync(i => i.ProductId == productId && i.Number == number, ct);
        if (it is null)
        {
            return Refusal.NotFound($"L’itération {number} n’existe pas pour ce produit.");
        }
        if (input.Version is { } v && v != it.Version)
        {
            return Refusal.Conflict("L’itération a été modifiée depuis votre lecture : rechargez la page.");
        }
        var next = await db.Iterations.Include(i => i.Initiatives).FirstOrDefaultAsync(i => i.ProductId == productId && i.Number == number + 1, ct);
        if (next is null)
        {
            var start = it.End.AddDays(1);
            next = new Iteration
            {
                ProductId = productId, Number = number + 1, Start = start, End = start.AddDays(it.End.DayNumber - it.Start.DayNumber),
                Goal = $"Terminer le travail reporté de l’itération {number}.",
                Phase = await db.Products.Where(p => p.Id == productId).Select(p => p.Phase).FirstAsync(ct),
            };
            db.Iterations.Add(next);
            planned = $"L’itération {next.Number} est planifiée du {Day(next.Start)} au {Day(next.End)} pour recevoir le travail reporté : précisez son objectif.";
        }
        var (error, _) = IterationRules.CarryOver(it, next, input.RowIds.Count == 0 ? null : input.RowIds.Distinct().ToList());
        if (error is not null)
        {
            db.ChangeTracker.Clear();
            return Refusal.Rule(nameof(input.RowIds), error);
        }
        TouchVersion(it);
        if (next.Id != 0)
        {
            TouchVersion(next);
        }
        var saved = await CommitAsync(it, ct);
        return saved.Succeeded ? new IterationSaved(next.Number, planned) : saved;
    }

    // ---- Helpers -------------------------------------------------------------------------------------

    /// <summary>A row carried in and now removed: the earlier iteration's row is no longer carried, only unfinished.</summary>
    private async Task ReleaseCarryAsync(IterationInitiative row, CancellationToken ct)
    {
        if (row.CarriedFromId is { } fromId && await db.IterationInitiatives.FirstOrDefaultAsync(w => w.Id == fromId, ct) is { } from
            && from.Outcome == IterationWorkOutcome.CarriedOver)
        {
            from.Outcome = IterationWorkOutcome.NotDone;
        }
    }

    /// <summary>Child rows changed: the iteration's version moves too, so concurrent edits are caught.</summary>
    private void TouchVersion(Iteration it)
    {
        if (db.Entry(it).State == EntityState.Unchanged)
        {
            db.Entry(it).State = EntityState.Modified;
        }
    }

    /// <summary>A stale version: the conflict's message goes with the other messages found, for the form to show them all.</summary>
    private static Refusal StaleVersion(Dictionary<string, string> errors)
    {
        errors[string.Empty] = "L’itération a été modifiée par quelqu’un d’autre pendant votre saisie : rechargez la page, vos valeurs sont conservées ci-dessous.";
        return new Refusal(RefusalKind.Conflict, errors);
    }

    private async Task<Result<IterationSaved>> CommitAsync(Iteration it, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Refusal.Conflict("L’itération a été modifiée par quelqu’un d’autre pendant votre saisie : rechargez la page.");
        }
        catch (DbUpdateException)
        {
            // A unique number or (iteration, initiative) taken by a simultaneous write.
            db.ChangeTracker.Clear();
            return Refusal.Conflict("Une autre modification des itérations de ce produit vient d’être enregistrée : rechargez la page et recommencez.");
        }
        return new IterationSaved(it.Number);
    }

    private static void MaxLength(Dictionary<string, string> errors, string field, string? value, int max, string what)
    {
        if (value is not null && value.Length > max)
        {
            errors[field] = $"{what} ne doit pas dépasser {max} caractères (actuellement {value.Length}).";
        }
    }

}
