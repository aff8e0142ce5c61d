using Cap.Data;
using Cap.Domain;
using Cap.Web.Shared.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Iterations;

/// <summary>Plans (no number) or edits an iteration; team only.</summary>
public sealed class FormModel(CapDbContext db, CurrentUser currentUser, IterationQueries queries, IterationPlanning planning) : IterationPage(db, currentUser)
{
    protected override string PageTitle => Number is null ? "Planifier une itération" : $"Modifier l’itération {Number}";

    [FromRoute]
    public int? Number { get; set; }

    [BindProperty]
    public FormInput Input { get; set; } = new();

    public List<(int Id, string Title, string Status)> Initiatives { get; private set; } = [];

    public sealed class FormInput
    {
        public string? Start { get; set; }
        public string? End { get; set; }
        public string? Goal { get; set; }
        public List<int> InitiativeIds { get; set; } = [];
        public int? Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (DeniedUnlessEditable() is { } stop)
        {
            return stop;
        }
        if (Number is { } n)
        {
            var it = await Db.Iterations.AsNoTracking().Include(i => i.Initiatives).FirstOrDefaultAsync(i => i.ProductId == Product.Id && i.Number == n, ct);
            if (it is null)
            {
                return NotFound();
            }
            Input = new FormInput { Start = Iso(it.Start), End = Iso(it.End), Goal = it.Goal, InitiativeIds = it.Initiatives.Select(w => w.InitiativeId).ToList(), Version = it.Version };
        }
        else
        {
            var (start, end) = await queries.SuggestedDatesAsync(Product.Id, ct);
            Input = new FormInput { Start = Iso(start), End = Iso(end) };
        }
        Initiatives = await queries.ChoosableInitiativesAsync(Product.Id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (DeniedUnlessEditable() is { } stop)
        {
            return stop;
        }
        ModelState.Clear();
        var input = new IterationInput
        {
            Start = ParseDate(Input.Start, "Start", "le premier jour de l’itération"),
            End = ParseDate(Input.End, "End", "le dernier jour de l’itération"),
            Goal = Input.Goal,
            InitiativeIds = Input.InitiativeIds,
            Version = Input.Version,
        };
        var result = ModelState.IsValid ? await planning.SaveAsync(Product.Id, Number, input, ct) : null;
        if (result?.Refusal?.Kind == RefusalKind.NotFound)
        {
            return NotFound();
        }
        if (result?.Value is not { } saved)
        {
            Apply(result?.Refusal);
            Initiatives = await queries.ChoosableInitiativesAsync(Product.Id, ct);
            return Page();
        }
        TempData["Success"] = Number is null ? $"L’itération {saved.Number} est planifiée." : $"L’itération {saved.Number} est enregistrée.";
        return Redirect(IterationUrl(saved.Number));
    }
}
