namespace Cap.Web.Tests.Platform;

internal static partial class MatrixRows
{
    /// <summary>
    /// Product committee. Session 1 is the first seeded (a past session); {request} is a submitted request waiting for a session. Writes that would change what later rows read use {fresh} or ids that do not exist;
    /// planning a session adds one more future session, which no row reads. The review, agenda and condition flows are
    /// covered by tests/Cap.Web.Tests/Committee.
    /// </summary>
    public static readonly (string Method, string Path, string Outcomes)[] Committee =
    [
        ("GET", "/comite", "C A A A A A A A"),
        ("GET", "/comite/seances", "C A A A A A A A"),
        ("GET", "/comite/seances/nouvelle", "C F F A F F F A"),
        ("GET", "/comite/seances/1", "C A A A A A A A"),
        ("GET", "/comite/seances/999999", "C N N N N N N N"),
        ("GET", "/comite/demandes/1/dossier", "C A A A A A A A"),
        ("GET", "/comite/demandes/999999/dossier", "C N N N N N N N"),
        ("GET", "/comite/demandes/{request}/examen", "C F F A F F F A"),
        ("GET", "/comite/demandes/999999/examen", "C N N N N N N N"),
        ("GET", "/produits/{product}/comite", "C A A A A A A A"),
        ("GET", "/produits/inexistant/comite", "C N N N N N N N"),
        ("GET", "/produits/{product}/comite/demandes/nouvelle", "C F F F F A A A"),
        ("GET", "/api/v1/products/{product}/decisions", "C A A A A A A A"),
        ("GET", "/api/v1/products/inexistant/decisions", "C N N N N N N N"),
        ("GET", "/api/v1/committee/sessions", "C A A A A A A A"),
        ("GET", "/api/v1/committee/decisions", "C A A A A A A A"),
        // Team requests a gate passage for its own product only; committee members plan, review and confirm.
        ("POST", "/produits/{fresh}/comite/demandes/nouvelle?Input.Target=generalisation&Input.Context=Matrice&Input.Ask=Matrice&submit=non", "C F F F F A A A"),
        ("POST", "/produits/{product}/comite?handler=Withdraw&requestId=999999", "C F F F F N N N"),
        ("POST", "/produits/{product}/comite?handler=Declare&conditionId=999999", "C F F F F N N N"),
        ("POST", "/comite/seances/nouvelle?Input.Date=2099-01-01", "C F F A F F F A"),
        ("POST", "/comite/seances/1?handler=Update&Status=Tenue&Notes=Matrice", "C F F A F F F A"),
        ("POST", "/comite/seances/1?handler=Remove&requestId=999999", "C F F N F F F N"),
        ("POST", "/comite/demandes/999999/examen", "C N N N N N N N"),
        ("POST", "/comite?handler=Confirm&conditionId=999999", "C F F N F F F N"),
    ];
}
