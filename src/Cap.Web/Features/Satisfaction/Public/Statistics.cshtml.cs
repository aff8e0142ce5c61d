using System.Text.Json;
using Cap.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Cap.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Satisfaction.Public;

/// <summary>
/// The opt-in public statistics of a product, like the State service's public pages: the last twelve months by
/// month, never a comment. 404 unless the team published them.
/// </summary>
[AllowAnonymous]
public sealed class StatisticsModel(CapDbContext db, SatisfactionService service, SatisfactionStatistics statistics) : PageModel
{
    [FromRoute]
    public string Slug { get; set; } = string.Empty;

    public string ProductName { get; private set; } = string.Empty;
    public SatisfactionStats Stats { get; private set; } = default!;
    public string ChartX { get; private set; } = "[]";
    public string ChartY { get; private set; } = "[]";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var product = await db.FeedbackForms.AsNoTracking()
            .Where(f => f.PublicStatistics && f.Product!.Slug == Slug && !f.Product.IsArchived)
            .Select(f => new { f.ProductId, f.Product!.Name }).FirstOrDefaultAsync(ct);
        if (product is null)
        {
            return NotFound();
        }
        ProductName = product.Name;
        var today = service.Today;
        Stats = await statistics.ComputeAsync(product.ProductId, today.AddMonths(-12).AddDays(1), today, null, Granularity.Month, ct);
        var x = Stats.Buckets.Select(b => b.Label).ToList();
        ChartX = JsonSerializer.Serialize(new[] { x, x });
        ChartY = JsonSerializer.Serialize(new[] { Stats.Buckets.Select(b => b.Totals.Index).ToList(), Stats.Buckets.Select(_ => (decimal?)Domain.Satisfaction.SatisfactionScore.Target).ToList() });
        ViewData["Title"] = $"Satisfaction des usagers de {product.Name}";
        return Page();
    }
}
