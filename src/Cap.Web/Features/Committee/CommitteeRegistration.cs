namespace Cap.Web.Features.Committee;

/// <summary>Product committee capability: gate requests, sessions, evidence packs, reviews, decisions and conditions.</summary>
public static class CommitteeRegistration
{
    public static IServiceCollection AddCommittee(this IServiceCollection services)
    {
        return services;
    }

    public static void MapCommitteeEndpoints(this RouteGroupBuilder api)
    {
    }
}
