using System.Globalization;
using Cap.Data;
using Cap.Web.Shared.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Cap.Web.Features.Retrospectives;

/// <summary>Creates a retrospective, free-standing or for one of the product's iterations that has none; team only.</summary>
public sealed class NewModel(CapDbContext db, CurrentUser currentUser, RetrospectiveQueries queries, RetrospectiveBoard board) : RetrospectivePageModel(db, currentUser)
{
    protected override string PageTitle => "Nouvelle rétrospective";

    /// <summary>?iteration=ID preselects that iteration (link from an iteration's page).</summary>
    [FromQuery(Name = "iteration")]
    public int? Iteration { get; set; }

    [BindProperty]
    public RetrospectiveInput Input { get; set; } = new();

    public List<SelectListItem> Iterations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (DeniedUnlessEditable() is { } stop)
        {
            return stop;
        }
        await LoadChoicesAsync(ct);
        Input.HeldOn = queries.Today;
        if (Iteration is { } wanted && Iterations.Any(i => i.Value == wanted.ToString(CultureInfo.InvariantCulture)))
        {
            Input.IterationId = wanted;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (DeniedUnlessEditable() is { } stop)
        {
            return stop;
        }
        // A date the browser could not send is a missing date: the service says so in French.
        ModelState.Clear();
        var result = await board.CreateAsync(Product.Id, Input, ct);
        if (result.Refusal is { } refusal)
        {
            Refuse(refusal, nameof(Input));
            await LoadChoicesAsync(ct);
            return Page();
        }
        TempData["Success"] = "La rétrospective est créée : ajoutez ce qui fonctionne, ce qui est à améliorer et les actions.";
        return Redirect($"{ListUrl}/{result.Value}");
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        Iterations = (await queries.IterationsWithoutRetrospectiveAsync(Product.Id, ct))
            .Select(i => new SelectListItem($"Itération {i.Number} (du {i.Start:dd/MM/yyyy} au {i.End:dd/MM/yyyy})", i.Id.ToString(CultureInfo.InvariantCulture)))
            .ToList();
    }
}
