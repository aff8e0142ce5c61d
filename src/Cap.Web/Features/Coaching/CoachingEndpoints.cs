using Cap.Data;
using Cap.Domain;
using Cap.Domain.Coaching;
using Cap.Domain.Platform;
using Cap.Web.Shared;
using Cap.Web.Shared.Auth;
using Cap.Web.Shared.Problems;
using Cap.Web.Shared.Refusals;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Coaching;

public sealed record VersionBody(int? Version);
public sealed record DeclineBody(string? Reason, int? Version);
public sealed record MergeBody(int? DuplicateOfId, int? Version);
public sealed record AssignBody(IReadOnlyList<int>? CoachIds, int? Version);
public sealed record ScheduleBody(DateOnly? Date, int? Version);
public sealed record CloseBody(string? Outcome, bool? AutonomyGained, int? Version);
public sealed record RateBody(int? Rating, string? Comment);
/// <summary>A message of the thread; <c>question: true</c> (coaches only) asks the team a question.</summary>
public sealed record MessageBody(string? Body, bool Question = false);

/// <summary>
/// /api/v1/coaching: the catalogue (administrators write), requests and their transitions, sessions. Every signed-in
/// person reads; the product's team asks, writes in the thread and rates; coaches triage, plan, record sessions and close.
/// Refusals are ProblemDetails: 403 (rights), 404, 409 (the request's status forbids it, stale version), 422 (invalid field).
/// </summary>
public static class CoachingEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/coaching").WithTags("Accompagnement");
        group.MapGet("/interventions", GetInterventions).WithName("ListCoachingInterventions");
        group.MapPost("/interventions", CreateIntervention)
            .WithName("CreateCoachingIntervention").WithSummary("Ajoute un accompagnement au catalogue (administrateurs).")
            .Produces<InterventionView>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status403Forbidden).ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPut("/interventions/{id:int}", UpdateIntervention)
            .WithName("UpdateCoachingIntervention").WithSummary("Modifie un accompagnement du catalogue (administrateurs) ; version doit être la version lue (sinon 409).")
            .Produces<InterventionView>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapGet("/requests", GetRequests).WithName("ListCoachingRequests").ProducesValidationProblem();
        group.MapPost("/requests", CreateRequest).WithName("CreateCoachingRequest")
            .Produces<CoachingRequestDetail>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/requests/{id:int}", GetRequest).WithName("GetCoachingRequest").ProducesProblem(StatusCodes.Status404NotFound);

        MapTransition(group, "accept", AcceptRequest, "AcceptCoachingRequest", "Accepte une demande nouvelle ou en instruction (coachs).");
        MapTransition(group, "decline", DeclineRequest, "DeclineCoachingRequest", "Refuse une demande nouvelle ou en instruction, avec la raison (coachs).");
        MapTransition(group, "merge", MergeRequest, "MergeCoachingRequest", "Ferme la demande comme doublon d’une autre demande ouverte du même produit (coachs).");
        MapTransition(group, "assign", AssignRequest, "AssignCoachingRequest", "Affecte un ou plusieurs coachs (identifiants de personnes ayant le rôle Coach).");
        MapTransition(group, "schedule", ScheduleRequest, "ScheduleCoachingRequest", "Planifie la première séance d’une demande acceptée ayant un coach (date : aaaa-mm-jj).");
        MapTransition(group, "close", CloseRequest, "CloseCoachingRequest", "Termine l’accompagnement avec son résultat ; autonomyGained : l’équipe a-t-elle gagné en autonomie ?");
        MapTransition(group, "rate", RateRequest, "RateCoachingRequest", "L’équipe du produit évalue l’accompagnement terminé, de 1 à 5, une fois.");
        MapTransition(group, "messages", PostMessage, "PostCoachingMessage", "Écrit dans la conversation (équipe et coachs) ; question: true pour une question de coach.");

        group.MapGet("/requests/{id:int}/sessions", GetSessions).WithName("ListCoachingSessions").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/requests/{id:int}/sessions", RecordSession)
            .WithName("RecordCoachingSession").WithSummary("Enregistre une séance (coachs) ; seulement après l’acceptation de la demande (sinon 409).")
            .Produces<CoachingRequestDetail>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
    }

    /// <summary>A transition of a request: <c>POST /requests/{id}/{action}</c>, answered with the request as it now stands.</summary>
    private static void MapTransition(RouteGroupBuilder group, string action, Delegate handler, string name, string summary) =>
        group.MapPost($"/requests/{{id:int}}/{action}", handler)
            .WithName(name).WithSummary(summary)
            .Produces<CoachingRequestDetail>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);

    public static async Task<Results<Created<InterventionView>, ForbidHttpResult, Refused>> CreateIntervention(
        InterventionInput input, CoachingCatalogue service, CurrentUser user, CancellationToken ct)
    {
        if (await PersonAsync(user, ct) is not { } me)
        {
            return TypedResults.Forbid();
        }
        var saved = await SaveInterventionAsync(null, input, me, service, ct);
        return saved.Refusal is { } refusal ? new Refused(refusal) : TypedResults.Created($"/api/v1/coaching/interventions/{saved.Value!.Id}", saved.Value);
    }

    public static async Task<Results<Ok<InterventionView>, ForbidHttpResult, Refused>> UpdateIntervention(
        int id, InterventionInput input, CoachingCatalogue service, CurrentUser user, CancellationToken ct)
    {
        if (await PersonAsync(user, ct) is not { } me)
        {
            return TypedResults.Forbid();
        }
        var saved = await SaveInterventionAsync(id, input, me, service, ct);
        return saved.Refusal is { } refusal ? new Refused(refusal) : TypedResults.Ok(saved.Value!);
    }

    public static Task<Results<Ok<CoachingRequestDetail>, ForbidHttpResult, Refused>> AcceptRequest(int id, VersionBody body, CoachingRequestWorkflow service, CoachingQueries queries, CurrentUser user, CancellationToken ct) =>
        TransitionAsync(id, queries, user, me => service.AcceptAsync(me, id, body.Version, ct), ct);

    public static Task<Results<Ok<CoachingRequestDetail>, ForbidHttpResult, Refused>> DeclineRequest(int id, DeclineBody body, CoachingRequestWorkflow service, CoachingQueries queries, CurrentUser user, CancellationToken ct) =>
        TransitionAsync(id, queries, user, me => service.DeclineAsync(me, id, body.Reason, body.Version, ct), ct);

    public static Task<Results<Ok<CoachingRequestDetail>, ForbidHttpResult, Refused>> MergeRequest(int id, MergeBody body, CoachingRequestWorkflow service, CoachingQueries queries, CurrentUser user, CancellationToken ct) =>
        TransitionAsync(id, queries, user, me => service.MergeAsync(me, id, body.DuplicateOfId, body.Version, ct), ct);

    public static Task<Results<Ok<CoachingRequestDetail>, ForbidHttpResult, Refused>> AssignRequest(int id, AssignBody body, CoachingRequestWorkflow service, CoachingQueries queries, CurrentUser user, CancellationToken ct) =>
        TransitionAsync(id, queries, user, me => service.AssignAsync(me, id, body.CoachIds ?? [], body.Version, ct), ct);

    public static Task<Results<Ok<CoachingRequestDetail>, ForbidHttpResult, Refused>> ScheduleRequest(int id, ScheduleBody body, CoachingRequestWorkflow service, CoachingQueries queries, CurrentUser user, CancellationToken ct) =>
        TransitionAsync(id, queries, user, me => service.ScheduleAsync(me, id, body.Date, body.Version, ct), ct);

    public static Task<Results<Ok<CoachingRequestDetail>, ForbidHttpResult, Refused>> CloseRequest(int id, CloseBody body, CoachingRequestWorkflow service, CoachingQueries queries, CurrentUser user, CancellationToken ct) =>
        TransitionAsync(id, queries, user, me => service.CloseAsync(me, id, body.Outcome, body.AutonomyGained, body.Version, ct), ct);

    public static Task<Results<Ok<CoachingRequestDetail>, ForbidHttpResult, Refused>> RateRequest(int id, RateBody body, CoachingRequestWorkflow service, CoachingQueries queries, CurrentUser user, CancellationToken ct) =>
        TransitionAsync(id, queries, user, me => service.RateAsync(me, id, body.Rating, body.Comment, ct), ct);

    public static Task<Results<Ok<CoachingRequestDetail>, ForbidHttpResult, Refused>> PostMessage(int id, MessageBody body, CoachingRequestWorkflow service, CoachingQueries queries, CurrentUser user, CancellationToken ct) =>
        TransitionAsync(id, queries, user, me => body.Question ? service.QuestionAsync(me, id, body.Body, null, ct) : service.MessageAsync(me, id, body.Body, ct), ct);

    public static async Task<Results<Created<CoachingRequestDetail>, ForbidHttpResult, Refused>> RecordSession(
        int id, SessionInput input, CoachingRequestWorkflow service, CoachingQueries queries, CurrentUser user, CancellationToken ct)
    {
        if (await PersonAsync(user, ct) is not { } me)
        {
            return TypedResults.Forbid();
        }
        return (await service.RecordSessionAsync(me, id, input, ct)).Refusal is { } refusal
            ? new Refused(refusal)
            : TypedResults.Created($"/api/v1/coaching/requests/{id}/sessions", (await queries.LoadAsync(id, ct))!);
    }

    /// <summary>Le catalogue des accompagnements proposés (les administrateurs voient aussi les inactifs).</summary>
    public static async Task<Ok<List<InterventionView>>> GetInterventions(CoachingCatalogue service, CurrentUser user, CancellationToken ct) =>
        TypedResults.Ok(await service.InterventionsAsync(activeOnly: !await user.IsAdminAsync(ct), ct));

    /// <summary>Les demandes d’accompagnement, les plus récentes d’abord ; filtres : product (identifiant du produit), status (new, under-review, accepted, scheduled, in-progress, completed, declined), coach (identifiant de personne).</summary>
    public static async Task<Results<Ok<List<CoachingRequestSummary>>, ValidationProblem>> GetRequests(
        CoachingQueries service, CapDbContext db, [FromQuery] string? product, [FromQuery] string? status, [FromQuery] int? coach, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        int? productId = null;
        if (!string.IsNullOrWhiteSpace(product))
        {
            productId = await db.Products.Where(p => p.Slug == product).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
            if (productId is null)
            {
                errors["product"] = $"Aucun produit n’a l’identifiant « {product} ».";
            }
        }
        List<CoachingStatus>? statuses = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (ApiNames.TryParse<CoachingStatus>(status, out var s))
            {
                statuses = [s];
            }
            else
            {
                errors["status"] = $"Statut inconnu : {ApiNames.Choices<CoachingStatus>()}.";
            }
        }
        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors);
        }
        return TypedResults.Ok(await service.ListAsync(productId, statuses, coach, 500, ct));
    }

    /// <summary>Une demande d’accompagnement avec sa conversation et ses séances.</summary>
    public static async Task<Results<Ok<CoachingRequestDetail>, ProblemHttpResult>> GetRequest(int id, CoachingQueries service, CancellationToken ct) =>
        await service.LoadAsync(id, ct) is { } detail ? TypedResults.Ok(detail) : NotFound();

    /// <summary>Les séances d’une demande, dans l’ordre des dates.</summary>
    public static async Task<Results<Ok<IReadOnlyList<CoachingSessionView>>, ProblemHttpResult>> GetSessions(int id, CoachingQueries service, CancellationToken ct) =>
        await service.LoadAsync(id, ct) is { } detail ? TypedResults.Ok(detail.Sessions) : NotFound();

    /// <summary>Demande un accompagnement pour un produit (son équipe) : product (identifiant), interventionId, need, context, urgency (Faible, Normale, Haute), availability ; decisionId et supportNeed pour répondre à un besoin identifié par le comité. Produit archivé : 422.</summary>
    public static async Task<Results<Created<CoachingRequestDetail>, ForbidHttpResult, Refused>> CreateRequest(
        CoachingRequestInput input, AskForCoaching service, CoachingQueries queries, CurrentUser user, CancellationToken ct)
    {
        if (await PersonAsync(user, ct) is not { } me)
        {
            return TypedResults.Forbid();
        }
        var result = await service.CreateAsync(me, input, ct);
        return result.Refusal is { } refusal
            ? new Refused(refusal)
            : TypedResults.Created($"/api/v1/coaching/requests/{result.Value}", (await queries.LoadAsync(result.Value, ct))!);
    }

    private static async Task<Result<InterventionView>> SaveInterventionAsync(int? id, InterventionInput input, Person me, CoachingCatalogue service, CancellationToken ct)
    {
        var result = await service.SaveInterventionAsync(me, id, input, ct);
        if (result.Refusal is { } refusal)
        {
            return refusal;
        }
        return (await service.InterventionsAsync(activeOnly: false, ct)).Single(i => i.Id == result.Value);
    }

    private static async Task<Results<Ok<CoachingRequestDetail>, ForbidHttpResult, Refused>> TransitionAsync(
        int id, CoachingQueries queries, CurrentUser user, Func<Person, Task<Result<int>>> command, CancellationToken ct)
    {
        if (await PersonAsync(user, ct) is not { } me)
        {
            return TypedResults.Forbid();
        }
        return (await command(me)).Refusal is { } refusal ? new Refused(refusal) : TypedResults.Ok((await queries.LoadAsync(id, ct))!);
    }

    /// <summary>The signed-in person who writes; null for a product token (coaching is between people) or no one.</summary>
    private static async Task<Person?> PersonAsync(CurrentUser user, CancellationToken ct) =>
        await user.GetAsync(ct) is { } me && !user.IsProductToken ? me : null;

    private static ProblemHttpResult NotFound() => Problem(StatusCodes.Status404NotFound, "Demande introuvable", CoachingQueries.NotFoundMessage);

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(new ProblemDetails { Status = status, Title = title, Detail = detail });
}
