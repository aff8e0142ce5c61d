namespace Cap.Web.Tests.Platform;

internal static partial class MatrixRows
{
    // {avis} is the public key of an active placement of vaccin-suivi; 999999 a placement that does not exist.
    public static readonly (string Method, string Path, string Outcomes)[] Satisfaction =
    [
        ("GET", "/produits/{product}/satisfaction", "C A A A A A A A"),
        ("GET", "/produits/{product}/satisfaction?periode=perso&du=2026-01-01&au=2026-03-31&pas=semaine", "C A A A A A A A"),
        ("GET", "/produits/{product}/satisfaction/configuration", "C A A A A A A A"),
        ("GET", "/produits/{product}/satisfaction/emplacements/nouveau", "C F F F F A A A"),
        ("GET", "/produits/{product}/satisfaction/emplacements/999999", "C F F F F N N N"),
        ("GET", "/produits/inexistant/satisfaction", "C N N N N N N N"),
        ("GET", "/produits/{product}/satisfaction/verbatims", "C A A A A A A A"),
        ("GET", "/produits/{product}/satisfaction/export/csv", "C A A A A A A A"),
        ("GET", "/produits/{product}/satisfaction/export/xlsx", "C A A A A A A A"),
        ("GET", "/produits/inexistant/satisfaction/export/csv", "C N N N N N N N"),
        ("GET", "/produits/{product}/satisfaction/verbatims?q=vaccin&note=1&masques=true&page=2", "C A A A A A A A"),
        ("GET", "/produits/{product}/satisfaction/verbatims/999999/masquer", "C F F F F N N N"),
        ("POST", "/produits/{fresh}/satisfaction/verbatims/999999/masquer", "C F F F F N N N"),
        ("POST", "/produits/{fresh}/satisfaction/verbatims?handler=Restore&id=999999", "C F F F F N N N"),
        ("POST", "/produits/{fresh}/satisfaction/configuration", "C F F F F A A A"),
        ("POST", "/produits/{fresh}/satisfaction/emplacements/nouveau", "C F F F F A A A"),
        ("POST", "/produits/{fresh}/satisfaction/emplacements/999999", "C F F F F N N N"),
        // Public: the form, its confirmation, the embed script and the JSON intake are for everyone.
        ("GET", "/avis/{avis}", "A A A A A A A A"),
        ("GET", "/avis/{avis}/merci", "A A A A A A A A"),
        ("GET", "/avis/{avis}/bouton.js", "A A A A A A A A"),
        ("GET", "/avis/inconnue", "N N N N N N N N"),
        ("GET", "/satisfaction/{product}", "A A A A A A A A"),
        ("GET", "/satisfaction/inexistant", "N N N N N N N N"),
        ("POST", "/avis/{avis}", "A A A A A A A A"),
        ("POST", "/api/v1/satisfaction/{avis}/answers", "A A A A A A A A"),
        ("POST", "/api/v1/satisfaction/inconnue/answers", "N N N N N N N N"),
    ];
}
