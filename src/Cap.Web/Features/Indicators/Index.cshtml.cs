using Cap.Data;
using Cap.Domain.Steering;
using Cap.Web.Shared;
using Cap.Web.Shared.Auth;
using Microsoft.AspNetCore.Mvc;

namespace Cap.Web.Features.Indicators;

/// <summary>The product's "Indicateurs" tab: indicators grouped by objective and kind, with their status.</summary>
public sealed class IndexModel(CapDbContext db, CurrentUser currentUser, IndicatorService service) : ProductPageModel(db, currentUser)
{
    public override string TabKey => "indicateurs";
    protected override string PageTitle => "Indicateurs";

    /// <summary>Groups in display order: objectives by position, then "Sans objectif"; inside, kinds in enum order.</summary>
    public List<(string Objective, List<(IndicatorKind Kind, List<IndicatorRow> Rows)> Kinds)> Groups { get; } = [];

    public int Count { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var rows = await service.ListAsync(Product.Id, ct);
        Count = rows.Count;
        foreach (var objective in rows.GroupBy(r => (r.ObjectiveTitle, r.ObjectivePosition, r.Indicator.ObjectiveId))
                     .OrderBy(g => g.Key.ObjectiveId is null).ThenBy(g => g.Key.ObjectivePosition).ThenBy(g => g.Key.ObjectiveId))
        {
            Groups.Add((objective.Key.ObjectiveTitle ?? "Sans objectif",
                objective.GroupBy(r => r.Indicator.Kind).OrderBy(k => k.Key).Select(k => (k.Key, k.ToList())).ToList()));
        }
        return Page();
    }
}
