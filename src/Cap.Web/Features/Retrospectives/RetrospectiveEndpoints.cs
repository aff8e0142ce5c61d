using Cap.Data;
using Cap.Domain.Platform;
using Cap.Domain.Retrospectives;
using Cap.Web.Features.Catalogue;
using Cap.Web.Shared.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Cap.Web.Shared.Problems;
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
        var group = api.MapGroup("/products/{slug}/retrospectives").WithTags("Rétrospectives");
        group.MapGet("/", List).WithName("ListRetrospectives").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:int}", Get).WithName("GetRetrospective").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", Create).WithName("CreateRetrospective")
            .Produces<RetrospectiveView>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/{id:int}/items", AddItem).WithName("AddRetrospectiveItem")
            .Produces<RetroItemView>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/{id:int}/actions", AddAction).WithName("AddRetrospectiveAction")
            .Produces<RetroActionView>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPut("/{id:int}/actions/{actionId:int}", UpdateAction).WithName("UpdateRetrospectiveAction")
            .Produces<RetroActionView>().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/{id:int}/actions/{actionId:int}/review", ReviewAction).WithName("ReviewEarlierRetrospectiveAction")
            .Produces<RetroActionView>().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/{id:int}/close", Close).WithName("CloseRetrospective")
            .Produces<RetrospectiveView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    /// <summary>Liste les rétrospectives du produit (la plus récente d’abord) et la part des actions réalisées par mois de décision.</summary>
    public static async Task<Results<Ok<RetrospectiveListView>, ProblemHttpResult>> List(string slug, CapDbContext db, RetrospectiveQueries service, CancellationToken ct)
    {
        var productId = await ProductIdAsync(db, slug, ct);
        return productId is null
            ? ApiProblems.ProductNotFound(slug)
            : TypedResults.Ok(new RetrospectiveListView(await service.ListAsync(productId.Value, ct), await service.DoneSharePerMonthAsync(productId.Value, ct)));
    }

    /// <summary>Lit une rétrospective : éléments, actions décidées, actions ouvertes des rétrospectives précédentes à passer en revue et actions reportées.</summary>
    public static async Task<Results<Ok<RetrospectiveView>, ProblemHttpResult>> Get(string slug, int id, CapDbContext db, RetrospectiveQueries service, CancellationToken ct)
    {
        var productId = await ProductIdAsync(db, slug, ct);
        if (productId is null)
        {
            return ApiProblems.ProductNotFound(slug);
        }
        return await service.LoadAsync(productId.Value, id, ct) is { } view ? TypedResults.Ok(view) : RetrospectiveNotFound();
    }

    /// <summary>Crée une rétrospective (heldOn requis ; iterationId : une itération du produit sans rétrospective, ou rien pour une rétrospective libre ; title facultatif).</summary>
    public static Task<IResult> Create(string slug, RetrospectiveInput input, CapDbContext db, CurrentUser user, RetrospectiveBoard service, RetrospectiveQueries queries, CancellationToken ct) =>
        WriteAsync(slug, db, user, async (productId, _) =>
        {
            var result = await service.CreateAsync(productId, input, ct);
            return result.Refusal is { } refusal
                ? new Refused(refusal)
                : TypedResults.Created($"/api/v1/products/{slug}/retrospectives/{result.Value}", await queries.LoadAsync(productId, result.Value, ct));
        }, ct);

    /// <summary>Ajoute un élément (kind : Works « ce qui fonctionne » ou ToImprove « à améliorer » ; text de 1 à 1000 caractères).</summary>
    public static Task<IResult> AddItem(string slug, int id, RetroItemInput input, CapDbContext db, CurrentUser user, RetrospectiveBoard service, CancellationToken ct) =>
        WriteAsync(slug, db, user, async (productId, person) =>
        {
            var result = await service.AddItemAsync(productId, id, input, person.Id, ct);
            return result.Refusal is { } refusal ? new Refused(refusal) : TypedResults.Created($"/api/v1/products/{slug}/retrospectives/{id}", result.Value);
        }, ct);

    /// <summary>Décide une action (title ; ownerPersonId : un membre de l’équipe, obligatoire ; dueDate facultative, pas avant la rétrospective).</summary>
    public static Task<IResult> AddAction(string slug, int id, RetroActionInput input, CapDbContext db, CurrentUser user, RetroActionFollowUp service, CancellationToken ct) =>
        WriteAsync(slug, db, user, async (productId, _) =>
        {
            var result = await service.AddActionAsync(productId, id, input, ct);
            return result.Refusal is { } refusal ? new Refused(refusal) : TypedResults.Created($"/api/v1/products/{slug}/retrospectives/{id}", result.Value);
        }, ct);

    /// <summary>Modifie une action de cette rétrospective : status (Open, InProgress, Done, Abandoned), ownerPersonId, dueDate ; les champs absents sont gardés ; version doit être la version lue (sinon 409).</summary>
    public static Task<IResult> UpdateAction(string slug, int id, int actionId, RetroActionUpdate input, CapDbContext db, CurrentUser user, RetroActionFollowUp service, CancellationToken ct) =>
        WriteAsync(slug, db, user, async (productId, _) =>
        {
            var result = await service.UpdateActionAsync(productId, id, actionId, input, ct);
            return result.Refusal is { } refusal ? new Refused(refusal) : TypedResults.Ok(result.Value);
        }, ct);

    /// <summary>Passe en revue, au début de cette rétrospective, une action ouverte d’une rétrospective précédente (outcome : Done, Abandoned ou Carry : elle reste ouverte et est marquée reportée).</summary>
    public static Task<IResult> ReviewAction(string slug, int id, int actionId, ActionReviewInput input, CapDbContext db, CurrentUser user, RetroActionFollowUp service, CancellationToken ct) =>
        WriteAsync(slug, db, user, async (productId, _) =>
        {
            var result = await service.ReviewAsync(productId, id, actionId, input, ct);
            return result.Refusal is { } refusal ? new Refused(refusal) : TypedResults.Ok(result.Value);
        }, ct);

    /// <summary>Clôt la rétrospective : plus d’élément ni d’action ajoutés ; les statuts des actions restent modifiables.</summary>
    public static Task<IResult> Close(string slug, int id, CapDbContext db, CurrentUser user, RetrospectiveBoard service, RetrospectiveQueries queries, CancellationToken ct) =>
        WriteAsync(slug, db, user, async (productId, _) =>
        {
            var result = await service.CloseAsync(productId, id, ct);
            return result.Refusal is { } refusal ? new Refused(refusal) : TypedResults.Ok(await queries.LoadAsync(productId, id, ct));
        }, ct);

    private static Task<int?> ProductIdAsync(CapDbContext db, string slug, CancellationToken ct) =>
        db.Products.Where(p => p.Slug == slug).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);

    private static async Task<IResult> WriteAsync(string slug, CapDbContext db, CurrentUser user, Func<int, Person, Task<IResult>> write, CancellationToken ct)
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
        return await write(productId.Value, person);
    }

    private static ProblemHttpResult RetrospectiveNotFound() => TypedResults.Problem(new ProblemDetails
    {
        Status = StatusCodes.Status404NotFound,
        Title = "Introuvable",
        Detail = RetrospectiveQueries.NotFoundMessage,
    });
}
