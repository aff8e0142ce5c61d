using Cap.Web.Shared;
using Cap.Web.Shared.Data;

namespace Cap.Web.Features.OpenData;

/// <summary>The portfolio's open data (decision 0020): the team's opt-ins (product tab, API), the public files and page, demo choices.</summary>
public static class OpenDataRegistration
{
    public static IServiceCollection AddOpenData(this IServiceCollection services)
    {
        services.AddOptions<OpenDataOptions>().BindConfiguration("OpenData")
            .Validate(o => o.CacheSeconds is >= 0 and <= 3600, "OpenData:CacheSeconds must be between 0 and 3600.")
            .Validate(o => o.MaxAgeSeconds is >= 0 and <= 86_400, "OpenData:MaxAgeSeconds must be between 0 and 86400.")
            .Validate(o => o.SatisfactionDays is >= 1 and <= 366, "OpenData:SatisfactionDays must be between 1 and 366.")
            .Validate(o => o.MinimumAnswers >= 0, "OpenData:MinimumAnswers must not be negative.")
            .ValidateOnStart();
        services.AddScoped<OpenDataset>();
        services.AddScoped<OpenDataSettings>();
        services.AddSingleton<OpenDataCache>();
        services.AddProductTab(new ProductTab("donnees-ouvertes", "Données ouvertes", "/OpenData/Index", 70));
        services.AddStartupDataStep(demoOnly: true, (db, _) => DemoOpenData.SeedAsync(db));
        return services;
    }

    public static RouteGroupBuilder MapOpenDataEndpoints(this RouteGroupBuilder api)
    {
        OpenDataEndpoints.Map(api);
        return api;
    }

    /// <summary>The public files, outside the API group: anonymous.</summary>
    public static IEndpointRouteBuilder MapOpenDataPublicFiles(this IEndpointRouteBuilder app) => app.MapOpenDataFiles();
}
