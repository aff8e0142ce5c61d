using Cap.Data;
using Cap.Domain;
using Cap.Domain.Steering;
using Cap.Web.Shared;
using Cap.Web.Shared.Refusals;
using Cap.Web.Shared.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Indicators;

/// <summary>Edits an indicator; the version read guards against overwriting someone else's save.</summary>
public sealed class EditModel(CapDbContext db, CurrentUser currentUser, IndicatorService service) : ProductPageModel(db, currentUser), IIndicatorFormPage
{
    public override string TabKey => "indicateurs";
    protected override string PageTitle => "Modifier l’indicateur";

    [FromRoute]
    public int Id { get; set; }

    [BindProperty]
    public IndicatorForm Input { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    public IndicatorFormOptions Form { get; private set; } = new();

    public string IndicatorName { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (DeniedUnlessEditable() is { } denied)
        {
            return denied;
        }
        var indicator = await FindAsync(ct);
        if (indicator is null)
        {
            return NotFound();
        }
        Input = IndicatorForm.From(indicator);
        Version = indicator.Version;
        await LoadFormAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (DeniedUnlessEditable() is { } denied)
        {
            return denied;
        }
        var indicator = await FindAsync(ct);
        if (indicator is null)
        {
            return NotFound();
        }
        var version = Version;
        var (input, parseErrors) = Input.ToInput();
        var result = parseErrors.Count == 0 ? await service.UpdateAsync(indicator, input, version, ct) : IndicatorForm.Unparsed(parseErrors, IndicatorRules.Validate(input));
        if (result.Refusal is not { } refusal)
        {
            TempData["Success"] = "Les modifications sont enregistrées.";
            return Redirect($"/produits/{Product.Slug}/indicateurs/{indicator.Id}");
        }
        IndicatorForm.Show(ModelState, nameof(Input), refusal);
        Response.StatusCode = refusal.PageStatus();
        Version = version;
        await LoadFormAsync(ct);
        return Page();
    }

    private async Task<Indicator?> FindAsync(CancellationToken ct)
    {
        var indicator = await Db.Indicators.FirstOrDefaultAsync(i => i.Id == Id && i.ProductId == Product.Id, ct);
        IndicatorName = indicator?.Name ?? string.Empty;
        return indicator;
    }

    private async Task LoadFormAsync(CancellationToken ct) => Form = new IndicatorFormOptions
    {
        Objectives = IndicatorFormOptions.ObjectiveItems(await service.ObjectivesAsync(Product.Id, ct)),
        SubmitLabel = "Enregistrer les modifications",
        CancelUrl = $"/produits/{Product.Slug}/indicateurs/{Id}",
    };
}
