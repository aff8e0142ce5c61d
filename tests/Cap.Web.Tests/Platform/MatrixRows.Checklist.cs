namespace Cap.Web.Tests.Platform;

internal static partial class MatrixRows
{
    /// <summary>
    /// The product checklist. The form posts on {fresh}: « Suggest » only shows the form again (200), a save with the
    /// empty form rendered is refused for its content (422): the rights check is passed. A whole assessment saved by
    /// the form and the API is covered by tests/Cap.Web.Tests/Checklist.
    /// </summary>
    public static readonly (string Method, string Path, string Outcomes)[] Checklist =
    [
        ("GET", "/produits/{product}/checklist", "C A A A A A A A"),
        ("GET", "/produits/inexistant/checklist", "C N N N N N N N"),
        ("GET", "/produits/{product}/checklist/nouvelle", "C F F F F A A A"),
        ("GET", "/produits/{product}/checklist/1", "C A A A A A A A"),
        ("GET", "/produits/{product}/checklist/999999", "C N N N N N N N"),
        ("GET", "/produits/{product}/checklist/comparer", "C A A A A A A A"),
        ("GET", "/produits/{product}/checklist/comparer?de=1&a=2", "C A A A A A A A"),
        ("POST", "/produits/{fresh}/checklist/nouvelle?handler=Suggest", "C F F F F A A A"),
        ("POST", "/produits/{fresh}/checklist/nouvelle", "C F F F F V V V"),
        ("GET", "/api/v1/products/{product}/checklist", "C A A A A A A A"),
        ("GET", "/api/v1/products/inexistant/checklist", "C N N N N N N N"),
        ("GET", "/api/v1/products/{product}/checklist/assessments", "C A A A A A A A"),
        ("GET", "/api/v1/products/{product}/checklist/assessments/999999", "C N N N N N N N"),
        ("POST", "/api/v1/products/{fresh}/checklist/assessments", "C F F F F V V V"),
        ("GET", "/api/v1/checklist/latest", "C A A A A A A A"),
    ];
}
