using Cap.Data;
using Cap.Domain;
using Cap.Domain.Checklist;
using Cap.Domain.Platform;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Checklist;

/// <summary>Saves a whole assessment (page and API): validated against the current catalogue, scored, numbered, dated now.</summary>
public sealed class ChecklistRecorder(CapDbContext db, TimeProvider time)
{
    public async Task<Result<ChecklistAssessment>> RecordAsync(int productId, Person author, IReadOnlyList<ChecklistAnswerInput>? answers, CancellationToken ct)
    {
        var catalogue = ChecklistCatalogue.Current;
        var validated = ChecklistRules.Validate(catalogue, answers);
        if (validated.Refusal is { } refusal)
        {
            return refusal;
        }
        var values = validated.Value!;
        var score = ChecklistRules.Score(values.Select(a => a.Answer!.Value));
        var number = (await db.ChecklistAssessments.Where(a => a.ProductId == productId).MaxAsync(a => (int?)a.Number, ct) ?? 0) + 1;
        var assessment = new ChecklistAssessment
        {
            ProductId = productId,
            Number = number,
            CatalogueVersion = catalogue.Version,
            AssessedAt = time.GetUtcNow(),
            AuthorId = author.Id,
            AuthorName = author.DisplayName,
            ScorePercent = score.Percent,
            UnknownCount = score.Unknown,
            Answers = [.. values.Select(a => new ChecklistAnswer { ProductId = productId, QuestionKey = a.QuestionKey!, Value = a.Answer!.Value, Comment = a.Comment })],
        };
        db.ChecklistAssessments.Add(assessment);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same number taken by a simultaneous save.
            db.ChangeTracker.Clear();
            return Refusal.Conflict("Une autre auto-évaluation de ce produit vient d’être enregistrée : rechargez la page et recommencez.");
        }
        return assessment;
    }
}
