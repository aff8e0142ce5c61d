namespace Cap.Web.Features.Portfolio;

/// <summary>The portfolio dashboard (/pilotage): its kept lines, their refresher, the reads and the API group.</summary>
public static class PortfolioRegistration
{
    public static IServiceCollection AddPortfolio(this IServiceCollection services)
    {
        services.AddScoped<PortfolioRefresh>();
        services.AddScoped<PortfolioQuery>();
        services.AddSingleton<PortfolioRefresher>();
        services.AddHostedService(sp => sp.GetRequiredService<PortfolioRefresher>());
        return services;
    }

    public static void MapPortfolioEndpoints(this RouteGroupBuilder api) => PortfolioEndpoints.Map(api);
}
