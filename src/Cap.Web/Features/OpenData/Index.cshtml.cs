using Cap.Data;
using Cap.Domain;
using Cap.Domain.OpenData;
using Cap.Web.Shared;
using Cap.Web.Shared.Auth;
using Cap.Web.Shared.Refusals;
using Cap.Web.Shared.TagHelpers;
using Cap.Domain.Steering;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Cap.Web.Features.OpenData;

/// <summary>
/// The « Données ouvertes » tab: what the product has in the portfolio's open data (a preview of its row, exactly as
/// published) for every reader; the team's editors choose there what is published (nothing by default).
/// </summary>
public sealed class IndexModel(CapDbContext db, CurrentUser currentUser, OpenDataSettings settings, OpenDataset dataset, IOptions<OpenDataOptions> options)
    : ProductPageModel(db, currentUser)
{
    public override string TabKey => "donnees-ouvertes";
    protected override string PageTitle => "Données ouvertes";

    [BindProperty]
    public OpenDataForm Input { get; set; } = new();

    /// <summary>The version read (0 while nothing was saved).</summary>
    [BindProperty]
    public int Version { get; set; }

    public OpenDataChoices Choices { get; private set; } = default!;
    public OpenDataProductItem? Preview { get; private set; }
    public OpenDataOptions Options => options.Value;

    public IEnumerable<DsfrChoice> IndicatorChoices => Choices.Indicators.Select(i => new DsfrChoice(i.Id, i.Name,
        i.LastValue is null ? $"{i.Kind.Label()} · aucune mesure" : $"{i.Kind.Label()} · dernière valeur {Number(i.LastValue)} {i.Unit} au {Day(i.LastDate)}"));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Input = OpenDataForm.From(Choices);
        Version = Choices.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (DeniedUnlessEditable() is { } denied)
        {
            return denied;
        }
        var (input, errors) = Input.ToInput();
        var result = errors.Count == 0
            ? await settings.SaveAsync(Product.Id, input, Version, ct)
            : Result<OpenDataChoices>.Refused(Refusal.Invalid(errors));
        if (result.Refusal is not { } refusal)
        {
            TempData["Success"] = input.IsPublished
                ? "Vos choix sont enregistrés : le produit figure dans les données ouvertes."
                : "Vos choix sont enregistrés : le produit ne figure pas dans les données ouvertes.";
            return Redirect($"/produits/{Product.Slug}/donnees-ouvertes");
        }
        await LoadAsync(ct);
        ModelState.Clear();
        ModelState.AddRefusal(refusal, "Input.");
        if (refusal.Kind == RefusalKind.Conflict)
        {
            // What the person chose stays; the next save is checked against the version now stored.
            Version = refusal.CurrentVersion ?? 0;
        }
        Response.StatusCode = refusal.PageStatus();
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Choices = await settings.LoadAsync(Product.Id, ct);
        Preview = await dataset.PreviewAsync(Product.Id, ct) is { } row ? OpenDataProductItem.From(row) : null;
    }

    /// <summary>A number as French readers write it.</summary>
    public static string Number(decimal? value) =>
        value is { } v ? Cap.Domain.Steering.FlexibleParse.Normalize(v).ToString(System.Globalization.CultureInfo.GetCultureInfo("fr-FR")) : "—";

    public static string Day(string? isoDate) =>
        DateOnly.TryParseExact(isoDate, "yyyy-MM-dd", out var d) ? d.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture) : "—";

    public static string Day(DateOnly? date) => date?.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture) ?? "—";

    public static string SatisfactionText(OpenDataProductItem p) => p.SatisfactionStatus switch
    {
        "publie" => $"{Number(p.SatisfactionIndex)} / 10 ({p.SatisfactionAnswers} avis du {Day(p.SatisfactionFrom)} au {Day(p.SatisfactionTo)})",
        "avis-insuffisants" => $"Nombre d’avis insuffisant ({p.SatisfactionAnswers} avis du {Day(p.SatisfactionFrom)} au {Day(p.SatisfactionTo)})",
        _ => "Non publiée",
    };
}
