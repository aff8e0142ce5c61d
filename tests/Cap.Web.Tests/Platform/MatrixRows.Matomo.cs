namespace Cap.Web.Tests.Platform;

internal static partial class MatrixRows
{
    /// <summary>
    /// The Matomo connector. The matrix's products have no Matomo connection: reading it answers 404, adding or removing a
    /// mapping and synchronising too once the rights allow it, saving one is refused for its empty body. The connector's
    /// behaviour is covered by tests/Cap.Web.Tests/Connectors against a Matomo-shaped server.
    /// </summary>
    public static readonly (string Method, string Path, string Outcomes)[] Matomo =
    [
        ("GET", "/produits/{product}/indicateurs/matomo", "C A A A A A A A"),
        ("GET", "/produits/inexistant/indicateurs/matomo", "C N N N N N N N"),
        ("POST", "/produits/{fresh}/indicateurs/matomo", "C F F F F V V V"),
        ("POST", "/produits/{fresh}/indicateurs/matomo?handler=Mapping", "C F F F F N N N"),
        ("POST", "/produits/{fresh}/indicateurs/matomo?handler=Remove&mappingId=1", "C F F F F N N N"),
        ("POST", "/produits/{fresh}/indicateurs/matomo?handler=Sync", "C F F F F N N N"),
        ("GET", "/api/v1/products/{product}/matomo", "C N N N N N N N"),
        ("GET", "/api/v1/products/inexistant/matomo", "C N N N N N N N"),
        ("PUT", "/api/v1/products/{fresh}/matomo", "C F F F F V V V"),
        ("POST", "/api/v1/products/{fresh}/matomo/mappings", "C F F F F N N N"),
        ("DELETE", "/api/v1/products/{fresh}/matomo/mappings/1", "C F F F F N N N"),
        ("POST", "/api/v1/products/{fresh}/matomo/sync", "C F F F F N N N"),
    ];
}
