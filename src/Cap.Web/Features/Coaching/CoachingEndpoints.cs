using Cap.Data;
using Cap.Domain;
using Cap.Domain.Coaching;
using Cap.Domain.Platform;
using Cap.Web.Shared;
using Cap.Web.Shared.Auth;
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
        group.MapPost("/interventions", (InterventionInput input, CoachingCatalogue service, CurrentUser user, CancellationToken ct) =>
                WriteInterventionAsync(null, input, service, user, ct))
            .WithName("CreateCoachingIntervention").WithSummary("Ajoute un accompagnement au catalogue (administrateurs).")
            .Produces<InterventionView>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status403Forbidden).ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPut("/interventions/{id:int}", (int id, InterventionInput input, CoachingCatalogue service, CurrentUser user, CancellationToken ct) =>
                WriteInterventionAsync(id, input, service, user, ct))
            .WithName("UpdateCoachingIntervention").WithSummary("Modifie un accompagnement du catalogue (administrateurs) ; version doit être la version lue (sinon 409).")
            .Produces<InterventionView>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapGet("/requests", GetRequests).WithName("ListCoachingRequests").ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapPost("/requests", CreateRequest).WithName("CreateCoachingRequest")
            .Produces<CoachingRequestDetail>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/requests/{id:int}", GetRequest).WithName("GetCoachingRequest").ProducesProblem(StatusCodes.Status404NotFound);

        Transition(group, "accept", "AcceptCoachingRequest", "Accepte une demande nouvelle ou en instruction (coachs).",
            (int id, VersionBody body, CoachingRequestWorkflow s, Person me, CancellationToken ct) => s.AcceptAsync(me, id, body.Version, ct));
        Transition(group, "decline", "DeclineCoachingRequest", "Refuse une demande nouvelle ou en instruction, avec la raison (coachs).",
            (int id, DeclineBody body, CoachingRequestWorkflow s, Person me, CancellationToken ct) => s.DeclineAsync(me, id, body.Reason, body.Version, ct));
        Transition(group, "merge", "MergeCoachingRequest", "Ferme la demande comme doublon d’une autre demande ouverte du même produit (coachs).",
            (int id, MergeBody body, CoachingRequestWorkflow s, Person me, CancellationToken ct) => s.MergeAsync(me, id, body.DuplicateOfId, body.Version, ct));
        Transition(group, "assign", "AssignCoachingRequest", "Affecte un ou plusieurs coachs (identifiants de personnes ayant le rôle Coach).",
            (int id, AssignBody body, CoachingRequestWorkflow s, Person me, CancellationToken ct) => s.AssignAsync(me, id, body.CoachIds ?? [], body.Version, ct));
        Transition(group, "schedule", "ScheduleCoachingRequest", "Planifie la première séance d’une demande acceptée ayant un coach (date : aaaa-mm-jj).",
            (int id, ScheduleBody body, CoachingRequestWorkflow s, Person me, CancellationToken ct) => s.ScheduleAsync(me, id, body.Date, body.Version, ct));
        Transition(group, "close", "CloseCoachingRequest", "Termine l’accompagnement avec son résultat ; autonomyGained : l’équipe a-t-elle gagné en autonomie ?",
            (int id, CloseBody body, CoachingRequestWorkflow s, Person me, CancellationToken ct) => s.CloseAsync(me, id, body.Outcome, body.AutonomyGained, body.Version, ct));
        Transition(group, "rate", "RateCoachingRequest", "L’équipe du produit évalue l’accompagnement terminé, de 1 à 5, une fois.",
            (int id, RateBody body, CoachingRequestWorkflow s, Person me, CancellationToken ct) => s.RateAsync(me, id, body.Rating, body.Comment, ct));
        Transition(group, "messages", "PostCoachingMessage", "Écrit dans la conversation (équipe et coachs) ; question: true pour une question de coach.",
            (int id, MessageBody body, CoachingRequestWorkflow s, Person me, CancellationToken ct) =>
                body.Question ? s.QuestionAsync(me, id, body.Body, null, ct) : s.MessageAsync(me, id, body.Body, ct));

        group.MapGet("/requests/{id:int}/sessions", GetSessions).WithName("ListCoachingSessions").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/requests/{id:int}/sessions", (int id, SessionInput input, CoachingRequestWorkflow service, CoachingQueries queries, CurrentUser user, CancellationToken ct) =>
                RunAsync(id, service, queries, user, (s, me) => s.RecordSessionAsync(me, id, input, ct), created: true, ct))
            .WithName("RecordCoachingSession").WithSummary("Enregistre une séance (coachs) ; seulement après l’acceptation de la demande (sinon 409).")
            .Produces<CoachingRequestDetail>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static void Transition<TBody>(RouteGroupBuilder group, string action, string name, string summary,
        Func<int, TBody, CoachingRequestWorkflow, Person, CancellationToken, Task<Result<int>>> command)
    {
        group.MapPost($"/requests/{{id:int}}/{action}", (int id, TBody body, CoachingRequestWorkflow service, CoachingQueries queries, CurrentUser user, CancellationToken ct) =>
                RunAsync(id, service, queries, user, (s, me) => command(id, body, s, me, ct), created: false, ct))
            .WithName(name).WithSummary(summary)
            .Produces<CoachingRequestDetail>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
    }

    /// <summary>Le catalogue des accompagnements proposés (les administrateurs voient aussi les inactifs).</summary>
    public static async Task<Ok<List<InterventionView>>> GetInterventions(CoachingCatalogue service, CurrentUser user, CancellationToken ct) =>
        TypedResults.Ok(await service.InterventionsAsync(activeOnly: !await user.IsAdminAsync(ct), ct));

    /// <summary>Les demandes d’accompagnement, les plus récentes d’abord ; filtres : product (identifiant du produit), status (new, under-review, accepted, scheduled, in-progress, completed, declined), coach (identifiant de personne).</summary>
    public static async Task<Results<Ok<List<CoachingRequestSummary>>, ProblemHttpResult>> GetRequests(
        CoachingQueries service, CapDbContext db, [FromQuery] string? product, [FromQuery] string? status, [FromQuery] int? coach, CancellationToken ct)
    {
        int? productId = null;
        if (!string.IsNullOrWhiteSpace(product))
        {
            productId = await db.Products.Where(p => p.Slug == product).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
            if (productId is null)
            {
                return Problem(StatusCodes.Status400BadRequest, "Filtre invalide", $"Aucun produit n’a l’identifiant « {product} ».");
            }
        }
        List<CoachingStatus>? statuses = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (!ApiNames.TryParse<CoachingStatus>(status, out var s))
            {
                return Problem(StatusCodes.Status400BadRequest, "Filtre invalide", $"Statut inconnu : {ApiNames.Choices<CoachingStatus>()}.");
            }
            statuses = [s];
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
    public static async Task<IResult> CreateRequest(CoachingRequestInput input, AskForCoaching service, CoachingQueries queries, CurrentUser user, CancellationToken ct)
    {
        if (await user.GetAsync(ct) is not { } me || user.IsProductToken)
        {
            return TypedResults.Forbid();
        }
        var result = await service.CreateAsync(me, input, ct);
        if (result.Refusal is { } refusal)
        {
            return new Refused(refusal);
        }
        return TypedResults.Created($"/api/v1/coaching/requests/{result.Value}", await queries.LoadAsync(result.Value, ct));
    }

    private static async Task<IResult> WriteInterventionAsync(int? id, InterventionInput input, CoachingCatalogue service, CurrentUser user, CancellationToken ct)
    {
        if (await user.GetAsync(ct) is not { } me || user.IsProductToken)
        {
            return TypedResults.Forbid();
        }
        var result = await service.SaveInterventionAsync(me, id, input, ct);
        if (result.Refusal is { } refusal)
        {
            return new Refused(refusal);
        }
        var view = (await service.InterventionsAsync(activeOnly: false, ct)).Single(i => i.Id == result.Value);
        return id is null ? TypedResults.Created($"/api/v1/coaching/interventions/{view.Id}", view) : TypedResults.Ok(view);
    }

    private static async Task<IResult> RunAsync(int id, CoachingRequestWorkflow service, CoachingQueries queries, CurrentUser user, Func<CoachingRequestWorkflow, Person, Task<Result<int>>> command, bool created, CancellationToken ct)
    {
        if (await user.GetAsync(ct) is not { } me || user.IsProductToken)
        {
            return TypedResults.Forbid();
        }
        var result = await command(service, me);
        if (result.Refusal is { } refusal)
        {
            return new Refused(refusal);
        }
        var detail = await queries.LoadAsync(id, ct);
        return created ? TypedResults.Created($"/api/v1/coaching/requests/{id}/sessions", detail) : TypedResults.Ok(detail);
    }

    private static ProblemHttpResult NotFound() => Problem(StatusCodes.Status404NotFound, "Demande introuvable", CoachingQueries.NotFoundMessage);

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(new ProblemDetails { Status = status, Title = title, Detail = detail });
}
