using Cap.Data;
using Cap.Domain;
using Cap.Domain.Platform;
using Cap.Web.Features.Catalogue;
using Cap.Web.Shared.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Cap.Web.Shared.Problems;
using Cap.Web.Shared.Refusals;

namespace Cap.Web.Features.Roadmap;

/// <summary>
/// /api/v1/products/{slug}/roadmap: the roadmap read by every signed-in person; initiatives, dependencies and risks
/// written by the product's team. Malformed fields: 400; well-formed but refused by a roadmap rule (another product's
/// objective, a horizon beyond 6 months): 422; a stale <c>version</c>: 409 with <c>currentVersion</c> (see <see cref="Refused"/>).
/// </summary>
public static class RoadmapEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/products/{slug}/roadmap").WithTags("Feuille de route");
        group.MapGet("/", GetRoadmap).WithName("GetProductRoadmap").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/horizon", PutHorizon).WithName("SetRoadmapHorizon").Produces<RoadmapView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/initiatives", (string slug, InitiativeInput input, InitiativePlanning service, CapDbContext db, CurrentUser user, CancellationToken ct) =>
                WriteAsync(slug, db, user, productId => service.SaveInitiativeAsync(productId, null, input, ct), created: true, ct))
            .WithName("CreateRoadmapInitiative").WithSummary("Ajoute une initiative (kind : Feature, Experiment, Action ; start et end : 2027-03 ou 2027-S12 ; status : Planned, InProgress, Delivered, Abandoned).")
            .Produces<RoadmapView>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPut("/initiatives/{id:int}", (string slug, int id, InitiativeInput input, InitiativePlanning service, CapDbContext db, CurrentUser user, CancellationToken ct) =>
                WriteAsync(slug, db, user, productId => service.SaveInitiativeAsync(productId, id, input, ct), created: false, ct))
            .WithName("UpdateRoadmapInitiative").WithSummary("Remplace une initiative ; version doit être la version lue (sinon 409).")
            .Produces<RoadmapView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapDelete("/initiatives/{id:int}", (string slug, int id, InitiativePlanning service, CapDbContext db, CurrentUser user, CancellationToken ct) =>
                WriteAsync(slug, db, user, productId => service.DeleteInitiativeAsync(productId, id, ct), created: false, ct))
            .WithName("DeleteRoadmapInitiative").WithSummary("Retire une initiative.").Produces<RoadmapView>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/dependencies", (string slug, DependencyInput input, DependencyTracking service, CapDbContext db, CurrentUser user, CancellationToken ct) =>
                WriteAsync(slug, db, user, productId => service.SaveDependencyAsync(productId, null, input, ct), created: true, ct))
            .WithName("CreateRoadmapDependency").WithSummary("Ajoute une dépendance (kind : Product, Team, Provider, Decision ; status : Pending, Blocking, Resolved).")
            .Produces<RoadmapView>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/dependencies/{id:int}", (string slug, int id, DependencyInput input, DependencyTracking service, CapDbContext db, CurrentUser user, CancellationToken ct) =>
                WriteAsync(slug, db, user, productId => service.SaveDependencyAsync(productId, id, input, ct), created: false, ct))
            .WithName("UpdateRoadmapDependency").WithSummary("Remplace une dépendance ; version doit être la version lue (sinon 409).")
            .Produces<RoadmapView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("/dependencies/{id:int}", (string slug, int id, DependencyTracking service, CapDbContext db, CurrentUser user, CancellationToken ct) =>
                WriteAsync(slug, db, user, productId => service.DeleteDependencyAsync(productId, id, ct), created: false, ct))
            .WithName("DeleteRoadmapDependency").WithSummary("Retire une dépendance.").Produces<RoadmapView>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/risks", (string slug, RiskInput input, RiskRegister service, CapDbContext db, CurrentUser user, CancellationToken ct) =>
                WriteAsync(slug, db, user, productId => service.SaveRiskAsync(productId, null, input, ct), created: true, ct))
            .WithName("CreateRoadmapRisk").WithSummary("Ajoute un risque (probability et impact de 1 à 3 ; status : Open, Controlled, Closed).")
            .Produces<RoadmapView>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/risks/{id:int}", (string slug, int id, RiskInput input, RiskRegister service, CapDbContext db, CurrentUser user, CancellationToken ct) =>
                WriteAsync(slug, db, user, productId => service.SaveRiskAsync(productId, id, input, ct), created: false, ct))
            .WithName("UpdateRoadmapRisk").WithSummary("Remplace un risque ; version doit être la version lue (sinon 409).")
            .Produces<RoadmapView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("/risks/{id:int}", (string slug, int id, RiskRegister service, CapDbContext db, CurrentUser user, CancellationToken ct) =>
                WriteAsync(slug, db, user, productId => service.DeleteRiskAsync(productId, id, ct), created: false, ct))
            .WithName("DeleteRoadmapRisk").WithSummary("Retire un risque.").Produces<RoadmapView>().ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>Lit la feuille de route du produit : horizon, objectifs (prioritaires ou non), initiatives, dépendances et risques.</summary>
    public static async Task<Results<Ok<RoadmapView>, ProblemHttpResult>> GetRoadmap(string slug, CapDbContext db, RoadmapQueries service, CancellationToken ct)
    {
        var productId = await db.Products.Where(p => p.Slug == slug).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        return productId is null ? ApiProblems.ProductNotFound(slug) : TypedResults.Ok((await service.LoadAsync(productId.Value, ct))!);
    }

    /// <summary>Fixe l’horizon (3 à 6 mois, au-delà : 422) et les objectifs prioritaires (objectifs du produit ; au-delà de 5, un avertissement à l’écran).</summary>
    public static Task<IResult> PutHorizon(string slug, HorizonInput input, HorizonPlanning service, CapDbContext db, CurrentUser user, CancellationToken ct) =>
        WriteAsync(slug, db, user, productId => service.SetHorizonAsync(productId, input, ct), created: false, ct);

    private static async Task<IResult> WriteAsync(string slug, CapDbContext db, CurrentUser user, Func<int, Task<Result<RoadmapView>>> write, bool created, CancellationToken ct)
    {
        var productId = await db.Products.Where(p => p.Slug == slug).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        if (productId is null)
        {
            return ApiProblems.ProductNotFound(slug);
        }
        if (await user.GetAsync(ct) is not { } person || !Access.CanEditProduct(person, await user.RoleInAsync(db, productId.Value, ct)))
        {
            return TypedResults.Forbid();
        }
        var result = await write(productId.Value);
        if (result.Refusal is { } refusal)
        {
            return new Refused(refusal);
        }
        var view = result.Value!;
        return created ? TypedResults.Created($"/api/v1/products/{slug}/roadmap", view) : TypedResults.Ok(view);
    }
}
