namespace Cap.Web.Tests.Platform;

internal static partial class MatrixRows
{
    /// <summary>
    /// Coaching: every active person reads the catalogue, the requests and the product tab; the product's team (and
    /// administrators) ask; coaches and administrators triage and see the coaches' view; administrators edit the catalogue.
    /// Request 1 is the first demo request. Transitions with bodies (rating by a team member only, sessions by coaches only)
    /// and the catalogue writes (PUT needs a body of its own) are covered by tests/Cap.Web.Tests/Coaching; here the actions on a missing request show who gets past the checks.
    /// </summary>
    public static readonly (string Method, string Path, string Outcomes)[] Coaching =
    [
        ("GET", "/accompagnement", "C A A A A A A A"),
        ("GET", "/accompagnement/demander", "C A A A A A A A"),
        ("GET", "/accompagnement/demandes", "C F A F F F F A"),
        ("GET", "/accompagnement/coachs", "C F A F F F F A"),
        ("GET", "/accompagnement/demandes/1", "C A A A A A A A"),
        ("GET", "/accompagnement/demandes/999999", "C N N N N N N N"),
        ("GET", "/accompagnement/catalogue/nouveau", "C F F F F F F A"),
        ("GET", "/accompagnement/catalogue/1/modifier", "C F F F F F F A"),
        ("GET", "/produits/{product}/accompagnement", "C A A A A A A A"),
        ("GET", "/produits/inexistant/accompagnement", "C N N N N N N N"),
        ("POST", "/accompagnement/demander?Input.Product={fresh}&Input.InterventionId=1&Input.Need=Matrice", "C F F F F A A A"),
        ("POST", "/accompagnement/demandes/999999?handler=Accept", "C N N N N N N N"),
        ("POST", "/accompagnement/coachs?handler=Weather&productId=999999&level=AuVert", "C F N F F F F N"),
        ("GET", "/api/v1/coaching/interventions", "C A A A A A A A"),
        ("GET", "/api/v1/coaching/requests", "C A A A A A A A"),
        ("GET", "/api/v1/coaching/requests/1", "C A A A A A A A"),
        ("GET", "/api/v1/coaching/requests/1/sessions", "C A A A A A A A"),
        ("GET", "/api/v1/coaching/requests/999999", "C N N N N N N N"),
        ("POST", "/api/v1/coaching/requests/999999/accept", "C N N N N N N N"),
        ("POST", "/api/v1/coaching/requests/999999/rate", "C N N N N N N N"),
        // The catalogue is the administrators'; a request is made by anyone for a product of theirs (checked with the body).
        ("POST", "/api/v1/coaching/interventions", "C F F F F F F V"),
        ("PUT", "/api/v1/coaching/interventions/999999", "C F F F F F F N"),
        ("POST", "/api/v1/coaching/requests", "C V V V V V V V"),
        ("POST", "/api/v1/coaching/requests/999999/assign", "C N N N N N N N"),
        ("POST", "/api/v1/coaching/requests/999999/schedule", "C N N N N N N N"),
        ("POST", "/api/v1/coaching/requests/999999/decline", "C N N N N N N N"),
        ("POST", "/api/v1/coaching/requests/999999/merge", "C N N N N N N N"),
        ("POST", "/api/v1/coaching/requests/999999/close", "C N N N N N N N"),
        ("POST", "/api/v1/coaching/requests/999999/messages", "C N N N N N N N"),
        // A session's content is checked before the request is looked for: refused for its empty body (V).
        ("POST", "/api/v1/coaching/requests/999999/sessions", "C V V V V V V V"),
    ];
}
