using Cap.Data;
using Cap.Domain.Catalogue;
using Cap.Domain.Platform;
using Cap.Web.Shared;
using Cap.Web.Shared.Auth;
using Cap.Domain;
using Cap.Web.Shared.Refusals;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Catalogue;

/// <summary>
/// Edits a product. The form carries the version it was read at: if someone saved in between,
/// the save is refused, the differences are shown beside what was typed, and saving again
/// knowingly replaces the other person's values.
/// </summary>
public sealed class EditModel(CapDbContext db, CurrentUser currentUser, ProductService service) : ProductPageModel(db, currentUser), IProductFormPage
{
    public override string TabKey => "apercu";
    protected override string PageTitle => "Modifier";

    [BindProperty]
    public ProductInput Input { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    public ProductFormOptions Form { get; private set; } = new();

    /// <summary>Fields someone else changed since the form was opened: label, stored value, typed value.</summary>
    public List<(string Label, string Stored, string Typed)> ConflictingFields { get; } = [];
    public string? ConflictAuthor { get; private set; }

    public string ConflictCaption => ConflictAuthor is null
        ? "Différences avec la version enregistrée"
        : $"Différences avec la version enregistrée (dernière modification : {ConflictAuthor})";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (DeniedUnlessEditable() is { } denied)
        {
            return denied;
        }
        var product = await Db.Products.AsNoTracking().FirstAsync(p => p.Id == Product.Id, ct);
        Input = ProductFormOptions.InputFrom(product);
        Version = product.Version;
        await LoadFormAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (DeniedUnlessEditable() is { } denied)
        {
            return denied;
        }
        var product = await Db.Products.FirstAsync(p => p.Id == Product.Id, ct);
        if (ModelState.IsValid)
        {
            var result = await service.UpdateAsync(product, Input, Version, Me, ct);
            if (result.Value is { } saved)
            {
                TempData["Success"] = "Les modifications sont enregistrées.";
                return Redirect($"/produits/{saved.Slug}");
            }
            var refusal = result.Refusal!;
            if (refusal.Kind == RefusalKind.NotFound)
            {
                return NotFound();
            }
            if (result.Current is { } stored)
            {
                await DescribeConflictAsync(stored, ct);
            }
            // The form has no phase field any more: a refused phase (an old form or a forged one) goes to the summary.
            ModelState.AddRefusal(refusal with { Errors = refusal.Errors.ToDictionary(e => e.Key == nameof(ProductInput.Phase) ? string.Empty : e.Key, e => e.Value) }, "Input.");
        }
        await LoadFormAsync(ct);
        return Page();
    }

    private async Task DescribeConflictAsync(Product stored, CancellationToken ct)
    {
        var names = await Db.Directorates.AsNoTracking().Select(d => new { d.Id, d.Name }).ToListAsync(ct);
        var domains = await Db.Domains.AsNoTracking().Select(d => new { d.Id, d.Name }).ToListAsync(ct);
        var typologies = await Db.Typologies.AsNoTracking().Select(d => new { d.Id, d.Name }).ToListAsync(ct);
        void Compare(string label, string? storedValue, string? typedValue)
        {
            if (!string.Equals((storedValue ?? string.Empty).Trim(), (typedValue ?? string.Empty).Trim(), StringComparison.Ordinal))
            {
                ConflictingFields.Add((label, string.IsNullOrWhiteSpace(storedValue) ? "(vide)" : storedValue, string.IsNullOrWhiteSpace(typedValue) ? "(vide)" : typedValue));
            }
        }
        Compare("Nom", stored.Name, Input.Name);
        Compare("Identifiant d’adresse", stored.Slug, ProductRules.SlugFor(Input));
        Compare("Résumé", stored.Summary, Input.Summary);
        Compare("Direction", names.FirstOrDefault(n => n.Id == stored.DirectorateId)?.Name, names.FirstOrDefault(n => n.Id == Input.DirectorateId)?.Name);
        Compare("Domaine", domains.FirstOrDefault(n => n.Id == stored.DomainId)?.Name, domains.FirstOrDefault(n => n.Id == Input.DomainId)?.Name);
        Compare("Typologie", typologies.FirstOrDefault(n => n.Id == stored.TypologyId)?.Name, typologies.FirstOrDefault(n => n.Id == Input.TypologyId)?.Name);
        Compare("Adresse du service", stored.Url, Input.Url);
        Compare("Usagers", stored.Users, Input.Users);
        Compare("Chiffres clés", stored.KeyFigures, Input.KeyFigures);
        var last = await Db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(Domain.Catalogue.Product) && a.ProductId == stored.Id)
            .OrderByDescending(a => a.Id).FirstOrDefaultAsync(ct);
        ConflictAuthor = last is null ? null : $"{last.ActorName}, le {Dates.WithTime(last.At)}";
        // Saving again now replaces the stored values knowingly.
        Version = stored.Version;
        ModelState.Remove(nameof(Version));
    }

    private async Task LoadFormAsync(CancellationToken ct) =>
        Form = await ProductFormOptions.LoadAsync(Db, Input, canChoosePhase: false, "Enregistrer les modifications", $"/produits/{Product.Slug}", ct,
            currentPhase: Product.Phase, lifeCycleUrl: $"/produits/{Product.Slug}/cycle-de-vie");
}
