using Cap.Data;
using Cap.Domain.Compliance;
using Cap.Web.Shared;
using Cap.Web.Shared.Auth;
using Cap.Web.Shared.Refusals;
using Cap.Web.Shared.TagHelpers;
using Microsoft.AspNetCore.Mvc;

namespace Cap.Web.Features.Compliance;

/// <summary>Records the agrément de principe (/principe) or the agrément définitif with its checks (/definitif) of a request.</summary>
public sealed class SigDecisionModel(CapDbContext db, CurrentUser currentUser, SigApprovals approvals, TimeProvider time) : ProductPageModel(db, currentUser)
{
    public const string PrincipleStep = "principe";
    public const string FinalStep = "definitif";

    public override string TabKey => "conformite";
    protected override string PageTitle => IsFinal ? "Agrément définitif" : "Agrément de principe";

    [FromRoute]
    public int Id { get; set; }

    [FromRoute]
    public string Step { get; set; } = PrincipleStep;

    public bool IsFinal => Step == FinalStep;

    [BindProperty]
    public DecisionInput Input { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    public sealed class DecisionInput
    {
        public SigOutcome? Outcome { get; set; }
        public DateOnly? DecidedOn { get; set; }
        public string? Reservations { get; set; }
        /// <summary>The checks met (their names).</summary>
        public List<string> Met { get; set; } = [];
        /// <summary>One note per check, in the order of <see cref="SigCheck"/>.</summary>
        public List<string?> Notes { get; set; } = [];
    }

    public SigApproval Approval { get; private set; } = default!;

    public static IReadOnlyList<SigCheck> AllChecks { get; } = Enum.GetValues<SigCheck>();

    public static IReadOnlyList<DsfrChoice> Outcomes { get; } = DsfrChoice.Of<SigOutcome>(o => o.Label());

    public static IReadOnlyList<DsfrChoice> CheckChoices { get; } = DsfrChoice.Of<SigCheck>(c => c.Label());

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } stop)
        {
            return stop;
        }
        Version = Approval.Version;
        Input.DecidedOn = time.ParisToday();
        if (IsFinal)
        {
            Input.Met = [.. Approval.Checks.Where(c => c.IsMet).Select(c => c.Check.ToString())];
            Input.Notes = [.. AllChecks.Select(c => Approval.Checks.FirstOrDefault(x => x.Check == c)?.Note)];
        }
        else if (Approval.PrincipleOutcome is { } outcome)
        {
            Input.Outcome = outcome;
            Input.DecidedOn = Approval.PrincipleDecidedOn;
            Input.Reservations = Approval.PrincipleReservations;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } stop)
        {
            return stop;
        }
        var checks = AllChecks.Select((c, i) => (c, Input.Met.Contains(c.ToString()), i < Input.Notes.Count ? Input.Notes[i] : null)).ToList();
        var decision = new SigDecisionInput(Input.Outcome, Input.DecidedOn, Input.Reservations, IsFinal ? checks : []);
        var result = IsFinal
            ? await approvals.RecordFinalAsync(Product.Id, Id, decision, Version, ct)
            : await approvals.RecordPrincipleAsync(Product.Id, Id, decision, Version, ct);
        if (result.Refusal is not { } refusal)
        {
            TempData["Success"] = $"{(IsFinal ? "L’agrément définitif" : "L’agrément de principe")} de la demande n° {Approval.Number} est enregistré : {Input.Outcome!.Value.Label().ToLowerInvariant()}.";
            return Redirect($"/produits/{Product.Slug}/conformite");
        }
        ModelState.Clear();
        // The checks' messages: "Checks" goes to the checkboxes' group, "Checks[2].Note" to the third note.
        var shown = new Domain.Refusal(refusal.Kind, refusal.Errors.ToDictionary(
            e => e.Key == "Checks" ? "Met" : e.Key.StartsWith("Checks[", StringComparison.Ordinal) ? "Notes" + e.Key["Checks".Length..].Replace("].Note", "]", StringComparison.Ordinal) : e.Key,
            e => e.Value)) { CurrentVersion = refusal.CurrentVersion };
        ModelState.AddRefusal(shown, "Input.");
        if (refusal.Kind == Domain.RefusalKind.Conflict && refusal.CurrentVersion is { } current)
        {
            Version = current;
        }
        Response.StatusCode = refusal.PageStatus();
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (DeniedUnlessEditable() is { } denied)
        {
            return denied;
        }
        if (await approvals.FindAsync(Product.Id, Id, ct) is not { } approval)
        {
            return NotFound();
        }
        Approval = approval;
        // One note field per check, whatever was posted.
        while (Input.Notes.Count < AllChecks.Count)
        {
            Input.Notes.Add(null);
        }
        return null;
    }
}
