using Cap.Data;
using Cap.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Cap.Web.Shared.Products;
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
        var group = api.MapProductGroup("/roadmap").WithTags("Feuille de route");
        group.MapGet("/", GetRoadmap).WithName("GetProductRoadmap").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/horizon", PutHorizon).WithName("SetRoadmapHorizon").RequireProductEdit()
            .Produces<RoadmapView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/initiatives", CreateInitiative).WithName("CreateRoadmapInitiative").RequireProductEdit()
            .WithSummary("Ajoute une initiative (kind : Feature, Experiment, Action ; start et end : 2027-03 ou 2027-S12 ; status : Planned, InProgress, Delivered, Abandoned).")
            .Produces<RoadmapView>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPut("/initiatives/{id:int}", UpdateInitiative).WithName("UpdateRoadmapInitiative").RequireProductEdit()
            .WithSummary("Remplace une initiative ; version doit être la version lue (sinon 409).")
            .Produces<RoadmapView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapDelete("/initiatives/{id:int}", DeleteInitiative).WithName("DeleteRoadmapInitiative").RequireProductEdit()
            .WithSummary("Retire une initiative.").Produces<RoadmapView>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/dependencies", CreateDependency).WithName("CreateRoadmapDependency").RequireProductEdit()
            .WithSummary("Ajoute une dépendance (kind : Product, Team, Provider, Decision ; status : Pending, Blocking, Resolved).")
            .Produces<RoadmapView>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/dependencies/{id:int}", UpdateDependency).WithName("UpdateRoadmapDependency").RequireProductEdit()
            .WithSummary("Remplace une dépendance ; version doit être la version lue (sinon 409).")
            .Produces<RoadmapView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("/dependencies/{id:int}", DeleteDependency).WithName("DeleteRoadmapDependency").RequireProductEdit()
            .WithSummary("Retire une dépendance.").Produces<RoadmapView>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/risks", CreateRisk).WithName("CreateRoadmapRisk").RequireProductEdit()
            .WithSummary("Ajoute un risque (probability et impact de 1 à 3 ; status : Open, Controlled, Closed).")
            .Produces<RoadmapView>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/risks/{id:int}", UpdateRisk).WithName("UpdateRoadmapRisk").RequireProductEdit()
            .WithSummary("Remplace un risque ; version doit être la version lue (sinon 409).")
            .Produces<RoadmapView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("/risks/{id:int}", DeleteRisk).WithName("DeleteRoadmapRisk").RequireProductEdit()
            .WithSummary("Retire un risque.").Produces<RoadmapView>().ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>Lit la feuille de route du produit : horizon, objectifs (prioritaires ou non), initiatives, dépendances et risques.</summary>
    public static async Task<Ok<RoadmapView>> GetRoadmap(ProductAccess product, RoadmapQueries service, CancellationToken ct) =>
        TypedResults.Ok((await service.LoadAsync(product.Id, ct))!);

    /// <summary>Fixe l’horizon (3 à 6 mois, au-delà : 422) et les objectifs prioritaires (objectifs du produit ; au-delà de 5, un avertissement à l’écran).</summary>
    public static async Task<Results<Ok<RoadmapView>, Refused>> PutHorizon(HorizonInput input, ProductAccess product, HorizonPlanning service, CancellationToken ct) =>
        Saved(await service.SetHorizonAsync(product.Id, input, ct));

    public static async Task<Results<Created<RoadmapView>, Refused>> CreateInitiative(InitiativeInput input, ProductAccess product, InitiativePlanning service, CancellationToken ct) =>
        Created(await service.SaveInitiativeAsync(product.Id, null, input, ct), product);

    public static async Task<Results<Ok<RoadmapView>, Refused>> UpdateInitiative(int id, InitiativeInput input, ProductAccess product, InitiativePlanning service, CancellationToken ct) =>
        Saved(await service.SaveInitiativeAsync(product.Id, id, input, ct));

    public static async Task<Results<Ok<RoadmapView>, Refused>> DeleteInitiative(int id, ProductAccess product, InitiativePlanning service, CancellationToken ct) =>
        Saved(await service.DeleteInitiativeAsync(product.Id, id, ct));

    public static async Task<Results<Created<RoadmapView>, Refused>> CreateDependency(DependencyInput input, ProductAccess product, DependencyTracking service, CancellationToken ct) =>
        Created(await service.SaveDependencyAsync(product.Id, null, input, ct), product);

    public static async Task<Results<Ok<RoadmapView>, Refused>> UpdateDependency(int id, DependencyInput input, ProductAccess product, DependencyTracking service, CancellationToken ct) =>
        Saved(await service.SaveDependencyAsync(product.Id, id, input, ct));

    public static async Task<Results<Ok<RoadmapView>, Refused>> DeleteDependency(int id, ProductAccess product, DependencyTracking service, CancellationToken ct) =>
        Saved(await service.DeleteDependencyAsync(product.Id, id, ct));

    public static async Task<Results<Created<RoadmapView>, Refused>> CreateRisk(RiskInput input, ProductAccess product, RiskRegister service, CancellationToken ct) =>
        Created(await service.SaveRiskAsync(product.Id, null, input, ct), product);

    public static async Task<Results<Ok<RoadmapView>, Refused>> UpdateRisk(int id, RiskInput input, ProductAccess product, RiskRegister service, CancellationToken ct) =>
        Saved(await service.SaveRiskAsync(product.Id, id, input, ct));

    public static async Task<Results<Ok<RoadmapView>, Refused>> DeleteRisk(int id, ProductAccess product, RiskRegister service, CancellationToken ct) =>
        Saved(await service.DeleteRiskAsync(product.Id, id, ct));

    private static Results<Ok<RoadmapView>, Refused> Saved(Result<RoadmapView> result) =>
        result.Refusal is { } refusal ? new Refused(refusal) : TypedResults.Ok(result.Value!);

    private static Results<Created<RoadmapView>, Refused> Created(Result<RoadmapView> result, ProductAccess product) =>
        result.Refusal is { } refusal ? new Refused(refusal) : TypedResults.Created($"/api/v1/products/{product.Slug}/roadmap", result.Value!);
}
