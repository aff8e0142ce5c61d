namespace Cap.Web.Tests.Platform;

internal static partial class MatrixRows
{
    public static readonly (string Method, string Path, string Outcomes)[] Indicators = [];
}
