using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cap.Web.Features.Rituals;

/// <summary>Rituals: service, form routes, API and the anonymous calendar feed. The page sits under the « Itérations » tab.</summary>
public static class RitualRegistration
{
    public static IServiceCollection AddRituals(this IServiceCollection services)
    {
        services.AddScoped<TeamRituals>();
        services.AddScoped<RitualCalendarFeed>();
        services.Configure<RazorPagesOptions>(o =>
            o.Conventions.AddPageRoute("/Rituals/Form", "/produits/{slug}/rituels/{id:int}/modifier"));
        return services;
    }

    public static RouteGroupBuilder MapRitualEndpoints(this RouteGroupBuilder api)
    {
        RitualEndpoints.Map(api);
        return api;
    }

    public static IEndpointRouteBuilder MapRitualFeed(this IEndpointRouteBuilder app)
    {
        RitualEndpoints.MapFeed(app);
        return app;
    }
}
