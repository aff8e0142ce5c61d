using Cap.Data;
using Cap.Domain.Connectors;
using Cap.Web.Shared.Auth;
using Cap.Web.Shared.Connectors;
using Cap.Web.Shared.Problems;
using Cap.Web.Shared.Refusals;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Jdma;

/// <summary>/api/v1/admin/connectors/jdma: the organisations' JDMA connections (administrators only; never a key).</summary>
public static class JdmaOrganisationEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/admin/connectors/jdma").WithTags("Connecteurs").RequireAuthorization(Policies.Admin);
        group.MapGet("/", List).WithName("ListJdmaOrganisations");
        group.MapPost("/", Create).WithName("CreateJdmaOrganisation");
        group.MapGet("/{id:int}", Get).WithName("GetJdmaOrganisation").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{id:int}", Update).WithName("UpdateJdmaOrganisation")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("/{id:int}", Delete).WithName("DeleteJdmaOrganisation").WithoutJsonSuccess()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{id:int}/services", ListServices).WithName("ListJdmaOrganisationServices")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPut("/{id:int}/forms", PutForms).WithName("SaveJdmaOrganisationForms")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/{id:int}/sync", SyncNow).WithName("SyncJdmaOrganisationNow")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    /// <summary>Liste les connexions JDMA des organisations (administrateurs) : nom, adresse, date d’enregistrement de la clé (jamais la clé), formulaires et produits alimentés, état de la synchronisation.</summary>
    public static async Task<Ok<List<JdmaOrganisationResponse>>> List(JdmaOrganisations organisations, ConnectorStatuses statuses, CancellationToken ct)
    {
        var list = new List<JdmaOrganisationResponse>();
        foreach (var c in await organisations.ListAsync(ct))
        {
            list.Add(await ResponseAsync(organisations, statuses, c.Id, ct) ?? throw new InvalidOperationException());
        }
        return TypedResults.Ok(list);
    }

    /// <summary>Crée la connexion JDMA d’une organisation (administrateurs) : nom, adresse et clé d’API créée dans JDMA pour l’organisation (obligatoire ici, chiffrée dès réception). Associez ensuite ses formulaires aux produits (…/forms).</summary>
    public static async Task<Results<Created<JdmaOrganisationResponse>, ValidationProblem, Refused>> Create(
        JdmaOrganisationRequest request, JdmaOrganisations organisations, ConnectorStatuses statuses, CancellationToken ct)
    {
        var result = await organisations.SaveAsync(null, new JdmaOrganisationInput(request.Name, request.BaseUrl, request.ApiKey), 0, ct);
        if (result.Refusal is { } refusal)
        {
            return new Refused(refusal);
        }
        var id = result.Value!.Id;
        return TypedResults.Created($"/api/v1/admin/connectors/jdma/{id}", (await ResponseAsync(organisations, statuses, id, ct))!);
    }

    /// <summary>Lit la connexion JDMA d’une organisation (jamais sa clé). 404 si elle n’existe pas.</summary>
    public static async Task<Results<Ok<JdmaOrganisationResponse>, ProblemHttpResult>> Get(int id, JdmaOrganisations organisations, ConnectorStatuses statuses, CancellationToken ct)
    {
        if (await ResponseAsync(organisations, statuses, id, ct) is { } response)
        {
            return TypedResults.Ok(response);
        }
        return NotFound(id);
    }

    /// <summary>Modifie la connexion : nom, adresse ; une clé donnée remplace l’ancienne (rotation), absente l’ancienne est gardée. version : la version lue ; 409 si elle a changé.</summary>
    public static async Task<Results<Ok<JdmaOrganisationResponse>, ValidationProblem, Refused>> Update(
        int id, JdmaOrganisationRequest request, JdmaOrganisations organisations, ConnectorStatuses statuses, CancellationToken ct)
    {
        if (request.Version is null)
        {
            return ApiProblems.Invalid(new() { ["version"] = "Indiquez la version de la connexion lue (champ version)." });
        }
        var result = await organisations.SaveAsync(id, new JdmaOrganisationInput(request.Name, request.BaseUrl, request.ApiKey), request.Version.Value, ct);
        if (result.Refusal is { } refusal)
        {
            return new Refused(refusal);
        }
        return TypedResults.Ok((await ResponseAsync(organisations, statuses, id, ct))!);
    }

    /// <summary>Supprime la connexion : ses associations de formulaires, l’état de sa synchronisation et les jours de chiffres qu’elle avait écrits pour chaque produit partent avec elle. 404 si elle n’existe pas, 409 pendant une synchronisation.</summary>
    public static async Task<Results<NoContent, Refused>> Delete(int id, JdmaOrganisations organisations, CancellationToken ct)
    {
        var result = await organisations.DeleteAsync(id, ct);
        return result.Refusal is { } refusal ? new Refused(refusal) : TypedResults.NoContent();
    }

    /// <summary>Liste les services JDMA et leurs formulaires que la clé de l’organisation permet de lire (lus dans JDMA à l’instant). 422 avec le message de l’échec si JDMA refuse la clé ou ne répond pas.</summary>
    public static async Task<Results<Ok<List<JdmaServiceResponse>>, Refused>> ListServices(int id, JdmaOrganisations organisations, CancellationToken ct)
    {
        var result = await organisations.ServicesAsync(id, ct);
        return result.Refusal is { } refusal ? new Refused(refusal)
            : TypedResults.Ok(result.Value!.Select(s => new JdmaServiceResponse(s.Id, s.Title, s.Entity, [.. s.Forms.Select(f => new JdmaServiceFormResponse(f.Id, f.Title))])).ToList());
    }

    /// <summary>Associe les formulaires JDMA de l’organisation aux produits de Cap (la liste entière : un formulaire absent n’alimente plus rien et emporte ses chiffres). 422 si un formulaire alimente déjà un produit par une autre connexion : un formulaire n’alimente qu’un produit.</summary>
    public static async Task<Results<Ok<JdmaOrganisationResponse>, ValidationProblem, Refused>> PutForms(
        int id, JdmaOrganisationFormsRequest request, JdmaOrganisations organisations, ConnectorStatuses statuses, CapDbContext db, CancellationToken ct)
    {
        var forms = request.Forms ?? [];
        var errors = new Dictionary<string, string>();
        var slugs = forms.Select(f => f?.Product?.Trim()).OfType<string>().Distinct().ToList();
        var products = await db.Products.AsNoTracking().Where(p => slugs.Contains(p.Slug)).ToDictionaryAsync(p => p.Slug, p => p.Id, ct);
        var mapping = new Dictionary<int, int>();
        for (var i = 0; i < forms.Count; i++)
        {
            var form = forms[i];
            if (form is null)
            {
                errors[$"forms[{i}]"] = "Indiquez le formulaire (formId) et le produit (product).";
            }
            else if (form.FormId is not { } formId)
            {
                errors[$"forms[{i}].formId"] = "Indiquez l’identifiant JDMA du formulaire.";
            }
            else if (form.Product is null || !products.TryGetValue(form.Product.Trim(), out var productId))
            {
                errors[$"forms[{i}].product"] = $"Aucun produit de Cap n’a l’identifiant « {form.Product} ».";
            }
            else if (!mapping.TryAdd(formId, productId))
            {
                errors[$"forms[{i}].formId"] = $"Le formulaire n° {formId} est donné deux fois : un formulaire n’alimente qu’un produit.";
            }
        }
        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors);
        }
        var result = await organisations.SaveFormsAsync(id, mapping, ct);
        if (result.Refusal is { } refusal)
        {
            // The page's per-form messages (one per select) become one message on « forms ».
            return new Refused(refusal.Errors.Keys.All(k => k.Length == 0) ? refusal : refusal with { Errors = new Dictionary<string, string> { ["forms"] = refusal.Message } });
        }
        return TypedResults.Ok((await ResponseAsync(organisations, statuses, id, ct))!);
    }

    /// <summary>Synchronise maintenant tous les formulaires de l’organisation (dans la requête) et renvoie l’état : un échec est dans status.lastError. 409 si une autre instance la synchronise déjà.</summary>
    public static async Task<Results<Ok<JdmaOrganisationResponse>, ProblemHttpResult>> SyncNow(
        int id, JdmaOrganisations organisations, ConnectorStatuses statuses, ConnectorRunner runner, CancellationToken ct)
    {
        if (await organisations.FindAsync(id, ct) is null)
        {
            return NotFound(id);
        }
        var run = await runner.RunNowAsync(ConnectorKind.JdmaOrganisation, id, ct);
        if (run.Outcome == RunOutcome.Busy)
        {
            return ConnectorProblems.SyncRunning();
        }
        return TypedResults.Ok((await ResponseAsync(organisations, statuses, id, ct))!);
    }

    private static async Task<JdmaOrganisationResponse?> ResponseAsync(JdmaOrganisations organisations, ConnectorStatuses statuses, int id, CancellationToken ct) =>
        await organisations.FindAsync(id, ct) is { } c
            ? JdmaOrganisationResponse.From(c, await statuses.ForConnectionAsync(ConnectorKind.JdmaOrganisation, c.Id, ct))
            : null;

    private static ProblemHttpResult NotFound(int id) => TypedResults.Problem(new ProblemDetails
    {
        Status = StatusCodes.Status404NotFound,
        Title = "Connexion introuvable",
        Detail = $"Il n’y a pas de connexion JDMA d’organisation n° {id}.",
    });
}
