using Cap.Data;
using Cap.Domain.Steering;
using Cap.Web.Shared;
using Cap.Web.Shared.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Indicators;

/// <summary>Deletes an indicator and its measurements after a confirmation.</summary>
public sealed class DeleteModel(CapDbContext db, CurrentUser currentUser, IndicatorService service) : ProductPageModel(db, currentUser)
{
    public override string TabKey => "indicateurs";
    protected override string PageTitle => "Supprimer l’indicateur";

    [FromRoute]
    public int Id { get; set; }

    public Indicator Indicator { get; private set; } = default!;
    public int MeasurementCount { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var denied = await LoadAsync(ct);
        if (denied is not null)
        {
            return denied;
        }
        MeasurementCount = await Db.Measurements.CountAsync(m => m.IndicatorId == Id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var denied = await LoadAsync(ct);
        if (denied is not null)
        {
            return denied;
        }
        await service.DeleteAsync(Indicator, ct);
        TempData["Success"] = $"L’indicateur « {Indicator.Name} » est supprimé.";
        return Redirect($"/produits/{Product.Slug}/indicateurs");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (DeniedUnlessEditable() is { } denied)
        {
            return denied;
        }
        var indicator = await Db.Indicators.FirstOrDefaultAsync(i => i.Id == Id && i.ProductId == Product.Id, ct);
        if (indicator is null)
        {
            return NotFound();
        }
        Indicator = indicator;
        return null;
    }
}
