using Cap.Web.Shared;

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
