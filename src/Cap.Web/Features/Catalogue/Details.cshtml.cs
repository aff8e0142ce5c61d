using Cap.Data;
using Cap.Domain.Catalogue;
using Cap.Web.Shared;
using Cap.Web.Shared.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Catalogue;

/// <summary>The product's overview tab.</summary>
public sealed class DetailsModel(CapDbContext db, CurrentUser currentUser, IEnumerable<ProductOverviewPanel> panels) : ProductPageModel(db, currentUser)
{
    public override string TabKey => "apercu";
    protected override string PageTitle => "Aperçu";

    public Product Details { get; private set; } = default!;
    public bool CanArchive { get; private set; }

    /// <summary>Panels registered by other capabilities (see <see cref="ProductOverviewPanel"/>), with their loaded model.</summary>
    public List<(string Partial, object Model)> Panels { get; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Details = await Db.Products.AsNoTracking()
            .Include(p => p.Team).ThenInclude(m => m.Person)
            .AsSplitQuery()
            .FirstAsync(p => p.Id == Product.Id, ct);
        CanArchive = CanManageTeam;
        foreach (var panel in panels.OrderBy(p => p.Order))
        {
            Panels.Add((panel.Partial, await panel.LoadAsync(HttpContext.RequestServices, Product, ct)));
        }
        return Page();
    }
}
