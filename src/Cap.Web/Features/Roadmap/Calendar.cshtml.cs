using Cap.Data;
using Cap.Web.Shared;
using Cap.Web.Shared.Auth;
using Microsoft.AspNetCore.Mvc;

namespace Cap.Web.Features.Roadmap;

/// <summary>The roadmap's calendar by month, and by week when the horizon is short.</summary>
public sealed class CalendarModel(CapDbContext db, CurrentUser currentUser, RoadmapQueries roadmap) : ProductPageModel(db, currentUser)
{
    public override string TabKey => "feuille-de-route";
    protected override string PageTitle => "Calendrier de la feuille de route";

    public RoadmapView View { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        View = (await roadmap.LoadAsync(Product.Id, ct))!;
        return Page();
    }
}
