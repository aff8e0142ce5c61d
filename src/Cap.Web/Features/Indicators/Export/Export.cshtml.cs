using Cap.Data;
using Cap.Web.Shared;
using Cap.Web.Shared.Auth;
using Microsoft.AspNetCore.Mvc;

namespace Cap.Web.Features.Indicators.Export;

/// <summary>Downloads a product's indicators and measurements: /produits/{slug}/indicateurs/export/csv or /xlsx. Anyone who reads the product may export it.</summary>
public sealed class ExportModel(CapDbContext db, CurrentUser currentUser) : ProductPageModel(db, currentUser)
{
    public override string TabKey => "indicateurs";

    public async Task<IActionResult> OnGetAsync(string format, CancellationToken ct)
    {
        if (format is not ("csv" or "xlsx"))
        {
            return NotFound();
        }
        var name = $"cap-{Product.Slug}-indicateurs-{DateTime.UtcNow:yyyy-MM-dd}.{format}";
        Response.Headers.ContentDisposition = $"attachment; filename=\"{name}\"";
        if (format == "csv")
        {
            Response.ContentType = "text/csv; charset=utf-8";
            await MeasurementExport.WriteCsvAsync(Db, Product.Id, Response.Body, ct);
        }
        else
        {
            Response.ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            await MeasurementExport.WriteXlsxAsync(Db, Product.Id, Response.Body, ct);
        }
        return new EmptyResult();
    }
}
