using Cap.Web.Shared;

namespace Cap.Web.Features.Catalogue;

public static class CatalogueRegistration
{
    public static IServiceCollection AddCatalogue(this IServiceCollection services)
    {
        services.AddScoped<ProductQuery>();
        services.AddScoped<ProductService>();
        services.AddProductTab(new ProductTab("apercu", "Aperçu", "/Catalogue/Details", 0));
        services.AddProductTab(new ProductTab("equipe", "Équipe", "/Catalogue/Team", 10));
        services.AddProductTab(new ProductTab("historique", "Historique", "/Catalogue/History", 1000));
        return services;
    }
}
