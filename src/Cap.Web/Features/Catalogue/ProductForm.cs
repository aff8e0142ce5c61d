using Cap.Data;
using Cap.Domain.Catalogue;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Cap.Web.Shared;

namespace Cap.Web.Features.Catalogue;

/// <summary>The options and rights that the create and edit forms share (see _ProductForm.cshtml).</summary>
public sealed class ProductFormOptions
{
    public List<SelectListItem> Directorates { get; init; } = [];
    public List<SelectListItem> Domains { get; init; } = [];
    public List<SelectListItem> Typologies { get; init; } = [];
    public List<SelectListItem> Phases { get; init; } = ReferenceOptions.Phases(bySlug: false);
    public bool CanChoosePhase { get; init; }
    /// <summary>On the edit form, the phase shown read-only (it changes in the life-cycle tab).</summary>
    public Phase? CurrentPhase { get; init; }
    /// <summary>Where the phase changes: the product's « Cycle de vie » tab.</summary>
    public string? LifeCycleUrl { get; init; }
    public string SubmitLabel { get; init; } = "Enregistrer";
    public string? CancelUrl { get; init; }

    public static async Task<ProductFormOptions> LoadAsync(CapDbContext db, ProductInput? current, bool canChoosePhase, string submitLabel, string? cancelUrl, CancellationToken ct,
        Phase? currentPhase = null, string? lifeCycleUrl = null) => new()
    {
        CurrentPhase = currentPhase,
        LifeCycleUrl = lifeCycleUrl,
        Directorates = await ReferenceOptions.ByIdAsync(db, ReferenceKind.Directorate, current?.DirectorateId, ct),
        Domains = await ReferenceOptions.ByIdAsync(db, ReferenceKind.Domain, current?.DomainId, ct),
        Typologies = await ReferenceOptions.ByIdAsync(db, ReferenceKind.Typology, current?.TypologyId, ct),
        CanChoosePhase = canChoosePhase,
        SubmitLabel = submitLabel,
        CancelUrl = cancelUrl,
    };

    public static ProductInput InputFrom(Product p) => new()
    {
        Name = p.Name, Slug = p.Slug, Summary = p.Summary, DirectorateId = p.DirectorateId, DomainId = p.DomainId,
        TypologyId = p.TypologyId, Url = p.Url, Users = p.Users, KeyFigures = p.KeyFigures,
    };
}

/// <summary>A page that shows the product form: the partial binds to <see cref="Input"/> so field names and errors match the page's.</summary>
public interface IProductFormPage
{
    ProductInput Input { get; }
    ProductFormOptions Form { get; }
}
