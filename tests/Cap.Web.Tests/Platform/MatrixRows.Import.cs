namespace Cap.Web.Tests.Platform;

internal static partial class MatrixRows
{
    /// <summary>Import and export of measurements (the import needs an indicator id, checked in Indicators/Import/ImportPageTests).</summary>
    public static readonly (string Method, string Path, string Outcomes)[] ImportExport =
    [
        ("GET", "/produits/{product}/indicateurs/export/csv", "C A A A A A A A"),
        ("GET", "/produits/{product}/indicateurs/export/xlsx", "C A A A A A A A"),
        ("GET", "/produits/{product}/indicateurs/999999/import", "C N N N N N N N"),
    ];
}
