using Cap.Data;
using Cap.Web.Shared;
using Cap.Web.Shared.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Indicators;

/// <summary>Edits or deletes one measurement (both audited by the context).</summary>
public sealed class MeasurementModel(CapDbContext db, CurrentUser currentUser, IndicatorService service) : ProductPageModel(db, currentUser)
{
    public override string TabKey => "indicateurs";
    protected override string PageTitle => "Modifier une mesure";

    [FromRoute]
    public int Id { get; set; }

    [FromRoute]
    public long MeasurementId { get; set; }

    [BindProperty]
    public MeasurementForm Measurement { get; set; } = new();

    public string IndicatorName { get; private set; } = string.Empty;
    public string Unit { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var (denied, m) = await LoadAsync(ct);
        if (denied is not null)
        {
            return denied;
        }
        Measurement = new MeasurementForm { Date = m!.Date, Value = IndicatorForm.Text(m.Value), Comment = m.Comment };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (denied, m) = await LoadAsync(ct);
        if (denied is not null)
        {
            return denied;
        }
        if (await Measurement.SaveAsync(ModelState, nameof(Measurement), service.Today, input => service.UpdateMeasurementAsync(m!, input, ct)))
        {
            TempData["Success"] = "La mesure est modifiée.";
            return Redirect($"/produits/{Product.Slug}/indicateurs/{Id}#mesures");
        }
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        var (denied, m) = await LoadAsync(ct);
        if (denied is not null)
        {
            return denied;
        }
        await service.DeleteMeasurementAsync(m!, ct);
        TempData["Success"] = $"La mesure du {m!.Date:dd/MM/yyyy} est supprimée.";
        return Redirect($"/produits/{Product.Slug}/indicateurs/{Id}#mesures");
    }

    private async Task<(IActionResult?, Domain.Steering.Measurement?)> LoadAsync(CancellationToken ct)
    {
        if (!CanEdit)
        {
            return (Forbid(), null);
        }
        var indicator = await Db.Indicators.AsNoTracking().FirstOrDefaultAsync(i => i.Id == Id && i.ProductId == Product.Id, ct);
        var measurement = indicator is null ? null : await service.FindMeasurementAsync(Id, MeasurementId, ct);
        if (measurement is null)
        {
            return (NotFound(), null);
        }
        IndicatorName = indicator!.Name;
        Unit = indicator.UnitText;
        return (null, measurement);
    }
}
