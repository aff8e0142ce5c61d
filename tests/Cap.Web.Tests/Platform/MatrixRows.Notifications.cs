namespace Cap.Web.Tests.Platform;

internal static partial class MatrixRows
{
    /// <summary>The outbox of notification e-mails: administrators only (the bodies are addressed to other people).</summary>
    public static readonly (string Method, string Path, string Outcomes)[] Notifications =
    [
        ("GET", "/admin/courriels", "C F F F F F F A"),
        ("GET", "/admin/courriels?etat=en-attente", "C F F F F F F A"),
        ("GET", "/administration/courriels", "C F F F F F F A"),
        ("GET", "/admin/courriels/999999", "C F F F F F F N"),
    ];
}
