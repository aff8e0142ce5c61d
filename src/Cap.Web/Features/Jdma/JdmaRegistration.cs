using Cap.Web.Shared.Connectors;
using Cap.Web.Shared.Data;

namespace Cap.Web.Features.Jdma;

/// <summary>The JDMA connector: connection service, HTTP client, synchronisation (run by the connectors' groundwork), demo source and API.</summary>
public static class JdmaRegistration
{
    public static IServiceCollection AddJdma(this IServiceCollection services)
    {
        services.AddConnectorGroundwork();
        services.AddHttpClient<JdmaClient>(JdmaClient.HttpClientName);
        services.AddScoped<JdmaConnections>();
        services.AddScoped<IConnectorSync, JdmaSync>();
        services.AddHostedService<DemoJdmaAddress>();
        services.AddStartupDataStep(demoOnly: true, (db, sp) => DemoJdma.SeedAsync(db, sp.GetRequiredService<ConnectorSecrets>(), sp.GetRequiredService<TimeProvider>()));
        return services;
    }

    /// <summary>The demo's JDMA-shaped API and the pointing of the demo connection at it (demo only).</summary>
    public static IEndpointRouteBuilder MapJdmaDemo(this IEndpointRouteBuilder app)
    {
        if (app.ServiceProvider.GetRequiredService<IConfiguration>().GetValue<bool>("Database:SeedDemoData"))
        {
            DemoJdma.Map(app);
        }
        return app;
    }

    public static RouteGroupBuilder MapJdmaEndpoints(this RouteGroupBuilder api)
    {
        JdmaEndpoints.Map(api);
        return api;
    }
}
