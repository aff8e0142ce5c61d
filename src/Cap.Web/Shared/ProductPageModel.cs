using Cap.Data;
using Cap.Domain.Catalogue;
using Cap.Domain.Platform;
using Cap.Domain.Steering;
using Cap.Web.Shared.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Shared;

/// <summary>What every product tab shows in its header.</summary>
public sealed record ProductHeader(
    int Id, string Slug, string Name, string Summary, Phase Phase, bool IsArchived,
    string DirectorateCode, string DirectorateName, string DomainName, string TypologyName, int Version)
{
    /// <summary>Vision proposals waiting for the team's answer.</summary>
    public int OpenProposals { get; init; }
}

/// <summary>
/// Base of every page under /produits/{slug}: loads the product header and the signed-in person's
/// rights on it. Pages of other capabilities derive from it to add a tab.
/// </summary>
public abstract class ProductPageModel(CapDbContext db, CurrentUser currentUser) : PageModel
{
    protected CapDbContext Db { get; } = db;
    protected CurrentUser CurrentUser { get; } = currentUser;

    [FromRoute]
    public string Slug { get; set; } = string.Empty;

    public ProductHeader Product { get; private set; } = default!;
    public Person Me { get; private set; } = default!;
    public ProductRole? MyRole { get; private set; }
    public bool CanEdit { get; private set; }
    public bool CanManageTeam { get; private set; }

    /// <summary>The key of the tab this page is (see <see cref="ProductTab"/>).</summary>
    public abstract string TabKey { get; }

    /// <summary>
    /// Before every handler, once for the whole page (the one slug → product → rights step of the product pages): loads
    /// the header and the signed-in person's rights; a product that does not exist answers 404 and no handler runs.
    /// Handlers that change the product then ask <see cref="DeniedUnlessEditable"/>.
    /// </summary>
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (!await LoadProductAsync(context.HttpContext.RequestAborted))
        {
            context.Result = NotFound();
            return;
        }
        await next();
    }

    /// <summary>Loads the header; false when the product does not exist.</summary>
    private async Task<bool> LoadProductAsync(CancellationToken ct)
    {
        var header = await Db.Products.AsNoTracking()
            .Where(p => p.Slug == Slug)
            .Select(p => new ProductHeader(p.Id, p.Slug, p.Name, p.Summary, p.Phase, p.IsArchived,
                p.Directorate!.Code, p.Directorate.Name, p.Domain!.Name, p.Typology!.Name, p.Version))
            .FirstOrDefaultAsync(ct);
        if (header is null)
        {
            return false;
        }
        Product = header with
        {
            OpenProposals = await Db.VisionContributions.CountAsync(
                c => c.ProductId == header.Id && c.Kind == ContributionKind.Proposal && c.Status == ContributionStatus.Open, ct),
        };
        Me = (await CurrentUser.GetAsync(ct))!;
        MyRole = await CurrentUser.RoleInAsync(Db, header.Id, ct);
        CanEdit = Access.CanEditProduct(Me, MyRole);
        CanManageTeam = Access.CanManageTeam(Me, MyRole);
        ViewData["Title"] = $"{PageTitle} — {header.Name}";
        ViewData["Breadcrumb"] = new List<Crumb> { new("Accueil", "/"), new("Produits", "/produits"), new(header.Name, null) };
        return true;
    }

    /// <summary>
    /// For a handler that changes the product: null when the user may edit it, otherwise 403 (a user who may only read
    /// it). The product itself was loaded before the handler (<see cref="OnPageHandlerExecutionAsync"/>).
    /// </summary>
    protected IActionResult? DeniedUnlessEditable() => CanEdit ? null : Forbid();

    protected virtual string PageTitle => TabKey;
}
