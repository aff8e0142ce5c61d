using Cap.Domain.Connectors;
using Cap.Web.Shared;
using Cap.Web.Shared.Connectors;
using Cap.Web.Shared.Refusals;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cap.Web.Features.Jdma.Organisations;

/// <summary>
/// An organisation's JDMA connection (administrators only): a new one (/admin/connecteurs/jdma/nouvelle) or an existing
/// one (/admin/connecteurs/jdma/{id}) with its state, its forms and the products they feed, « Synchroniser maintenant »,
/// and its name, address and key (never shown again; a new key replaces it).
/// </summary>
public sealed class EditModel(JdmaOrganisations organisations, ConnectorStatuses statuses, ConnectorRunner runner) : PageModel
{
    [FromRoute]
    public int? Id { get; set; }

    [BindProperty]
    public OrganisationForm Input { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    public sealed class OrganisationForm
    {
        public string? Name { get; set; }
        public string? BaseUrl { get; set; }
        public string? ApiKey { get; set; }
    }

    public JdmaOrganisationConnection? Connection { get; private set; }
    public ConnectorStatus? Status { get; private set; }
    public bool KeyToTypeAgain { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        Input = new OrganisationForm { Name = Connection?.Name, BaseUrl = Connection?.BaseUrl };
        Version = Connection?.Version ?? 0;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        var result = await organisations.SaveAsync(Id, new JdmaOrganisationInput(Input.Name, Input.BaseUrl, Input.ApiKey), Version, ct);
        if (result.Refusal is not { } refusal)
        {
            TempData["Success"] = Id is null
                ? "La connexion de l’organisation est enregistrée. Associez maintenant ses formulaires JDMA aux produits."
                : string.IsNullOrWhiteSpace(Input.ApiKey) ? "La connexion de l’organisation est enregistrée." : "La connexion de l’organisation est enregistrée avec sa nouvelle clé.";
            return Redirect(Id is null ? $"/admin/connecteurs/jdma/{result.Value!.Id}/formulaires" : $"/admin/connecteurs/jdma/{Id}");
        }
        if (refusal.Kind == Domain.RefusalKind.NotFound)
        {
            return NotFound();
        }
        ModelState.Clear();
        // Only the fields the refusal is about are flagged.
        ModelState.AddRefusal(refusal, "Input.");
        KeyToTypeAgain = !string.IsNullOrWhiteSpace(Input.ApiKey) && !refusal.Errors.ContainsKey(nameof(Input.ApiKey));
        if (refusal.Kind == Domain.RefusalKind.Conflict)
        {
            Version = refusal.CurrentVersion ?? Connection?.Version ?? 0;
        }
        Response.StatusCode = refusal.PageStatus();
        return Page();
    }

    /// <summary>« Synchroniser maintenant »: runs the organisation's synchronisation in this request.</summary>
    public async Task<IActionResult> OnPostSyncAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct) || Connection is null)
        {
            return NotFound();
        }
        var run = await runner.RunNowAsync(ConnectorKind.JdmaOrganisation, Connection.Id, ct);
        switch (run.Outcome)
        {
            case RunOutcome.Succeeded:
                TempData["Success"] = run.Days == 0 ? "Synchronisation terminée : JDMA n’a pas de réponse sur la période lue." : $"Synchronisation terminée : {run.Days} jour(s) de réponses lus dans JDMA.";
                break;
            case RunOutcome.Busy:
                TempData["Success"] = "Une synchronisation est déjà en cours ; ses chiffres apparaîtront à sa fin.";
                break;
        }
        return Redirect($"/admin/connecteurs/jdma/{Connection.Id}");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (Id is { } id)
        {
            Connection = await organisations.FindAsync(id, ct);
            if (Connection is null)
            {
                return false;
            }
            Status = await statuses.ForConnectionAsync(ConnectorKind.JdmaOrganisation, id, ct);
        }
        var title = Connection is null ? "Nouvelle connexion JDMA d’organisation" : $"Connexion JDMA « {Connection.Name} »";
        ViewData["Title"] = title;
        ViewData["Breadcrumb"] = new List<Crumb>
        {
            new("Accueil", "/"), new("Administration", "/admin"), new("Connecteurs", "/admin/connecteurs"), new("JDMA des organisations", "/admin/connecteurs/jdma"), new(title, null),
        };
        return true;
    }
}
