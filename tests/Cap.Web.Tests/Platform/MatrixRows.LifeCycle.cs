namespace Cap.Web.Tests.Platform;

internal static partial class MatrixRows
{
    /// <summary>
    /// Life cycle: every reader reads the tab and the API; the product's team records deliverables; only administrators
    /// override the phase. Writes go to {fresh}, whose phase (Construction, as vaccin-suivi) allows Généralisation.
    /// </summary>
    public static readonly (string Method, string Path, string Outcomes)[] LifeCycle =
    [
        ("GET", "/produits/{product}/cycle-de-vie", "C A A A A A A A"),
        ("GET", "/produits/inexistant/cycle-de-vie", "C N N N N N N N"),
        ("GET", "/api/v1/products/{product}/lifecycle", "C A A A A A A A"),
        ("GET", "/api/v1/products/inexistant/lifecycle", "C N N N N N N N"),
        ("POST", "/produits/{fresh}/cycle-de-vie?handler=Deliverable", "C F F F F A A A"),
        ("POST", "/produits/{fresh}/cycle-de-vie?handler=Override", "C F F F F F F A"),
        ("POST", "/api/v1/products/{fresh}/lifecycle/override", "C F F F F F F A"),
    ];
}
