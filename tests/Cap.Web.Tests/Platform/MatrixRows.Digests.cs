namespace Cap.Web.Tests.Platform;

internal static partial class MatrixRows
{
    /// <summary>
    /// Digests (decision 0022). The unsubscribe page and its one-click address are anonymous: the signed token is the
    /// authority, so a missing or false token answers 400 to everyone, signed in or not. The administrators' runs page
    /// refuses a post without a kind (422) before generating anything. The account's digest form saves for anyone signed in.
    /// </summary>
    public static readonly (string Method, string Path, string Outcomes)[] Digests =
    [
        ("GET", "/courriels/desabonnement", "V V V V V V V V"),
        ("GET", "/courriels/desabonnement?jeton=faux", "V V V V V V V V"),
        ("POST", "/courriels/desabonnement?jeton=faux", "V V V V V V V V"),
        ("POST", "/courriels/desabonnement/un-clic?jeton=faux", "V V V V V V V V"),
        ("GET", "/admin/courriels/resumes", "C F F F F F F A"),
        ("POST", "/admin/courriels/resumes", "C F F F F F F V"),
        ("POST", "/compte?handler=Digests", "C A A A A A A A"),
        ("GET", "/api/v1/me/digests", "C A A A A A A A"),
        ("PUT", "/api/v1/me/digests", "C V V V V V V V"),
    ];
}
