using Cap.Data;
using Cap.Domain.Steering;
using Cap.Web.Shared.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Cap.Web.Shared.Problems;
using Cap.Web.Shared.Products;
using Cap.Web.Shared.Refusals;

namespace Cap.Web.Features.Indicators;

/// <summary>/api/v1/products/{slug}/indicators: indicators and measurements for scripts and other tools.</summary>
public static class IndicatorEndpoints
{
    public static RouteGroupBuilder Map(RouteGroupBuilder api)
    {
        var group = api.MapProductGroup("/indicators").WithTags("Indicateurs");
        group.MapGet("/", ListIndicators).WithName("ListIndicators").AllowProductToken().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:int}", GetIndicator).WithName("GetIndicator").AllowProductToken().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", CreateIndicator).WithName("CreateIndicator").RequireProductEdit().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{id:int}", UpdateIndicator).WithName("UpdateIndicator").RequireProductEdit().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("/{id:int}", DeleteIndicator).WithName("DeleteIndicator").RequireProductEdit().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:int}/measurements", ListMeasurements).WithName("ListMeasurements").AllowProductToken().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:int}/measurements", PushMeasurements).WithName("PushMeasurements").AllowProductToken().RequireProductEdit()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return group;
    }

    /// <summary>Liste les indicateurs d’un produit avec leur statut (règle documentée), leur dernière valeur et leur progression vers la cible.</summary>
    public static async Task<Ok<List<IndicatorResponse>>> ListIndicators(ProductAccess product, IndicatorService service, CancellationToken ct)
    {
        var rows = await service.ListAsync(product.Id, ct);
        return TypedResults.Ok(rows.Select(IndicatorResponse.From).ToList());
    }

    /// <summary>Lit un indicateur, son statut et l’explication chiffrée du statut (valeur attendue sur la trajectoire, projection).</summary>
    public static async Task<Results<Ok<IndicatorResponse>, ProblemHttpResult>> GetIndicator(
        int id, ProductAccess product, IndicatorService service, CancellationToken ct)
    {
        var row = await service.GetAsync(product.Id, id, ct);
        return row is null ? IndicatorNotFound(product.Slug, id) : TypedResults.Ok(IndicatorResponse.From(row));
    }

    /// <summary>Crée un indicateur (équipe du produit ou administrateur). Champs invalides : 400 avec un message par champ (cible égale à la référence, date cible avant la date de référence…).</summary>
    public static async Task<Results<Created<IndicatorResponse>, ValidationProblem, Refused>> CreateIndicator(
        IndicatorRequest request, ProductAccess product, IndicatorService service, CancellationToken ct)
    {
        var (input, errors) = request.ToInput();
        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors);
        }
        var result = await service.CreateAsync(product.Id, input, ct);
        if (result.Refusal is { } refusal)
        {
            return new Refused(refusal);
        }
        var indicator = result.Value!;
        var row = (await service.GetAsync(product.Id, indicator.Id, ct))!;
        return TypedResults.Created($"/api/v1/products/{product.Slug}/indicators/{indicator.Id}", IndicatorResponse.From(row));
    }

    /// <summary>Remplace les champs d’un indicateur. <c>version</c> doit être la version lue : si l’indicateur a été modifié entre-temps, la réponse est 409.</summary>
    public static async Task<Results<Ok<IndicatorResponse>, ValidationProblem, Refused, ProblemHttpResult>> UpdateIndicator(
        int id, IndicatorRequest request, ProductAccess product, CapDbContext db, IndicatorService service, CancellationToken ct)
    {
        var indicator = await db.Indicators.FirstOrDefaultAsync(i => i.Id == id && i.ProductId == product.Id, ct);
        if (indicator is null)
        {
            return IndicatorNotFound(product.Slug, id);
        }
        var (input, errors) = request.ToInput();
        if (request.Version is null)
        {
            errors["version"] = "Indiquez la version de l’indicateur lue avant modification (champ version).";
        }
        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors);
        }
        var result = await service.UpdateAsync(indicator, input, request.Version, ct);
        if (result.Refusal is { } refusal)
        {
            return new Refused(refusal);
        }
        return TypedResults.Ok(IndicatorResponse.From((await service.GetAsync(product.Id, id, ct))!));
    }

    /// <summary>Supprime un indicateur et ses mesures (équipe du produit ou administrateur) ; la suppression est inscrite dans l’historique. La réponse donne le nombre de mesures supprimées.</summary>
    public static async Task<Results<Ok<DeletedResponse>, ProblemHttpResult>> DeleteIndicator(
        int id, ProductAccess product, CapDbContext db, IndicatorService service, CancellationToken ct)
    {
        var indicator = await db.Indicators.FirstOrDefaultAsync(i => i.Id == id && i.ProductId == product.Id, ct);
        if (indicator is null)
        {
            return IndicatorNotFound(product.Slug, id);
        }
        var measurements = await db.Measurements.CountAsync(m => m.IndicatorId == id, ct);
        await service.DeleteAsync(indicator, ct);
        return TypedResults.Ok(new DeletedResponse(id, measurements));
    }

    /// <summary>Liste les mesures d’un indicateur, de la plus ancienne à la plus récente.</summary>
    public static async Task<Results<Ok<List<MeasurementResponse>>, ProblemHttpResult>> ListMeasurements(
        int id, ProductAccess product, CapDbContext db, CancellationToken ct)
    {
        if (!await db.Indicators.AnyAsync(i => i.Id == id && i.ProductId == product.Id, ct))
        {
            return IndicatorNotFound(product.Slug, id);
        }
        var measurements = await db.Measurements.AsNoTracking().Where(m => m.IndicatorId == id).OrderBy(m => m.Date).ToListAsync(ct);
        return TypedResults.Ok(measurements.Select(MeasurementResponse.From).ToList());
    }

    /// <summary>
    /// Envoie des mesures en lot : un tableau de { date, value, comment }, 10 000 points au plus. Idempotent sur l’indicateur et la date :
    /// une date déjà mesurée est mise à jour, jamais dupliquée. Tout ou rien : au moindre point invalide, rien n’est écrit et la
    /// réponse 400 donne un message par point (clés « [12].value »). Plus de 10 000 points : 413.
    /// </summary>
    public static async Task<Results<Ok<PushResponse>, ValidationProblem, ProblemHttpResult>> PushMeasurements(
        int id, List<MeasurementRequest> points, ProductAccess product, CapDbContext db, IndicatorService service, CurrentUser currentUser, CancellationToken ct)
    {
        var indicator = await db.Indicators.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id && i.ProductId == product.Id, ct);
        if (indicator is null)
        {
            return IndicatorNotFound(product.Slug, id);
        }
        if (points.Count > IndicatorService.MaxBulkPoints)
        {
            return TypedResults.Problem(new ProblemDetails
            {
                Status = StatusCodes.Status413PayloadTooLarge,
                Title = "Trop de mesures",
                Detail = $"La requête contient {points.Count} mesures : envoyez-en {IndicatorService.MaxBulkPoints} au plus par requête. Rien n’a été écrit.",
            });
        }
        if (points.Count == 0)
        {
            return ApiProblems.Invalid(new() { [""] = "Envoyez au moins une mesure : un tableau de { date, value, comment }." });
        }
        var parseErrors = new Dictionary<string, string>();
        var inputs = points.Select((p, n) => p is null ? new MeasurementInput(null, null, null) : p.ToInput(parseErrors, $"[{n}].")).ToList();
        var result = await service.PushAsync(indicator, inputs, parseErrors, MeasurementSource.Api, product.Person, ct,
            // Through a product token, the token's name goes with its creator's into the measurements and the audit trail.
            authorName: currentUser.IsProductToken ? currentUser.Name : null);
        if (result.Refusal is { Errors: var errors })
        {
            return TypedResults.ValidationProblem(
                errors.OrderBy(e => e.Key, StringComparer.Ordinal).ToDictionary(e => e.Key, e => new[] { e.Value }),
                title: "Mesures invalides",
                detail: $"{errors.Count} erreur(s) : aucune mesure n’a été écrite. Corrigez les points signalés puis renvoyez la requête.");
        }
        var (created, updated) = result.Value!;
        return TypedResults.Ok(new PushResponse(points.Count, created, updated, points.Count - created - updated));
    }

    private static ProblemHttpResult IndicatorNotFound(string slug, int id) => TypedResults.Problem(new ProblemDetails
    {
        Status = StatusCodes.Status404NotFound,
        Title = "Indicateur introuvable",
        Detail = $"Le produit « {slug} » n’a pas d’indicateur {id}.",
    });
}
