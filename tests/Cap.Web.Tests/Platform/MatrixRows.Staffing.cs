namespace Cap.Web.Tests.Platform;

internal static partial class MatrixRows
{
    /// <summary>
    /// Team staffing: a member's guide roles and time share, set by the product's owners or an administrator (the team's
    /// manage right). {member} is the fresh product's Membre d’équipe row; the API write's body `{}` is a valid staffing (no
    /// role, share unknown: a PUT replaces every field), so it succeeds once the rights allow it. Content rules are covered by
    /// tests/Cap.Web.Tests/Catalogue/StaffingTests.
    /// </summary>
    public static readonly (string Method, string Path, string Outcomes)[] Staffing =
    [
        ("GET", "/produits/{product}/equipe/999999/modifier", "C F F F F F N N"),
        ("GET", "/produits/{fresh}/equipe/{member}/modifier", "C F F F F F A A"),
        ("POST", "/produits/{fresh}/equipe/{member}/modifier?Input.TimeShare=50&Input.Roles=Designer", "C F F F F F A A"),
        ("POST", "/produits/{fresh}/equipe/999999/modifier?Input.TimeShare=50", "C F F F F F N N"),
        ("GET", "/api/v1/products/{product}/team", "C A A A A A A A"),
        ("GET", "/api/v1/products/inexistant/team", "C N N N N N N N"),
        ("PUT", "/api/v1/products/{fresh}/team/{member}/staffing", "C F F F F F A A"),
    ];
}
