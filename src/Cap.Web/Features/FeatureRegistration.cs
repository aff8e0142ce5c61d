using Cap.Web.Features.Account;
using Cap.Web.Features.Administration;
using Cap.Web.Features.Catalogue;
using Cap.Web.Features.Checklist;
using Cap.Web.Features.Coaching;
using Cap.Web.Features.Committee;
using Cap.Web.Features.Compliance;
using Cap.Web.Features.Digests;
using Cap.Web.Features.Indicators;
using Cap.Web.Features.Iterations;
using Cap.Web.Features.Jdma;
using Cap.Web.Features.LifeCycle;
using Cap.Web.Features.Matomo;
using Cap.Web.Features.Portfolio;
using Cap.Web.Features.Retrospectives;
using Cap.Web.Features.Notifications;
using Cap.Web.Features.OpenData;
using Cap.Web.Features.Roadmap;
using Cap.Web.Features.Rituals;
using Cap.Web.Features.Satisfaction;
using Cap.Web.Features.Vision;
using Cap.Web.Shared.Problems;

namespace Cap.Web.Features;

/// <summary>Each capability registers its services, product tabs and API group here.</summary>
public static class FeatureRegistration
{
    public static IServiceCollection AddCapFeatures(this IServiceCollection services)
    {
        services.AddCatalogue();
        services.AddVision();
        services.AddIndicators();
        services.AddSatisfaction();
        services.AddLifeCycle();
        services.AddCommittee();
        services.AddRoadmap();
        services.AddRetrospectives();
        services.AddRituals();
        services.AddCoaching();
        services.AddIterations();
        services.AddNotifications();
        services.AddCompliance();
        services.AddChecklist();
        services.AddPortfolio();
        services.AddOpenData();
        services.AddJdma();
        services.AddMatomo();
        services.AddDigests();
        return services;
    }

    public static void MapCapFeatures(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1")
            .RequireAuthorization(Shared.Auth.Policies.Reader)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.ProducesAttribute("application/json"))
            .RequireJsonBodies();
        api.MapProductEndpoints();
        api.MapReferenceEndpoints();
        api.MapMeEndpoints();
        api.MapVisionEndpoints();
        api.MapIndicatorEndpoints();
        api.MapLifeCycleEndpoints();
        api.MapCommitteeEndpoints();
        api.MapRoadmapEndpoints();
        api.MapRetrospectiveEndpoints();
        api.MapRitualEndpoints();
        api.MapCoachingEndpoints();
        api.MapIterationEndpoints();
        api.MapComplianceEndpoints();
        api.MapChecklistEndpoints();
        api.MapPortfolioEndpoints();
        api.MapOpenDataEndpoints();
        api.MapJdmaEndpoints();
        api.MapMatomoEndpoints();
        api.MapDigestEndpoints();
        // Outside the API group: the retrospectives' live channel (signed-in, under /produits) and the public
        // (anonymous) endpoints.
        app.MapRetrospectiveLive();
        app.MapSatisfactionEndpoints();
        app.MapJdmaDemo();
        app.MapMatomoDemo();
        app.MapRitualFeed();
        app.MapOpenDataPublicFiles();
        DigestEndpoints.MapOneClick(app);
    }
}
