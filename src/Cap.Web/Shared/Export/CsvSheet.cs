using System.Globalization;
using System.Text;

namespace Cap.Web.Shared.Export;

/// <summary>
/// Writes a CSV that a French spreadsheet opens directly (UTF-8 with BOM, « ; », decimal comma), row by row, so that
/// exports of any size never sit in memory. The same rows as <see cref="StreamedXlsx"/>: decimals and integers are
/// written as numbers (a negative one stays a number), every other value is a text made formula-safe by
/// <see cref="SpreadsheetText.NeutraliseFormula"/> and quoted when it holds a separator, a quote or a line break.
/// </summary>
public static class CsvSheet
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static async Task WriteAsync(Stream output, IReadOnlyList<string> header, IAsyncEnumerable<object?[]> rows, CancellationToken ct)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 64 * 1024, leaveOpen: true);
        await writer.WriteLineAsync(Line(header));
        var count = 0;
        await foreach (var row in rows.WithCancellation(ct))
        {
            await writer.WriteLineAsync(Line(row));
            if (++count % 5000 == 0)
            {
                await writer.FlushAsync(ct);
            }
        }
        await writer.FlushAsync(ct);
    }

    private static string Line(IEnumerable<object?> values) => string.Join(';', values.Select(Cell));

    /// <summary>One cell as written in the file.</summary>
    public static string Cell(object? value) => value switch
    {
        null => string.Empty,
        decimal d => Cap.Domain.Steering.FlexibleParse.Normalize(d).ToString(French),
        int or long => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        _ => Quote(SpreadsheetText.NeutraliseFormula(Convert.ToString(value, CultureInfo.InvariantCulture))),
    };

    private static string Quote(string value) =>
        value.IndexOfAny([';', '"', '\n', '\r']) >= 0
            ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\""
            : value;
}
