namespace Cap.Web.Tests.Platform;

internal static partial class MatrixRows
{
    /// <summary>
    /// The JDMA connector and the administrators' list of connections. The matrix's products have no JDMA connection:
    /// reading it answers 404, synchronising, choosing forms or deleting too once the rights allow it (before the body is read), saving one is refused for its
    /// empty body. The organisations' connections are the administrators' only: their pages and endpoints refuse everyone
    /// else; connection 999999 does not exist (404), and an empty body is refused (400) before anything is looked up,
    /// except for the forms' mapping, which finds no connection first. The connector's behaviour is covered by
    /// tests/Cap.Web.Tests/Connectors against a JDMA-shaped server.
    /// </summary>
    public static readonly (string Method, string Path, string Outcomes)[] Jdma =
    [
        ("GET", "/produits/{product}/satisfaction/jdma", "C A A A A A A A"),
        ("GET", "/produits/inexistant/satisfaction/jdma", "C N N N N N N N"),
        ("GET", "/produits/{product}/satisfaction/jdma/formulaires", "C F F F F A A A"),
        ("POST", "/produits/{fresh}/satisfaction/jdma", "C F F F F V V V"),
        ("POST", "/produits/{fresh}/satisfaction/jdma?handler=Sync", "C F F F F N N N"),
        ("POST", "/produits/{fresh}/satisfaction/jdma/formulaires", "C F F F F N N N"),
        ("GET", "/produits/{product}/satisfaction/jdma/supprimer", "C F F F F N N N"),
        ("POST", "/produits/{fresh}/satisfaction/jdma/supprimer", "C F F F F N N N"),
        ("GET", "/admin/connecteurs", "C F F F F F F A"),
        ("GET", "/admin/connecteurs/jdma", "C F F F F F F A"),
        ("GET", "/admin/connecteurs/jdma/nouvelle", "C F F F F F F A"),
        ("POST", "/admin/connecteurs/jdma/nouvelle", "C F F F F F F V"),
        ("GET", "/admin/connecteurs/jdma/999999", "C F F F F F F N"),
        ("POST", "/admin/connecteurs/jdma/999999", "C F F F F F F N"),
        ("POST", "/admin/connecteurs/jdma/999999?handler=Sync", "C F F F F F F N"),
        ("GET", "/admin/connecteurs/jdma/999999/formulaires", "C F F F F F F N"),
        ("POST", "/admin/connecteurs/jdma/999999/formulaires", "C F F F F F F N"),
        ("GET", "/admin/connecteurs/jdma/999999/supprimer", "C F F F F F F N"),
        ("POST", "/admin/connecteurs/jdma/999999/supprimer", "C F F F F F F N"),
        ("GET", "/api/v1/products/{product}/jdma", "C N N N N N N N"),
        ("GET", "/api/v1/products/inexistant/jdma", "C N N N N N N N"),
        ("PUT", "/api/v1/products/{fresh}/jdma", "C F F F F V V V"),
        ("GET", "/api/v1/products/{product}/jdma/services", "C F F F F N N N"),
        ("PUT", "/api/v1/products/{fresh}/jdma/forms", "C F F F F N N N"),
        ("POST", "/api/v1/products/{fresh}/jdma/sync", "C F F F F N N N"),
        ("DELETE", "/api/v1/products/{fresh}/jdma", "C F F F F N N N"),
        ("GET", "/api/v1/admin/connectors/jdma", "C F F F F F F A"),
        ("POST", "/api/v1/admin/connectors/jdma", "C F F F F F F V"),
        ("GET", "/api/v1/admin/connectors/jdma/999999", "C F F F F F F N"),
        ("PUT", "/api/v1/admin/connectors/jdma/999999", "C F F F F F F V"),
        ("DELETE", "/api/v1/admin/connectors/jdma/999999", "C F F F F F F N"),
        ("GET", "/api/v1/admin/connectors/jdma/999999/services", "C F F F F F F N"),
        ("PUT", "/api/v1/admin/connectors/jdma/999999/forms", "C F F F F F F N"),
        ("POST", "/api/v1/admin/connectors/jdma/999999/sync", "C F F F F F F N"),
    ];
}
