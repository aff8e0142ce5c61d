using Cap.Web.Shared;
using Cap.Web.Shared.Data;

namespace Cap.Web.Features.Indicators;

/// <summary>Indicators and measurements: services, product tab and API.</summary>
public static class IndicatorsRegistration
{
    public static IServiceCollection AddIndicators(this IServiceCollection services)
    {
        services.AddScoped<IndicatorService>();
        services.AddSingleton<Import.ImportJobLeases>();
        services.AddSingleton<Import.ImportJobs>();
        services.AddHostedService<Import.ImportJobRecovery>();
        services.AddScoped<SatisfactionFeed>();
        services.AddScoped<ISatisfactionIndicatorFeed, SatisfactionIndicatorFeed>();
        services.AddScoped<IConnectorMeasurements, ConnectorMeasurements>();
        // Satisfaction indicators for the products whose answers have none yet (the demo's, or after an upgrade).
        services.AddStartupDataStep(demoOnly: false,
            (db, sp) => new SatisfactionFeed(db, sp.GetRequiredService<TimeProvider>()).FeedMissingAsync(CancellationToken.None));
        // Availability and page-load indicators marked for the observatory's scorecard on a few demo products.
        services.AddStartupDataStep(demoOnly: true, (db, sp) => DemoObservatoryMeasures.SeedAsync(db, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<SatisfactionFeedWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<SatisfactionFeedWorker>());
        services.AddProductTab(new ProductTab("indicateurs", "Indicateurs", "/Indicators/Index", 30));
        return services;
    }

    public static RouteGroupBuilder MapIndicatorEndpoints(this RouteGroupBuilder api)
    {
        IndicatorEndpoints.Map(api);
        return api;
    }
}
