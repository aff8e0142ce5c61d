using Cap.Data;
using Cap.Domain.Checklist;
using Cap.Web.Shared;
using Cap.Web.Shared.TagHelpers;
using Cap.Web.Shared.Auth;
using Cap.Web.Shared.Refusals;
using Microsoft.AspNetCore.Mvc;

namespace Cap.Web.Features.Checklist;

/// <summary>
/// A new assessment: the twenty questions, Cap's evidence beside those it knows about. « Reprendre les suggestions de
/// Cap » fills the questions still unanswered with Cap's suggestions and shows the form again, marked, without saving:
/// only « Enregistrer » saves, and only a whole assessment.
/// </summary>
public sealed class NewModel(CapDbContext db, CurrentUser currentUser, ChecklistQueries queries, ChecklistRecorder recorder) : ProductPageModel(db, currentUser)
{
    public override string TabKey => "checklist";
    protected override string PageTitle => "Nouvelle auto-évaluation";

    public ChecklistCatalogue Catalogue { get; } = ChecklistCatalogue.Current;
    public IReadOnlyDictionary<string, ChecklistEvidence> Evidence { get; private set; } = new Dictionary<string, ChecklistEvidence>();

    /// <summary>The questions whose answer was just taken from Cap's suggestion.</summary>
    public IReadOnlySet<string> Suggested { get; private set; } = new HashSet<string>();

    [BindProperty]
    public AssessmentForm Input { get; set; } = new();

    public sealed class AnswerForm
    {
        public string? QuestionKey { get; set; }
        public string? Answer { get; set; }
        public string? Comment { get; set; }
    }

    public sealed class AssessmentForm
    {
        public List<AnswerForm> Answers { get; set; } = [];
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (DeniedUnlessEditable() is { } refused)
        {
            return refused;
        }
        await PrepareAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSuggestAsync(CancellationToken ct)
    {
        if (DeniedUnlessEditable() is { } refused)
        {
            return refused;
        }
        await PrepareAsync(ct);
        var suggested = new HashSet<string>(StringComparer.Ordinal);
        foreach (var answer in Input.Answers)
        {
            if (string.IsNullOrEmpty(answer.Answer) && Evidence.GetValueOrDefault(answer.QuestionKey!)?.Suggested is { } value)
            {
                answer.Answer = value.ToString();
                suggested.Add(answer.QuestionKey!);
            }
        }
        Suggested = suggested;
        // The form shows the model (with the suggestions), not what was posted.
        ModelState.Clear();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (DeniedUnlessEditable() is { } refused)
        {
            return refused;
        }
        var answers = Input.Answers.Select(a => new ChecklistAnswerInput(a.QuestionKey,
            DsfrChoice.Parse<ChecklistAnswerValue>(a.Answer), a.Comment)).ToList();
        var result = await recorder.RecordAsync(Product.Id, Me, answers, ct);
        if (result.Refusal is { } refusal)
        {
            ModelState.AddRefusal(refusal, "Input.");
            await PrepareAsync(ct);
            Response.StatusCode = refusal.PageStatus();
            return Page();
        }
        var saved = result.Value!;
        TempData["Success"] = $"Auto-évaluation n° {saved.Number} enregistrée : score global {ChecklistDisplay.Percent(saved.ScorePercent)}{ChecklistDisplay.UnknownNote(saved.UnknownCount)}.";
        return Redirect($"/produits/{Product.Slug}/checklist/{saved.Number}");
    }

    /// <summary>Cap's evidence, and one form line per question of the catalogue, in its order (keeping what was posted).</summary>
    private async Task PrepareAsync(CancellationToken ct)
    {
        Evidence = await queries.EvidenceAsync(Product.Id, ct);
        var posted = Input.Answers.Where(a => a.QuestionKey is not null).GroupBy(a => a.QuestionKey!).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        Input.Answers = [.. Catalogue.Questions.Select(q => posted.GetValueOrDefault(q.Key) is { } a
            ? new AnswerForm { QuestionKey = q.Key, Answer = a.Answer, Comment = a.Comment }
            : new AnswerForm { QuestionKey = q.Key })];
    }
}
