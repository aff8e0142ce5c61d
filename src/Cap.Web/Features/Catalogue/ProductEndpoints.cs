using Cap.Data;
using Cap.Domain;
using Cap.Domain.Catalogue;
using PhaseValue = Cap.Domain.Catalogue.Phase;
using Cap.Domain.Platform;
using Cap.Web.Shared;
using Cap.Web.Shared.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Cap.Web.Shared.Problems;
using Cap.Web.Shared.Products;
using Cap.Web.Shared.Refusals;

namespace Cap.Web.Features.Catalogue;

/// <summary>/api/v1/products: the catalogue for scripts and other tools.</summary>
public static class ProductEndpoints
{
    public static RouteGroupBuilder MapProductEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/products").WithTags("Produits");
        group.MapGet("/", ListProducts).WithName("ListProducts");
        group.MapPost("/", CreateProduct).WithName("CreateProduct").ProducesProblem(StatusCodes.Status409Conflict);
        var product = api.MapProductGroup().WithTags("Produits");
        product.MapGet("/", GetProduct).WithName("GetProduct").ProducesProblem(StatusCodes.Status404NotFound);
        product.MapPut("/", UpdateProduct).WithName("UpdateProduct").RequireProductEdit()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        product.MapPost("/archive", ArchiveProduct).WithName("ArchiveProduct").RequireProductRight(ProductRight.Archive).ProducesProblem(StatusCodes.Status404NotFound);
        product.MapPost("/restore", RestoreProduct).WithName("RestoreProduct").RequireProductRight(ProductRight.Archive).ProducesProblem(StatusCodes.Status404NotFound);
        TeamEndpoints.Map(api);
        return group;
    }

    /// <summary>Liste les produits. Filtres : q (texte, sans accents), domain, directorate, typology (codes), phase (idea, poc, mvp, construction, generalisation, stopped), status (active, archived, all), needsReview (true : vision absente ou non revue depuis six mois), sort (name, name-desc, phase, updated), page, pageSize (1 à 100).</summary>
    public static async Task<Results<Ok<ProductPageResponse>, ValidationProblem>> ListProducts(
        [AsParameters] ProductFilterQuery query, ProductQuery products, CancellationToken ct)
    {
        var (filter, errors) = query.ToFilter();
        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors);
        }
        var page = await products.SearchAsync(filter, ct);
        return TypedResults.Ok(new ProductPageResponse(
            page.Items.Select(ProductSummaryResponse.From).ToList(), page.Total, page.Page, page.PageSize, page.PageCount));
    }

    /// <summary>Lit un produit et son équipe.</summary>
    public static async Task<Ok<ProductResponse>> GetProduct(ProductAccess product, CapDbContext db, CancellationToken ct) =>
        TypedResults.Ok(ProductResponse.From((await LoadAsync(db, product.Id, tracking: false, ct))!));

    /// <summary>Crée un produit ; la personne authentifiée en devient responsable produit (sauf administrateur). Codes inconnus et champs invalides : 400 avec un message par champ ; identifiant déjà pris : 409.</summary>
    public static async Task<Results<Created<ProductResponse>, ValidationProblem, Refused, ProblemHttpResult, ForbidHttpResult>> CreateProduct(
        ProductRequest request, CapDbContext db, ProductService service, CurrentUser currentUser, CancellationToken ct)
    {
        var person = (await currentUser.GetAsync(ct))!;
        if (!Access.CanCreateProduct(person))
        {
            return TypedResults.Forbid();
        }
        var (input, errors) = await ToInputAsync(request, db, ct);
        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors);
        }
        var result = await service.CreateAsync(input, person, ct);
        if (result.Refusal is { } refusal)
        {
            return new Refused(refusal, ApiField);
        }
        var created = (await LoadAsync(db, result.Value!.Id, tracking: false, ct))!;
        return TypedResults.Created($"/api/v1/products/{created.Slug}", ProductResponse.From(created));
    }

    /// <summary>Remplace les champs d’un produit. <c>version</c> doit être la version lue : si le produit a été modifié entre-temps, la réponse est 409 avec la version enregistrée (currentVersion). La phase ne change pas ici : un champ phase différent de la phase actuelle est refusé (422) ; elle change par le comité produit ou par /lifecycle/override.</summary>
    public static async Task<Results<Ok<ProductResponse>, ValidationProblem, Refused, ProblemHttpResult>> UpdateProduct(
        ProductRequest request, ProductAccess access, CapDbContext db, ProductService service, CancellationToken ct)
    {
        var (input, errors) = await ToInputAsync(request, db, ct);
        if (request.Version is null)
        {
            errors["version"] = "Indiquez la version du produit lue avant modification (champ version).";
        }
        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors);
        }
        var product = await LoadAsync(db, access.Id, tracking: true, ct);
        if (product is null)
        {
            return ApiProblems.ProductNotFound(access.Slug);
        }
        if (input.Phase is { } phase && phase != product.Phase)
        {
            return TypedResults.Problem(new ProblemDetails
            {
                Status = StatusCodes.Status422UnprocessableEntity,
                Title = "Changement de phase refusé",
                Detail = $"La phase d’un produit ne se modifie pas par cette requête (phase actuelle : {ApiNames.Name(product.Phase)}) : elle change par une décision du comité produit, ou par une correction d’un administrateur avec POST /api/v1/products/{access.Slug}/lifecycle/override. Omettez le champ phase ou renvoyez la phase actuelle.",
                Extensions = { ["currentPhase"] = ApiNames.Name(product.Phase), ["lifecycle"] = $"/api/v1/products/{access.Slug}/lifecycle" },
            });
        }
        var result = await service.UpdateAsync(product, input, request.Version!.Value, access.Person, ct);
        if (result.Refusal is { } refusal)
        {
            if (refusal.Kind == RefusalKind.NotFound)
            {
                return ApiProblems.ProductNotFound(access.Slug);
            }
            return new Refused(refusal, ApiField);
        }
        return TypedResults.Ok(ProductResponse.From((await LoadAsync(db, result.Value!.Id, tracking: false, ct))!));
    }

    /// <summary>Archive un produit (responsables du produit ou administrateur).</summary>
    public static Task<Ok<ProductResponse>> ArchiveProduct(ProductAccess product, CapDbContext db, ProductService service, TimeProvider time, CancellationToken ct) =>
        SetArchivedAsync(product, true, db, service, time, ct);

    /// <summary>Sort un produit des archives (responsables du produit ou administrateur).</summary>
    public static Task<Ok<ProductResponse>> RestoreProduct(ProductAccess product, CapDbContext db, ProductService service, TimeProvider time, CancellationToken ct) =>
        SetArchivedAsync(product, false, db, service, time, ct);

    private static async Task<Ok<ProductResponse>> SetArchivedAsync(
        ProductAccess access, bool archived, CapDbContext db, ProductService service, TimeProvider time, CancellationToken ct)
    {
        var product = (await LoadAsync(db, access.Id, tracking: true, ct))!;
        await service.SetArchivedAsync(product, archived, time.GetUtcNow(), ct);
        return TypedResults.Ok(ProductResponse.From(product));
    }

    private static Task<Product?> LoadAsync(CapDbContext db, int id, bool tracking, CancellationToken ct)
    {
        var query = db.Products
            .Include(p => p.Directorate).Include(p => p.Domain).Include(p => p.Typology)
            .Include(p => p.Team).ThenInclude(m => m.Person)
            .AsSplitQuery();
        return (tracking ? query : query.AsNoTracking()).FirstOrDefaultAsync(p => p.Id == id, ct);
    }
    private static async Task<(ProductInput Input, Dictionary<string, string> Errors)> ToInputAsync(ProductRequest request, CapDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        async Task<int?> Resolve<T>(IQueryable<T> set, string? code, string field, string what) where T : ReferenceItem
        {
            if (string.IsNullOrWhiteSpace(code))
            {
                return null;
            }
            var id = await set.Where(r => r.Code == code.Trim() && r.IsActive).Select(r => (int?)r.Id).FirstOrDefaultAsync(ct);
            if (id is null)
            {
                errors[field] = $"{what} inconnu(e) ou inactif(ve) : « {code} ». Consultez la liste des codes dans l’API.";
            }
            return id;
        }
        Phase? phase = null;
        if (!string.IsNullOrWhiteSpace(request.Phase))
        {
            if (ApiNames.TryParse<Phase>(request.Phase, out var p))
            {
                phase = p;
            }
            else
            {
                errors["phase"] = $"Phase inconnue : choisissez {ApiNames.Choices<Phase>()}.";
            }
        }
        var input = new ProductInput
        {
            Name = request.Name,
            Slug = request.Slug,
            Summary = request.Summary,
            DirectorateId = await Resolve(db.Directorates, request.Directorate, "directorate", "Direction"),
            DomainId = await Resolve(db.Domains, request.Domain, "domain", "Domaine"),
            TypologyId = await Resolve(db.Typologies, request.Typology, "typology", "Typologie"),
            Phase = phase,
            Url = request.Url,
            Users = request.Users,
            KeyFigures = request.KeyFigures,
        };
        // Shape errors use the API's field names.
        foreach (var (field, message) in ProductRules.Validate(input))
        {
            var apiField = ApiField(field);
            errors.TryAdd(apiField, message);
        }
        return (input, errors);
    }

    private static string ApiField(string field) => field switch
    {
        nameof(ProductInput.DirectorateId) => "directorate",
        nameof(ProductInput.DomainId) => "domain",
        nameof(ProductInput.TypologyId) => "typology",
        _ => char.ToLowerInvariant(field[0]) + field[1..],
    };


}

/// <summary>The catalogue filters as the API's query parameters (English names and values; the screen keeps its French query string).</summary>
public sealed record ProductFilterQuery(
    [FromQuery(Name = "q")] string? Q,
    [FromQuery(Name = "domain")] string? Domain,
    [FromQuery(Name = "directorate")] string? Directorate,
    [FromQuery(Name = "phase")] string? Phase,
    [FromQuery(Name = "typology")] string? Typology,
    [FromQuery(Name = "status")] string? Status,
    [FromQuery(Name = "sort")] string? Sort,
    [FromQuery(Name = "needsReview")] bool? NeedsReview,
    [FromQuery(Name = "page")] int? Page,
    [FromQuery(Name = "pageSize")] int? PageSize)
{
    private static readonly Dictionary<string, string> Statuses = new() { ["active"] = "actifs", ["archived"] = "archives", ["all"] = "tous" };
    private static readonly Dictionary<string, string> Sorts = new() { ["name"] = "nom", ["name-desc"] = "nom-desc", ["phase"] = "phase", ["updated"] = "maj" };

    /// <summary>The filter the catalogue query understands, or the invalid parameters with a French message each.</summary>
    public (ProductFilter Filter, Dictionary<string, string> Errors) ToFilter()
    {
        var errors = new Dictionary<string, string>();
        string? phase = null;
        if (Phase is not null)
        {
            if (ApiNames.TryParse<PhaseValue>(Phase, out var p))
            {
                phase = p.Slug();
            }
            else
            {
                errors["phase"] = $"Phase inconnue : choisissez {ApiNames.Choices<PhaseValue>()}.";
            }
        }
        string? status = null;
        if (Status is not null && !Statuses.TryGetValue(Status, out status))
        {
            errors["status"] = "Statut inconnu : choisissez active, archived ou all.";
        }
        string? sort = null;
        if (Sort is not null && !Sorts.TryGetValue(Sort, out sort))
        {
            errors["sort"] = "Tri inconnu : choisissez name, name-desc, phase ou updated.";
        }
        var filter = new ProductFilter
        {
            Q = Q, Domaine = Domain, Direction = Directorate, Phase = phase, Typologie = Typology, Statut = status, Tri = sort, Revisiter = NeedsReview ?? false,
            Page = Page ?? 1, Taille = PageSize ?? ProductFilter.DefaultPageSize,
        };
        foreach (var (field, message) in filter.Validate())
        {
            errors.TryAdd(field == "taille" ? "pageSize" : field, message);
        }
        return (filter, errors);
    }
}
