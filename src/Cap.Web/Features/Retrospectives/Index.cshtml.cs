using System.Globalization;
using System.Text.Json;
using Cap.Data;
using Cap.Domain.Retrospectives;
using Cap.Web.Shared.Auth;
using Microsoft.AspNetCore.Mvc;

namespace Cap.Web.Features.Retrospectives;

/// <summary>The product's retrospectives, latest first, and the share of actions done month after month.</summary>
public sealed class IndexModel(CapDbContext db, CurrentUser currentUser, RetrospectiveQueries queries) : RetrospectivePageModel(db, currentUser)
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    protected override string PageTitle => "Rétrospectives";

    public List<RetrospectiveRow> Rows { get; private set; } = [];
    public IReadOnlyList<DoneShare> Shares { get; private set; } = [];
    public string ChartX { get; private set; } = "[]";
    public string ChartY { get; private set; } = "[]";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Rows = await queries.ListAsync(Product.Id, ct);
        Shares = await queries.DoneSharePerMonthAsync(Product.Id, ct);
        var withActions = Shares.Where(s => s.Decided > 0).ToList();
        ChartX = JsonSerializer.Serialize(new[] { withActions.Select(s => MonthLabel(s.From)) });
        ChartY = JsonSerializer.Serialize(new[] { withActions.Select(s => s.Percent ?? 0) });
        return Page();
    }

    public static string MonthLabel(DateOnly month) => French.TextInfo.ToUpper(month.ToString("MMMM yyyy", French)[0]) + month.ToString("MMMM yyyy", French)[1..];
}
