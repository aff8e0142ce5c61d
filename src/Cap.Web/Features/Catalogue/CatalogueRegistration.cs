using Cap.Web.Shared;
using Cap.Web.Shared.Data;

namespace Cap.Web.Features.Catalogue;

public static class CatalogueRegistration
{
    public static IServiceCollection AddCatalogue(this IServiceCollection services)
    {
        services.AddScoped<ProductQuery>();
        services.AddScoped<ProductService>();
        services.AddScoped<TeamStaffing>();
        services.AddProductFlagSource<StaffingFlagSource>();
        services.AddStartupDataStep(demoOnly: true, (db, _) => DemoStaffing.SeedAsync(db));
        services.AddProductTab(new ProductTab("apercu", "Aperçu", "/Catalogue/Details", 0));
        services.AddProductTab(new ProductTab("equipe", "Équipe", "/Catalogue/Team", 10));
        services.AddProductTab(new ProductTab("historique", "Historique", "/Catalogue/History", 1000));
        return services;
    }
}
