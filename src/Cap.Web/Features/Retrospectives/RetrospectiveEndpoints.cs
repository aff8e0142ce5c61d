using Cap.Domain.Retrospectives;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Cap.Web.Shared.Products;
using Cap.Web.Shared.Refusals;

namespace Cap.Web.Features.Retrospectives;

/// <summary>The list of a product's retrospectives and the share of its actions done per month.</summary>
public sealed record RetrospectiveListView(IReadOnlyList<RetrospectiveRow> Retrospectives, IReadOnlyList<DoneShare> DoneShareByMonth);

/// <summary>
/// /api/v1/products/{slug}/retrospectives: read by every signed-in person, written by the product's team. A command
/// refused by a rule (an action without owner or with an owner outside the team, a due date before the retrospective,
/// an empty item): 422 with the field's French message; an iteration that already has its retrospective, a closed
/// retrospective, a stale <c>version</c>: 409. Nothing is saved when a command is refused (see <see cref="Refused"/>).
/// </summary>
public static class RetrospectiveEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapProductGroup("/retrospectives").WithTags("Rétrospectives");
        group.MapGet("/", List).WithName("ListRetrospectives").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:int}", Get).WithName("GetRetrospective").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", Create).WithName("CreateRetrospective").RequireProductEdit()
            .Produces<RetrospectiveView>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/{id:int}/items", AddItem).WithName("AddRetrospectiveItem").RequireProductEdit()
            .Produces<RetroItemView>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/{id:int}/actions", AddAction).WithName("AddRetrospectiveAction").RequireProductEdit()
            .Produces<RetroActionView>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPut("/{id:int}/actions/{actionId:int}", UpdateAction).WithName("UpdateRetrospectiveAction").RequireProductEdit()
            .Produces<RetroActionView>().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/{id:int}/actions/{actionId:int}/review", ReviewAction).WithName("ReviewEarlierRetrospectiveAction").RequireProductEdit()
            .Produces<RetroActionView>().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/{id:int}/close", Close).WithName("CloseRetrospective").RequireProductEdit()
            .Produces<RetrospectiveView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    /// <summary>Liste les rétrospectives du produit (la plus récente d’abord) et la part des actions réalisées par mois de décision.</summary>
    public static async Task<Ok<RetrospectiveListView>> List(ProductAccess product, RetrospectiveQueries service, CancellationToken ct) =>
        TypedResults.Ok(new RetrospectiveListView(await service.ListAsync(product.Id, ct), await service.DoneSharePerMonthAsync(product.Id, ct)));

    /// <summary>Lit une rétrospective : éléments, actions décidées, actions ouvertes des rétrospectives précédentes à passer en revue et actions reportées.</summary>
    public static async Task<Results<Ok<RetrospectiveView>, ProblemHttpResult>> Get(int id, ProductAccess product, RetrospectiveQueries service, CancellationToken ct) =>
        await service.LoadAsync(product.Id, id, ct) is { } view ? TypedResults.Ok(view) : RetrospectiveNotFound();

    /// <summary>Crée une rétrospective (heldOn requis ; iterationId : une itération du produit sans rétrospective, ou rien pour une rétrospective libre ; title facultatif).</summary>
    public static async Task<Results<Created<RetrospectiveView>, Refused>> Create(RetrospectiveInput input, ProductAccess product, RetrospectiveBoard service, RetrospectiveQueries queries, CancellationToken ct)
    {
        var result = await service.CreateAsync(product.Id, input, ct);
        return result.Refusal is { } refusal
            ? new Refused(refusal)
            : TypedResults.Created($"/api/v1/products/{product.Slug}/retrospectives/{result.Value}", (await queries.LoadAsync(product.Id, result.Value, ct))!);
    }

    /// <summary>Ajoute un élément (kind : Works « ce qui fonctionne » ou ToImprove « à améliorer » ; text de 1 à 1000 caractères).</summary>
    public static async Task<Results<Created<RetroItemView>, Refused>> AddItem(int id, RetroItemInput input, ProductAccess product, RetrospectiveBoard service, CancellationToken ct)
    {
        var result = await service.AddItemAsync(product.Id, id, input, product.Person.Id, ct);
        return result.Refusal is { } refusal ? new Refused(refusal) : TypedResults.Created($"/api/v1/products/{product.Slug}/retrospectives/{id}", result.Value!);
    }

    /// <summary>Décide une action (title ; ownerPersonId : un membre de l’équipe, obligatoire ; dueDate facultative, pas avant la rétrospective).</summary>
    public static async Task<Results<Created<RetroActionView>, Refused>> AddAction(int id, RetroActionInput input, ProductAccess product, RetroActionFollowUp service, CancellationToken ct)
    {
        var result = await service.AddActionAsync(product.Id, id, input, ct);
        return result.Refusal is { } refusal ? new Refused(refusal) : TypedResults.Created($"/api/v1/products/{product.Slug}/retrospectives/{id}", result.Value!);
    }

    /// <summary>Modifie une action de cette rétrospective : status (Open, InProgress, Done, Abandoned), ownerPersonId, dueDate ; les champs absents sont gardés ; version doit être la version lue (sinon 409).</summary>
    public static async Task<Results<Ok<RetroActionView>, Refused>> UpdateAction(int id, int actionId, RetroActionUpdate input, ProductAccess product, RetroActionFollowUp service, CancellationToken ct)
    {
        var result = await service.UpdateActionAsync(product.Id, id, actionId, input, ct);
        return result.Refusal is { } refusal ? new Refused(refusal) : TypedResults.Ok(result.Value!);
    }

    /// <summary>Passe en revue, au début de cette rétrospective, une action ouverte d’une rétrospective précédente (outcome : Done, Abandoned ou Carry : elle reste ouverte et est marquée reportée).</summary>
    public static async Task<Results<Ok<RetroActionView>, Refused>> ReviewAction(int id, int actionId, ActionReviewInput input, ProductAccess product, RetroActionFollowUp service, CancellationToken ct)
    {
        var result = await service.ReviewAsync(product.Id, id, actionId, input, ct);
        return result.Refusal is { } refusal ? new Refused(refusal) : TypedResults.Ok(result.Value!);
    }

    /// <summary>Clôt la rétrospective : plus d’élément ni d’action ajoutés ; les statuts des actions restent modifiables.</summary>
    public static async Task<Results<Ok<RetrospectiveView>, Refused>> Close(int id, ProductAccess product, RetrospectiveBoard service, RetrospectiveQueries queries, CancellationToken ct)
    {
        var result = await service.CloseAsync(product.Id, id, ct);
        return result.Refusal is { } refusal ? new Refused(refusal) : TypedResults.Ok((await queries.LoadAsync(product.Id, id, ct))!);
    }

    private static ProblemHttpResult RetrospectiveNotFound() => TypedResults.Problem(new ProblemDetails
    {
        Status = StatusCodes.Status404NotFound,
        Title = "Introuvable",
        Detail = RetrospectiveQueries.NotFoundMessage,
    });
}
