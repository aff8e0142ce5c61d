using Cap.Data;
using Cap.Domain;
using Cap.Web.Shared;
using Cap.Web.Shared.Auth;
using Microsoft.AspNetCore.Mvc;

namespace Cap.Web.Features.Roadmap;

/// <summary>The roadmap as a list; the team removes items from here.</summary>
public sealed class IndexModel(CapDbContext db, CurrentUser currentUser, RoadmapQueries roadmap, InitiativePlanning initiatives, DependencyTracking dependencies, RiskRegister risks) : ProductPageModel(db, currentUser)
{
    public override string TabKey => "feuille-de-route";
    protected override string PageTitle => "Feuille de route";

    public RoadmapView View { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        View = (await roadmap.LoadAsync(Product.Id, ct))!;
        return Page();
    }

    public Task<IActionResult> OnPostDeleteInitiativeAsync(int id, CancellationToken ct) => DeleteAsync(() => initiatives.DeleteInitiativeAsync(Product.Id, id, ct), "L’initiative est retirée.", ct);

    public Task<IActionResult> OnPostDeleteDependencyAsync(int id, CancellationToken ct) => DeleteAsync(() => dependencies.DeleteDependencyAsync(Product.Id, id, ct), "La dépendance est retirée.", ct);

    public Task<IActionResult> OnPostDeleteRiskAsync(int id, CancellationToken ct) => DeleteAsync(() => risks.DeleteRiskAsync(Product.Id, id, ct), "Le risque est retiré.", ct);

    private async Task<IActionResult> DeleteAsync(Func<Task<Result<RoadmapView>>> delete, string message, CancellationToken ct)
    {
        if (DeniedUnlessEditable() is { } denied)
        {
            return denied;
        }
        var result = await delete();
        if (result.Refusal?.Kind == RefusalKind.NotFound)
        {
            return NotFound();
        }
        TempData["Success"] = message;
        return Redirect($"/produits/{Product.Slug}/feuille-de-route");
    }
}
