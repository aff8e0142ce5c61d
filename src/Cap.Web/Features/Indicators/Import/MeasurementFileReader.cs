using System.Globalization;
using System.IO.Compression;
using System.Text;
using Cap.Domain;
using Cap.Domain.Steering;
using CsvHelper;
using CsvHelper.Configuration;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Cap.Web.Features.Indicators.Import;

/// <summary>
/// Reads measurements (date, value, optional comment) from a CSV or XLSX file. CSV: UTF-8 with or
/// without BOM, or Windows-1252; separator « ; », « , », tab or « | » detected. A first line naming
/// the columns (date, valeur, commentaire) is recognised; without it the columns are taken in that
/// order. Numbers and dates in French or international form (see <see cref="FlexibleParse"/>).
/// XLSX: the archive is checked against the <see cref="ImportLimits"/> before any XML is parsed, then the
/// first sheet is read with the SAX reader, row by row, up to the row limit.
/// Nothing is written here: the caller shows the preview and commits all rows or none.
/// </summary>
public static class MeasurementFileReader
{
    internal static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
    private static readonly string[] DateNames = ["date", "jour", "periode", "mois"];
    private static readonly string[] ValueNames = ["valeur", "value", "mesure", "val"];
    private static readonly string[] CommentNames = ["commentaire", "comment", "remarque", "note"];

    static MeasurementFileReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Reads a file with the default limits (<see cref="ImportLimits"/>).</summary>
    public static ImportPreview Read(Stream stream, string fileName, DateOnly today) => Read(stream, fileName, today, new ImportLimits());

    public static ImportPreview Read(Stream stream, string fileName, DateOnly today, ImportLimits limits)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var bytes = buffer.ToArray();
        if (bytes.Length == 0)
        {
            return Fail("Le fichier est vide.");
        }
        // XLSX files are ZIP archives ("PK"), whatever their name says.
        if (bytes.Length > 4 && bytes[0] == 'P' && bytes[1] == 'K')
        {
            return XlsxMeasurementReader.Read(bytes, today, limits);
        }
        if (fileName.EndsWith(".xls", StringComparison.OrdinalIgnoreCase))
        {
            return Fail("Le format .xls (Excel 97-2003) n’est pas lu : enregistrez le classeur au format .xlsx ou .csv.");
        }
        return ReadCsv(bytes, today, limits);
    }

    /// <summary>The whole file is refused, before its lines are read.</summary>
    internal static string TooManyRows(string what, ImportLimits limits) =>
        $"{what} dépasse {limits.MaxRows.ToString("N0", French)} lignes : découpez-le.";

    internal static ImportPreview Fail(string message) => new([], [new ImportError(0, message)], "inconnu") { Refusal = message };

    private static ImportPreview ReadCsv(byte[] bytes, DateOnly today, ImportLimits limits)
    {
        var (text, encodingName) = Decode(bytes);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true,
            DetectDelimiterValues = [";", ",", "\t", "|"],
            HasHeaderRecord = false,
            BadDataFound = null,
            MissingFieldFound = null,
            IgnoreBlankLines = true,
            TrimOptions = TrimOptions.Trim,
        };
        var lines = new List<(int Line, string?[] Cells)>();
        string delimiter;
        using (var reader = new StringReader(text))
        using (var csv = new CsvReader(reader, config))
        {
            while (csv.Read())
            {
                // The header line and MaxRows lines of measurements at most.
                if (lines.Count > limits.MaxRows)
                {
                    return Fail(TooManyRows("Le fichier", limits));
                }
                var cells = Enumerable.Range(0, csv.Parser.Count).Select(i => csv.GetField(i)).ToArray();
                lines.Add((csv.Parser.RawRow, cells));
            }
            delimiter = csv.Parser.Delimiter;
        }
        var format = $"CSV, {encodingName}, séparateur « {(delimiter == "\t" ? "tabulation" : delimiter)} »";
        if (lines.Count > 0 && lines.All(l => l.Cells.Length < 2))
        {
            return new ImportPreview([], [new ImportError(0, "Une seule colonne a été trouvée : séparez la date et la valeur par un point-virgule, une virgule ou une tabulation.")], format);
        }
        return Interpret(lines, today, format);
    }

    private static (string Text, string Name) Decode(byte[] bytes)
    {
        var hasBom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
        var span = hasBom ? bytes.AsSpan(3) : bytes.AsSpan();
        try
        {
            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(span);
            return (text, hasBom ? "UTF-8 avec BOM" : "UTF-8");
        }
        catch (DecoderFallbackException)
        {
            return (Encoding.GetEncoding(1252).GetString(bytes), "Windows-1252");
        }
    }

    internal static ImportPreview Interpret(List<(int Line, string?[] Cells)> lines, DateOnly today, string format)
    {
        if (lines.Count == 0)
        {
            return new ImportPreview([], [new ImportError(0, "Le fichier ne contient aucune ligne de mesure.")], format);
        }
        int dateColumn = 0, valueColumn = 1, commentColumn = 2;
        var first = lines[0].Cells.Select(c => Cap.Domain.Text.Fold(c).Trim()).ToArray();
        if (first.Any(c => DateNames.Contains(c) || ValueNames.Contains(c)))
        {
            dateColumn = Array.FindIndex(first, c => DateNames.Contains(c));
            valueColumn = Array.FindIndex(first, c => ValueNames.Contains(c));
            commentColumn = Array.FindIndex(first, c => CommentNames.Contains(c));
            lines.RemoveAt(0);
            if (dateColumn < 0 || valueColumn < 0)
            {
                return new ImportPreview([], [new ImportError(1, "L’en-tête doit nommer une colonne « date » et une colonne « valeur ».")], format);
            }
        }
        var rows = new List<ImportedRow>();
        var errors = new List<ImportError>();
        var seen = new Dictionary<DateOnly, int>();
        foreach (var (line, cells) in lines)
        {
            var dateText = cells.ElementAtOrDefault(dateColumn);
            var valueText = cells.ElementAtOrDefault(valueColumn);
            var comment = commentColumn >= 0 ? cells.ElementAtOrDefault(commentColumn)?.Trim() : null;
            if (string.IsNullOrWhiteSpace(dateText))
            {
                errors.Add(new ImportError(line, "date manquante."));
                continue;
            }
            if (!FlexibleParse.TryDate(dateText, out var date))
            {
                errors.Add(new ImportError(line, $"date illisible « {dateText} » (formats acceptés : jj/mm/aaaa ou aaaa-mm-jj)."));
                continue;
            }
            if (date > today.AddDays(1))
            {
                errors.Add(new ImportError(line, $"la date {date:dd/MM/yyyy} est dans le futur."));
                continue;
            }
            if (string.IsNullOrWhiteSpace(valueText))
            {
                errors.Add(new ImportError(line, "valeur manquante."));
                continue;
            }
            if (!FlexibleParse.TryDecimal(valueText, out var value))
            {
                errors.Add(new ImportError(line, $"valeur non numérique « {valueText} »."));
                continue;
            }
            if (comment is { Length: > Measurement.CommentMaxLength })
            {
                errors.Add(new ImportError(line, $"commentaire trop long ({comment.Length} caractères, {Measurement.CommentMaxLength} au plus)."));
                continue;
            }
            if (seen.TryGetValue(date, out var previous))
            {
                errors.Add(new ImportError(line, $"la date {date:dd/MM/yyyy} figure déjà ligne {previous}."));
                continue;
            }
            seen[date] = line;
            rows.Add(new ImportedRow(line, date, value, string.IsNullOrEmpty(comment) ? null : comment));
        }
        return new ImportPreview(rows, errors, format);
    }
}
