using Cap.Web.Shared;
using Cap.Web.Shared.Data;

namespace Cap.Web.Features.Checklist;

/// <summary>The guide's product checklist: self-assessments, Cap's evidence, the flags and the timeline events.</summary>
public static class ChecklistRegistration
{
    public static IServiceCollection AddChecklist(this IServiceCollection services)
    {
        services.AddScoped<ChecklistQueries>();
        services.AddScoped<ChecklistRecorder>();
        services.AddScoped<ChecklistSummaries>();
        services.AddProductFlagSource<ChecklistFlagSource>();
        services.AddScoped<ITimelineSource, ChecklistTimelineSource>();
        services.AddProductTab(new ProductTab("checklist", "Check-list", "/Checklist/Index", 45));
        services.AddStartupDataStep(demoOnly: true, (db, sp) => DemoChecklists.SeedAsync(db, sp.GetRequiredService<TimeProvider>()));
        return services;
    }

    public static void MapChecklistEndpoints(this RouteGroupBuilder api) => ChecklistEndpoints.Map(api);
}
