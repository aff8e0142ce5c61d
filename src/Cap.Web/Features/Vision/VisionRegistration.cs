using Cap.Web.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cap.Web.Features.Vision;

/// <summary>Vision and objectives: services, product tabs and API.</summary>
public static class VisionRegistration
{
    public static IServiceCollection AddVision(this IServiceCollection services)
    {
        services.AddScoped<VisionService>();
        services.AddProductFlagSource<VisionFlagSource>();
        services.AddProductTab(new ProductTab("vision", "Vision", "/Vision/Index", 20));
        services.AddProductTab(new ProductTab("objectifs", "Objectifs", "/Vision/Objectives", 25));
        // One form page serves both the creation and the edit of an objective.
        services.Configure<RazorPagesOptions>(o => o.Conventions.AddPageRoute("/Vision/ObjectiveForm", "/produits/{slug}/objectifs/{id:int}/modifier"));
        return services;
    }

    public static RouteGroupBuilder MapVisionEndpoints(this RouteGroupBuilder api) => api.MapVisionApi();
}
