using Cap.Data;
using Cap.Domain;
using Cap.Domain.Platform;
using Cap.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Administration;

public sealed class PeopleModel(CapDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Role { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;
    /// <summary>"attente": only the accounts waiting for a role (no global role, no team).</summary>
    [BindProperty(SupportsGet = true)] public string? Etat { get; set; }

    public const string PendingFilter = "attente";

    /// <summary>Accounts waiting for an administrator: active, no global role, no product team.</summary>
    public int PendingCount { get; private set; }
    public IReadOnlySet<int> PendingIds { get; private set; } = new HashSet<int>();

    public PagedResult<Person> Result { get; private set; } = new([], 0, 1, 30);

    public async Task OnGetAsync(CancellationToken ct)
    {
        ViewData["Title"] = "Personnes et rôles";
        ViewData["Breadcrumb"] = new List<Crumb> { new("Accueil", "/"), new("Administration", "/admin"), new("Personnes et rôles", null) };
        var pending = db.People.AsNoTracking()
            .Where(p => p.IsActive && p.Roles == GlobalRoles.None && !db.TeamMembers.Any(m => m.PersonId == p.Id));
        PendingCount = await pending.CountAsync(ct);
        var query = Etat == PendingFilter ? pending : db.People.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim().ToLowerInvariant();
            query = query.Where(p => p.Email.Contains(q) || p.DisplayName.ToLower().Contains(q));
        }
        if (Enum.TryParse<GlobalRoles>(Role, out var role) && role != GlobalRoles.None)
        {
            query = query.Where(p => (p.Roles & role) == role);
        }
        var total = await query.CountAsync(ct);
        var page = Math.Max(1, PageNumber);
        var items = await query.OrderBy(p => p.DisplayName).Skip((page - 1) * 30).Take(30).ToListAsync(ct);
        Result = new PagedResult<Person>(items, total, page, 30);
        var ids = items.Select(p => p.Id).ToList();
        PendingIds = (await pending.Where(p => ids.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct)).ToHashSet();
    }

    public string UrlForPage(int page) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/admin/personnes",
            new Dictionary<string, string?> { ["q"] = Q, ["role"] = Role, ["etat"] = Etat, ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture) }
                .Where(v => !string.IsNullOrEmpty(v.Value))!);
}
