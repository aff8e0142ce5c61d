namespace Cap.Web.Tests.Platform;

internal static partial class MatrixRows
{
    /// <summary>Import and export of measurements (the import needs an indicator id, checked in Indicators/Import/ImportPageTests).</summary>
    public static readonly (string Method, string Path, string Outcomes)[] ImportExport =
    [
        ("GET", "/produits/{product}/indicateurs/export/csv", "C A A A A A A A"),
        ("GET", "/produits/{product}/indicateurs/export/xlsx", "C A A A A A A A"),
        ("GET", "/produits/{product}/indicateurs/999999/import", "C N N N N N N N"),
        // The progress of an import: the team only, and only its author's (an unknown one is not found).
        ("GET", "/produits/{product}/indicateurs/999999/import/00000000-0000-0000-0000-000000000001", "C F F F F N N N"),
        ("GET", "/produits/{product}/indicateurs/999999/import/00000000-0000-0000-0000-000000000001?handler=Status", "C F F F F N N N"),
    ];
}
