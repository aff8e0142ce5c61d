using Cap.Data;
using Cap.Domain.Platform;
using Cap.Web.Shared;
using Cap.Web.Shared.Auth;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cap.Web.Features.Committee;

/// <summary>Base of the committee's pages under /comite: every active person reads, members and administrators act.</summary>
public abstract class CommitteePageModel(CapDbContext db, CurrentUser currentUser) : PageModel
{
    protected CapDbContext Db { get; } = db;

    public Person Me { get; private set; } = default!;
    public bool IsCommittee { get; private set; }

    protected async Task LoadMeAsync(string title, CancellationToken ct, params Crumb[] trail)
    {
        Me = (await currentUser.GetAsync(ct))!;
        IsCommittee = Access.CanSitOnCommittee(Me);
        ViewData["Title"] = title;
        var crumbs = new List<Crumb> { new("Accueil", "/") };
        if (trail.Length == 0)
        {
            crumbs.Add(new Crumb("Comité produit", null));
        }
        else
        {
            crumbs.Add(new Crumb("Comité produit", "/comite"));
            crumbs.AddRange(trail);
        }
        ViewData["Breadcrumb"] = crumbs;
    }
}
