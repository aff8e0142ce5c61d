using Cap.Domain.Connectors;
using Cap.Web.Shared.Connectors;
using Cap.Web.Shared.Problems;
using Cap.Web.Shared.Products;
using Cap.Web.Shared.Refusals;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Cap.Web.Features.Matomo;

/// <summary>/api/v1/products/{slug}/matomo: the product's Matomo connection (never its token), its mappings, its synchronisation.</summary>
public static class MatomoEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var matomo = api.MapProductGroup("/matomo").WithTags("Connecteurs");
        matomo.MapGet("/", GetConnection).WithName("GetMatomoConnection").ProducesProblem(StatusCodes.Status404NotFound);
        matomo.MapPut("/", PutConnection).WithName("SaveMatomoConnection").RequireProductEdit()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        matomo.MapPost("/mappings", AddMapping).WithName("AddMatomoMapping").RequireProductEdit()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        matomo.MapDelete("/mappings/{mappingId:int}", RemoveMapping).WithName("RemoveMatomoMapping").RequireProductEdit()
            .ProducesProblem(StatusCodes.Status404NotFound);
        matomo.MapPost("/sync", SyncNow).WithName("SyncMatomoNow").RequireProductEdit()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    /// <summary>Lit la connexion Matomo du produit : adresse, site, date d’enregistrement du jeton (jamais le jeton), mesures associées aux indicateurs et état de la synchronisation. 404 si le produit n’est pas connecté.</summary>
    public static async Task<Results<Ok<MatomoConnectionResponse>, ProblemHttpResult>> GetConnection(ProductAccess product, MatomoConnections connections, ConnectorStatuses statuses, CancellationToken ct)
    {
        var connection = await connections.FindAsync(product.Id, ct);
        return connection is null ? ConnectorProblems.NotConnected("Matomo", product.Slug) : TypedResults.Ok(await ResponseAsync(product.Slug, connection, statuses, ct));
    }

    /// <summary>Crée ou modifie la connexion (équipe du produit ou administrateur). Le jeton est obligatoire à la création ; donné ensuite, il remplace l’ancien ; absent, l’ancien est gardé. Adresse en https (http seulement pour localhost). version : la version lue (0 sans connexion) ; 409 si elle a changé.</summary>
    public static async Task<Results<Ok<MatomoConnectionResponse>, ValidationProblem, Refused>> PutConnection(
        MatomoConnectionRequest request, ProductAccess product, MatomoConnections connections, ConnectorStatuses statuses, CancellationToken ct)
    {
        if (request.Version is null)
        {
            return ApiProblems.Invalid(new() { ["version"] = "Indiquez la version de la connexion lue (champ version, 0 si le produit n’en avait pas)." });
        }
        var result = await connections.SaveAsync(product.Id, new MatomoConnectionInput(request.BaseUrl, request.SiteId, request.Token), request.Version.Value, ct);
        if (result.Refusal is { } refusal)
        {
            return new Refused(refusal);
        }
        return TypedResults.Ok(await ResponseAsync(product.Slug, (await connections.FindAsync(product.Id, ct))!, statuses, ct));
    }

    /// <summary>Associe une mesure de Matomo à un indicateur du produit, lue à la fréquence de l’indicateur. 422 si l’unité de l’indicateur ne convient pas à la mesure, s’il est déjà alimenté par Matomo ou par la satisfaction.</summary>
    public static async Task<Results<Ok<MatomoConnectionResponse>, ValidationProblem, Refused>> AddMapping(
        MatomoMappingRequest request, ProductAccess product, MatomoConnections connections, ConnectorStatuses statuses, CancellationToken ct)
    {
        var result = await connections.AddMappingAsync(product.Id, new MatomoMappingInput(request.Metric, request.GoalId, request.IndicatorId), ct);
        if (result.Refusal is { } refusal)
        {
            return new Refused(refusal);
        }
        return TypedResults.Ok(await ResponseAsync(product.Slug, (await connections.FindAsync(product.Id, ct))!, statuses, ct));
    }

    /// <summary>Retire une association ; l’indicateur garde les mesures déjà synchronisées.</summary>
    public static async Task<Results<Ok<MatomoConnectionResponse>, Refused>> RemoveMapping(
        int mappingId, ProductAccess product, MatomoConnections connections, ConnectorStatuses statuses, CancellationToken ct)
    {
        var result = await connections.RemoveMappingAsync(product.Id, mappingId, ct);
        if (result.Refusal is { } refusal)
        {
            return new Refused(refusal);
        }
        return TypedResults.Ok(await ResponseAsync(product.Slug, (await connections.FindAsync(product.Id, ct))!, statuses, ct));
    }

    /// <summary>Synchronise maintenant (dans la requête) et renvoie l’état : un échec est dans status.lastError, et la prochaine tentative dans status.nextAttemptAt. 409 si une autre instance synchronise déjà cette connexion.</summary>
    public static async Task<Results<Ok<MatomoConnectionResponse>, ProblemHttpResult>> SyncNow(
        ProductAccess product, MatomoConnections connections, ConnectorStatuses statuses, ConnectorRunner runner, CancellationToken ct)
    {
        var connection = await connections.FindAsync(product.Id, ct);
        if (connection is null)
        {
            return ConnectorProblems.NotConnected("Matomo", product.Slug);
        }
        var run = await runner.RunNowAsync(ConnectorKind.Matomo, connection.Id, ct);
        if (run.Outcome == RunOutcome.Busy)
        {
            return ConnectorProblems.SyncRunning();
        }
        return TypedResults.Ok(await ResponseAsync(product.Slug, (await connections.FindAsync(product.Id, ct))!, statuses, ct));
    }

    private static async Task<MatomoConnectionResponse> ResponseAsync(string slug, MatomoConnection connection, ConnectorStatuses statuses, CancellationToken ct) =>
        MatomoConnectionResponse.From(slug, connection, await statuses.ForConnectionAsync(ConnectorKind.Matomo, connection.Id, ct));
}
