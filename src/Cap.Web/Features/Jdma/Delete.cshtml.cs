using Cap.Data;
using Cap.Domain.Connectors;
using Cap.Web.Shared;
using Cap.Web.Shared.Auth;
using Cap.Web.Shared.Refusals;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Jdma;

/// <summary>Deletes the product's JDMA connection after a confirmation that says what goes with it (forms, state, synced days).</summary>
public sealed class DeleteModel(CapDbContext db, CurrentUser currentUser, JdmaConnections connections) : ProductPageModel(db, currentUser)
{
    public override string TabKey => "satisfaction";
    protected override string PageTitle => "Supprimer la connexion à JDMA";

    public JdmaConnection Connection { get; private set; } = default!;
    public int DayCount { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } denied)
        {
            return denied;
        }
        var result = await connections.DeleteAsync(Product.Id, ct);
        if (result.Refusal is { } refusal)
        {
            if (refusal.Kind == Domain.RefusalKind.NotFound)
            {
                return NotFound();
            }
            ModelState.AddRefusal(refusal);
            Response.StatusCode = refusal.PageStatus();
            return Page();
        }
        TempData["Success"] = "La connexion à JDMA est supprimée, avec ses formulaires et les chiffres qu’elle avait synchronisés.";
        return Redirect($"/produits/{Product.Slug}/satisfaction");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (DeniedUnlessEditable() is { } denied)
        {
            return denied;
        }
        var connection = await connections.FindAsync(Product.Id, ct);
        if (connection is null)
        {
            return NotFound();
        }
        Connection = connection;
        DayCount = await Db.ExternalSatisfactionDays.CountAsync(d => d.Kind == ConnectorKind.Jdma && d.ConnectionId == connection.Id, ct);
        return null;
    }
}
