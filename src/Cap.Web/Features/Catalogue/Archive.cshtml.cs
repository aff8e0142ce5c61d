using Cap.Data;
using Cap.Domain.Catalogue;
using Cap.Web.Shared;
using Cap.Web.Shared.Auth;
using Microsoft.AspNetCore.Mvc;

namespace Cap.Web.Features.Catalogue;

/// <summary>Archives a product (or brings it back) after a confirmation.</summary>
public sealed class ArchiveModel(CapDbContext db, CurrentUser currentUser, ProductService service, TimeProvider time) : ProductPageModel(db, currentUser)
{
    public override string TabKey => "apercu";
    protected override string PageTitle => Product.IsArchived ? "Sortir des archives" : "Archiver";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        return CanManageTeam ? Page() : Forbid();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CanManageTeam)
        {
            return Forbid();
        }
        var product = await Db.Products.FindAsync([Product.Id], ct);
        var archive = !product!.IsArchived;
        await service.SetArchivedAsync(product, archive, time.GetUtcNow(), ct);
        TempData["Success"] = archive ? "Le produit est archivé." : "Le produit est de nouveau actif.";
        return Redirect($"/produits/{Product.Slug}");
    }
}
