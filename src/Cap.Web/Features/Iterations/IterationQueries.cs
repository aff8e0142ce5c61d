using Cap.Data;
using Cap.Domain;
using Cap.Domain.Iterations;
using Cap.Domain.Roadmap;
using Cap.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Iterations;

/// <summary>What the pages and the API read of a product's iterations, and what their forms offer to choose.</summary>
public sealed class IterationQueries(CapDbContext db, TimeProvider time)
{
    public DateOnly Today => time.ParisToday();

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
}
