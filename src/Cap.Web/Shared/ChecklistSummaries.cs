using Cap.Data;
using Cap.Domain.Checklist;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Shared;

/// <summary>A product's latest checklist assessment as the portfolio reads it: its date and overall score, from its own row.</summary>
/// <param name="ScorePercent">Overall score in percent; null when every answer was « ne sait pas ».</param>
public sealed record ChecklistSummary(int ProductId, int AssessmentId, int Number, DateTimeOffset AssessedAt, string AuthorName, int? ScorePercent, int UnknownCount);

/// <summary>The latest assessment with the score of each block (for the committee's evidence pack).</summary>
public sealed record ChecklistLatest(ChecklistSummary Summary, IReadOnlyList<(ChecklistBlock Block, ChecklistScore Score)> Blocks);

/// <summary>
/// The latest checklist assessment of products, shared by the checklist tab, the committee's evidence pack and the
/// portfolio. One query for any number of products: the overall score and date are kept on the assessment row and the
/// latest is the highest number, read through the unique (product, number) index.
/// </summary>
public sealed class ChecklistSummaries(CapDbContext db)
{
    /// <param name="productIds">The products asked about; null for every product.</param>
    public async Task<IReadOnlyDictionary<int, ChecklistSummary>> LatestAsync(IReadOnlyCollection<int>? productIds, CancellationToken ct)
    {
        var rows = await Latest(productIds)
            .Select(a => new ChecklistSummary(a.ProductId, a.Id, a.Number, a.AssessedAt, a.AuthorName, a.ScorePercent, a.UnknownCount))
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.ProductId);
    }

    /// <summary>The latest assessments, as a query to compose with others (one row per product that has one).</summary>
    public IQueryable<ChecklistAssessment> Latest(IReadOnlyCollection<int>? productIds)
    {
        var all = db.ChecklistAssessments.AsNoTracking();
        if (productIds is not null)
        {
            all = all.Where(a => productIds.Contains(a.ProductId));
        }
        return all.Where(a => a.Number == db.ChecklistAssessments.Where(b => b.ProductId == a.ProductId).Max(b => b.Number));
    }

    /// <summary>A product's latest assessment with its block scores, or null when it has none.</summary>
    public async Task<ChecklistLatest?> LatestWithBlocksAsync(int productId, CancellationToken ct)
    {
        var latest = await db.ChecklistAssessments.AsNoTracking().Where(a => a.ProductId == productId)
            .OrderByDescending(a => a.Number).Include(a => a.Answers).FirstOrDefaultAsync(ct);
        if (latest is null)
        {
            return null;
        }
        var catalogue = ChecklistCatalogue.Of(latest.CatalogueVersion);
        var answers = latest.Answers.ToDictionary(a => a.QuestionKey, a => a.Value, StringComparer.Ordinal);
        return new ChecklistLatest(
            new ChecklistSummary(latest.ProductId, latest.Id, latest.Number, latest.AssessedAt, latest.AuthorName, latest.ScorePercent, latest.UnknownCount),
            ChecklistRules.BlockScores(catalogue, answers));
    }
}
