using Cap.Data;
using Cap.Domain.Platform;
using Cap.Web.Features.Catalogue;
using Cap.Web.Shared.Auth;
using Cap.Web.Shared.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Cap.Web.Shared.Problems;
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
        var group = api.MapGroup("/products/{slug}/rituals").WithTags("Rituels");
        group.MapGet("/", GetRituals).WithName("GetProductRituals")
            .WithSummary("Liste les rituels de l’équipe avec leur fréquence en clair et leur prochaine occurrence (heure de Paris).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", (string slug, RitualInput input, TeamRituals service, CapDbContext db, CurrentUser user, CancellationToken ct) =>
                WriteAsync(slug, null, input, service, db, user, ct))
            .WithName("CreateRitual")
            .WithSummary("Ajoute un rituel (kind : Daily, Demo, Retrospective, Refinement, Custom ; frequency : Daily, Weekly, EveryTwoWeeks, EveryFourWeeks, Monthly ; startTime : 09:30 ; durationMinutes de 5 à 480).")
            .Produces<RitualView>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPut("/{id:int}", (string slug, int id, RitualInput input, TeamRituals service, CapDbContext db, CurrentUser user, CancellationToken ct) =>
                WriteAsync(slug, id, input, service, db, user, ct))
            .WithName("UpdateRitual").WithSummary("Remplace un rituel ; version doit être la version lue (sinon 409).")
            .Produces<RitualView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapDelete("/{id:int}", DeleteRitual).WithName("DeleteRitual").WithSummary("Supprime un rituel ; répond la liste des rituels restants.")
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
    public static async Task<Results<Ok<RitualsView>, ProblemHttpResult>> GetRituals(string slug, CapDbContext db, TeamRituals service, CancellationToken ct)
    {
        var productId = await db.Products.Where(p => p.Slug == slug).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        return productId is null ? ApiProblems.ProductNotFound(slug) : TypedResults.Ok((await service.LoadAsync(productId.Value, ct))!);
    }

    public static async Task<IResult> DeleteRitual(string slug, int id, TeamRituals service, CapDbContext db, CurrentUser user, CancellationToken ct)
    {
        if (await TeamProductAsync(slug, db, user, ct) is { } stop)
        {
            return stop.Result!;
        }
        var productId = await db.Products.Where(p => p.Slug == slug).Select(p => p.Id).FirstAsync(ct);
        return (await service.DeleteAsync(productId, id, ct)).Refusal is { } refusal
            ? new Refused(refusal)
            : TypedResults.Ok((await service.LoadAsync(productId, ct))!);
    }

    private static async Task<IResult> WriteAsync(string slug, int? id, RitualInput input, TeamRituals service, CapDbContext db, CurrentUser user, CancellationToken ct)
    {
        if (await TeamProductAsync(slug, db, user, ct) is { } stop)
        {
            return stop.Result!;
        }
        var productId = await db.Products.Where(p => p.Slug == slug).Select(p => p.Id).FirstAsync(ct);
        var result = await service.SaveAsync(productId, id, input, ct);
        if (result.Refusal is { } refusal)
        {
            return new Refused(refusal);
        }
        var view = (await service.FindAsync(productId, result.Value, ct))!;
        return id is null ? TypedResults.Created($"/api/v1/products/{slug}/rituals/{view.Id}", view) : TypedResults.Ok(view);
    }

    /// <summary>Null when the signed-in person is in the product's team (or an administrator); else 404 or 403.</summary>
    private static async Task<IResultWrapper?> TeamProductAsync(string slug, CapDbContext db, CurrentUser user, CancellationToken ct)
    {
        var productId = await db.Products.Where(p => p.Slug == slug).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        if (productId is null)
        {
            return new(ApiProblems.ProductNotFound(slug));
        }
        if (await user.GetAsync(ct) is not { } person || !Access.CanEditProduct(person, await user.RoleInAsync(db, productId.Value, ct)))
        {
            return new(TypedResults.Forbid());
        }
        return null;
    }

    private sealed record IResultWrapper(IResult? Result);
}
