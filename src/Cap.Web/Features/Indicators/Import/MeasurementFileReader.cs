using System.Globalization;
using System.Text;
using Cap.Domain;
using Cap.Domain.Steering;
using CsvHelper;
using CsvHelper.Configuration;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Cap.Web.Features.Indicators.Import;

public sealed record ImportedRow(int Line, DateOnly Date, decimal Value, string? Comment);

public sealed record ImportError(int Line, string Message);

/// <summary>What a file holds, before anything is written: the rows that can be imported and one French message per faulty line.</summary>
/// <param name="Format">What was recognised, for the preview ("CSV, UTF-8, séparateur « ; »").</param>
public sealed record ImportPreview(IReadOnlyList<ImportedRow> Rows, IReadOnlyList<ImportError> Errors, string Format)
{
    public bool CanCommit => Errors.Count == 0 && Rows.Count > 0;
}

/// <summary>
/// Reads measurements (date, value, optional comment) from a CSV or XLSX file. CSV: UTF-8 with or
/// without BOM, or Windows-1252; separator « ; », « , », tab or « | » detected. A first line naming
/// the columns (date, valeur, commentaire) is recognised; without it the columns are taken in that
/// order. Numbers and dates in French or international form (see <see cref="FlexibleParse"/>).
/// Nothing is written here: the caller shows the preview and commits all rows or none.
/// </summary>
public static class MeasurementFileReader
{
    public const int MaxRows = 200_000;
    private static readonly string[] DateNames = ["date", "jour", "periode", "mois"];
    private static readonly string[] ValueNames = ["valeur", "value", "mesure", "val"];
    private static readonly string[] CommentNames = ["commentaire", "comment", "remarque", "note"];

    static MeasurementFileReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static ImportPreview Read(Stream stream, string fileName, DateOnly today)
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
            return ReadXlsx(bytes, today);
        }
        if (fileName.EndsWith(".xls", StringComparison.OrdinalIgnoreCase))
        {
            return Fail("Le format .xls (Excel 97-2003) n’est pas lu : enregistrez le classeur au format .xlsx ou .csv.");
        }
        return ReadCsv(bytes, today);
    }

    private static ImportPreview Fail(string message) => new([], [new ImportError(0, message)], "inconnu");

    private static ImportPreview ReadCsv(byte[] bytes, DateOnly today)
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
                if (lines.Count > MaxRows)
                {
                    return Fail($"Le fichier dépasse {MaxRows:N0} lignes : découpez-le.");
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

    private static ImportPreview ReadXlsx(byte[] bytes, DateOnly today)
    {
        var lines = new List<(int Line, string?[] Cells)>();
        var errors = new List<ImportError>();
        try
        {
            using var memory = new MemoryStream(bytes);
            using var document = SpreadsheetDocument.Open(memory, false);
            var workbook = document.WorkbookPart ?? throw new InvalidDataException();
            var sheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new InvalidDataException();
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
            var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToArray() ?? [];
            var styles = workbook.WorkbookStylesPart?.Stylesheet;
            foreach (var merge in part.Worksheet.Descendants<MergeCell>())
            {
                var reference = merge.Reference?.Value ?? string.Empty;
                var firstRow = RowOf(reference.Split(':')[0]);
                errors.Add(new ImportError(firstRow, $"Cellules fusionnées ({reference}) : défusionnez-les avant l’import, une valeur par cellule."));
            }
            foreach (var row in part.Worksheet.Descendants<Row>())
            {
                if (lines.Count > MaxRows)
                {
                    return Fail($"Le classeur dépasse {MaxRows:N0} lignes : découpez-le.");
                }
                var cells = new string?[3];
                foreach (var cell in row.Elements<Cell>())
                {
                    var column = ColumnOf(cell.CellReference?.Value);
                    if (column is < 0 or > 2)
                    {
                        continue;
                    }
                    cells[column] = CellText(cell, shared, styles);
                }
                if (cells.All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }
                lines.Add(((int)(row.RowIndex?.Value ?? (uint)(lines.Count + 1)), cells));
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or OpenXmlPackageException or FormatException or IOException)
        {
            return Fail("Le classeur XLSX est illisible ou protégé : ouvrez-le dans un tableur et enregistrez-le de nouveau.");
        }
        var preview = Interpret(lines, today, "XLSX, première feuille");
        return errors.Count == 0 ? preview : preview with { Errors = [.. errors, .. preview.Errors] };
    }

    private static string? CellText(Cell cell, string[] shared, Stylesheet? styles)
    {
        var raw = cell.CellValue?.Text ?? cell.InlineString?.InnerText;
        if (raw is null)
        {
            return null;
        }
        if (cell.DataType?.Value == CellValues.SharedString && int.TryParse(raw, out var index) && index < shared.Length)
        {
            return shared[index];
        }
        if (cell.DataType is null || cell.DataType.Value == CellValues.Number)
        {
            // A number formatted as a date is an OLE Automation date serial.
            if (IsDateStyle(cell, styles) && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial))
            {
                return DateOnly.FromDateTime(DateTime.FromOADate(serial)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            }
        }
        return raw;
    }

    private static bool IsDateStyle(Cell cell, Stylesheet? styles)
    {
        if (cell.StyleIndex is null || styles?.CellFormats is null)
        {
            return false;
        }
        var format = styles.CellFormats.Elements<CellFormat>().ElementAtOrDefault((int)cell.StyleIndex.Value);
        var id = format?.NumberFormatId?.Value ?? 0;
        if (id is >= 14 and <= 22 or >= 45 and <= 47)
        {
            return true;
        }
        var custom = styles.NumberingFormats?.Elements<NumberingFormat>().FirstOrDefault(n => n.NumberFormatId?.Value == id)?.FormatCode?.Value;
        return custom is not null && (custom.Contains('y', StringComparison.OrdinalIgnoreCase) || custom.Contains('d', StringComparison.OrdinalIgnoreCase)) && !custom.Contains('0', StringComparison.Ordinal);
    }

    private static int ColumnOf(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return -1;
        }
        var column = 0;
        foreach (var c in reference.TakeWhile(char.IsLetter))
        {
            column = column * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        }
        return column - 1;
    }

    private static int RowOf(string reference) =>
        int.TryParse(new string(reference.SkipWhile(char.IsLetter).ToArray()), out var row) ? row : 0;

    private static ImportPreview Interpret(List<(int Line, string?[] Cells)> lines, DateOnly today, string format)
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
