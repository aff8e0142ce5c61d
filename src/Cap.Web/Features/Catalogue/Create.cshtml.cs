using Cap.Data;
using Cap.Domain.Catalogue;
using Cap.Domain.Platform;
using Cap.Web.Shared;
using Cap.Web.Shared.Auth;
using Cap.Domain;
using Cap.Web.Shared.Refusals;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cap.Web.Features.Catalogue;

public sealed class CreateModel(CapDbContext db, ProductService service, CurrentUser currentUser) : PageModel, IProductFormPage
{
    [BindProperty]
    public ProductInput Input { get; set; } = new() { Phase = Phase.Idee };

    public ProductFormOptions Form { get; private set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var me = await currentUser.GetAsync(ct);
        if (me is null || !Access.CanCreateProduct(me))
        {
            return Forbid();
        }
        await LoadAsync(me, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var me = await currentUser.GetAsync(ct);
        if (me is null || !Access.CanCreateProduct(me))
        {
            return Forbid();
        }
        if (ModelState.IsValid)
        {
            var result = await service.CreateAsync(Input, me, ct);
            if (result.Value is { } product)
            {
                TempData["Success"] = $"Le produit « {product.Name} » est créé.";
                return Redirect($"/produits/{product.Slug}");
            }
            ModelState.AddRefusal(result.Refusal!, "Input.");
        }
        await LoadAsync(me, ct);
        return Page();
    }

    private async Task LoadAsync(Person me, CancellationToken ct)
    {
        ViewData["Title"] = "Créer un produit";
        ViewData["Breadcrumb"] = new List<Crumb> { new("Accueil", "/"), new("Produits", "/produits"), new("Créer un produit", null) };
        // A new product starts at Idée, POC or MVP... as its team says; Arrêt is refused by the rules.
        Form = await ProductFormOptions.LoadAsync(db, Input, canChoosePhase: true, "Créer le produit", "/produits", ct);
        if (!Access.CanAdminister(me))
        {
            ViewData["Hint"] = "Vous serez responsable produit de ce produit ; vous pourrez ensuite composer son équipe.";
        }
    }
}
