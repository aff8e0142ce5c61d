using Cap.Data;
using Cap.Domain;
using Cap.Domain.Catalogue;
using Cap.Domain.LifeCycle;
using Cap.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Cap.Web.Shared.Problems;
using Cap.Web.Shared.Products;
using Cap.Web.Shared.Refusals;

namespace Cap.Web.Features.LifeCycle;

/// <param name="Key">Stable key of the typical deliverable in its phase.</param>
/// <param name="FromGuide">False for Cap's suggestions where the product guide lists none.</param>
/// <param name="Version">Version of the team's record (0 when nothing is recorded yet).</param>
public sealed record DeliverableResponse(
    string Key, string Label, bool FromGuide, bool Provided, string? Link, string? Note, string? UpdatedBy, DateTimeOffset? UpdatedAt, int Version);

/// <param name="From">Phase left (null for the product's registration).</param>
/// <param name="Kind">creation, committee-decision, administrator-override or reopening.</param>
/// <param name="GateDecisionId">The committee decision behind the move, when there is one.</param>
public sealed record PhaseChangeResponse(
    Phase? From, Phase To, DateTimeOffset At, PhaseChangeKind Kind, string KindLabel, string? Reason, string Author, int? GateDecisionId);

/// <param name="Since">When the product entered its current phase (null when no change is recorded).</param>
/// <param name="AllowedTargets">The phases an administrator's override (or reopening) may move the product to.</param>
/// <param name="Changes">Every phase change, oldest first.</param>
public sealed record LifeCycleResponse(
    string Product, Phase Phase, string PhaseLabel, string Goal, DateTimeOffset? Since,
    IReadOnlyList<DeliverableResponse> Deliverables, IReadOnlyList<Phase> AllowedTargets, IReadOnlyList<PhaseChangeResponse> Changes);

/// <summary>An administrator's override of the phase, or the reopening of a stopped product.</summary>
/// <param name="TargetPhase">idea, poc, mvp, construction, generalisation or stopped.</param>
/// <param name="Reason">Why (mandatory, 1000 characters at most).</param>
public sealed record PhaseOverrideRequest(string? TargetPhase, string? Reason);

/// <summary>/api/v1/products/{slug}/lifecycle: the product's phase, deliverables and phase history; the administrator's override.</summary>
public static class LifeCycleEndpoints
{
    public static RouteGroupBuilder MapLifeCycleApi(this RouteGroupBuilder api)
    {
        var group = api.MapProductGroup("/lifecycle").WithTags("Cycle de vie");
        group.MapGet("/", GetLifeCycle).WithName("GetProductLifeCycle").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/override", OverridePhase).WithName("OverrideProductPhase").RequireProductRight(ProductRight.ChangePhase)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return api;
    }

    /// <summary>Lit le cycle de vie du produit : phase actuelle, objectif, date d’entrée dans la phase, livrables types de la phase avec ce que l’équipe en a dit, phases où un administrateur peut le déplacer, et tous ses changements de phase (du plus ancien au plus récent) avec leur nature, motif, auteur et décision du comité.</summary>
    public static async Task<Ok<LifeCycleResponse>> GetLifeCycle(ProductAccess product, CapDbContext db, LifeCycleService lifeCycle, CancellationToken ct)
    {
        var phase = await db.Products.Where(p => p.Id == product.Id).Select(p => p.Phase).FirstAsync(ct);
        return TypedResults.Ok(await StateAsync(lifeCycle, product.Slug, product.Id, phase, ct));
    }

    /// <summary>Change la phase du produit (administrateurs seulement), avec un motif obligatoire ; sur un produit arrêté, le rouvre. Déplacement interdit par les règles ou motif absent : 422 avec le message ; phase inconnue : 400.</summary>
    public static async Task<Results<Ok<LifeCycleResponse>, ValidationProblem, Refused, ProblemHttpResult>> OverridePhase(
        PhaseOverrideRequest request, ProductAccess access, CapDbContext db, LifeCycleService lifeCycle, CancellationToken ct)
    {
        if (!ApiNames.TryParse<Phase>(request.TargetPhase, out var target))
        {
            return ApiProblems.Invalid(new() { ["targetPhase"] = $"Phase inconnue : choisissez {ApiNames.Choices<Phase>()}." });
        }
        var product = await db.Products.FirstAsync(p => p.Id == access.Id, ct);
        var from = product.Phase;
        var result = await lifeCycle.OverrideAsync(product, target, request.Reason, access.Person, ct);
        if (result.Refusal is { Kind: RefusalKind.Rule } refusal)
        {
            return TypedResults.Problem(new ProblemDetails
            {
                Status = StatusCodes.Status422UnprocessableEntity,
                Title = "Changement de phase refusé",
                Detail = refusal.Message,
                Extensions =
                {
                    ["currentPhase"] = ApiNames.Name(from),
                    ["allowedTargets"] = PhaseTransitions.AllowedTargets(from).Select(ApiNames.Name).ToList(),
                },
            });
        }
        if (result.Refusal is { } other)
        {
            return new Refused(other);
        }
        return TypedResults.Ok(await StateAsync(lifeCycle, access.Slug, product.Id, product.Phase, ct));
    }

    private static async Task<LifeCycleResponse> StateAsync(LifeCycleService lifeCycle, string slug, int productId, Phase phase, CancellationToken ct)
    {
        var changes = await lifeCycle.ChangesAsync(productId, ct);
        var records = await lifeCycle.DeliverablesAsync(productId, ct);
        var deliverables = PhaseDeliverables.For(phase).Select(d =>
        {
            var r = records.FirstOrDefault(x => x.Phase == phase && x.Key == d.Key);
            return new DeliverableResponse(d.Key, d.Label, d.FromGuide, r?.IsProvided == true, r?.Link, r?.Note, r?.UpdatedByName, r?.UpdatedAt, r?.Version ?? 0);
        }).ToList();
        return new LifeCycleResponse(slug, phase, phase.Label(), phase.Goal(), changes.Count > 0 ? changes[^1].At : null,
            deliverables, [.. PhaseTransitions.AllowedTargets(phase)],
            [.. changes.Select(c => new PhaseChangeResponse(c.From, c.To, c.At, c.Kind, c.Kind.Label(), c.Reason, c.AuthorName, c.GateDecisionId))]);
    }
}
