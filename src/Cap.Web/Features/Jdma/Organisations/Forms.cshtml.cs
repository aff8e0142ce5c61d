using System.Globalization;
using Cap.Data;
using Cap.Domain.Connectors;
using Cap.Web.Shared;
using Cap.Web.Shared.Refusals;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Jdma.Organisations;

/// <summary>The JDMA services and forms the organisation's key reads (read from JDMA now), each with the Cap product it feeds (a select).</summary>
public sealed class FormsModel(CapDbContext db, JdmaOrganisations organisations) : PageModel
{
    [FromRoute]
    public int Id { get; set; }

    /// <summary>
    /// The product chosen for each JDMA form (form id → product id; empty: none), posted as <c>Produits[formId]</c>. Read
    /// from the form by hand rather than bound: an organisation's key may read more forms than model binding takes.
    /// </summary>
    public Dictionary<int, int?> Produits { get; set; } = [];

    public JdmaOrganisationConnection Connection { get; private set; } = default!;
    public List<JdmaService> Services { get; private set; } = [];
    public string? JdmaError { get; private set; }
    public List<SelectListItem> ProductItems { get; private set; } = [];

    public string? Chosen(int formId) => Produits.TryGetValue(formId, out var p) && p is { } id ? id.ToString(CultureInfo.InvariantCulture) : null;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        Produits = Connection.Forms.ToDictionary(f => f.FormId, f => (int?)f.ProductId);
        await LoadServicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        foreach (var (name, value) in Request.Form)
        {
            if (name.StartsWith("Produits[", StringComparison.Ordinal) && name.EndsWith(']')
                && int.TryParse(name.AsSpan(9, name.Length - 10), NumberStyles.None, CultureInfo.InvariantCulture, out var formId))
            {
                Produits[formId] = int.TryParse(value.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var productId) ? productId : null;
            }
        }
        var chosen = Produits.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value!.Value);
        var result = await organisations.SaveFormsAsync(Id, chosen, ct);
        if (result.Refusal is not { } refusal)
        {
            TempData["Success"] = "Les associations sont enregistrées ; la prochaine synchronisation lira les douze derniers mois des formulaires ajoutés.";
            return Redirect($"/admin/connecteurs/jdma/{Id}");
        }
        if (refusal.Kind == Domain.RefusalKind.NotFound)
        {
            return NotFound();
        }
        ModelState.Clear();
        foreach (var (field, message) in refusal.Errors)
        {
            // A message about one form goes beside its select; the others to the form's summary.
            ModelState.AddModelError(field.StartsWith("Produits[", StringComparison.Ordinal) ? field : string.Empty, message);
        }
        await LoadServicesAsync(ct);
        Response.StatusCode = refusal.PageStatus();
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var connection = await organisations.FindAsync(Id, ct);
        if (connection is null)
        {
            return false;
        }
        Connection = connection;
        var title = $"Formulaires JDMA de « {connection.Name} »";
        ViewData["Title"] = title;
        ViewData["Breadcrumb"] = new List<Crumb>
        {
            new("Accueil", "/"), new("Administration", "/admin"), new("Connecteurs", "/admin/connecteurs"), new("JDMA des organisations", "/admin/connecteurs/jdma"),
            new(connection.Name, $"/admin/connecteurs/jdma/{connection.Id}"), new("Formulaires", null),
        };
        var products = await db.Products.AsNoTracking().Select(p => new { p.Id, p.Name }).ToListAsync(ct);
        ProductItems = [.. products.OrderBy(p => p.Name, StringComparer.Create(CultureInfo.GetCultureInfo("fr-FR"), true))
            .Select(p => new SelectListItem(p.Name, p.Id.ToString(CultureInfo.InvariantCulture)))];
        return true;
    }

    private async Task LoadServicesAsync(CancellationToken ct)
    {
        var services = await organisations.ServicesAsync(Id, ct);
        if (services.Refusal is { } refusal)
        {
            JdmaError = refusal.Message;
            return;
        }
        Services = services.Value!;
    }
}
