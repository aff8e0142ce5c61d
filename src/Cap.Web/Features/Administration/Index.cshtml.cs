using Cap.Data;
using Cap.Domain.Catalogue;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Administration;

public sealed class IndexModel(CapDbContext db) : PageModel
{
    public Dictionary<ReferenceKind, int> Counts { get; } = [];
    public int People { get; private set; }
    public int AuditEntries { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        ViewData["Title"] = "Administration";
        ViewData["Breadcrumb"] = new List<Shared.Crumb> { new("Accueil", "/"), new("Administration", null) };
        foreach (var kind in Enum.GetValues<ReferenceKind>())
        {
            Counts[kind] = await db.References(kind).CountAsync(ct);
        }
        People = await db.People.CountAsync(ct);
        AuditEntries = await db.AuditEntries.CountAsync(ct);
    }
}
