using Cap.Data;
using Cap.Web.Shared.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Retrospectives;

/// <summary>Retrospectives: service, the live channel of the facilitation mode and the API.</summary>
public static class RetrospectiveRegistration
{
    public static IServiceCollection AddRetrospectives(this IServiceCollection services)
    {
        services.AddScoped<RetrospectiveQueries>();
        services.AddScoped<RetrospectiveBoard>();
        services.AddScoped<RetroActionFollowUp>();
        return services;
    }

    public static RouteGroupBuilder MapRetrospectiveEndpoints(this RouteGroupBuilder api)
    {
        RetrospectiveEndpoints.Map(api);
        return api;
    }

    /// <summary>
    /// GET /produits/{slug}/retrospectives/{id}/nouveautes?apres={lastItemId}&amp;actionsApres={lastActionId}: the items and
    /// actions newer than those the screen has, read from the database, so that any instance answers any participant.
    /// </summary>
    public static IEndpointRouteBuilder MapRetrospectiveLive(this IEndpointRouteBuilder app)
    {
        app.MapGet("/produits/{slug}/retrospectives/{id:int}/nouveautes", News)
            .RequireAuthorization(Policies.Reader)
            .ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<JsonHttpResult<RetrospectiveNews>, NotFound>> News(string slug, int id, int? apres, int? actionsApres, CapDbContext db, RetrospectiveQueries service, HttpContext http, CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "no-store";
        var productId = await db.Products.Where(p => p.Slug == slug).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        if (productId is null || await service.NewsAsync(productId.Value, id, apres ?? 0, actionsApres ?? 0, ct) is not { } news)
        {
            return TypedResults.NotFound();
        }
        // The screen's own JSON (member names, as the board page's posts answer): not the /api/v1 vocabulary.
        return TypedResults.Json(news, RetrospectiveBoardPage.Json);
    }
}
