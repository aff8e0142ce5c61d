namespace Cap.Web.Features.Indicators;

/// <summary>Indicators and measurements: services, product tab and API.</summary>
public static class IndicatorsRegistration
{
    public static IServiceCollection AddIndicators(this IServiceCollection services) => services;

    public static RouteGroupBuilder MapIndicatorEndpoints(this RouteGroupBuilder api) => api;
}
