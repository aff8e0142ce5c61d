namespace Cap.Web.Features.LifeCycle;

/// <summary>Life cycle capability: phases, deliverables, timeline, administrator override.</summary>
public static class LifeCycleRegistration
{
    public static IServiceCollection AddLifeCycle(this IServiceCollection services)
    {
        services.AddScoped<LifeCycleService>();
        return services;
    }

    public static void MapLifeCycleEndpoints(this RouteGroupBuilder api)
    {
    }
}
