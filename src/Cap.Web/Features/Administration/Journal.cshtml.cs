using Cap.Data;
using Cap.Domain.Platform;
using Cap.Web.Shared;
using Cap.Web.Shared.Audit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Administration;

/// <summary>The whole audit trail, with filters by kind of element, author, product and period.</summary>
public sealed class JournalModel(CapDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Type { get; set; }
    [BindProperty(SupportsGet = true)] public int? Auteur { get; set; }
    [BindProperty(SupportsGet = true)] public string? Produit { get; set; }
    /// <summary><c>du</c> and <c>au</c>: an unreadable end is shown with its message and does not filter.</summary>
    [BindProperty(SupportsGet = true)] public PeriodFilter Period { get; set; } = PeriodFilter.None;
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public PagedResult<AuditEntry> Entries { get; private set; } = new([], 0, 1, AuditFilter.PageSize);
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();
    public List<SelectListItem> Authors { get; private set; } = [];
    public string? Notice { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        ViewData["Title"] = "Journal d’audit";
        ViewData["Breadcrumb"] = new List<Crumb> { new("Accueil", "/"), new("Administration", "/admin"), new("Journal d’audit", null) };
        int? productId = null;
        if (!string.IsNullOrWhiteSpace(Produit))
        {
            productId = await db.Products.Where(p => p.Slug == Produit.Trim()).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
            if (productId is null)
            {
                Notice = $"Aucun produit n’a l’identifiant « {Produit} » ; le filtre par produit est ignoré.";
            }
        }
        Entries = await AuditTrail.SearchAsync(db, new AuditFilter
        {
            EntityType = AuditTrail.EntityLabels.ContainsKey(Type ?? string.Empty) ? Type : null,
            PersonId = Auteur,
            ProductId = productId,
            From = Period.From,
            To = Period.To,
            Page = Math.Max(1, PageNumber),
        }, ct);
        Names = await AuditTrail.ReferenceNamesAsync(db, Entries.Items, ct);
        Authors = await db.People.AsNoTracking().OrderBy(p => p.DisplayName)
            .Select(p => new SelectListItem(p.DisplayName, p.Id.ToString())).ToListAsync(ct);
    }

    public string UrlForPage(int page) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/admin/journal", new Dictionary<string, string?>
        {
            ["type"] = Type, ["auteur"] = Auteur?.ToString(System.Globalization.CultureInfo.InvariantCulture), ["produit"] = Produit,
            [PeriodFilter.FromName] = Period.FromText, [PeriodFilter.ToName] = Period.ToText,
            ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }.Where(v => !string.IsNullOrEmpty(v.Value))!);
}
