namespace Cap.Web.Tests.Platform;

internal static partial class MatrixRows
{
    /// <summary>
    /// Roadmap: every active person reads, the team writes. A live share link (anonymous read-only) needs a token
    /// created for the test: it is covered, with its revocation, by tests/Cap.Web.Tests/Roadmap; here an unknown token is
    /// 404 for everyone. API writes with a body of their own are covered there too; here the deletions of missing items
    /// show who gets past the rights check (404) and who does not (403).
    /// </summary>
    public static readonly (string Method, string Path, string Outcomes)[] Roadmap =
    [
        ("GET", "/produits/{product}/feuille-de-route", "C A A A A A A A"),
        ("GET", "/produits/inexistant/feuille-de-route", "C N N N N N N N"),
        ("GET", "/produits/{product}/feuille-de-route/calendrier", "C A A A A A A A"),
        ("GET", "/produits/{product}/feuille-de-route/historique", "C A A A A A A A"),
        ("GET", "/produits/{product}/feuille-de-route/historique/999999", "C N N N N N N N"),
        ("GET", "/produits/{product}/feuille-de-route/partage", "C A A A A A A A"),
        ("GET", "/produits/{product}/feuille-de-route/horizon", "C F F F F A A A"),
        ("GET", "/produits/{product}/feuille-de-route/initiatives/nouvelle", "C F F F F A A A"),
        ("GET", "/produits/{product}/feuille-de-route/initiatives/999999/modifier", "C F F F F N N N"),
        ("GET", "/produits/{product}/feuille-de-route/dependances/nouvelle", "C F F F F A A A"),
        ("GET", "/produits/{product}/feuille-de-route/risques/nouveau", "C F F F F A A A"),
        ("GET", "/produits/{product}/feuille-de-route/risques/999999/modifier", "C F F F F N N N"),
        ("GET", "/feuille-de-route/partage/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "N N N N N N N N"),
        ("GET", "/api/v1/products/{product}/roadmap", "C A A A A A A A"),
        ("GET", "/api/v1/products/inexistant/roadmap", "C N N N N N N N"),
        ("POST", "/produits/{fresh}/feuille-de-route/risques/nouveau?Input.Title=Matrice&Input.Probability=1&Input.Impact=1", "C F F F F A A A"),
        ("POST", "/produits/{fresh}/feuille-de-route/dependances/nouvelle?Input.Kind=Team&Input.Target=Matrice", "C F F F F A A A"),
        ("POST", "/produits/{fresh}/feuille-de-route?handler=DeleteRisk&id=999999", "C F F F F N N N"),
        ("POST", "/produits/{fresh}/feuille-de-route/partage?handler=Revoke&id=999999", "C F F F F N N N"),
        ("DELETE", "/api/v1/products/{fresh}/roadmap/initiatives/999999", "C F F F F N N N"),
        ("DELETE", "/api/v1/products/{fresh}/roadmap/risks/999999", "C F F F F N N N"),
        ("DELETE", "/api/v1/products/{fresh}/roadmap/dependencies/999999", "C F F F F N N N"),
        // API writes sent with an empty body: the team gets past the rights check (V), the others are refused.
        ("PUT", "/api/v1/products/{fresh}/roadmap/horizon", "C F F F F V V V"),
        ("POST", "/api/v1/products/{fresh}/roadmap/initiatives", "C F F F F V V V"),
        ("PUT", "/api/v1/products/{fresh}/roadmap/initiatives/999999", "C F F F F N N N"),
        ("POST", "/api/v1/products/{fresh}/roadmap/risks", "C F F F F V V V"),
        ("PUT", "/api/v1/products/{fresh}/roadmap/risks/999999", "C F F F F N N N"),
        ("POST", "/api/v1/products/{fresh}/roadmap/dependencies", "C F F F F V V V"),
        ("PUT", "/api/v1/products/{fresh}/roadmap/dependencies/999999", "C F F F F N N N"),
    ];
}
