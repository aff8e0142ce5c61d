using Cap.Data;
using Cap.Domain.Steering;
using Cap.Web.Shared;
using Cap.Web.Shared.Refusals;
using Cap.Web.Shared.Auth;
using Microsoft.AspNetCore.Mvc;

namespace Cap.Web.Features.Indicators;

public sealed class CreateModel(CapDbContext db, CurrentUser currentUser, IndicatorService service) : ProductPageModel(db, currentUser), IIndicatorFormPage
{
    public override string TabKey => "indicateurs";
    protected override string PageTitle => "Nouvel indicateur";

    [BindProperty]
    public IndicatorForm Input { get; set; } = new();

    public IndicatorFormOptions Form { get; private set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (DeniedUnlessEditable() is { } denied)
        {
            return denied;
        }
        Input = new IndicatorForm { BaselineDate = service.Today, TargetDate = service.Today.AddMonths(12), Frequency = Domain.Steering.UpdateFrequency.Monthly };
        await LoadFormAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (DeniedUnlessEditable() is { } denied)
        {
            return denied;
        }
        var (input, parseErrors) = Input.ToInput();
        // A field that did not parse is refused before anything is written.
        var result = parseErrors.Count == 0 ? await service.CreateAsync(Product.Id, input, ct) : IndicatorForm.Unparsed(parseErrors, IndicatorRules.Validate(input));
        if (result.Value is { } indicator)
        {
            TempData["Success"] = "L’indicateur est créé.";
            return Redirect($"/produits/{Product.Slug}/indicateurs/{indicator.Id}");
        }
        IndicatorForm.Show(ModelState, nameof(Input), result.Refusal!);
        // Shown again with the messages beside the fields: 422 (decision 0013's page edge).
        Response.StatusCode = result.Refusal!.PageStatus();
        await LoadFormAsync(ct);
        return Page();
    }

    private async Task LoadFormAsync(CancellationToken ct) => Form = new IndicatorFormOptions
    {
        Objectives = IndicatorFormOptions.ObjectiveItems(await service.ObjectivesAsync(Product.Id, ct)),
        SubmitLabel = "Créer l’indicateur",
        CancelUrl = $"/produits/{Product.Slug}/indicateurs",
    };
}
