using Cap.Web.Shared;
using Cap.Web.Shared.Connectors;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cap.Web.Features.Administration;

/// <summary>Every connection to an outside tool (JDMA for products and organisations, Matomo), with its synchronisation's state, failing ones first.</summary>
public sealed class ConnectorsModel(ConnectorStatuses statuses) : PageModel
{
    public List<ConnectorStatus> Connections { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        ViewData["Title"] = "Connecteurs";
        ViewData["Breadcrumb"] = new List<Crumb> { new("Accueil", "/"), new("Administration", "/admin"), new("Connecteurs", null) };
        Connections = await statuses.AllAsync(ct);
    }

    /// <summary>Where a product's connection of this kind is managed.</summary>
    public static string PageOf(ConnectorStatus c) => c.Kind switch
    {
        Cap.Domain.Connectors.ConnectorKind.Jdma => $"/produits/{c.ProductSlug}/satisfaction/jdma",
        Cap.Domain.Connectors.ConnectorKind.JdmaOrganisation => $"/admin/connecteurs/jdma/{c.ConnectionId}",
        Cap.Domain.Connectors.ConnectorKind.Matomo => $"/produits/{c.ProductSlug}/indicateurs/matomo",
        _ => $"/produits/{c.ProductSlug}",
    };
}
