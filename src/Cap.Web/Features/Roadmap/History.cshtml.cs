using Cap.Data;
using Cap.Web.Shared;
using Cap.Web.Shared.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Roadmap;

/// <summary>« Historique de la feuille de route »: each change, newest first (snapshots are not loaded here).</summary>
public sealed class HistoryModel(CapDbContext db, CurrentUser currentUser) : ProductPageModel(db, currentUser)
{
    public const int PageSize = 50;

    public override string TabKey => "feuille-de-route";
    protected override string PageTitle => "Historique de la feuille de route";

    public sealed record Row(int Number, DateTimeOffset At, string AuthorName, string Summary);

    public PagedResult<Row> Rows { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int? page, CancellationToken ct)
    {
        var query = Db.RoadmapRevisions.AsNoTracking().Where(r => r.ProductId == Product.Id);
        var total = await query.CountAsync(ct);
        var current = Math.Max(1, page ?? 1);
        var items = await query.OrderByDescending(r => r.Number).Skip((current - 1) * PageSize).Take(PageSize)
            .Select(r => new Row(r.Number, r.At, r.AuthorName, r.Summary)).ToListAsync(ct);
        Rows = new PagedResult<Row>(items, total, current, PageSize);
        return Page();
    }
}
