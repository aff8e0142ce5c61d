namespace Cap.Web.Tests.Platform;

internal static partial class MatrixRows
{
    // 999999 is an indicator that does not exist: the rights are checked before it is looked for.
    public static readonly (string Method, string Path, string Outcomes)[] Indicators =
    [
        ("GET", "/produits/{product}/indicateurs", "C A A A A A A A"),
        ("GET", "/produits/{product}/indicateurs/nouveau", "C F F F F A A A"),
        ("GET", "/produits/{product}/indicateurs/suggestions", "C F F F F A A A"),
        ("GET", "/produits/{product}/indicateurs/999999", "C N N N N N N N"),
        ("GET", "/produits/{product}/indicateurs/999999/modifier", "C F F F F N N N"),
        ("GET", "/produits/{product}/indicateurs/999999/supprimer", "C F F F F N N N"),
        ("GET", "/produits/{product}/indicateurs/999999/mesures/1", "C F F F F N N N"),
        ("GET", "/produits/inexistant/indicateurs", "C N N N N N N N"),
        ("POST", "/produits/{fresh}/indicateurs/suggestions", "C F F F F A A A"),
        ("POST", "/produits/{fresh}/indicateurs/999999", "C F F F F N N N"),
        ("POST", "/produits/{fresh}/indicateurs/999999/supprimer", "C F F F F N N N"),
        ("POST", "/produits/{fresh}/indicateurs/999999/mesures/1", "C F F F F N N N"),
        // Product API tokens: the team sees them, owners create and revoke them.
        ("GET", "/produits/{product}/indicateurs/jetons", "C F F F F A A A"),
        ("POST", "/produits/{fresh}/indicateurs/jetons?handler=Create", "C F F F F F A A"),
        ("POST", "/produits/{fresh}/indicateurs/jetons?handler=Revoke&id=999999", "C F F F F F N N"),
        ("GET", "/api/v1/products/{product}/indicators", "C A A A A A A A"),
        ("GET", "/api/v1/products/{product}/indicators/999999", "C N N N N N N N"),
        ("GET", "/api/v1/products/{product}/indicators/999999/measurements", "C N N N N N N N"),
        ("GET", "/api/v1/products/inexistant/indicators", "C N N N N N N N"),
        ("POST", "/api/v1/products/{fresh}/indicators", "C F F F F A A A"),
        ("POST", "/api/v1/products/inexistant/indicators", "C N N N N N N N"),
        ("PUT", "/api/v1/products/{fresh}/indicators/999999", "C F F F F N N N"),
        ("POST", "/api/v1/products/{fresh}/indicators/999999/measurements", "C F F F F N N N"),
        ("DELETE", "/api/v1/products/{fresh}/indicators/999999", "C F F F F N N N"),
    ];
}
