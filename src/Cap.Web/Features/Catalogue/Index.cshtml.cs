using Cap.Data;
using Cap.Domain.Catalogue;
using Cap.Domain.Platform;
using Cap.Web.Shared;
using Cap.Web.Shared.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.WebUtilities;

namespace Cap.Web.Features.Catalogue;

/// <summary>The catalogue: filters live in the query string so that a filtered view is a shareable link.</summary>
public sealed class IndexModel(CapDbContext db, ProductQuery query, CurrentUser currentUser) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Domaine { get; set; }
    [BindProperty(SupportsGet = true)] public string? Direction { get; set; }
    [BindProperty(SupportsGet = true)] public string? Phase { get; set; }
    [BindProperty(SupportsGet = true)] public string? Typologie { get; set; }
    [BindProperty(SupportsGet = true)] public string? Statut { get; set; }
    [BindProperty(SupportsGet = true)] public string? Tri { get; set; }
    [BindProperty(SupportsGet = true)] public bool Revisiter { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public PagedResult<ProductListItem> Result { get; private set; } = new([], 0, 1, ProductFilter.DefaultPageSize);
    public Dictionary<string, string> FilterErrors { get; private set; } = [];
    public bool CanCreate { get; private set; }
    public List<SelectListItem> Domains { get; private set; } = [];
    public List<SelectListItem> Directorates { get; private set; } = [];
    public List<SelectListItem> Typologies { get; private set; } = [];
    public ProductFilter Filter { get; private set; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        ViewData["Title"] = "Catalogue des produits";
        ViewData["Breadcrumb"] = new List<Crumb> { new("Accueil", "/"), new("Produits", null) };
        Filter = new ProductFilter
        {
            Q = Blank(Q), Domaine = Blank(Domaine), Direction = Blank(Direction), Phase = Blank(Phase),
            Typologie = Blank(Typologie), Statut = Blank(Statut), Tri = Blank(Tri), Page = PageNumber, Revisiter = Revisiter,
        };
        FilterErrors = Filter.Validate();
        // An invalid filter value is ignored (and said), so the page still lists something useful.
        if (FilterErrors.ContainsKey("phase")) { Filter = Filter with { Phase = null }; }
        if (FilterErrors.ContainsKey("statut")) { Filter = Filter with { Statut = null }; }
        if (FilterErrors.ContainsKey("tri")) { Filter = Filter with { Tri = null }; }
        if (FilterErrors.ContainsKey("page")) { Filter = Filter with { Page = 1 }; }
        if (FilterErrors.ContainsKey("q")) { Filter = Filter with { Q = Filter.Q![..100] }; }
        Result = await query.SearchAsync(Filter, ct);
        CanCreate = await currentUser.GetAsync(ct) is { } me && Access.CanCreateProduct(me);
        Domains = await ReferenceOptions.ByCodeAsync(db, ReferenceKind.Domain, ct);
        Directorates = await ReferenceOptions.ByCodeAsync(db, ReferenceKind.Directorate, ct);
        Typologies = await ReferenceOptions.ByCodeAsync(db, ReferenceKind.Typology, ct);
    }

    public Pagination Pagination => new(Result.Page, Result.PageCount, UrlForPage, "Pagination du catalogue");

    /// <summary>The current view's link with another page number.</summary>
    public string UrlForPage(int page)
    {
        var values = new Dictionary<string, string?>
        {
            ["q"] = Filter.Q, ["domaine"] = Filter.Domaine, ["direction"] = Filter.Direction, ["phase"] = Filter.Phase,
            ["typologie"] = Filter.Typologie, ["statut"] = Filter.Statut, ["tri"] = Filter.Tri,
            ["revisiter"] = Filter.Revisiter ? "true" : null,
            ["page"] = page == 1 ? null : page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return QueryHelpers.AddQueryString("/produits", values.Where(v => v.Value is not null)!);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
