namespace Cap.Web.Tests.Platform;

internal static partial class MatrixRows
{
    /// <summary>
    /// Compliance and the agrément SIG. A fresh product has no compliance record, so it is not public: opening a request is
    /// refused for its content (422) once the rights allow it. Steps on an existing request are covered by
    /// tests/Cap.Web.Tests/Compliance.
    /// </summary>
    public static readonly (string Method, string Path, string Outcomes)[] Compliance =
    [
        ("GET", "/produits/{product}/conformite", "C A A A A A A A"),
        ("GET", "/produits/inexistant/conformite", "C N N N N N N N"),
        ("GET", "/produits/{product}/conformite/modifier", "C F F F F A A A"),
        ("GET", "/produits/{product}/conformite/agrement-sig/nouvelle", "C F F F F A A A"),
        ("GET", "/produits/{product}/conformite/agrement-sig/999999/principe", "C F F F F N N N"),
        ("GET", "/produits/{product}/conformite/agrement-sig/999999/definitif", "C F F F F N N N"),
        ("POST", "/produits/{fresh}/conformite/modifier?Version=0&Input.IsPublic=non", "C F F F F A A A"),
        ("POST", "/produits/{fresh}/conformite/agrement-sig/nouvelle?Input.Kind=Creation&Input.FramingSentOn=2026-01-15", "C F F F F V V V"),
        ("POST", "/produits/{fresh}/conformite/agrement-sig/999999/principe?Version=0&Input.Outcome=Accorde", "C F F F F N N N"),
        ("POST", "/produits/{fresh}/conformite/agrement-sig/999999/definitif?Version=0&Input.Outcome=Refuse", "C F F F F N N N"),
        ("GET", "/api/v1/products/{product}/compliance", "C A A A A A A A"),
        ("GET", "/api/v1/products/inexistant/compliance", "C N N N N N N N"),
        ("GET", "/api/v1/products/{product}/sig-approvals", "C A A A A A A A"),
        ("GET", "/api/v1/products/{product}/sig-approvals/999999", "C N N N N N N N"),
        ("GET", "/api/v1/products/inexistant/sig-approvals", "C N N N N N N N"),
        ("PUT", "/api/v1/products/{fresh}/compliance", "C F F F F V V V"),
        ("POST", "/api/v1/products/{fresh}/sig-approvals", "C F F F F V V V"),
        ("POST", "/api/v1/products/{fresh}/sig-approvals/999999/principle", "C F F F F V V V"),
        ("POST", "/api/v1/products/{fresh}/sig-approvals/999999/final", "C F F F F V V V"),
    ];
}
