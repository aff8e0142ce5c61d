namespace Cap.Web.Shared.Connectors;

/// <summary>What every connector shares: options, secrets, the runner (leases, backoff, status) and the background worker.</summary>
public static class ConnectorsRegistration
{
    /// <summary>Registers the groundwork once, however many connectors ask for it.</summary>
    public static IServiceCollection AddConnectorGroundwork(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(ConnectorRunner)))
        {
            return services;
        }
        services.AddOptions<ConnectorOptions>().BindConfiguration("Connectors")
            .Validate(o => o.PollSeconds > 0 && o.IntervalMinutes > 0 && o.RetryBaseSeconds > 0 && o.RetryMaxSeconds >= o.RetryBaseSeconds
                && o.LeaseSeconds > 0 && o.TimeoutSeconds > 0, "Connectors: every delay must be positive, RetryMaxSeconds ≥ RetryBaseSeconds.");
        services.AddSingleton<ConnectorSecrets>();
        services.AddSingleton<ConnectorRunner>();
        services.AddScoped<ConnectorStatuses>();
        services.AddHostedService<ConnectorWorker>();
        services.AddHostedService<DemoConnectorAddresses>();
        services.AddHealthChecks().AddCheck<ConnectorsHealthCheck>("connectors", tags: [Hosting.HealthResponse.Ready]);
        return services;
    }
}
