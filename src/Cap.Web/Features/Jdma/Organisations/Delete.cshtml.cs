using Cap.Data;
using Cap.Domain.Connectors;
using Cap.Web.Shared;
using Cap.Web.Shared.Refusals;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Jdma.Organisations;

/// <summary>Deletes an organisation's JDMA connection after a confirmation that says what goes with it (mappings, state, synced days).</summary>
public sealed class DeleteModel(CapDbContext db, JdmaOrganisations organisations) : PageModel
{
    [FromRoute]
    public int Id { get; set; }

    public JdmaOrganisationConnection Connection { get; private set; } = default!;
    public int DayCount { get; private set; }
    public int ProductCount { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        var result = await organisations.DeleteAsync(Id, ct);
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
        TempData["Success"] = $"La connexion JDMA de l’organisation « {Connection.Name} » est supprimée, avec ses associations et les chiffres qu’elle avait synchronisés.";
        return Redirect("/admin/connecteurs/jdma");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var connection = await organisations.FindAsync(Id, ct);
        if (connection is null)
        {
            return false;
        }
        Connection = connection;
        var days = db.ExternalSatisfactionDays.Where(d => d.Kind == ConnectorKind.JdmaOrganisation && d.ConnectionId == connection.Id);
        DayCount = await days.CountAsync(ct);
        ProductCount = await days.Select(d => d.ProductId).Distinct().CountAsync(ct);
        var title = $"Supprimer la connexion JDMA « {connection.Name} »";
        ViewData["Title"] = title;
        ViewData["Breadcrumb"] = new List<Crumb>
        {
            new("Accueil", "/"), new("Administration", "/admin"), new("Connecteurs", "/admin/connecteurs"), new("JDMA des organisations", "/admin/connecteurs/jdma"),
            new(connection.Name, $"/admin/connecteurs/jdma/{connection.Id}"), new("Supprimer", null),
        };
        return true;
    }
}
