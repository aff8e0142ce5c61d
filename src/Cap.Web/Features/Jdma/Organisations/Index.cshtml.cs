using Cap.Domain.Connectors;
using Cap.Web.Shared;
using Cap.Web.Shared.Connectors;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cap.Web.Features.Jdma.Organisations;

/// <summary>The organisations' JDMA connections (administrators only), with how many forms and products each feeds and its state.</summary>
public sealed class IndexModel(JdmaOrganisations organisations, ConnectorStatuses statuses) : PageModel
{
    public List<(JdmaOrganisationConnection Connection, ConnectorStatus? Status)> Connections { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        ViewData["Title"] = "Connexions JDMA des organisations";
        ViewData["Breadcrumb"] = new List<Crumb> { new("Accueil", "/"), new("Administration", "/admin"), new("Connecteurs", "/admin/connecteurs"), new("JDMA des organisations", null) };
        var all = (await statuses.AllAsync(ct)).Where(s => s.Kind == ConnectorKind.JdmaOrganisation).ToDictionary(s => s.ConnectionId);
        Connections = [.. (await organisations.ListAsync(ct)).Select(c => (c, all.GetValueOrDefault(c.Id)))];
    }
}
