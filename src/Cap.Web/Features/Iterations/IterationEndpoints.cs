using Cap.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Cap.Web.Shared.Products;
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
        var group = api.MapProductGroup("/iterations").WithTags("Itérations");
        group.MapGet("/", List).WithName("ListProductIterations")
            .WithSummary("Liste les itérations du produit, de la plus récente à la plus ancienne, avec les indicateurs de cadence.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{number:int}", Get).WithName("GetProductIteration")
            .WithSummary("Lit une itération : objectif, initiatives et leur issue, revue, rétrospective.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", Create).WithName("CreateProductIteration").RequireProductEdit()
            .WithSummary("Planifie une itération (start et end : jours compris, 7 à 42 jours ; après la dernière ; initiativeIds : initiatives de la feuille de route du produit). La phase est celle du produit.")
            .Produces<IterationDetailView>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPut("/{number:int}", Update).WithName("UpdateProductIteration").RequireProductEdit()
            .WithSummary("Remplace les dates, l’objectif et les initiatives d’une itération ; version doit être la version lue (sinon 409).")
            .Produces<IterationDetailView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapDelete("/{number:int}", Delete).WithName("DeleteProductIteration").RequireProductEdit()
            .WithSummary("Supprime la dernière itération, si elle n’a pas de rétrospective (sinon 409) ; renvoie la liste restante.")
            .Produces<IterationListView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPut("/{number:int}/review", Review).WithName("ReviewProductIteration").RequireProductEdit()
            .WithSummary("Enregistre la revue (delivered obligatoire ; feedbackAnswerIds : verbatims du produit ; outcomes : Pending, Done ou NotDone par ligne).")
            .Produces<IterationDetailView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/{number:int}/carry-over", CarryOver).WithName("CarryOverProductIteration").RequireProductEdit()
            .WithSummary("Reporte les initiatives non terminées (toutes, ou les lignes rowIds) sur l’itération suivante, planifiée au besoin ; renvoie l’itération suivante.")
            .Produces<IterationDetailView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    public static async Task<Ok<IterationListView>> List(ProductAccess product, IterationQueries service, CancellationToken ct) =>
        TypedResults.Ok(await service.ListAsync(product.Id, product.Slug, ct));

    public static async Task<Results<Ok<IterationDetailView>, ProblemHttpResult>> Get(int number, ProductAccess product, IterationQueries service, CancellationToken ct) =>
        await service.GetAsync(product.Id, product.Slug, number, ct) is { } view ? TypedResults.Ok(view) : IterationNotFound(number);

    public static async Task<Results<Created<IterationDetailView>, Refused>> Create(IterationInput input, ProductAccess product, IterationPlanning service, IterationQueries queries, CancellationToken ct)
    {
        var result = await service.SaveAsync(product.Id, null, input, ct);
        if (result.Refusal is { } refusal)
        {
            return new Refused(refusal);
        }
        var view = (await queries.GetAsync(product.Id, product.Slug, result.Value!.Number, ct))!;
        return TypedResults.Created($"/api/v1/products/{product.Slug}/iterations/{view.Number}", view);
    }

    public static async Task<Results<Ok<IterationDetailView>, Refused>> Update(int number, IterationInput input, ProductAccess product, IterationPlanning service, IterationQueries queries, CancellationToken ct) =>
        await DetailAsync(await service.SaveAsync(product.Id, number, input, ct), product, queries, ct);

    public static async Task<Results<Ok<IterationListView>, Refused>> Delete(int number, int? version, ProductAccess product, IterationPlanning service, IterationQueries queries, CancellationToken ct) =>
        (await service.DeleteAsync(product.Id, number, version, ct)).Refusal is { } refusal
            ? new Refused(refusal)
            : TypedResults.Ok(await queries.ListAsync(product.Id, product.Slug, ct));

    public static async Task<Results<Ok<IterationDetailView>, Refused>> Review(int number, ReviewInput input, ProductAccess product, IterationReview service, IterationQueries queries, CancellationToken ct) =>
        await DetailAsync(await service.ReviewAsync(product.Id, number, input, ct), product, queries, ct);

    public static async Task<Results<Ok<IterationDetailView>, Refused>> CarryOver(int number, CarryOverInput input, ProductAccess product, IterationReview service, IterationQueries queries, CancellationToken ct) =>
        await DetailAsync(await service.CarryOverAsync(product.Id, number, input, ct), product, queries, ct);

    /// <summary>The iteration a command saved, or its refusal.</summary>
    private static async Task<Results<Ok<IterationDetailView>, Refused>> DetailAsync(Result<IterationSaved> result, ProductAccess product, IterationQueries service, CancellationToken ct) =>
        result.Refusal is { } refusal
            ? new Refused(refusal)
            : TypedResults.Ok((await service.GetAsync(product.Id, product.Slug, result.Value!.Number, ct))!);

    private static ProblemHttpResult IterationNotFound(int number) => TypedResults.Problem(new ProblemDetails
    {
        Status = StatusCodes.Status404NotFound,
        Title = "Itération introuvable",
        Detail = $"Ce produit n’a pas d’itération {number}.",
    });
}
