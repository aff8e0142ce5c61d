using Cap.Web.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cap.Web.Features.Coaching;

/// <summary>Coaching: service, product tab « Accompagnement », pages under /accompagnement and API.</summary>
public static class CoachingRegistration
{
    public static IServiceCollection AddCoaching(this IServiceCollection services)
    {
        services.AddScoped<CoachingCatalogue>();
        services.AddScoped<CoachingQueries>();
        services.AddScoped<CoachingRequestStore>();
        services.AddScoped<AskForCoaching>();
        services.AddScoped<CoachingRequestWorkflow>();
        services.AddScoped<ProductWeatherReports>();
        services.AddProductTab(new ProductTab("accompagnement", "Accompagnement", "/Coaching/ProductTab", 60));
        services.Configure<RazorPagesOptions>(o =>
            o.Conventions.AddPageRoute("/Coaching/InterventionForm", "/accompagnement/catalogue/{id:int}/modifier"));
        return services;
    }

    public static RouteGroupBuilder MapCoachingEndpoints(this RouteGroupBuilder api)
    {
        CoachingEndpoints.Map(api);
        return api;
    }
}
