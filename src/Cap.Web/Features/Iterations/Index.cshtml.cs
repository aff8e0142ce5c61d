using Cap.Data;
using Cap.Web.Shared.Auth;
using Microsoft.AspNetCore.Mvc;

namespace Cap.Web.Features.Iterations;

/// <summary>The product's iterations, newest first, and the cadence; the team deletes the last one from here.</summary>
public sealed class IndexModel(CapDbContext db, CurrentUser currentUser, IterationService service) : IterationPage(db, currentUser)
{
    protected override string PageTitle => "Itérations";

    public IterationListView View { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await GuardAsync(edit: false, ct) is { } stop)
        {
            return stop;
        }
        View = await service.ListAsync(Product.Id, Product.Slug, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int number, int? version, CancellationToken ct)
    {
        if (await GuardAsync(edit: true, ct) is { } stop)
        {
            return stop;
        }
        var result = await service.DeleteAsync(Product.Id, number, version, ct);
        if (result.Status == StatusCodes.Status404NotFound)
        {
            return NotFound();
        }
        if (!result.Succeeded)
        {
            Apply(result);
            View = await service.ListAsync(Product.Id, Product.Slug, ct);
            return Page();
        }
        TempData["Success"] = $"L’itération {number} est supprimée.";
        return Redirect(ListUrl);
    }
}
