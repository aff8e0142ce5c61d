using Cap.Data;
using Cap.Domain;
using Cap.Domain.Platform;
using Cap.Web.Features.Catalogue;
using Cap.Web.Shared.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Cap.Web.Shared.Problems;
using Cap.Web.Shared.Refusals;

namespace Cap.Web.Features.Iterations;

/// <summary>
/// /api/v1/products/{slug}/iterations: read by every signed-in person, written by the product's team. Refused input
/// (overlap, end before start, more than 6 weeks, another product's initiative or verbatim): 422 with the French message
/// per field; a stale <c>version</c> or a deletion something depends on: 409. Nothing is saved on a refusal.
/// </summary>
public static class IterationEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/products/{slug}/iterations").WithTags("Itérations");
        group.MapGet("/", List).WithName("ListProductIterations")
            .WithSummary("Liste les itérations du produit, de la plus récente à la plus ancienne, avec les indicateurs de cadence.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{number:int}", Get).WithName("GetProductIteration")
            .WithSummary("Lit une itération : objectif, initiatives et leur issue, revue, rétrospective.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", (string slug, IterationInput input, IterationPlanning service, IterationQueries queries, CapDbContext db, CurrentUser user, CancellationToken ct) =>
                WriteAsync(slug, db, user, queries, productId => service.SaveAsync(productId, null, input, ct), StatusCodes.Status201Created, ct))
            .WithName("CreateProductIteration")
            .WithSummary("Planifie une itération (start et end : jours compris, 7 à 42 jours ; après la dernière ; initiativeIds : initiatives de la feuille de route du produit). La phase est celle du produit.")
            .Produces<IterationDetailView>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPut("/{number:int}", (string slug, int number, IterationInput input, IterationPlanning service, IterationQueries queries, CapDbContext db, CurrentUser user, CancellationToken ct) =>
                WriteAsync(slug, db, user, queries, productId => service.SaveAsync(productId, number, input, ct), StatusCodes.Status200OK, ct))
            .WithName("UpdateProductIteration")
            .WithSummary("Remplace les dates, l’objectif et les initiatives d’une itération ; version doit être la version lue (sinon 409).")
            .Produces<IterationDetailView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapDelete("/{number:int}", (string slug, int number, int? version, IterationPlanning service, IterationQueries queries, CapDbContext db, CurrentUser user, CancellationToken ct) =>
                WriteAsync(slug, db, user, queries, productId => service.DeleteAsync(productId, number, version, ct), ListAfterDelete, ct))
            .WithName("DeleteProductIteration")
            .WithSummary("Supprime la dernière itération, si elle n’a pas de rétrospective (sinon 409) ; renvoie la liste restante.")
            .Produces<IterationListView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPut("/{number:int}/review", (string slug, int number, ReviewInput input, IterationReview service, IterationQueries queries, CapDbContext db, CurrentUser user, CancellationToken ct) =>
                WriteAsync(slug, db, user, queries, productId => service.ReviewAsync(productId, number, input, ct), StatusCodes.Status200OK, ct))
            .WithName("ReviewProductIteration")
            .WithSummary("Enregistre la revue (delivered obligatoire ; feedbackAnswerIds : verbatims du produit ; outcomes : Pending, Done ou NotDone par ligne).")
            .Produces<IterationDetailView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/{number:int}/carry-over", (string slug, int number, CarryOverInput input, IterationReview service, IterationQueries queries, CapDbContext db, CurrentUser user, CancellationToken ct) =>
                WriteAsync(slug, db, user, queries, productId => service.CarryOverAsync(productId, number, input, ct), StatusCodes.Status200OK, ct))
            .WithName("CarryOverProductIteration")
            .WithSummary("Reporte les initiatives non terminées (toutes, ou les lignes rowIds) sur l’itération suivante, planifiée au besoin ; renvoie l’itération suivante.")
            .Produces<IterationDetailView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    public static async Task<Results<Ok<IterationListView>, ProblemHttpResult>> List(string slug, CapDbContext db, IterationQueries service, CancellationToken ct)
    {
        var productId = await ProductIdAsync(db, slug, ct);
        return productId is null ? ApiProblems.ProductNotFound(slug) : TypedResults.Ok(await service.ListAsync(productId.Value, slug, ct));
    }

    public static async Task<Results<Ok<IterationDetailView>, ProblemHttpResult>> Get(string slug, int number, CapDbContext db, IterationQueries service, CancellationToken ct)
    {
        var productId = await ProductIdAsync(db, slug, ct);
        if (productId is null)
        {
            return ApiProblems.ProductNotFound(slug);
        }
        return await service.GetAsync(productId.Value, slug, number, ct) is { } view ? TypedResults.Ok(view) : IterationNotFound(number);
    }

    /// <summary>Passed as the success status of a deletion: answer 200 with the remaining list.</summary>
    private const int ListAfterDelete = -1;

    private static Task<int?> ProductIdAsync(CapDbContext db, string slug, CancellationToken ct) =>
        db.Products.Where(p => p.Slug == slug).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);

    private static ProblemHttpResult IterationNotFound(int number) => TypedResults.Problem(new ProblemDetails
    {
        Status = StatusCodes.Status404NotFound,
        Title = "Itération introuvable",
        Detail = $"Ce produit n’a pas d’itération {number}.",
    });

    private static async Task<IResult> WriteAsync(string slug, CapDbContext db, CurrentUser user, IterationQueries service, Func<int, Task<Result<IterationSaved>>> write, int success, CancellationToken ct)
    {
        var productId = await ProductIdAsync(db, slug, ct);
        if (productId is null)
        {
            return ApiProblems.ProductNotFound(slug);
        }
        if (await user.GetAsync(ct) is not { } person || !Access.CanEditProduct(person, await user.RoleInAsync(db, productId.Value, ct)))
        {
            return TypedResults.Forbid();
        }
        var result = await write(productId.Value);
        if (result.Refusal is { } refusal)
        {
            return new Refused(refusal);
        }
        if (success == ListAfterDelete)
        {
            return TypedResults.Ok(await service.ListAsync(productId.Value, slug, ct));
        }
        var view = (await service.GetAsync(productId.Value, slug, result.Value!.Number, ct))!;
        return success == StatusCodes.Status201Created
            ? TypedResults.Created($"/api/v1/products/{slug}/iterations/{view.Number}", view)
            : TypedResults.Ok(view);
    }
}
