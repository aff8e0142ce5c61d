using Cap.Domain.Catalogue;
using Cap.Domain.Checklist;

namespace Cap.Web.Features.Checklist;

/// <summary>One value of the answer scale and its French label.</summary>
public sealed record ChecklistScaleValue(ChecklistAnswerValue Value, string Label);

/// <summary>What Cap knows that bears on a question: a French sentence, the Cap page it comes from, and the answer it suggests (null: none).</summary>
public sealed record ChecklistEvidenceResponse(string Sentence, string Url, ChecklistAnswerValue? Suggested, string? SuggestedLabel);

public sealed record ChecklistQuestionResponse(string Key, string Text, ChecklistEvidenceResponse? Evidence);

public sealed record ChecklistBlockResponse(string Key, string Title, string GuideUrl, IReadOnlyList<ChecklistQuestionResponse> Questions);

/// <summary>The questions an assessment answers (the current version of the catalogue) and how it is scored.</summary>
public sealed record ChecklistCatalogueResponse(int Version, string GuideUrl, string Scoring, IReadOnlyList<ChecklistScaleValue> Scale, IReadOnlyList<ChecklistBlockResponse> Blocks);

/// <summary>A product's checklist: the catalogue with Cap's evidence beside each question it knows about, and the latest assessment.</summary>
/// <param name="IsStale">The latest assessment is older than six months (or there is none).</param>
public sealed record ProductChecklistResponse(string Product, ChecklistCatalogueResponse Catalogue, ChecklistAssessmentResponse? Latest, bool IsStale);

/// <summary>One assessment in a list: date, author, overall score.</summary>
public sealed record ChecklistAssessmentSummaryResponse(int Id, int Number, DateTimeOffset AssessedAt, string AuthorName, int CatalogueVersion, int? ScorePercent, int UnknownCount);

/// <param name="ScorePercent">Oui = 1, partiellement = ½, non = 0, over the questions not answered « ne sait pas »; null when none counts.</param>
public sealed record ChecklistBlockScoreResponse(string Key, string Title, int? ScorePercent, int Counted, int Unknown);

public sealed record ChecklistAnswerResponse(string QuestionKey, string Question, string BlockKey, ChecklistAnswerValue Answer, string AnswerLabel, string? Comment);

/// <summary>One assessment, whole, with the wording of the catalogue version it answered.</summary>
public sealed record ChecklistAssessmentResponse(
    int Id, int Number, DateTimeOffset AssessedAt, string AuthorName, int CatalogueVersion, int? ScorePercent, int UnknownCount,
    IReadOnlyList<ChecklistBlockScoreResponse> Blocks, IReadOnlyList<ChecklistAnswerResponse> Answers)
{
    public static ChecklistAssessmentResponse Of(AssessmentView v) => new(
        v.Row.Id, v.Row.Number, v.Row.AssessedAt, v.Row.AuthorName, v.Row.CatalogueVersion, v.Row.ScorePercent, v.Row.UnknownCount,
        [.. v.Blocks.Select(b => new ChecklistBlockScoreResponse(b.Block.Key, b.Block.Title, b.Score.Percent, b.Score.Counted, b.Score.Unknown))],
        [.. v.Catalogue.Blocks.SelectMany(b => b.Questions.Where(q => v.Answers.ContainsKey(q.Key)).Select(q => (b, q, a: v.Answers[q.Key])))
            .Select(x => new ChecklistAnswerResponse(x.q.Key, x.q.Text, x.b.Key, x.a.Value, x.a.Value.Label(), x.a.Comment))]);
}

/// <summary>One answer of a new assessment.</summary>
/// <param name="QuestionKey">A key of the current catalogue (<c>vision-shared</c>…).</param>
/// <param name="Answer">yes, partly, no or unknown.</param>
/// <param name="Comment">Optional, at most 2000 characters.</param>
public sealed record ChecklistAnswerRequest(string? QuestionKey, ChecklistAnswerValue? Answer, string? Comment);

/// <summary>A new assessment: one answer for each of the catalogue's questions.</summary>
public sealed record ChecklistAssessmentRequest(IReadOnlyList<ChecklistAnswerRequest>? Answers);

/// <summary>A product's latest assessment for the portfolio (null fields: never assessed).</summary>
public sealed record PortfolioChecklistRow(string Slug, string Name, Phase Phase, int? AssessmentId, DateTimeOffset? AssessedAt, int? ScorePercent, int? UnknownCount, bool IsStale);

public sealed record PortfolioChecklistPage(IReadOnlyList<PortfolioChecklistRow> Items, int Total, int Page, int PageSize);
