using Cap.Web.Shared.Connectors;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Cap.Web.Shared.Data;

namespace Cap.Web.Features.Jdma;

/// <summary>The JDMA connector: products' and organisations' connections, HTTP client, synchronisations (run by the connectors' groundwork), demo source and API.</summary>
public static class JdmaRegistration
{
    public static IServiceCollection AddJdma(this IServiceCollection services)
    {
        services.AddConnectorGroundwork();
        services.AddHttpClient<JdmaClient>(JdmaClient.HttpClientName);
        services.AddScoped<JdmaConnections>();
        services.AddScoped<IConnectorSync, JdmaSync>();
        services.AddScoped<JdmaOrganisations>();
        services.AddScoped<IConnectorSync, JdmaOrganisationSync>();
        // The organisations' connections are the administrators' (decision 0021).
        services.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AuthorizeFolder("/Jdma/Organisations", Shared.Auth.Policies.Admin);
            o.Conventions.AddPageRoute("/Jdma/Organisations/Edit", "/admin/connecteurs/jdma/{id:int}");
        });
        services.AddSingleton<IDemoConnectorTarget, DemoJdmaTarget>();
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
        JdmaOrganisationEndpoints.Map(api);
        return api;
    }
}
