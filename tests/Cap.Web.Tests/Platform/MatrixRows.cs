namespace Cap.Web.Tests.Platform;

/// <summary>
/// Rows of the authorization matrix contributed by each capability, in the same format as
/// <c>AuthorizationMatrixTests.CatalogueRows</c>: method, path, one outcome letter per
/// <see cref="MatrixRole"/> (A allowed, C challenge, F forbidden, N not found). Each capability
/// keeps its rows in its own file (MatrixRows.Vision.cs, MatrixRows.Indicators.cs).
/// </summary>
internal static partial class MatrixRows;
