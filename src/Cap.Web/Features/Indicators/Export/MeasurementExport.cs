using System.Globalization;
using Cap.Data;
using Cap.Domain.Steering;
using Cap.Web.Shared.Export;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Indicators.Export;

/// <summary>
/// A product's indicators and measurements as CSV (UTF-8 with BOM, « ; », decimal comma: what a
/// French spreadsheet opens directly) or XLSX, written row by row from the database without loading
/// everything in memory. Both go through the shared writers of Shared/Export, which make every text cell
/// formula-safe (a comment « =HYPERLINK(…) » is exported as text) and keep numbers as numbers.
/// </summary>
public static class MeasurementExport
{
    private static readonly string[] Header = ["Indicateur", "Type", "Unité", "Sens souhaité", "Référence", "Cible", "Date de la cible", "Date", "Valeur", "Commentaire", "Source", "Auteur"];

    private sealed record Line(string Indicator, IndicatorKind Kind, string Unit, WantedDirection Direction, decimal Baseline, decimal Target, DateOnly TargetDate, DateOnly Date, decimal Value, string? Comment, MeasurementSource Source, string Author);

    private static IAsyncEnumerable<Line> LinesAsync(CapDbContext db, int productId) =>
        db.Measurements.AsNoTracking()
            .Where(m => m.ProductId == productId)
            .OrderBy(m => m.Indicator!.Position).ThenBy(m => m.IndicatorId).ThenBy(m => m.Date)
            .Select(m => new Line(m.Indicator!.Name, m.Indicator.Kind, m.Indicator.Unit == IndicatorUnit.Free && m.Indicator.CustomUnit != null ? m.Indicator.CustomUnit : m.Indicator.Unit.ToString(),
                m.Indicator.Direction, m.Indicator.Baseline, m.Indicator.Target, m.Indicator.TargetDate, m.Date, m.Value, m.Comment, m.Source, m.AuthorName))
            .AsAsyncEnumerable();

    private static string UnitLabel(string unit) => Enum.TryParse<IndicatorUnit>(unit, out var u) ? u.Label() : unit;

    /// <summary>CSV: the same rows as the XLSX, through the shared writer (decimal comma, texts made formula-safe).</summary>
    public static Task WriteCsvAsync(CapDbContext db, int productId, Stream output, CancellationToken ct) =>
        CsvSheet.WriteAsync(output, Header, Rows(db, productId, ct), ct);

    public static Task WriteXlsxAsync(CapDbContext db, int productId, Stream output, CancellationToken ct) =>
        StreamedXlsx.WriteAsync(output, "Mesures", Header, Rows(db, productId, ct), ct);

    /// <summary>One row per measurement: numbers as decimals (numbers in both formats), everything else as text.</summary>
    private static async IAsyncEnumerable<object?[]> Rows(CapDbContext db, int productId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var l in LinesAsync(db, productId).WithCancellation(ct))
        {
            yield return [l.Indicator, l.Kind.Label(), UnitLabel(l.Unit), l.Direction.Label(), l.Baseline, l.Target,
                l.TargetDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), l.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                l.Value, l.Comment ?? string.Empty, l.Source.Label(), l.Author];
        }
    }
}
