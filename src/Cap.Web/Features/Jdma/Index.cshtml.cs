using Cap.Data;
using Cap.Domain.Connectors;
using Cap.Web.Shared;
using Cap.Web.Shared.Auth;
using Cap.Web.Shared.Connectors;
using Cap.Web.Shared.Refusals;
using Microsoft.AspNetCore.Mvc;

namespace Cap.Web.Features.Jdma;

/// <summary>
/// The product's JDMA connection: its address, when its key was saved (never the key), the forms it feeds from, its
/// synchronisation's state; the team saves the address and key (or replaces the key) and asks for a synchronisation now.
/// </summary>
public sealed class IndexModel(CapDbContext db, CurrentUser currentUser, JdmaConnections connections, ConnectorStatuses statuses, ConnectorRunner runner)
    : ProductPageModel(db, currentUser)
{
    public override string TabKey => "satisfaction";
    protected override string PageTitle => "Connexion à JDMA";

    [BindProperty]
    public JdmaConnectionForm Input { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    public JdmaConnection? Connection { get; private set; }
    public ConnectorStatus? Status { get; private set; }

    /// <summary>The organisations' connections that feed this product too (read-only here: the administrators keep them).</summary>
    public List<(JdmaOrganisationConnection Connection, ConnectorStatus? Status)> OrganisationFeeds { get; private set; } = [];

    /// <summary>After a refusal that was not about the key: the key typed is not shown again, the page says to type it again.</summary>
    public bool KeyToTypeAgain { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Input = new JdmaConnectionForm { BaseUrl = Connection?.BaseUrl };
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
                ? (string.IsNullOrWhiteSpace(Input.ApiKey) ? "La connexion JDMA est enregistrée." : "La connexion JDMA est enregistrée avec sa nouvelle clé.")
                : "La connexion JDMA est enregistrée. Choisissez maintenant les formulaires à synchroniser.";
            return Redirect(hadConnection ? $"/produits/{Product.Slug}/satisfaction/jdma" : $"/produits/{Product.Slug}/satisfaction/jdma/formulaires");
        }
        ModelState.Clear();
        // Only the fields the refusal is about are flagged (a refused address leaves the key's field as it is).
        ModelState.AddRefusal(refusal, "Input.");
        KeyToTypeAgain = !string.IsNullOrWhiteSpace(Input.ApiKey) && !refusal.Errors.ContainsKey(nameof(Input.ApiKey));
        await LoadAsync(ct);
        if (refusal.Kind == Domain.RefusalKind.Conflict)
        {
            Version = refusal.CurrentVersion ?? Connection?.Version ?? 0;
        }
        Response.StatusCode = refusal.PageStatus();
        return Page();
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
        var run = await runner.RunNowAsync(ConnectorKind.Jdma, connection.Id, ct);
        switch (run.Outcome)
        {
            case RunOutcome.Succeeded:
                TempData["Success"] = run.Days == 0 ? "Synchronisation terminée : JDMA n’a pas de réponse sur la période lue." : $"Synchronisation terminée : {run.Days} jour(s) de réponses lus dans JDMA.";
                break;
            case RunOutcome.Busy:
                TempData["Success"] = "Une synchronisation est déjà en cours ; ses chiffres apparaîtront à sa fin.";
                break;
        }
        // A failure is shown by the connection's state (last error, next attempt).
        return Redirect($"/produits/{Product.Slug}/satisfaction/jdma");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Connection = await connections.FindAsync(Product.Id, ct);
        Status = Connection is null ? null : await statuses.ForConnectionAsync(ConnectorKind.Jdma, Connection.Id, ct);
        OrganisationFeeds = [];
        foreach (var organisation in await connections.OrganisationFeedsAsync(Product.Id, ct))
        {
            OrganisationFeeds.Add((organisation, await statuses.ForConnectionAsync(ConnectorKind.JdmaOrganisation, organisation.Id, ct)));
        }
    }
}
