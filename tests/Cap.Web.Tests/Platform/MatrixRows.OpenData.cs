namespace Cap.Web.Tests.Platform;

internal static partial class MatrixRows
{
    /// <summary>
    /// The portfolio's open data: the public files and page for everyone, signed in or not; the product's tab for every
    /// reader, its choices written by the team's editors (and administrators). What is published is covered by
    /// tests/Cap.Web.Tests/OpenData.
    /// </summary>
    public static readonly (string Method, string Path, string Outcomes)[] OpenData =
    [
        ("GET", "/donnees-ouvertes", "A A A A A A A A"),
        ("GET", "/donnees-ouvertes/v1/produits.csv", "A A A A A A A A"),
        ("GET", "/donnees-ouvertes/v1/indicateurs.csv", "A A A A A A A A"),
        ("GET", "/donnees-ouvertes/v1/produits.json", "A A A A A A A A"),
        ("GET", "/donnees-ouvertes/v1/schema-produits.json", "A A A A A A A A"),
        ("GET", "/donnees-ouvertes/v1/schema-indicateurs.json", "A A A A A A A A"),
        ("GET", "/donnees-ouvertes/v1/produits.schema.json", "A A A A A A A A"),
        ("GET", "/donnees-ouvertes/catalogue.jsonld", "A A A A A A A A"),
        ("GET", "/produits/{product}/donnees-ouvertes", "C A A A A A A A"),
        ("GET", "/produits/inexistant/donnees-ouvertes", "C N N N N N N N"),
        ("POST", "/produits/{fresh}/donnees-ouvertes?Version=0&Input.Publish=non&Input.Satisfaction=non", "C F F F F A A A"),
        ("GET", "/api/v1/products/{product}/open-data", "C F F F F A A A"),
        ("GET", "/api/v1/products/inexistant/open-data", "C N N N N N N N"),
        ("PUT", "/api/v1/products/{fresh}/open-data", "C F F F F V V V"),
    ];
}
