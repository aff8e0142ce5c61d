using Cap.Web.Shared.Connectors;
using Cap.Web.Shared.Data;
using Microsoft.Extensions.Options;

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
        return services;
    }

    public static RouteGroupBuilder MapJdmaEndpoints(this RouteGroupBuilder api)
    {
        JdmaEndpoints.Map(api);
        return api;
    }
}
