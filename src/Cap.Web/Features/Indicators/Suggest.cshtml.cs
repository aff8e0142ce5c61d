using Cap.Data;
using Cap.Domain.Steering;
using Cap.Web.Shared;
using Cap.Web.Shared.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Indicators;

/// <summary>Adds indicators pre-filled from the product typology's templates, to be completed by the team.</summary>
public sealed class SuggestModel(CapDbContext db, CurrentUser currentUser, IndicatorService service) : ProductPageModel(db, currentUser)
{
    public override string TabKey => "indicateurs";
    protected override string PageTitle => "Indicateurs suggérés";

    [BindProperty]
    public List<int> TemplateIds { get; set; } = [];

    public List<IndicatorTemplate> Templates { get; private set; } = [];

    /// <summary>Names already used by the product's indicators, to mark the suggestions already taken.</summary>
    public HashSet<string> ExistingNames { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var denied = await LoadAsync(ct);
        return denied ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var denied = await LoadAsync(ct);
        if (denied is not null)
        {
            return denied;
        }
        if (TemplateIds.Count == 0)
        {
            TempData["Success"] = "Aucun indicateur suggéré n’a été choisi : rien n’est ajouté.";
            return Redirect($"/produits/{Product.Slug}/indicateurs");
        }
        var typologyId = await Db.Products.Where(p => p.Id == Product.Id).Select(p => p.TypologyId).FirstAsync(ct);
        var added = await service.AddSuggestionsAsync(Product.Id, typologyId, TemplateIds, ct);
        TempData["Success"] = added == 1
            ? "1 indicateur est ajouté : complétez sa référence, sa cible et sa source."
            : $"{added} indicateurs sont ajoutés : complétez leurs références, cibles et sources.";
        return Redirect($"/produits/{Product.Slug}/indicateurs");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (DeniedUnlessEditable() is { } denied)
        {
            return denied;
        }
        var typologyId = await Db.Products.Where(p => p.Id == Product.Id).Select(p => p.TypologyId).FirstAsync(ct);
        Templates = await Db.IndicatorTemplates.AsNoTracking().Where(t => t.TypologyId == typologyId).OrderBy(t => t.Kind).ThenBy(t => t.Id).ToListAsync(ct);
        ExistingNames = (await Db.Indicators.Where(i => i.ProductId == Product.Id).Select(i => i.Name).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        return null;
    }
}
