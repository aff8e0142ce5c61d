using Cap.Data.Intake;
using Cap.Data.Telemetry;
using Cap.Web.Features.Satisfaction.Public;
using Cap.Web.Shared;
using Microsoft.Extensions.Options;

namespace Cap.Web.Features.Satisfaction;

/// <summary>User satisfaction: form configuration, placements, public form and intake, statistics.</summary>
public static class SatisfactionRegistration
{
    public static IServiceCollection AddSatisfaction(this IServiceCollection services)
    {
        services.AddOptions<SatisfactionOptions>().BindConfiguration("Satisfaction");
        services.AddScoped<SatisfactionService>();
        services.AddSingleton<SatisfactionChanges>();
        // The one write path of answers (public form and JSON intake): Cap.Data's intake engine for the configured database.
        services.AddSingleton(sp => AnswerIntake.Create(
            sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<SatisfactionChanges>(),
            sp.GetRequiredService<IOptions<SatisfactionOptions>>().Value.Intake, sp.GetRequiredService<ILoggerFactory>(),
            sp.GetRequiredService<CapMetrics>()));
        services.AddSingleton<IAnswerIntake>(sp => sp.GetRequiredService<AnswerIntake>());
        services.AddSingleton<OpenPlacementCache>();
        services.AddHostedService(sp => sp.GetRequiredService<AnswerIntake>());
        services.AddScoped<SatisfactionStatistics>();
        services.AddProductTab(new ProductTab("satisfaction", "Satisfaction", "/Satisfaction/Index", 40));
        services.AddSatisfactionRateLimits();
        return services;
    }

    /// <summary>Endpoints outside the signed-in API group: the public JSON intake and embed script, the CSV export.</summary>
    public static IEndpointRouteBuilder MapSatisfactionEndpoints(this IEndpointRouteBuilder app)
    {
        // The JSON intake is mapped on its own short pipeline branch (CapHost, SatisfactionIntakeEndpoints.PathPrefix).
        app.MapEmbedScript();
        app.MapAnswerExport();
        return app;
    }
}
