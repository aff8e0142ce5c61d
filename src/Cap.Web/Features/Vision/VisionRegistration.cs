namespace Cap.Web.Features.Vision;

/// <summary>Vision and objectives: services, product tabs and API.</summary>
public static class VisionRegistration
{
    public static IServiceCollection AddVision(this IServiceCollection services) => services;

    public static RouteGroupBuilder MapVisionEndpoints(this RouteGroupBuilder api) => api;
}
