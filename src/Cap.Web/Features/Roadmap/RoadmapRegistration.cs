using Cap.Web.Shared;
using Cap.Web.Shared.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cap.Web.Features.Roadmap;

/// <summary>Roadmap: services, product tab, form routes, share page and API.</summary>
public static class RoadmapRegistration
{
    public static IServiceCollection AddRoadmap(this IServiceCollection services)
    {
        services.AddScoped<RoadmapQueries>();
        services.AddScoped<RoadmapRevisionRecorder>();
        services.AddScoped<HorizonPlanning>();
        services.AddScoped<InitiativePlanning>();
        services.AddScoped<DependencyTracking>();
        services.AddScoped<RiskRegister>();
        services.AddScoped<RoadmapSharing>();
        services.AddStartupDataStep(demoOnly: true, (db, sp) => DemoRoadmapRevisions.SeedAsync(db, sp.GetRequiredService<TimeProvider>()));
        services.AddProductTab(new ProductTab("feuille-de-route", "Feuille de route", "/Roadmap/Index", 35));
        // One form page serves both the creation and the edit of each item.
        services.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AddPageRoute("/Roadmap/InitiativeForm", "/produits/{slug}/feuille-de-route/initiatives/{id:int}/modifier");
            o.Conventions.AddPageRoute("/Roadmap/DependencyForm", "/produits/{slug}/feuille-de-route/dependances/{id:int}/modifier");
            o.Conventions.AddPageRoute("/Roadmap/RiskForm", "/produits/{slug}/feuille-de-route/risques/{id:int}/modifier");
            o.Conventions.AllowAnonymousToPage("/Roadmap/Shared");
        });
        return services;
    }

    public static RouteGroupBuilder MapRoadmapEndpoints(this RouteGroupBuilder api)
    {
        RoadmapEndpoints.Map(api);
        return api;
    }
}
