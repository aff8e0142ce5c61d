namespace Cap.Web.Shared;

/// <summary>
/// A panel of the product's overview page (/produits/{slug}), shown under the team card. Each capability registers
/// its own so the overview grows without being edited: a partial view and the loader of its model.
/// </summary>
/// <param name="Partial">The path of the partial, in the folder of the capability that registers the panel.</param>
/// <param name="Order">Position, from top to bottom.</param>
/// <param name="LoadAsync">Loads the partial's model for the product (request services, product header).</param>
public sealed record ProductOverviewPanel(string Partial, int Order, Func<IServiceProvider, ProductHeader, CancellationToken, Task<object>> LoadAsync);

public static class ProductOverviewPanelRegistration
{
    public static IServiceCollection AddProductOverviewPanel(this IServiceCollection services, ProductOverviewPanel panel) =>
        services.AddSingleton(panel);
}
