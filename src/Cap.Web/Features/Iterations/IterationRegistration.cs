using Cap.Web.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cap.Web.Features.Iterations;

/// <summary>Iterations: service, product tab, edit route, cadence panel on the product page and API.</summary>
public static class IterationRegistration
{
    public static IServiceCollection AddIterations(this IServiceCollection services)
    {
        services.AddScoped<IterationQueries>();
        services.AddScoped<IterationStore>();
        services.AddScoped<IterationPlanning>();
        services.AddScoped<IterationReview>();
        services.AddProductTab(new ProductTab("iterations", "Itérations", "/Iterations/Index", 37));
        services.AddProductOverviewPanel(new ProductOverviewPanel("/Features/Iterations/_CadencePanel.cshtml", 10,
            async (sp, product, ct) => (object)(product.Slug, await sp.GetRequiredService<IterationQueries>().CadenceAsync(product.Id, ct), true)));
        services.Configure<RazorPagesOptions>(o =>
            o.Conventions.AddPageRoute("/Iterations/Form", "/produits/{slug}/iterations/{number:int}/modifier"));
        return services;
    }

    public static RouteGroupBuilder MapIterationEndpoints(this RouteGroupBuilder api)
    {
        IterationEndpoints.Map(api);
        return api;
    }
}
