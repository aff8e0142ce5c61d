using Cap.Web.Shared;

namespace Cap.Web.Features.LifeCycle;

/// <summary>Life cycle capability: phases, deliverables, timeline, administrator override.</summary>
public static class LifeCycleRegistration
{
    public static IServiceCollection AddLifeCycle(this IServiceCollection services)
    {
        services.AddScoped<LifeCycleService>();
        services.AddScoped<ITimelineSource, PhaseChangeTimelineSource>();
        // After Indicateurs (30) and Satisfaction (40).
        services.AddProductTab(new ProductTab("cycle-de-vie", "Cycle de vie", "/LifeCycle/Index", 50));
        return services;
    }

    public static void MapLifeCycleEndpoints(this RouteGroupBuilder api) => api.MapLifeCycleApi();
}
