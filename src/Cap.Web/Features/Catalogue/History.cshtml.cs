using Cap.Data;
using Cap.Domain.Platform;
using Cap.Web.Shared;
using Cap.Web.Shared.Audit;
using Cap.Web.Shared.Auth;
using Microsoft.AspNetCore.Mvc;

namespace Cap.Web.Features.Catalogue;

/// <summary>The product's own history: every audited change to it and to what belongs to it.</summary>
public sealed class HistoryModel(CapDbContext db, CurrentUser currentUser) : ProductPageModel(db, currentUser)
{
    public override string TabKey => "historique";
    protected override string PageTitle => "Historique";

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public PagedResult<AuditEntry> Entries { get; private set; } = new([], 0, 1, AuditFilter.PageSize);
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Entries = await AuditTrail.SearchAsync(Db, new AuditFilter { ProductId = Product.Id, Page = Math.Max(1, PageNumber) }, ct);
        Names = await AuditTrail.ReferenceNamesAsync(Db, Entries.Items, ct);
        return Page();
    }
}
