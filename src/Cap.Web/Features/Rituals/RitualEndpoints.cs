using Cap.Domain;
using Cap.Web.Shared.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Cap.Web.Shared.Products;
using Cap.Web.Shared.Refusals;

namespace Cap.Web.Features.Rituals;

/// <summary>
/// /api/v1/products/{slug}/rituals: the team's rituals, read by every signed-in person and written by the team.
/// A refused field is 422 (nothing saved), a stale <c>version</c> 409 with <c>currentVersion</c>, an unknown ritual 404
/// (see <see cref="Refused"/>). The anonymous calendar feed
/// <c>/rituels/{token}.ics</c> is mapped outside the API group.
/// </summary>
public static class RitualEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapProductGroup("/rituals").WithTags("Rituels");
        group.MapGet("/", GetRituals).WithName("GetProductRituals")
            .WithSummary("Liste les rituels de l’équipe avec leur fréquence en clair et leur prochaine occurrence (heure de Paris).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", CreateRitual).WithName("CreateRitual").RequireProductEdit()
            .WithSummary("Ajoute un rituel (kind : Daily, Demo, Retrospective, Refinement, Custom ; frequency : Daily, Weekly, EveryTwoWeeks, EveryFourWeeks, Monthly ; startTime : 09:30 ; durationMinutes de 5 à 480).")
            .Produces<RitualView>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPut("/{id:int}", UpdateRitual).WithName("UpdateRitual").RequireProductEdit().WithSummary("Remplace un rituel ; version doit être la version lue (sinon 409).")
            .Produces<RitualView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapDelete("/{id:int}", DeleteRitual).WithName("DeleteRitual").RequireProductEdit().WithSummary("Supprime un rituel ; répond la liste des rituels restants.")
            .Produces<RitualsView>().ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>The team's calendar feed, without signing in: 404 for an unknown or revoked token.</summary>
    public static void MapFeed(IEndpointRouteBuilder app) =>
        app.MapGet("/rituels/{token}.ics", GetFeed).AllowAnonymous().ExcludeFromDescription();

    public static async Task<IResult> GetFeed(string token, HttpContext http, RitualCalendarFeed service, PublicUrls urls, CancellationToken ct)
    {
        http.Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        http.Response.Headers.CacheControl = "no-store";
        if (token.Length is < 40 or > 60 || await service.ProductOfFeedTokenAsync(token, ct) is not { } productId
            || await service.BuildCalendarAsync(productId, urls.Host(http.Request), ct) is not { } ics)
        {
            return TypedResults.NotFound();
        }
        return TypedResults.Text(ics, "text/calendar; charset=utf-8");
    }

    /// <summary>Lit les rituels de l’équipe.</summary>
    public static async Task<Ok<RitualsView>> GetRituals(ProductAccess product, TeamRituals service, CancellationToken ct) =>
        TypedResults.Ok((await service.LoadAsync(product.Id, ct))!);

    public static async Task<Results<Created<RitualView>, Refused>> CreateRitual(RitualInput input, ProductAccess product, TeamRituals service, CancellationToken ct)
    {
        var saved = await SaveAsync(null, input, product, service, ct);
        return saved.Refusal is { } refusal
            ? new Refused(refusal)
            : TypedResults.Created($"/api/v1/products/{product.Slug}/rituals/{saved.Value!.Id}", saved.Value);
    }

    public static async Task<Results<Ok<RitualView>, Refused>> UpdateRitual(int id, RitualInput input, ProductAccess product, TeamRituals service, CancellationToken ct)
    {
        var saved = await SaveAsync(id, input, product, service, ct);
        return saved.Refusal is { } refusal ? new Refused(refusal) : TypedResults.Ok(saved.Value!);
    }

    public static async Task<Results<Ok<RitualsView>, Refused>> DeleteRitual(int id, ProductAccess product, TeamRituals service, CancellationToken ct) =>
        (await service.DeleteAsync(product.Id, id, ct)).Refusal is { } refusal
            ? new Refused(refusal)
            : TypedResults.Ok((await service.LoadAsync(product.Id, ct))!);

    private static async Task<Result<RitualView>> SaveAsync(int? id, RitualInput input, ProductAccess product, TeamRituals service, CancellationToken ct)
    {
        var result = await service.SaveAsync(product.Id, id, input, ct);
        if (result.Refusal is { } refusal)
        {
            return refusal;
        }
        return (await service.FindAsync(product.Id, result.Value, ct))!;
    }
}
