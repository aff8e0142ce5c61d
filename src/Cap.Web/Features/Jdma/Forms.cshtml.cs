using Cap.Data;
using Cap.Web.Shared;
using Cap.Web.Shared.Auth;
using Cap.Web.Shared.TagHelpers;
using Cap.Web.Shared.Refusals;
using Microsoft.AspNetCore.Mvc;

namespace Cap.Web.Features.Jdma;

/// <summary>The JDMA services and forms the saved key can read (read from JDMA now), to choose those that feed the product.</summary>
public sealed class FormsModel(CapDbContext db, CurrentUser currentUser, JdmaConnections connections) : ProductPageModel(db, currentUser)
{
    public override string TabKey => "satisfaction";
    protected override string PageTitle => "Formulaires JDMA";

    [BindProperty]
    public List<int> FormIds { get; set; } = [];

    public List<JdmaService> Services { get; private set; } = [];
    public string? JdmaError { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (DeniedUnlessEditable() is { } denied)
        {
            return denied;
        }
        // Without a connection, the services' refusal says to save one first.
        var connection = await connections.FindAsync(Product.Id, ct);
        FormIds = [.. connection?.Forms.Select(f => f.FormId) ?? []];
        await LoadServicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (DeniedUnlessEditable() is { } denied)
        {
            return denied;
        }
        var result = await connections.SaveFormsAsync(Product.Id, FormIds, ct);
        if (result.Refusal is not { } refusal)
        {
            TempData["Success"] = "Les formulaires JDMA sont enregistrés ; la prochaine synchronisation lira leurs douze derniers mois.";
            return Redirect($"/produits/{Product.Slug}/satisfaction/jdma");
        }
        if (refusal.Kind == Domain.RefusalKind.NotFound)
        {
            return NotFound();
        }
        ModelState.Clear();
        ModelState.AddRefusal(refusal, "");
        await LoadServicesAsync(ct);
        Response.StatusCode = refusal.PageStatus();
        return Page();
    }

    private async Task LoadServicesAsync(CancellationToken ct)
    {
        var services = await connections.ServicesAsync(Product.Id, ct);
        if (services.Refusal is { } refusal)
        {
            JdmaError = refusal.Message;
            return;
        }
        Services = services.Value!;
    }

    /// <summary>A service's forms as check boxes, the chosen ones checked.</summary>
    public IReadOnlyList<DsfrChoice> Choices(JdmaService service) =>
        [.. service.Forms.Select(f => new DsfrChoice(f.Id, f.Title, $"Formulaire n° {f.Id}", FormIds.Contains(f.Id)))];
}
