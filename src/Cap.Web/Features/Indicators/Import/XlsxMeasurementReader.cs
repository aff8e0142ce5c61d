using System.Globalization;
using System.Text;
using Cap.Domain;
using Cap.Domain.Steering;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
namespace Cap.Web.Features.Indicators.Import;

/// <summary>
/// Reads measurements from the first sheet of an XLSX workbook, once <see cref="XlsxArchiveGuard"/> accepted the archive,
/// with Open XML's SAX reader (<see cref="OpenXmlReader"/>): rows one by one up to the row limit.
/// </summary>
public static class XlsxMeasurementReader
{
    /// <summary>
    /// Reads the first sheet with Open XML's SAX reader (<see cref="OpenXmlReader"/>): rows are read one by one and the
    /// reading stops at the row limit; only the shared strings that the first three columns use are kept.
    /// </summary>
    public static ImportPreview Read(byte[] bytes, DateOnly today, ImportLimits limits)
    {
        if (XlsxArchiveGuard.Refusal(bytes, limits) is { } refusal)
        {
            return MeasurementFileReader.Fail(refusal);
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
                            return MeasurementFileReader.Fail(MeasurementFileReader.TooManyRows("Le classeur", limits));
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
            return MeasurementFileReader.Fail(XlsxArchiveGuard.Unreadable);
        }
        var lines = raw.Select(l => (l.Line, l.Cells.Select(c => c is { } cell ? CellText(cell, shared, dateStyles) : null).ToArray())).ToList();
        var preview = MeasurementFileReader.Interpret(lines, today, "XLSX, première feuille");
        return errors.Count == 0 ? preview : preview with { Errors = [.. errors, .. preview.Errors] };
    }



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
}
