using Cap.Web.Shared.Connectors;
using Cap.Web.Shared.Data;

namespace Cap.Web.Features.Matomo;

/// <summary>The Matomo connector: connection service, HTTP client, synchronisation (run by the connectors' groundwork), demo source and API.</summary>
public static class MatomoRegistration
{
    public static IServiceCollection AddMatomo(this IServiceCollection services)
    {
        services.AddConnectorGroundwork();
        services.AddHttpClient<MatomoClient>("matomo");
        services.AddScoped<MatomoConnections>();
        services.AddScoped<IConnectorSync, MatomoSync>();
        services.AddSingleton<IDemoConnectorTarget, DemoMatomoTarget>();
        services.AddStartupDataStep(demoOnly: true, (db, sp) => DemoMatomo.SeedAsync(db, sp.GetRequiredService<ConnectorSecrets>(), sp.GetRequiredService<TimeProvider>()));
        return services;
    }

    /// <summary>The demo's Matomo-shaped API (demo only).</summary>
    public static IEndpointRouteBuilder MapMatomoDemo(this IEndpointRouteBuilder app)
    {
        if (app.ServiceProvider.GetRequiredService<IConfiguration>().GetValue<bool>("Database:SeedDemoData"))
        {
            DemoMatomo.Map(app);
        }
        return app;
    }

    public static RouteGroupBuilder MapMatomoEndpoints(this RouteGroupBuilder api)
    {
        MatomoEndpoints.Map(api);
        return api;
    }
}
