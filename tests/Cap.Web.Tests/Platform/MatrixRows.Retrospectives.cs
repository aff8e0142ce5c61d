namespace Cap.Web.Tests.Platform;

internal static partial class MatrixRows
{
    /// <summary>
    /// Retrospectives: every active person reads (pages, live channel, API), the product's team writes. Writes on a
    /// missing retrospective show who gets past the rights check (404) and who does not (403); successful writes, with
    /// their bodies, are covered by tests/Cap.Web.Tests/Retrospectives.
    /// </summary>
    public static readonly (string Method, string Path, string Outcomes)[] Retrospectives =
    [
        ("GET", "/produits/{product}/retrospectives", "C A A A A A A A"),
        ("GET", "/produits/inexistant/retrospectives", "C N N N N N N N"),
        ("GET", "/produits/{product}/retrospectives/nouvelle", "C F F F F A A A"),
        ("GET", "/produits/{product}/retrospectives/999999", "C N N N N N N N"),
        ("GET", "/produits/{product}/retrospectives/999999/animation", "C N N N N N N N"),
        ("GET", "/produits/{product}/retrospectives/999999/nouveautes?apres=0", "C N N N N N N N"),
        ("POST", "/produits/{fresh}/retrospectives/nouvelle?Input.HeldOn=2027-01-15", "C F F F F A A A"),
        ("POST", "/produits/{fresh}/retrospectives/999999?handler=Item&Item.Kind=Works&Item.Text=Matrice", "C F F F F N N N"),
        ("POST", "/produits/{fresh}/retrospectives/999999?handler=Close", "C F F F F N N N"),
        ("GET", "/api/v1/products/{product}/retrospectives", "C A A A A A A A"),
        ("GET", "/api/v1/products/inexistant/retrospectives", "C N N N N N N N"),
        ("GET", "/api/v1/products/{product}/retrospectives/999999", "C N N N N N N N"),
        ("POST", "/api/v1/products/{fresh}/retrospectives/999999/items", "C F F F F N N N"),
        ("POST", "/api/v1/products/{fresh}/retrospectives/999999/close", "C F F F F N N N"),
        ("PUT", "/api/v1/products/{fresh}/retrospectives/999999/actions/999999", "C F F F F N N N"),
        // API writes sent with an empty body: the team gets past the rights check (V), the others are refused.
        ("POST", "/api/v1/products/{fresh}/retrospectives", "C F F F F V V V"),
        ("POST", "/api/v1/products/{fresh}/retrospectives/999999/actions", "C F F F F N N N"),
        ("POST", "/api/v1/products/{fresh}/retrospectives/999999/actions/999999/review", "C F F F F N N N"),
    ];
}
