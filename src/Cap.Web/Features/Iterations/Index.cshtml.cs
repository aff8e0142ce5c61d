using Cap.Data;
using Cap.Domain;
using Cap.Web.Shared.Auth;
using Microsoft.AspNetCore.Mvc;

namespace Cap.Web.Features.Iterations;

/// <summary>The product's iterations, newest first, and the cadence; the team deletes the last one from here.</summary>
public sealed class IndexModel(CapDbContext db, CurrentUser currentUser, IterationQueries queries, IterationPlanning planning) : IterationPage(db, currentUser)
{
    protected override string PageTitle => "Itérations";

    public IterationListView View { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        View = await queries.ListAsync(Product.Id, Product.Slug, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int number, int? version, CancellationToken ct)
    {
        if (DeniedUnlessEditable() is { } stop)
        {
            return stop;
        }
        var result = await planning.DeleteAsync(Product.Id, number, version, ct);
        if (result.Refusal is { } refusal)
        {
            if (refusal.Kind == RefusalKind.NotFound)
            {
                return NotFound();
            }
            Apply(refusal);
            View = await queries.ListAsync(Product.Id, Product.Slug, ct);
            return Page();
        }
        TempData["Success"] = $"L’itération {number} est supprimée.";
        return Redirect(ListUrl);
    }
}
