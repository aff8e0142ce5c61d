using Cap.Domain.Connectors;
using Cap.Web.Shared.Connectors;
using Cap.Web.Shared.Problems;
using Cap.Web.Shared.Products;
using Cap.Web.Shared.Refusals;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Cap.Web.Features.Jdma;

/// <summary>/api/v1/products/{slug}/jdma: the product's JDMA connection (never its key), its forms, its synchronisation.</summary>
public static class JdmaEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var jdma = api.MapProductGroup("/jdma").WithTags("Connecteurs");
        jdma.MapGet("/", GetConnection).WithName("GetJdmaConnection").ProducesProblem(StatusCodes.Status404NotFound);
        jdma.MapPut("/", PutConnection).WithName("SaveJdmaConnection").RequireProductEdit()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        jdma.MapDelete("/", DeleteConnection).WithName("DeleteJdmaConnection").RequireProductEdit().WithoutJsonSuccess()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        jdma.MapGet("/services", ListServices).WithName("ListJdmaServices").RequireProductEdit()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        jdma.MapPut("/forms", PutForms).WithName("SaveJdmaForms").RequireProductEdit()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        jdma.MapPost("/sync", SyncNow).WithName("SyncJdmaNow").RequireProductEdit()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    /// <summary>Lit la connexion JDMA du produit : adresse, date d’enregistrement de la clé (jamais la clé), formulaires synchronisés et état de la synchronisation. 404 si le produit n’est pas connecté.</summary>
    public static async Task<Results<Ok<JdmaConnectionResponse>, ProblemHttpResult>> GetConnection(ProductAccess product, JdmaConnections connections, ConnectorStatuses statuses, CancellationToken ct)
    {
        var connection = await connections.FindAsync(product.Id, ct);
        return connection is null ? ConnectorProblems.NotConnected("JDMA", product.Slug) : TypedResults.Ok(await ResponseAsync(product.Slug, connection, statuses, ct));
    }

    /// <summary>Crée ou modifie la connexion (équipe du produit ou administrateur). La clé est obligatoire à la création ; donnée ensuite, elle remplace l’ancienne ; absente, l’ancienne est gardée. Adresse en https (http seulement pour localhost). version : la version lue (0 sans connexion) ; 409 si elle a changé.</summary>
    public static async Task<Results<Ok<JdmaConnectionResponse>, ValidationProblem, Refused>> PutConnection(
        JdmaConnectionRequest request, ProductAccess product, JdmaConnections connections, ConnectorStatuses statuses, CancellationToken ct)
    {
        if (request.Version is null)
        {
            return ApiProblems.Invalid(new() { ["version"] = "Indiquez la version de la connexion lue (champ version, 0 si le produit n’en avait pas)." });
        }
        var result = await connections.SaveAsync(product.Id, new JdmaConnectionInput(request.BaseUrl, request.ApiKey), request.Version.Value, ct);
        if (result.Refusal is { } refusal)
        {
            return new Refused(refusal);
        }
        return TypedResults.Ok(await ResponseAsync(product.Slug, (await connections.FindAsync(product.Id, ct))!, statuses, ct));
    }

    /// <summary>Supprime la connexion du produit (équipe du produit ou administrateur) : ses formulaires, l’état de sa synchronisation et les jours de chiffres qu’elle avait synchronisés partent avec elle ; l’onglet Satisfaction revient au formulaire de Cap. 404 si le produit n’est pas connecté, 409 pendant une synchronisation.</summary>
    public static async Task<Results<NoContent, Refused>> DeleteConnection(ProductAccess product, JdmaConnections connections, CancellationToken ct)
    {
        var result = await connections.DeleteAsync(product.Id, ct);
        return result.Refusal is { } refusal ? new Refused(refusal) : TypedResults.NoContent();
    }

    /// <summary>Liste les services JDMA et leurs formulaires que la clé enregistrée permet de lire (lus dans JDMA à l’instant). 422 avec le message de l’échec si JDMA refuse la clé ou ne répond pas.</summary>
    public static async Task<Results<Ok<List<JdmaServiceResponse>>, Refused>> ListServices(ProductAccess product, JdmaConnections connections, CancellationToken ct)
    {
        var result = await connections.ServicesAsync(product.Id, ct);
        return result.Refusal is { } refusal ? new Refused(refusal)
            : TypedResults.Ok(result.Value!.Select(s => new JdmaServiceResponse(s.Id, s.Title, s.Entity, [.. s.Forms.Select(f => new JdmaServiceFormResponse(f.Id, f.Title))])).ToList());
    }

    /// <summary>Choisit les formulaires JDMA qui alimentent le produit (parmi ceux que liste …/jdma/services). Un formulaire retiré emporte ses chiffres ; un formulaire ajouté est relu sur douze mois à la prochaine synchronisation. 422 si un formulaire alimente déjà un autre produit (par une autre connexion, de produit ou d’organisation) : un formulaire n’alimente qu’un produit.</summary>
    public static async Task<Results<Ok<JdmaConnectionResponse>, ValidationProblem, Refused>> PutForms(
        JdmaFormsRequest request, ProductAccess product, JdmaConnections connections, ConnectorStatuses statuses, CancellationToken ct)
    {
        var result = await connections.SaveFormsAsync(product.Id, request.FormIds ?? [], ct);
        if (result.Refusal is { } refusal)
        {
            return new Refused(refusal, _ => "formIds");
        }
        return TypedResults.Ok(await ResponseAsync(product.Slug, (await connections.FindAsync(product.Id, ct))!, statuses, ct));
    }

    /// <summary>Synchronise maintenant (dans la requête) et renvoie l’état : un échec est dans status.lastError, et la prochaine tentative dans status.nextAttemptAt. 409 si une autre instance synchronise déjà cette connexion.</summary>
    public static async Task<Results<Ok<JdmaConnectionResponse>, ProblemHttpResult>> SyncNow(
        ProductAccess product, JdmaConnections connections, ConnectorStatuses statuses, ConnectorRunner runner, CancellationToken ct)
    {
        var connection = await connections.FindAsync(product.Id, ct);
        if (connection is null)
        {
            return ConnectorProblems.NotConnected("JDMA", product.Slug);
        }
        var run = await runner.RunNowAsync(ConnectorKind.Jdma, connection.Id, ct);
        if (run.Outcome == RunOutcome.Busy)
        {
            return ConnectorProblems.SyncRunning();
        }
        return TypedResults.Ok(await ResponseAsync(product.Slug, (await connections.FindAsync(product.Id, ct))!, statuses, ct));
    }

    private static async Task<JdmaConnectionResponse> ResponseAsync(string slug, JdmaConnection connection, ConnectorStatuses statuses, CancellationToken ct) =>
        JdmaConnectionResponse.From(slug, connection, await statuses.ForConnectionAsync(ConnectorKind.Jdma, connection.Id, ct));

    /// <summary>
    /// A 204 answer has no body: the API group's « application/json » produces metadata would give it one (and the OpenAPI
    /// document a schema of nothing), so an endpoint answering 204 on success drops it; its problems keep theirs.
    /// </summary>
    public static RouteHandlerBuilder WithoutJsonSuccess(this RouteHandlerBuilder builder)
    {
        builder.Add(endpoint =>
        {
            foreach (var produces in endpoint.Metadata.OfType<ProducesAttribute>().ToList())
            {
                endpoint.Metadata.Remove(produces);
            }
        });
        return builder;
    }
}
