using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cap.Web.Features.Digests;

/// <summary>The weekly and committee digests (decision 0022): generation, schedule, unsubscribe links, admin view and API.</summary>
public static class DigestsRegistration
{
    public static IServiceCollection AddDigests(this IServiceCollection services)
    {
        services.AddOptions<DigestOptions>().BindConfiguration(DigestOptions.Section)
            .Validate(o => o.Committee.DaysBefore is >= 0 and <= 30, "Digests:Committee:DaysBefore must be between 0 and 30.")
            .Validate(o => o.PollSeconds > 0, "Digests:PollSeconds must be positive.");
        services.AddSingleton<UnsubscribeTokens>();
        services.AddSingleton<DigestLinks>();
        services.AddScoped<Shared.DigestPreferences>();
        services.AddScoped<DigestUnsubscriber>();
        services.AddScoped<DigestRuns>();
        services.AddScoped<WeeklyDigest>();
        services.AddScoped<CommitteeDigest>();
        services.AddSingleton<DigestScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<DigestScheduler>());
        services.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AuthorizePage("/Digests/Runs", Shared.Auth.Policies.Admin);
            o.Conventions.AllowAnonymousToPage("/Digests/Unsubscribe");
        });
        return services;
    }

    public static RouteGroupBuilder MapDigestEndpoints(this RouteGroupBuilder api)
    {
        DigestEndpoints.Map(api);
        return api;
    }
}
