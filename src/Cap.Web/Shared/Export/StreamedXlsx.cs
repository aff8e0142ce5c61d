using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Cap.Web.Shared.Export;

/// <summary>
/// Writes one-sheet XLSX files row by row with Open XML's SAX-style writer, so that exports of any size never sit in
/// memory. The package needs a seekable stream: it is built in a temporary file, then copied to the output.
/// Decimals and integers become number cells, everything else inline text.
/// </summary>
public static class StreamedXlsx
{
    public static async Task WriteAsync(Stream output, string sheetName, IReadOnlyList<string> header, IAsyncEnumerable<object?[]> rows, CancellationToken ct)
    {
        var file = Path.GetTempFileName();
        try
        {
            await using (var temp = new FileStream(file, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.Asynchronous))
            {
                using (var document = SpreadsheetDocument.Create(temp, SpreadsheetDocumentType.Workbook))
                {
                    var workbook = document.AddWorkbookPart();
                    var sheetPart = workbook.AddNewPart<WorksheetPart>();
                    using (var writer = OpenXmlWriter.Create(sheetPart))
                    {
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
                    using (var writer = OpenXmlWriter.Create(workbook))
                    {
                        writer.WriteStartElement(new Workbook());
                        writer.WriteStartElement(new Sheets());
                        writer.WriteElement(new Sheet { Name = sheetName, SheetId = 1, Id = workbook.GetIdOfPart(sheetPart) });
                        writer.WriteEndElement();
                        writer.WriteEndElement();
                    }
                }
                temp.Position = 0;
                await temp.CopyToAsync(output, ct);
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static void WriteRow(OpenXmlWriter writer, IEnumerable<object?> values)
    {
        writer.WriteStartElement(new Row());
        foreach (var value in values)
        {
            var cell = value switch
            {
                decimal d => new Cell { DataType = CellValues.Number, CellValue = new CellValue(Cap.Domain.Steering.FlexibleParse.Normalize(d)) },
                int or long => new Cell { DataType = CellValues.Number, CellValue = new CellValue(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!) },
                _ => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(value?.ToString() ?? string.Empty)) },
            };
            writer.WriteElement(cell);
        }
        writer.WriteEndElement();
    }
}
