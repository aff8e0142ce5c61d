using Cap.Data;
using Cap.Domain.Catalogue;
using Cap.Domain.Checklist;
using Cap.Domain.Retrospectives;
using Cap.Domain.Steering;
using Cap.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Checklist;

/// <summary>One row of a product's assessment history.</summary>
public sealed record AssessmentRow(int Id, int Number, DateTimeOffset AssessedAt, string AuthorName, int? ScorePercent, int UnknownCount, int CatalogueVersion);

/// <summary>One assessment as read: its catalogue, answers by question key, overall and block scores.</summary>
public sealed record AssessmentView(AssessmentRow Row, ChecklistCatalogue Catalogue, IReadOnlyDictionary<string, ChecklistAnswer> Answers,
    ChecklistScore Overall, IReadOnlyList<(ChecklistBlock Block, ChecklistScore Score)> Blocks)
{
    public ChecklistScore BlockScore(string blockKey) => Blocks.First(b => b.Block.Key == blockKey).Score;
}

/// <summary>The checklist as read: history, one assessment, and what Cap knows that bears on each question.</summary>
public sealed class ChecklistQueries(CapDbContext db, TimeProvider time)
{
    public const string NotFoundMessage = "Cette auto-évaluation n’existe pas pour ce produit.";

    public DateTimeOffset Now => time.GetUtcNow();

    public async Task<IReadOnlyList<AssessmentRow>> HistoryAsync(int productId, CancellationToken ct) =>
        await db.ChecklistAssessments.AsNoTracking().Where(a => a.ProductId == productId).OrderByDescending(a => a.Number)
            .Select(a => new AssessmentRow(a.Id, a.Number, a.AssessedAt, a.AuthorName, a.ScorePercent, a.UnknownCount, a.CatalogueVersion))
            .ToListAsync(ct);

    /// <summary>One assessment of the product, or null (unknown id, or another product's).</summary>
    public async Task<AssessmentView?> LoadAsync(int productId, int id, CancellationToken ct)
    {
        var a = await db.ChecklistAssessments.AsNoTracking().Include(x => x.Answers)
            .FirstOrDefaultAsync(x => x.Id == id && x.ProductId == productId, ct);
        return a is null ? null : View(a);
    }

    /// <summary>The product's assessment of that number (pages address assessments by number), or null.</summary>
    public async Task<AssessmentView?> LoadByNumberAsync(int productId, int number, CancellationToken ct)
    {
        var a = await db.ChecklistAssessments.AsNoTracking().Include(x => x.Answers)
            .FirstOrDefaultAsync(x => x.Number == number && x.ProductId == productId, ct);
        return a is null ? null : View(a);
    }

    /// <summary>The product's latest assessment, or null.</summary>
    public async Task<AssessmentView?> LatestAsync(int productId, CancellationToken ct)
    {
        var a = await db.ChecklistAssessments.AsNoTracking().Include(x => x.Answers).Where(x => x.ProductId == productId)
            .OrderByDescending(x => x.Number).FirstOrDefaultAsync(ct);
        return a is null ? null : View(a);
    }

    public static AssessmentView View(ChecklistAssessment a)
    {
        var catalogue = ChecklistCatalogue.Of(a.CatalogueVersion);
        var answers = a.Answers.ToDictionary(x => x.QuestionKey, StringComparer.Ordinal);
        var values = answers.ToDictionary(x => x.Key, x => x.Value.Value, StringComparer.Ordinal);
        return new AssessmentView(
            new AssessmentRow(a.Id, a.Number, a.AssessedAt, a.AuthorName, a.ScorePercent, a.UnknownCount, a.CatalogueVersion),
            catalogue, answers, ChecklistRules.Score(catalogue.Questions.Where(q => values.ContainsKey(q.Key)).Select(q => values[q.Key])),
            ChecklistRules.BlockScores(catalogue, values));
    }

    /// <summary>Cap's evidence for each question it knows something about, keyed by question.</summary>
    public async Task<IReadOnlyDictionary<string, ChecklistEvidence>> EvidenceAsync(int productId, CancellationToken ct) =>
        ChecklistEvidenceRules.For(await FactsAsync(productId, ct)).ToDictionary(e => e.QuestionKey, StringComparer.Ordinal);

    /// <summary>What Cap knows of the product today, read from the other capabilities' tables (their kept summaries where they have some).</summary>
    public async Task<ChecklistFacts> FactsAsync(int productId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var today = time.ParisToday();
        var quarterStart = today.AddDays(-ChecklistEvidenceRules.QuarterDays);
        var quarterInstant = now.AddDays(-ChecklistEvidenceRules.QuarterDays);

        var vision = await db.Visions.AsNoTracking().Where(v => v.ProductId == productId).OrderByDescending(v => v.Number)
            .Select(v => new { v.CreatedAt, v.ReviewedAt }).FirstOrDefaultAsync(ct);
        DateOnly? visionReviewed = vision is null ? null
            : Dates.ParisDay(vision.ReviewedAt is { } r && r > vision.CreatedAt ? r : vision.CreatedAt);

        var roles = await db.TeamMembers.AsNoTracking().Where(m => m.ProductId == productId).Select(m => m.Role).Distinct().ToListAsync(ct);

        var objectives = await db.Objectives.AsNoTracking().Where(o => o.ProductId == productId && o.Status == ObjectiveStatus.Active)
            .Select(o => db.Indicators.Any(i => i.ObjectiveId == o.Id)).ToListAsync(ct);

        var hasRoadmap = await db.Roadmaps.AnyAsync(r => r.ProductId == productId, ct);
        var revisions = hasRoadmap ? await db.RoadmapRevisions.CountAsync(r => r.ProductId == productId && r.At >= quarterInstant, ct) : 0;

        var hasForm = await db.FeedbackForms.AnyAsync(f => f.ProductId == productId, ct);
        var since = today.AddDays(-(ChecklistEvidenceRules.SatisfactionWindowDays - 1));
        var answers = hasForm
            ? await db.FeedbackDailyRollups.Where(r => r.ProductId == productId && r.Day >= since && r.Day <= today).SumAsync(r => (long?)r.Count, ct) ?? 0
            : 0;

        var iterations = await db.Iterations.AsNoTracking().Where(i => i.ProductId == productId && i.Start <= today)
            .OrderByDescending(i => i.Start).Take(ChecklistEvidenceRules.IterationsConsidered)
            .Select(i => new { i.Start, i.End }).ToListAsync(ct);

        var retros = await db.Retrospectives.AsNoTracking().Where(r => r.ProductId == productId && r.HeldOn <= today)
            .Select(r => new { r.HeldOn, r.Status }).ToListAsync(ct);
        var actionsDone = await db.RetroActions.CountAsync(a => a.ProductId == productId && a.Status == RetroActionStatus.Done
            && a.ClosedAt != null && a.ClosedAt >= quarterInstant, ct);

        return new ChecklistFacts(
            today,
            visionReviewed,
            roles.Contains(ProductRole.ResponsableProduit),
            roles.Contains(ProductRole.ResponsableMetier),
            objectives.Count,
            objectives.Count(x => x),
            hasRoadmap,
            revisions,
            hasForm,
            answers,
            [.. iterations.Select(i => i.End.DayNumber - i.Start.DayNumber + 1)],
            retros.Count(r => r.Status == RetrospectiveStatus.Closed && r.HeldOn >= quarterStart),
            retros.Count == 0 ? null : retros.Max(r => r.HeldOn),
            actionsDone);
    }

    /// <summary>The address of the Cap screen an evidence sentence comes from.</summary>
    public static string SourceUrl(string slug, EvidenceSource source) => source switch
    {
        EvidenceSource.Vision => $"/produits/{slug}/vision",
        EvidenceSource.Team => $"/produits/{slug}/equipe",
        EvidenceSource.Objectives => $"/produits/{slug}/objectifs",
        EvidenceSource.Roadmap => $"/produits/{slug}/feuille-de-route",
        EvidenceSource.Satisfaction => $"/produits/{slug}/satisfaction",
        EvidenceSource.Iterations => $"/produits/{slug}/iterations",
        EvidenceSource.Retrospectives => $"/produits/{slug}/retrospectives",
        _ => $"/produits/{slug}",
    };

    /// <summary>The French name of that screen, for the link's text.</summary>
    public static string SourceLabel(EvidenceSource source) => source switch
    {
        EvidenceSource.Vision => "Voir la vision",
        EvidenceSource.Team => "Voir l’équipe",
        EvidenceSource.Objectives => "Voir les objectifs",
        EvidenceSource.Roadmap => "Voir la feuille de route",
        EvidenceSource.Satisfaction => "Voir la satisfaction",
        EvidenceSource.Iterations => "Voir les itérations",
        EvidenceSource.Retrospectives => "Voir les rétrospectives",
        _ => "Voir",
    };
}
