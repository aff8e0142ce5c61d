using System.Globalization;
using System.Text;

namespace Cap.Web.Shared.Export;

/// <summary>
/// Writes a CSV that a French spreadsheet opens directly (UTF-8 with BOM, « ; », decimal comma), row by row, so that
/// exports of any size never sit in memory. The same rows as <see cref="StreamedXlsx"/>: decimals and integers are
/// written as numbers (a negative one stays a number), every other value is a text made formula-safe by
/// <see cref="SpreadsheetText.NeutraliseFormula"/> and quoted when it holds a separator, a quote or a line break.
/// The open data's files use the same writer with the <see cref="CsvDialect.OpenData"/> dialect (« , », decimal point,
/// no byte order mark), as data.gouv.fr's schemas expect.
/// </summary>
public static class CsvSheet
{
    public static Task WriteAsync(Stream output, IReadOnlyList<string> header, IAsyncEnumerable<object?[]> rows, CancellationToken ct) =>
        WriteAsync(output, header, rows, CsvDialect.Spreadsheet, ct);

    public static async Task WriteAsync(Stream output, IReadOnlyList<string> header, IAsyncEnumerable<object?[]> rows, CsvDialect dialect, CancellationToken ct)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: dialect.ByteOrderMark), 64 * 1024, leaveOpen: true);
        await writer.WriteLineAsync(Line(header, dialect));
        var count = 0;
        await foreach (var row in rows.WithCancellation(ct))
        {
            await writer.WriteLineAsync(Line(row, dialect));
            if (++count % 5000 == 0)
            {
                await writer.FlushAsync(ct);
            }
        }
        await writer.FlushAsync(ct);
    }

    private static string Line(IEnumerable<object?> values, CsvDialect dialect) =>
        string.Join(dialect.Separator, values.Select(v => Cell(v, dialect)));

    /// <summary>One cell as written in the file.</summary>
    public static string Cell(object? value) => Cell(value, CsvDialect.Spreadsheet);

    /// <summary>One cell as written in a file of this dialect.</summary>
    public static string Cell(object? value, CsvDialect dialect) => value switch
    {
        null => string.Empty,
        decimal d => Cap.Domain.Steering.FlexibleParse.Normalize(d).ToString(dialect.Numbers),
        int or long => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        _ => Quote(SpreadsheetText.NeutraliseFormula(Convert.ToString(value, CultureInfo.InvariantCulture)), dialect.Separator),
    };

    private static string Quote(string value, char separator) =>
        value.IndexOfAny([separator, '"', '\n', '\r']) >= 0
            ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\""
            : value;
}

/// <summary>How a CSV file is written: its separator, how numbers are written, whether it starts with a byte order mark.</summary>
public sealed record CsvDialect(char Separator, CultureInfo Numbers, bool ByteOrderMark)
{
    /// <summary>What a French spreadsheet opens directly: « ; », decimal comma, UTF-8 with BOM (Cap's exports).</summary>
    public static readonly CsvDialect Spreadsheet = new(';', CultureInfo.GetCultureInfo("fr-FR"), ByteOrderMark: true);

    /// <summary>What data.gouv.fr's schemas expect: « , », decimal point, UTF-8 without BOM (the open data's files).</summary>
    public static readonly CsvDialect OpenData = new(',', CultureInfo.InvariantCulture, ByteOrderMark: false);
}
