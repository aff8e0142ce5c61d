using Cap.Data;
using Cap.Domain.Connectors;
using Cap.Web.Shared;
using Cap.Web.Shared.Auth;
using Cap.Web.Shared.Connectors;
using Cap.Web.Shared.Refusals;
using Microsoft.AspNetCore.Mvc;

namespace Cap.Web.Features.Matomo;

/// <summary>
/// The product's Matomo connection, beside its indicators: the address, the site, when its token was saved (never the
/// token), which Matomo figures feed which indicators, the synchronisation's state; the team saves the connection (or
/// replaces the token), adds and removes mappings, and asks for a synchronisation now.
/// </summary>
public sealed class IndexModel(CapDbContext db, CurrentUser currentUser, MatomoConnections connections, ConnectorStatuses statuses, ConnectorRunner runner)
    : ProductPageModel(db, currentUser)
{
    public override string TabKey => "indicateurs";
    protected override string PageTitle => "Connexion à Matomo";

    [BindProperty]
    public MatomoConnectionForm Input { get; set; } = new();

    [BindProperty]
    public MatomoMappingForm Mapping { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    public MatomoConnection? Connection { get; private set; }
    public ConnectorStatus? Status { get; private set; }
    public List<MappableIndicator> Mappable { get; private set; } = [];

    private string Here => $"/produits/{Product.Slug}/indicateurs/matomo";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Input = new MatomoConnectionForm { BaseUrl = Connection?.BaseUrl, SiteId = Connection?.SiteId.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        Version = Connection?.Version ?? 0;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (DeniedUnlessEditable() is { } denied)
        {
            return denied;
        }
        var hadConnection = await connections.FindAsync(Product.Id, ct) is not null;
        var result = await connections.SaveAsync(Product.Id, Input.ToInput(), Version, ct);
        if (result.Refusal is not { } refusal)
        {
            TempData["Success"] = hadConnection
                ? (string.IsNullOrWhiteSpace(Input.Token) ? "La connexion Matomo est enregistrée." : "La connexion Matomo est enregistrée avec son nouveau jeton.")
                : "La connexion Matomo est enregistrée. Choisissez maintenant les mesures qui alimentent les indicateurs.";
            return Redirect(Here);
        }
        ModelState.Clear();
        ModelState.AddRefusal(refusal, "Input.");
        await LoadAsync(ct);
        if (refusal.Kind == Domain.RefusalKind.Conflict)
        {
            Version = refusal.CurrentVersion ?? Connection?.Version ?? 0;
        }
        Response.StatusCode = refusal.PageStatus();
        return Page();
    }

    /// <summary>Adds a mapping: a Matomo figure feeds one of the product's indicators.</summary>
    public async Task<IActionResult> OnPostMappingAsync(CancellationToken ct)
    {
        if (DeniedUnlessEditable() is { } denied)
        {
            return denied;
        }
        var result = await connections.AddMappingAsync(Product.Id, Mapping.ToInput(), ct);
        if (result.Refusal is not { } refusal)
        {
            TempData["Success"] = "La mesure est associée à l’indicateur ; la prochaine synchronisation lira ses douze derniers mois.";
            return Redirect(Here);
        }
        if (refusal.Kind == Domain.RefusalKind.NotFound)
        {
            return NotFound();
        }
        ModelState.Clear();
        ModelState.AddRefusal(refusal, "Mapping.");
        await LoadAsync(ct);
        Input = new MatomoConnectionForm { BaseUrl = Connection?.BaseUrl, SiteId = Connection?.SiteId.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        Version = Connection?.Version ?? 0;
        Response.StatusCode = refusal.PageStatus();
        return Page();
    }

    /// <summary>Removes a mapping (the indicator keeps its measurements).</summary>
    public async Task<IActionResult> OnPostRemoveAsync(int mappingId, CancellationToken ct)
    {
        if (DeniedUnlessEditable() is { } denied)
        {
            return denied;
        }
        var result = await connections.RemoveMappingAsync(Product.Id, mappingId, ct);
        if (result.Refusal is not null)
        {
            return NotFound();
        }
        TempData["Success"] = "L’association est retirée ; l’indicateur garde les mesures déjà synchronisées.";
        return Redirect(Here);
    }

    /// <summary>« Synchroniser maintenant »: runs the synchronisation in this request and says how it went.</summary>
    public async Task<IActionResult> OnPostSyncAsync(CancellationToken ct)
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
        var run = await runner.RunNowAsync(ConnectorKind.Matomo, connection.Id, ct);
        switch (run.Outcome)
        {
            case RunOutcome.Succeeded:
                TempData["Success"] = run.Days == 0
                    ? "Synchronisation terminée : les mesures étaient déjà à jour."
                    : $"Synchronisation terminée : {run.Days} mesure(s) écrite(s) depuis Matomo.";
                break;
            case RunOutcome.Busy:
                TempData["Success"] = "Une synchronisation est déjà en cours ; ses mesures apparaîtront à sa fin.";
                break;
        }
        // A failure is shown by the connection's state (last error, next attempt).
        return Redirect(Here);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Connection = await connections.FindAsync(Product.Id, ct);
        Status = Connection is null ? null : await statuses.ForConnectionAsync(ConnectorKind.Matomo, Connection.Id, ct);
        Mappable = CanEdit && Connection is not null ? await connections.MappableAsync(Product.Id, ct) : [];
    }
}
