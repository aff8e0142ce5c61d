using Cap.Web.Shared;

namespace Cap.Web.Features.Committee;

/// <summary>Product committee capability: gate requests, sessions, evidence packs, reviews, decisions and conditions.</summary>
public static class CommitteeRegistration
{
    public static IServiceCollection AddCommittee(this IServiceCollection services)
    {
        services.AddOptions<CommitteeOptions>().BindConfiguration("Committee");
        services.AddScoped<CommitteeRequests>();
        services.AddScoped<CommitteeSessionPlanning>();
        services.AddScoped<CommitteeDecisions>();
        services.AddScoped<DecisionConditions>();
        services.AddScoped<EvidencePackBuilder>();
        services.AddScoped<ITimelineSource, CommitteeTimelineSource>();
        services.AddProductTab(new ProductTab("comite", "Comité produit", "/Committee/Product", 55));
        return services;
    }

    public static void MapCommitteeEndpoints(this RouteGroupBuilder api) => api.MapCommitteeApi();
}
