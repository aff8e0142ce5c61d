using Cap.Data;
using Cap.Domain;
using Cap.Domain.Iterations;
using Cap.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Iterations;

/// <summary>
/// The end of an iteration: its review (what was delivered and learned, the users' feedback, each initiative judged)
/// and the carry-over of unfinished work into the next iteration. Checks everything, then saves once.
/// </summary>
public sealed class IterationReview(CapDbContext db, IterationStore store, TimeProvider time)
{
    private DateOnly Today => time.ParisToday();

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
            errors["Delivered"] = $"La revue se tient à la fin de l’itération : celle-ci commence le {IterationStore.Day(it.Start)}.";
        }
        var delivered = Text.Clean(input.Delivered);
        if (delivered is null)
        {
            errors.TryAdd("Delivered", "Dites ce qui a été livré pendant l’itération (même « rien », avec la raison).");
        }
        IterationStore.MaxLength(errors, "Delivered", delivered, Iteration.TextMaxLength, "Ce qui a été livré");
        var learned = Text.Clean(input.Learned);
        IterationStore.MaxLength(errors, "Learned", learned, Iteration.TextMaxLength, "Ce qui a été appris");
        var feedback = Text.Clean(input.Feedback);
        IterationStore.MaxLength(errors, "Feedback", feedback, Iteration.TextMaxLength, "Les retours des usagers");
        var audience = Text.Clean(input.DemoAudience);
        IterationStore.MaxLength(errors, "DemoAudience", audience, Iteration.AudienceMaxLength, "Le public de la démonstration");
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
            return IterationStore.StaleVersion(errors);
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
        store.TouchVersion(it);
        return await store.CommitAsync(it, ct);
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
            planned = $"L’itération {next.Number} est planifiée du {IterationStore.Day(next.Start)} au {IterationStore.Day(next.End)} pour recevoir le travail reporté : précisez son objectif.";
        }
        var (error, _) = IterationRules.CarryOver(it, next, input.RowIds.Count == 0 ? null : input.RowIds.Distinct().ToList());
        if (error is not null)
        {
            db.ChangeTracker.Clear();
            return Refusal.Rule(nameof(input.RowIds), error);
        }
        store.TouchVersion(it);
        if (next.Id != 0)
        {
            store.TouchVersion(next);
        }
        var saved = await store.CommitAsync(it, ct);
        return saved.Succeeded ? new IterationSaved(next.Number, planned) : saved;
    }
}
