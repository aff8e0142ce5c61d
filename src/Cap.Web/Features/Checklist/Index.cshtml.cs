using Cap.Data;
using Cap.Domain.Checklist;
using Cap.Web.Shared;
using Cap.Web.Shared.Auth;
using Microsoft.AspNetCore.Mvc;

namespace Cap.Web.Features.Checklist;

/// <summary>The checklist tab: how it is scored, the latest assessment with Cap's evidence, the history and the comparison.</summary>
public sealed class IndexModel(CapDbContext db, CurrentUser currentUser, ChecklistQueries queries) : ProductPageModel(db, currentUser)
{
    public override string TabKey => "checklist";
    protected override string PageTitle => "Check-list produit";

    public AssessmentView? Latest { get; private set; }
    public IReadOnlyList<AssessmentRow> History { get; private set; } = [];
    public IReadOnlyDictionary<string, ChecklistEvidence> Evidence { get; private set; } = new Dictionary<string, ChecklistEvidence>();
    public bool IsStale { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        History = await queries.HistoryAsync(Product.Id, ct);
        Latest = await queries.LatestAsync(Product.Id, ct);
        Evidence = await queries.EvidenceAsync(Product.Id, ct);
        IsStale = Latest is not null && ChecklistRules.IsStale(Latest.Row.AssessedAt, queries.Now);
        return Page();
    }
}
