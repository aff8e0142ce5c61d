using Cap.Data;
using Cap.Domain;
using Cap.Web.Shared.Auth;
using Microsoft.AspNetCore.Mvc;

namespace Cap.Web.Features.Iterations;

/// <summary>One iteration: goal, initiatives and their outcome, review, retrospective; the team carries unfinished work over.</summary>
public sealed class IterationModel(CapDbContext db, CurrentUser currentUser, IterationQueries queries, IterationReview review) : IterationPage(db, currentUser)
{
    protected override string PageTitle => $"Itération {Number}";

    [FromRoute]
    public int Number { get; set; }

    public IterationDetailView View { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostCarryOverAsync(List<int>? rowIds, int? version, CancellationToken ct)
    {
        if (DeniedUnlessEditable() is { } stop)
        {
            return stop;
        }
        var result = await review.CarryOverAsync(Product.Id, Number, new CarryOverInput { RowIds = rowIds ?? [], Version = version }, ct);
        if (result.Refusal is { } refusal)
        {
            if (refusal.Kind == RefusalKind.NotFound)
            {
                return NotFound();
            }
            Apply(refusal);
            await LoadAsync(ct);
            return Page();
        }
        var next = result.Value!;
        TempData["Success"] = next.Message ?? $"Les initiatives non terminées sont reportées sur l’itération {next.Number}.";
        return Redirect(IterationUrl(next.Number));
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await queries.GetAsync(Product.Id, Product.Slug, Number, ct) is not { } view)
        {
            return false;
        }
        View = view;
        ViewData["Title"] = $"Itération {Number} — {Product.Name}";
        return true;
    }
}
