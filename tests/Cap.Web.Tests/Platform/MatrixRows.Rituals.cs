namespace Cap.Web.Tests.Platform;

internal static partial class MatrixRows
{
    /// <summary>
    /// Rituals: every active person reads, the team writes. A live calendar feed needs a token created for the test: it is
    /// covered, with its revocation, by tests/Cap.Web.Tests/Rituals; here an unknown token is 404 for everyone.
    /// </summary>
    public static readonly (string Method, string Path, string Outcomes)[] Rituals =
    [
        ("GET", "/produits/{product}/rituels", "C A A A A A A A"),
        ("GET", "/produits/inexistant/rituels", "C N N N N N N N"),
        ("GET", "/produits/{product}/rituels/nouveau", "C F F F F A A A"),
        ("GET", "/produits/{product}/rituels/nouveau?type=Retrospective", "C F F F F A A A"),
        ("GET", "/produits/{product}/rituels/999999/modifier", "C F F F F N N N"),
        ("GET", "/rituels/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics", "N N N N N N N N"),
        ("GET", "/api/v1/products/{product}/rituals", "C A A A A A A A"),
        ("GET", "/api/v1/products/inexistant/rituals", "C N N N N N N N"),
        ("POST", "/produits/{fresh}/rituels/nouveau?Input.Kind=Daily&Input.Frequency=Daily&Input.FirstDate=2027-01-04&Input.StartTime=09:30&Input.DurationMinutes=15", "C F F F F A A A"),
        ("POST", "/produits/{fresh}/rituels?handler=Delete&id=999999", "C F F F F N N N"),
        ("POST", "/produits/{fresh}/rituels?handler=Deactivate&id=999999", "C F F F F N N N"),
        ("POST", "/produits/{fresh}/rituels?handler=RegenerateFeed", "C F F F F A A A"),
        ("POST", "/produits/{fresh}/rituels?handler=DisableFeed", "C F F F F N N N"),
        ("DELETE", "/api/v1/products/{fresh}/rituals/999999", "C F F F F N N N"),
        // API writes sent with an empty body: the team gets past the rights check (V), the others are refused.
        ("POST", "/api/v1/products/{fresh}/rituals", "C F F F F V V V"),
        ("PUT", "/api/v1/products/{fresh}/rituals/999999", "C F F F F N N N"),
    ];
}
