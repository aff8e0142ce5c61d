using Cap.Data;
using Cap.Domain;
using Cap.Domain.Iterations;
using Cap.Web.Shared.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Cap.Web.Features.Iterations;

/// <summary>The review at the end of an iteration: delivered, learned, feedback taken into account, demo, outcomes; team only.</summary>
public sealed class ReviewModel(CapDbContext db, CurrentUser currentUser, IterationQueries queries, IterationReview review) : IterationPage(db, currentUser)
{
    protected override string PageTitle => $"Revue de l’itération {Number}";

    [FromRoute]
    public int Number { get; set; }

    [BindProperty]
    public FormInput Input { get; set; } = new();

    public IterationDetailView View { get; private set; } = default!;
    public List<(long Id, DateOnly Day, string Comment)> Verbatims { get; private set; } = [];

    public List<SelectListItem> Outcomes { get; } =
        new[] { IterationWorkOutcome.Pending, IterationWorkOutcome.Done, IterationWorkOutcome.NotDone }
            .Select(o => new SelectListItem(o.Label(), o.ToString())).ToList();

    public sealed class FormInput
    {
        public string? Delivered { get; set; }
        public string? Learned { get; set; }
        public string? Feedback { get; set; }
        public List<long> FeedbackAnswerIds { get; set; } = [];
        public string? DemoDate { get; set; }
        public string? DemoAudience { get; set; }
        public List<OutcomeInput> Outcomes { get; set; } = [];
        public int? Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (DeniedUnlessEditable() is { } stop)
        {
            return stop;
        }
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        var r = View.Review;
        Input = new FormInput
        {
            Delivered = r.Delivered, Learned = r.Learned, Feedback = r.Feedback, DemoAudience = r.DemoAudience,
            DemoDate = r.DemoDate is { } d ? Iso(d) : null,
            FeedbackAnswerIds = r.FeedbackLinks.Where(l => l.FeedbackAnswerId is not null).Select(l => l.FeedbackAnswerId!.Value).ToList(),
            Outcomes = View.Initiatives.Select(w => new OutcomeInput { RowId = w.Id, Outcome = w.Outcome }).ToList(),
            Version = View.Version,
        };
        Verbatims = await queries.RecentVerbatimsAsync(Product.Id, Input.FeedbackAnswerIds, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (DeniedUnlessEditable() is { } stop)
        {
            return stop;
        }
        ModelState.Clear();
        var input = new ReviewInput
        {
            Delivered = Input.Delivered, Learned = Input.Learned, Feedback = Input.Feedback, DemoAudience = Input.DemoAudience,
            DemoDate = ParseDate(Input.DemoDate, "DemoDate", "la date de la démonstration"),
            FeedbackAnswerIds = Input.FeedbackAnswerIds, Outcomes = Input.Outcomes.Where(o => o.Outcome is not null).ToList(), Version = Input.Version,
        };
        var result = ModelState.IsValid ? await review.ReviewAsync(Product.Id, Number, input, ct) : null;
        if (result?.Refusal?.Kind == RefusalKind.NotFound)
        {
            return NotFound();
        }
        if (result is not { Succeeded: true })
        {
            Apply(result?.Refusal);
            if (!await LoadAsync(ct))
            {
                return NotFound();
            }
            Verbatims = await queries.RecentVerbatimsAsync(Product.Id, Input.FeedbackAnswerIds, ct);
            return Page();
        }
        TempData["Success"] = $"La revue de l’itération {Number} est enregistrée.";
        return Redirect(IterationUrl(Number));
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await queries.GetAsync(Product.Id, Product.Slug, Number, ct) is not { } view)
        {
            return false;
        }
        View = view;
        return true;
    }
}
