using System.Globalization;
using Cap.Data;
using Cap.Domain.Checklist;
using Cap.Web.Shared;
using Cap.Web.Shared.Auth;
using Microsoft.AspNetCore.Mvc;

namespace Cap.Web.Features.Checklist;

/// <summary>One question compared: its block, wording, answers before and after (null: not in that assessment's version).</summary>
public sealed record QuestionChange(ChecklistBlock Block, ChecklistQuestion Question, ChecklistAnswer? Before, ChecklistAnswer? After)
{
    public bool Changed => Before?.Value != After?.Value || Before?.Comment != After?.Comment;
}

/// <summary>Two assessments side by side: block scores and each question, before → after, what changed said in words.</summary>
public sealed class CompareModel(CapDbContext db, CurrentUser currentUser, ChecklistQueries queries) : ProductPageModel(db, currentUser)
{
    public override string TabKey => "checklist";
    protected override string PageTitle => "Comparer deux auto-évaluations";

    [FromQuery(Name = "de")]
    public string? From { get; set; }

    [FromQuery(Name = "a")]
    public string? To { get; set; }

    public AssessmentView? Older { get; private set; }
    public AssessmentView? Newer { get; private set; }
    public IReadOnlyList<QuestionChange> Changes { get; private set; } = [];
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var history = await queries.HistoryAsync(Product.Id, ct);
        if (history.Count < 2)
        {
            Problem = "Le produit n’a pas encore deux auto-évaluations à comparer.";
            return Page();
        }
        // Without parameters: the latest against the one before.
        var from = Parse(From) ?? history[1].Number;
        var to = Parse(To) ?? history[0].Number;
        if ((From is not null && Parse(From) is null) || (To is not null && Parse(To) is null)
            || history.All(h => h.Number != from) || history.All(h => h.Number != to))
        {
            Problem = $"Choisissez deux auto-évaluations existantes, numérotées de 1 à {history[0].Number}.";
            return Page();
        }
        Older = await queries.LoadByNumberAsync(Product.Id, Math.Min(from, to), ct);
        Newer = await queries.LoadByNumberAsync(Product.Id, Math.Max(from, to), ct);
        // The newer assessment's wording; a question only the older one had comes after.
        var questions = Newer!.Catalogue.Blocks.SelectMany(b => b.Questions.Select(q => (b, q))).ToList();
        questions.AddRange(Older!.Catalogue.Blocks.SelectMany(b => b.Questions.Select(q => (b, q))).Where(x => !Newer.Catalogue.Knows(x.q.Key)));
        Changes = [.. questions.Select(x => new QuestionChange(x.b, x.q, Older.Answers.GetValueOrDefault(x.q.Key), Newer.Answers.GetValueOrDefault(x.q.Key)))];
        return Page();
    }

    private static int? Parse(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
}
