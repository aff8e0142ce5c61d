namespace Cap.Web.Tests.Platform;

internal static partial class MatrixRows
{
    /// <summary>
    /// Vision and objectives. Contribute and Confirm write on {product}: they only add a comment or
    /// stamp a review, which no other row reads. Handlers that need an existing id (answer a
    /// contribution, move an objective) are covered by tests/Cap.Web.Tests/Vision.
    /// </summary>
    public static readonly (string Method, string Path, string Outcomes)[] Vision =
    [
        ("GET", "/produits/{product}/vision", "C A A A A A A A"),
        ("GET", "/produits/inexistant/vision", "C N N N N N N N"),
        ("GET", "/produits/{product}/vision/modifier", "C F F F F A A A"),
        ("GET", "/produits/{product}/vision/comparer", "C A A A A A A A"),
        ("GET", "/produits/{product}/vision/comparer?de=1&a=2", "C A A A A A A A"),
        ("GET", "/produits/{product}/vision/contributions/999999", "C N N N N N N N"),
        ("GET", "/produits/{product}/objectifs", "C A A A A A A A"),
        ("GET", "/produits/{product}/objectifs/nouveau", "C F F F F A A A"),
        ("GET", "/produits/{product}/objectifs/999999/modifier", "C F F F F N N N"),
        ("GET", "/priorites/ACCES-DROITS", "C A A A A A A A"),
        ("GET", "/priorites/inconnue", "C N N N N N N N"),
        ("GET", "/api/v1/products/{product}/vision", "C A A A A A A A"),
        ("GET", "/api/v1/products/{product}/objectives", "C A A A A A A A"),
        ("GET", "/api/v1/products/inexistant/vision", "C N N N N N N N"),
        ("GET", "/api/v1/products/inexistant/objectives", "C N N N N N N N"),
        ("POST", "/produits/{fresh}/vision/modifier?BaseNumber=0&Input.Statement=Matrice%20des%20droits", "C F F F F A A A"),
        ("POST", "/produits/{product}/vision?handler=Confirm", "C F F F F A A A"),
        ("POST", "/produits/{product}/vision?handler=Contribute&Contribution.Part=Users&Contribution.Kind=Comment&Contribution.Text=Matrice", "C F A A A A A A"),
        ("POST", "/produits/{fresh}/objectifs/nouveau?Input.Title=Matrice&Input.Status=Active", "C F F F F A A A"),
        ("POST", "/produits/{fresh}/objectifs?handler=Move&objectiveId=999999&direction=haut", "C F F F F N N N"),
    ];
}
