namespace Cap.Web.Shared;

/// <summary>
/// A tab of the product page. Each capability registers its own (Vision, Indicateurs...) so the
/// product page grows without being edited: <c>services.AddProductTab(new("vision", "Vision", "/Vision/Index", 20))</c>.
/// </summary>
/// <param name="Key">Stable identifier, used to mark the current tab.</param>
/// <param name="Label">French label shown in the tab list.</param>
/// <param name="Page">Razor page name; it receives the route value <c>slug</c>.</param>
/// <param name="Order">Position, from left to right.</param>
public sealed record ProductTab(string Key, string Label, string Page, int Order);

public static class ProductTabRegistration
{
    public static IServiceCollection AddProductTab(this IServiceCollection services, ProductTab tab) =>
        services.AddSingleton(tab);
}
