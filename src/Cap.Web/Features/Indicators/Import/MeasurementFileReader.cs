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

public sealed record ImportedRow(int Line, DateOnly Date, decimal Value, string? Comment);

public sealed record ImportError(int Line, string Message);

/// <summary>What a file holds, before anything is written: the rows that can be imported and one French message per faulty line.</summary>
/// <param name="Format">What was recognised, for the preview ("CSV, UTF-8, séparateur « ; »").</param>
public sealed record ImportPreview(IReadOnlyList<ImportedRow> Rows, IReadOnlyList<ImportError> Errors, string Format)
{
    public bool CanCommit => Errors.Count == 0 && Rows.Count > 0;

    /// <summary>Set when the whole file is refused before its lines are read (empty, too large, unreadable…): the message to show at the file field.</summary>
    public string? Refusal { get; init; }
}

/// <summary>
/// Limits of a measurement import, from the « Import » configuration section. They are checked before the file is
/// parsed: an XLSX is a zip archive, and a few megabytes can inflate to gigabytes (a « zip bomb »).
/// </summary>
public sealed class ImportLimits
{
    public const string Section = "Import";

    /// <summary>Uncompressed size of all the entries of an XLSX archive together (Import:MaxUncompressedBytes).</summary>
    public long MaxUncompressedBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>Lines of measurements in a file, besides a header line (Import:MaxRows).</summary>
    public int MaxRows { get; set; } = 200_000;

    /// <summary>Uncompressed size over compressed size of an entry of 1 MB or more (Import:MaxCompressionRatio).</summary>
    public int MaxCompressionRatio { get; set; } = 100;

    /// <summary>The configured limits; a missing, zero or negative value keeps its default.</summary>
    public static ImportLimits From(IConfiguration configuration)
    {
        var defaults = new ImportLimits();
        var configured = configuration.GetSection(Section).Get<ImportLimits>() ?? defaults;
        return new ImportLimits
        {
            MaxUncompressedBytes = configured.MaxUncompressedBytes > 0 ? configured.MaxUncompressedBytes : defaults.MaxUncompressedBytes,
            MaxRows = configured.MaxRows > 0 ? configured.MaxRows : defaults.MaxRows,
            MaxCompressionRatio = configured.MaxCompressionRatio > 0 ? configured.MaxCompressionRatio : defaults.MaxCompressionRatio,
        };
    }
}

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
    /// <summary>Entries of an XLSX archive at most (a workbook has a few dozen).</summary>
    public const int MaxArchiveEntries = 10_000;

    /// <summary>Entries smaller than this are not held to the compression ratio.</summary>
    public const long RatioCheckedFromBytes = 1024 * 1024;

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
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
            return ReadXlsx(bytes, today, limits);
        }
        if (fileName.EndsWith(".xls", StringComparison.OrdinalIgnoreCase))
        {
            return Fail("Le format .xls (Excel 97-2003) n’est pas lu : enregistrez le classeur au format .xlsx ou .csv.");
        }
        return ReadCsv(bytes, today, limits);
    }

    /// <summary>The whole file is refused, before its lines are read.</summary>
    private static ImportPreview Fail(string message) => new([], [new ImportError(0, message)], "inconnu") { Refusal = message };

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

    /// <summary>
    /// Checks the archive before any XML is parsed: how many entries, the uncompressed size they declare, then the
    /// size they really inflate to (counted while inflating, stopped as soon as the limit is passed, so a lying header
    /// changes nothing), and how much each large entry is compressed (a zip bomb is mostly repeated bytes).
    /// Returns the French refusal, or null when the workbook may be read.
    /// </summary>
    private static string? CheckArchive(byte[] bytes, ImportLimits limits)
    {
        var tooLarge = $"Une fois décompressé, le classeur dépasse {Megabytes(limits.MaxUncompressedBytes)} Mo (un fichier XLSX est une archive compressée) : découpez-le ou enregistrez-le au format CSV.";
        var tooCompressed = $"Le classeur est compressé de façon anormale (plus de {limits.MaxCompressionRatio} pour 1) et n’est pas lu, par précaution : enregistrez-le de nouveau depuis votre tableur ou au format CSV.";
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > MaxArchiveEntries)
            {
                return $"Le classeur contient plus de {MaxArchiveEntries.ToString("N0", French)} fichiers internes et n’est pas lu : enregistrez-le de nouveau depuis votre tableur ou au format CSV.";
            }
            long declared = 0;
            foreach (var entry in zip.Entries)
            {
                declared += entry.Length;
                if (declared > limits.MaxUncompressedBytes)
                {
                    return tooLarge;
                }
                if (TooCompressed(entry.Length, entry.CompressedLength, limits))
                {
                    return tooCompressed;
                }
            }
            long inflated = 0;
            var buffer = new byte[64 * 1024];
            foreach (var entry in zip.Entries)
            {
                long length = 0;
                using var content = entry.Open();
                int read;
                while ((read = content.Read(buffer)) > 0)
                {
                    length += read;
                    inflated += read;
                    if (inflated > limits.MaxUncompressedBytes)
                    {
                        return tooLarge;
                    }
                }
                if (TooCompressed(length, entry.CompressedLength, limits))
                {
                    return tooCompressed;
                }
            }
            return null;
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or NotSupportedException)
        {
            return Unreadable;
        }
    }

    /// <summary>Small entries are let through whatever their ratio: a few kilobytes of repeated styles compress very well.</summary>
    private static bool TooCompressed(long length, long compressed, ImportLimits limits) =>
        length > RatioCheckedFromBytes && length > limits.MaxCompressionRatio * Math.Max(compressed, 1);

    private static long Megabytes(long bytes) => bytes / 1024 / 1024;

    /// <summary>
    /// Reads the first sheet with Open XML's SAX reader (<see cref="OpenXmlReader"/>): rows are read one by one and the
    /// reading stops at the row limit; only the shared strings that the first three columns use are kept.
    /// </summary>
    private static ImportPreview ReadXlsx(byte[] bytes, DateOnly today, ImportLimits limits)
    {
        if (CheckArchive(bytes, limits) is { } refusal)
        {
            return Fail(refusal);
        }
        var raw = new List<(int Line, RawCell?[] Cells)>();
        var errors = new List<ImportError>();
        List<string?> shared;
        bool[] dateStyles;
        try
        {
            using var memory = new MemoryStream(bytes, writable: false);
            using var document = SpreadsheetDocument.Open(memory, false);
            var workbook = document.WorkbookPart ?? throw new InvalidDataException();
            var part = (WorksheetPart)workbook.GetPartById(FirstSheetId(workbook) ?? throw new InvalidDataException());
            dateStyles = DateStyles(workbook.WorkbookStylesPart);
            var needed = new HashSet<int>();
            using (var reader = OpenXmlReader.Create(part))
            {
                var lastRow = 0;
                while (reader.Read())
                {
                    if (reader.ElementType == typeof(Row) && reader.IsStartElement)
                    {
                        var rowNumber = int.TryParse(Attribute(reader, "r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) && r > 0 ? r : lastRow + 1;
                        lastRow = rowNumber;
                        var cells = ReadRow(reader, needed);
                        if (cells is null)
                        {
                            continue;
                        }
                        // The header line and MaxRows lines of measurements at most.
                        if (raw.Count > limits.MaxRows)
                        {
                            return Fail(TooManyRows("Le classeur", limits));
                        }
                        raw.Add((rowNumber, cells));
                    }
                    else if (reader.ElementType == typeof(MergeCell) && reader.IsStartElement)
                    {
                        var reference = Attribute(reader, "ref") ?? string.Empty;
                        errors.Add(new ImportError(RowOf(reference.Split(':')[0]), $"Cellules fusionnées ({reference}) : défusionnez-les avant l’import, une valeur par cellule."));
                    }
                }
            }
            shared = SharedStrings(workbook.SharedStringTablePart, needed);
        }
        catch (Exception ex) when (ex is InvalidDataException or OpenXmlPackageException or FormatException or IOException or System.Xml.XmlException or InvalidCastException or ArgumentOutOfRangeException or KeyNotFoundException)
        {
            return Fail(Unreadable);
        }
        var lines = raw.Select(l => (l.Line, l.Cells.Select(c => c is { } cell ? CellText(cell, shared, dateStyles) : null).ToArray())).ToList();
        var preview = Interpret(lines, today, "XLSX, première feuille");
        return errors.Count == 0 ? preview : preview with { Errors = [.. errors, .. preview.Errors] };
    }

    private const string Unreadable = "Le classeur XLSX est illisible ou protégé : ouvrez-le dans un tableur et enregistrez-le de nouveau.";

    private static string TooManyRows(string what, ImportLimits limits) =>
        $"{what} dépasse {limits.MaxRows.ToString("N0", French)} lignes : découpez-le.";

    /// <summary>A cell as stored in the sheet, before shared strings and date styles are applied.</summary>
    private sealed record RawCell(string Value, bool IsShared, bool IsNumber, uint Style);

    /// <summary>The first three cells of the row the reader is on, or null when they are all empty; the reader ends on the row's end.</summary>
    private static RawCell?[]? ReadRow(OpenXmlReader reader, HashSet<int> needed)
    {
        var cells = new RawCell?[3];
        var any = false;
        if (!reader.ReadFirstChild())
        {
            return null;
        }
        var column = -1;
        do
        {
            if (reader.ElementType != typeof(Cell) || !reader.IsStartElement)
            {
                continue;
            }
            // A cell without a reference follows the previous one.
            column = Attribute(reader, "r") is { Length: > 0 } reference ? ColumnOf(reference) : column + 1;
            if (column is < 0 or > 2)
            {
                continue;
            }
            var cell = (Cell)reader.LoadCurrentElement()!;
            var type = cell.DataType?.Value;
            var value = type == CellValues.InlineString ? (cell.InlineString is { } inline ? TextOf(inline) : null) : cell.CellValue?.Text;
            if (value is null)
            {
                continue;
            }
            var isShared = type == CellValues.SharedString;
            if (isShared)
            {
                if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    continue;
                }
                needed.Add(index);
            }
            else if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }
            cells[column] = new RawCell(value, isShared, type is null || type == CellValues.Number, cell.StyleIndex?.Value ?? 0);
            any = true;
        }
        while (reader.ReadNextSibling());
        return any ? cells : null;
    }

    private static string? CellText(RawCell cell, List<string?> shared, bool[] dateStyles)
    {
        if (cell.IsShared)
        {
            var index = int.Parse(cell.Value, NumberStyles.None, CultureInfo.InvariantCulture);
            return index < shared.Count ? shared[index] : null;
        }
        // A number formatted as a date is an OLE Automation date serial.
        if (cell.IsNumber && cell.Style < dateStyles.Length && dateStyles[cell.Style]
            && double.TryParse(cell.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > -657435.0 and < 2958466.0)
        {
            return DateOnly.FromDateTime(DateTime.FromOADate(serial)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        return cell.Value;
    }

    private static string? Attribute(OpenXmlReader reader, string localName)
    {
        foreach (var attribute in reader.Attributes)
        {
            if (attribute.LocalName == localName && string.IsNullOrEmpty(attribute.NamespaceUri))
            {
                return attribute.Value;
            }
        }
        return null;
    }

    /// <summary>The relationship id of the workbook's first sheet, read with the SAX reader.</summary>
    private static string? FirstSheetId(WorkbookPart workbook)
    {
        using var reader = OpenXmlReader.Create(workbook);
        while (reader.Read())
        {
            if (reader.ElementType == typeof(Sheet) && reader.IsStartElement)
            {
                return ((Sheet)reader.LoadCurrentElement()!).Id?.Value;
            }
        }
        return null;
    }

    /// <summary>
    /// Which cell styles show a date: built-in date formats (14-22, 45-47) and custom ones with a year or a day and
    /// no digit placeholder. Read with the SAX reader, one cell format at a time.
    /// </summary>
    private static bool[] DateStyles(WorkbookStylesPart? styles)
    {
        if (styles is null)
        {
            return [];
        }
        var custom = new Dictionary<uint, string>();
        var formats = new List<uint>();
        using var reader = OpenXmlReader.Create(styles);
        var inCellFormats = false;
        while (reader.Read())
        {
            if (reader.ElementType == typeof(NumberingFormat) && reader.IsStartElement)
            {
                var format = (NumberingFormat)reader.LoadCurrentElement()!;
                if (format.NumberFormatId?.Value is { } id && format.FormatCode?.Value is { } code)
                {
                    custom[id] = code;
                }
            }
            else if (reader.ElementType == typeof(CellFormats))
            {
                inCellFormats = reader.IsStartElement;
            }
            else if (inCellFormats && reader.ElementType == typeof(CellFormat) && reader.IsStartElement)
            {
                formats.Add(uint.TryParse(Attribute(reader, "numFmtId"), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0);
            }
        }
        return formats.Select(id => id is >= 14 and <= 22 or >= 45 and <= 47
            || custom.TryGetValue(id, out var code) && (code.Contains('y', StringComparison.OrdinalIgnoreCase) || code.Contains('d', StringComparison.OrdinalIgnoreCase)) && !code.Contains('0', StringComparison.Ordinal))
            .ToArray();
    }

    /// <summary>
    /// The shared strings, read one item at a time: only the items <paramref name="needed"/> by the cells read are
    /// kept (null for the others), so a large table never sits in memory beyond what the import uses.
    /// </summary>
    private static List<string?> SharedStrings(SharedStringTablePart? part, HashSet<int> needed)
    {
        var strings = new List<string?>();
        if (part is null || needed.Count == 0)
        {
            return strings;
        }
        var last = needed.Max();
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType != typeof(SharedStringTable) || !reader.IsStartElement)
            {
                continue;
            }
            if (!reader.ReadFirstChild())
            {
                break;
            }
            do
            {
                if (reader.ElementType != typeof(SharedStringItem) || !reader.IsStartElement)
                {
                    continue;
                }
                strings.Add(needed.Contains(strings.Count) ? TextOf((SharedStringItem)reader.LoadCurrentElement()!) : null);
                if (strings.Count > last)
                {
                    return strings;
                }
            }
            while (reader.ReadNextSibling());
            break;
        }
        return strings;
    }

    /// <summary>The text of a string item or an inline string: its runs, without the phonetic guides of East Asian text.</summary>
    private static string TextOf(OpenXmlElement item) =>
        string.Concat(item.Descendants<DocumentFormat.OpenXml.Spreadsheet.Text>().Where(t => t.Parent is not PhoneticRun).Select(t => t.Text));

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
