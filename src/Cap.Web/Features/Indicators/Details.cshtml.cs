using System.Globalization;
using System.Text.Json;
using Cap.Data;
using Cap.Domain.Steering;
using Cap.Web.Shared;
using Cap.Web.Shared.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Indicators;

/// <summary>An indicator: definition, status and its explanation, chart and table of measurements, measurement entry.</summary>
public sealed class DetailsModel(CapDbContext db, CurrentUser currentUser, IndicatorService service) : ProductPageModel(db, currentUser)
{
    public override string TabKey => "indicateurs";
    protected override string PageTitle => Row?.Indicator.Name ?? "Indicateur";

    [FromRoute]
    public int Id { get; set; }

    [BindProperty]
    public MeasurementForm Measurement { get; set; } = new();

    public IndicatorRow Row { get; private set; } = default!;

    /// <summary>One row per date of the chart: baseline, measurements, target; with the path's and the trend's values.</summary>
    public List<(DateOnly Date, decimal? Value, decimal Path, decimal? Trend)> Series { get; } = [];

    /// <summary>Rows of the measurements table per page, newest first (the chart shows them all).</summary>
    public const int TablePageSize = 100;

    [FromQuery(Name = "page")]
    public int TablePage { get; set; } = 1;

    public int TablePageCount => Math.Max(1, (Series.Count + TablePageSize - 1) / TablePageSize);

    /// <summary>The table's rows on the current page, newest first.</summary>
    public IEnumerable<(DateOnly Date, decimal? Value, decimal Path, decimal? Trend)> TableRows =>
        Enumerable.Reverse(Series).Skip((Math.Clamp(TablePage, 1, TablePageCount) - 1) * TablePageSize).Take(TablePageSize);

    public Pagination TablePagination => new(Math.Clamp(TablePage, 1, TablePageCount), TablePageCount,
        p => $"/produits/{Product.Slug}/indicateurs/{Id}?page={p}#mesures", "Pages du tableau des mesures");

    public string ChartX { get; private set; } = "[]";
    public string ChartY { get; private set; } = "[]";
    public string ChartNames { get; private set; } = "[]";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadIndicatorAsync(ct))
        {
            return NotFound();
        }
        Measurement = new MeasurementForm { Date = service.Today };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (DeniedUnlessEditable() is { } denied)
        {
            return denied;
        }
        var indicator = await Db.Indicators.AsNoTracking().FirstOrDefaultAsync(i => i.Id == Id && i.ProductId == Product.Id, ct);
        if (indicator is null)
        {
            return NotFound();
        }
        if (await Measurement.SaveAsync(ModelState, nameof(Measurement), service.Today, input => service.AddMeasurementAsync(indicator, input, MeasurementSource.Entry, Me, ct)))
        {
            TempData["Success"] = "La mesure est enregistrée.";
            return Redirect($"/produits/{Product.Slug}/indicateurs/{Id}#mesures");
        }
        await LoadIndicatorAsync(ct);
        return Page();
    }

    private async Task<bool> LoadIndicatorAsync(CancellationToken ct)
    {
        var row = await service.GetAsync(Product.Id, Id, ct);
        if (row is null)
        {
            return false;
        }
        Row = row;
        ViewData["Title"] = $"{row.Indicator.Name} — {Product.Name}";
        BuildSeries();
        return true;
    }

    private void BuildSeries()
    {
        var i = Row.Indicator;
        var spec = i.Spec;
        var points = i.Measurements.Select(m => new Point(m.Date, m.Value)).ToList();
        var values = i.Measurements.ToDictionary(m => m.Date, m => m.Value);
        var dates = values.Keys.Append(i.BaselineDate).Append(i.TargetDate).Distinct().Order().ToList();
        var hasTrend = i.Direction != WantedDirection.Range && IndicatorStatusRule.Project(points, i.TargetDate) is not null;
        var trendFrom = points.Count > IndicatorStatusRule.TrendPoints ? points[^IndicatorStatusRule.TrendPoints].Date : points.FirstOrDefault().Date;
        foreach (var date in dates)
        {
            decimal? value = values.TryGetValue(date, out var v) ? v : date == i.BaselineDate ? i.Baseline : null;
            var path = i.Direction == WantedDirection.Range ? i.Target : IndicatorStatusRule.ExpectedAt(spec, date);
            decimal? trend = hasTrend && date >= trendFrom ? IndicatorStatusRule.Project(points, date) : null;
            Series.Add((date, value, path, trend));
        }
        var x = dates.Select(d => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)).ToList();
        // The chart draws only measured points for the first series; the path and the trend are straight lines.
        var measured = Series.Select(s => s.Value).ToList();
        var ys = new List<List<decimal?>> { measured, Series.Select(s => (decimal?)Math.Round(s.Path, 4)).ToList() };
        var names = new List<string> { "Mesures", i.Direction == WantedDirection.Range ? "Borne basse de la cible" : "Trajectoire vers la cible" };
        if (hasTrend)
        {
            ys.Add(Series.Select(s => s.Trend is { } t ? Math.Round(t, 4) : (decimal?)null).ToList());
            names.Add("Tendance projetée");
        }
        ChartX = JsonSerializer.Serialize(ys.Select(_ => x));
        ChartY = JsonSerializer.Serialize(ys);
        ChartNames = JsonSerializer.Serialize(names);
    }
}
