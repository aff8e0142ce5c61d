using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Cap.Web.Tests.Indicators.Import;

/// <summary>Workbooks made for the import tests with the Open XML SDK, as a spreadsheet saves them (dates as numbers with a date style).</summary>
internal static class TestWorkbooks
{
    /// <summary>A header line then <paramref name="rows"/> daily measurements from <paramref name="first"/>, written row by row.</summary>
    public static byte[] Measurements(int rows, DateOnly first)
    {
        using var memory = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(memory, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            AddStyles(workbook);
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            using (var writer = OpenXmlWriter.Create(sheetPart))
            {
                writer.WriteStartElement(new Worksheet());
                writer.WriteStartElement(new SheetData());
                writer.WriteElement(new Row(Inline("A1", "date"), Inline("B1", "valeur"), Inline("C1", "commentaire")) { RowIndex = 1 });
                for (var i = 0; i < rows; i++)
                {
                    var line = (uint)(i + 2);
                    writer.WriteElement(new Row(
                        new Cell { CellReference = $"A{line}", StyleIndex = 1, CellValue = new CellValue(first.AddDays(i).ToDateTime(TimeOnly.MinValue).ToOADate()) },
                        new Cell { CellReference = $"B{line}", CellValue = new CellValue(10 + i % 90 + 0.25m) }) { RowIndex = line });
                }
                writer.WriteEndElement();
                writer.WriteEndElement();
            }
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Mesures" }));
        }
        return memory.ToArray();
    }

    /// <summary>
    /// The same workbook whose sheet XML carries <paramref name="padding"/> bytes of spaces before the end of its data
    /// (valid XML, compressed a thousand times over): what a zip bomb looks like to the reader.
    /// </summary>
    public static byte[] WithPaddedSheet(byte[] workbook, long padding)
    {
        using var memory = new MemoryStream();
        memory.Write(workbook);
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.Entries.Single(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal));
            string xml;
            using (var reader = new StreamReader(entry.Open()))
            {
                xml = reader.ReadToEnd();
            }
            var name = entry.FullName;
            entry.Delete();
            var end = xml.IndexOf("</x:sheetData>", StringComparison.Ordinal) is var i and >= 0 ? i : xml.IndexOf("</sheetData>", StringComparison.Ordinal);
            using var stream = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
            stream.Write(Encoding.UTF8.GetBytes(xml[..end]));
            var spaces = Encoding.ASCII.GetBytes(new string(' ', 1024 * 1024));
            for (var written = 0L; written < padding; written += spaces.Length)
            {
                stream.Write(spaces, 0, (int)Math.Min(spaces.Length, padding - written));
            }
            stream.Write(Encoding.UTF8.GetBytes(xml[end..]));
        }
        return memory.ToArray();
    }

    public static Cell Inline(string reference, string text) =>
        new() { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) };

    /// <summary>Style 1 shows a date (built-in format 14).</summary>
    public static void AddStyles(WorkbookPart workbook)
    {
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new Fonts(new Font()), new Fills(new Fill()), new Borders(new Border()),
            new CellStyleFormats(new CellFormat { NumberFormatId = 14 }),
            new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }));
    }
}
