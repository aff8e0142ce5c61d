namespace Cap.Web.Tests.Platform;

internal static partial class MatrixRows
{
    /// <summary>
    /// The portfolio dashboard: every person who can read the portfolio (as the catalogue). Its figures, filters, order
    /// and exports are covered by tests/Cap.Web.Tests/Portfolio.
    /// </summary>
    public static readonly (string Method, string Path, string Outcomes)[] Portfolio =
    [
        ("GET", "/pilotage", "C A A A A A A A"),
        ("GET", "/pilotage?phase=mvp&tri=sante", "C A A A A A A A"),
        ("GET", "/pilotage/csv", "C A A A A A A A"),
        ("GET", "/pilotage/xlsx?direction=DNUM", "C A A A A A A A"),
        ("GET", "/api/v1/portfolio", "C A A A A A A A"),
        ("GET", "/api/v1/portfolio?sort=satisfaction&pageSize=10", "C A A A A A A A"),
    ];
}
