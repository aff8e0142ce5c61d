using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Cap.Web.Shared.Export;

/// <summary>
/// Writes one-sheet XLSX files row by row, so that exports of any size never sit in memory: the sheet is written with
/// Open XML's SAX-style writer straight into a zip entry (System.IO.Compression in create mode compresses as it
/// goes), beside the four small fixed parts of a workbook. The Open XML package API is not used for the container:
/// it keeps every part in memory until the end (1.2 GB of heap for a million rows, see docs/PERFORMANCE.md).
/// The file is built in a temporary file (the writers are synchronous), then copied to the output.
/// Decimals and integers become number cells, everything else inline text, stripped of the characters XML forbids and
/// made formula-safe (<see cref="SpreadsheetText"/>): a comment never breaks the file nor runs as a formula.
/// </summary>
public static class StreamedXlsx
{
    private const string Relationships = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string OfficeDocument = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    public static async Task WriteAsync(Stream output, string sheetName, IReadOnlyList<string> header, IAsyncEnumerable<object?[]> rows, CancellationToken ct)
    {
        var file = Path.GetTempFileName();
        try
        {
            await using (var temp = new FileStream(file, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024))
            using (var zip = new ZipArchive(temp, ZipArchiveMode.Create))
            {
                Part(zip, "[Content_Types].xml",
                    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
                    "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>" +
                    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
                    "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>" +
                    "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>" +
                    "</Types>");
                Part(zip, "_rels/.rels",
                    $"<Relationships xmlns=\"{Relationships}\"><Relationship Id=\"rId1\" Type=\"{OfficeDocument}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
                Part(zip, "xl/workbook.xml",
                    $"<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"{OfficeDocument}\">" +
                    $"<sheets><sheet name=\"{SecurityElement.Escape(SpreadsheetText.XmlSafe(sheetName))}\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
                Part(zip, "xl/_rels/workbook.xml.rels",
                    $"<Relationships xmlns=\"{Relationships}\"><Relationship Id=\"rId1\" Type=\"{OfficeDocument}/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>");

                await using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open();
                using var writer = OpenXmlWriter.Create(sheet, Encoding.UTF8);
                writer.WriteStartDocument(true);
                writer.WriteStartElement(new Worksheet());
                writer.WriteStartElement(new SheetData());
                WriteRow(writer, header);
                await foreach (var row in rows.WithCancellation(ct))
                {
                    WriteRow(writer, row);
                }
                writer.WriteEndElement();
                writer.WriteEndElement();
            }
            await using var written = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.None, 64 * 1024, FileOptions.Asynchronous | FileOptions.SequentialScan);
            await written.CopyToAsync(output, ct);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static void Part(ZipArchive zip, string name, string xml)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        var bytes = Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" + xml);
        stream.Write(bytes);
    }

    private static void WriteRow(OpenXmlWriter writer, IEnumerable<object?> values)
    {
        writer.WriteStartElement(new Row());
        foreach (var value in values)
        {
            writer.WriteElement(value switch
            {
                decimal d => Number(Cap.Domain.Steering.FlexibleParse.Normalize(d).ToString(CultureInfo.InvariantCulture)),
                int or long => Number(Convert.ToString(value, CultureInfo.InvariantCulture)!),
                _ => TextCell(Convert.ToString(value, CultureInfo.InvariantCulture)),
            });
        }
        writer.WriteEndElement();
    }

    private static Cell Number(string invariant) => new() { DataType = CellValues.Number, CellValue = new CellValue(invariant) };

    /// <summary>A text cell: characters XML forbids dropped first (an XLSX is XML), then made formula-safe.</summary>
    private static Cell TextCell(string? value)
    {
        var text = new Text(SpreadsheetText.NeutraliseFormula(SpreadsheetText.XmlSafe(value ?? string.Empty)));
        if (text.Text.Length > 0 && (char.IsWhiteSpace(text.Text[0]) || char.IsWhiteSpace(text.Text[^1])))
        {
            text.Space = SpaceProcessingModeValues.Preserve;
        }
        return new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(text) };
    }
}
