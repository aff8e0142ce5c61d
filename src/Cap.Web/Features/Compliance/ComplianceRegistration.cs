using Cap.Web.Shared;
using Cap.Web.Shared.Data;

namespace Cap.Web.Features.Compliance;

/// <summary>Compliance (RGAA, RGS, RGPD, RGESN) and the agrément SIG: services, flags, timeline, product tab, demo data and API.</summary>
public static class ComplianceRegistration
{
    public static IServiceCollection AddCompliance(this IServiceCollection services)
    {
        services.AddOptions<ComplianceOptions>().BindConfiguration("Compliance")
            .Validate(o => o.HomologationWarningDays is >= 0 and <= 3650, "Compliance:HomologationWarningDays must be between 0 and 3650.");
        services.AddScoped<ComplianceRecords>();
        services.AddScoped<SigApprovals>();
        services.AddScoped<ComplianceFlagSource>();
        services.AddProductFlagSource<ComplianceFlagSource>();
        services.AddScoped<ITimelineSource, SigTimelineSource>();
        services.AddProductTab(new ProductTab("conformite", "Conformité", "/Compliance/Index", 45));
        services.AddStartupDataStep(demoOnly: true, (db, sp) => DemoCompliance.SeedAsync(db, sp.GetRequiredService<TimeProvider>()));
        return services;
    }

    public static RouteGroupBuilder MapComplianceEndpoints(this RouteGroupBuilder api)
    {
        ComplianceEndpoints.Map(api);
        return api;
    }
}
