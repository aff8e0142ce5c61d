namespace Cap.Web.Tests.Platform;

internal static partial class MatrixRows
{
    /// <summary>
    /// Iterations: every active person reads, the team writes. vaccin-suivi has no demo iteration, so the rows on a missing
    /// number show who gets past the rights check (404) and who does not (403). Writes with a body of their own (review,
    /// API creation) are covered by tests/Cap.Web.Tests/Iterations.
    /// </summary>
    public static readonly (string Method, string Path, string Outcomes)[] Iterations =
    [
        ("GET", "/produits/{product}/iterations", "C A A A A A A A"),
        ("GET", "/produits/inexistant/iterations", "C N N N N N N N"),
        ("GET", "/produits/{product}/iterations/nouvelle", "C F F F F A A A"),
        ("GET", "/produits/{product}/iterations/999999", "C N N N N N N N"),
        ("GET", "/produits/{product}/iterations/999999/modifier", "C F F F F N N N"),
        ("GET", "/produits/{product}/iterations/999999/revue", "C F F F F N N N"),
        ("GET", "/api/v1/products/{product}/iterations", "C A A A A A A A"),
        ("GET", "/api/v1/products/inexistant/iterations", "C N N N N N N N"),
        ("GET", "/api/v1/products/{product}/iterations/999999", "C N N N N N N N"),
        ("POST", "/produits/{fresh}/iterations/nouvelle?Input.Start=2030-01-07&Input.End=2030-01-20&Input.Goal=Matrice", "C F F F F A A A"),
        ("POST", "/produits/{fresh}/iterations?handler=Delete&number=999999", "C F F F F N N N"),
        ("POST", "/produits/{fresh}/iterations/999999?handler=CarryOver", "C F F F F N N N"),
        ("DELETE", "/api/v1/products/{fresh}/iterations/999999", "C F F F F N N N"),
        ("POST", "/api/v1/products/{fresh}/iterations/999999/carry-over", "C F F F F N N N"),
        // API writes sent with an empty body: the team gets past the rights check (V), the others are refused.
        ("POST", "/api/v1/products/{fresh}/iterations", "C F F F F V V V"),
        ("PUT", "/api/v1/products/{fresh}/iterations/999999", "C F F F F N N N"),
        ("PUT", "/api/v1/products/{fresh}/iterations/999999/review", "C F F F F N N N"),
    ];
}
