using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

namespace Cap.Web.Tests.Indicators.Export;

/// <summary>Reads back exported files as a spreadsheet would, for the export tests.</summary>
internal static class ExportFiles
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public sealed record XlsxCell(string Text, bool IsNumber);

    /// <summary>Every record of a « ; » CSV in UTF-8 with BOM, header included, fields unquoted.</summary>
    public static List<string[]> ReadCsv(byte[] bytes)
    {
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";", HasHeaderRecord = false, TrimOptions = TrimOptions.None, BadDataFound = null };
        using var reader = new StringReader(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
        using var csv = new CsvReader(reader, config);
        var records = new List<string[]>();
        while (csv.Read())
        {
            records.Add(Enumerable.Range(0, csv.Parser.Count).Select(i => csv.GetField(i) ?? string.Empty).ToArray());
        }
        return records;
    }

    /// <summary>The first sheet's rows, once the workbook has passed the Open XML validator (it opens in a spreadsheet).</summary>
    public static List<XlsxCell[]> ReadXlsx(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);
        var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        return sheet.Descendants<Row>()
            .Select(r => r.Elements<Cell>().Select(c => c.DataType?.Value == CellValues.InlineString
                ? new XlsxCell(c.InlineString?.InnerText ?? string.Empty, false)
                : new XlsxCell(c.CellValue?.Text ?? string.Empty, c.DataType is null || c.DataType.Value == CellValues.Number)).ToArray())
            .ToList();
    }

    private static bool StartsLikeAFormula(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\n';

    /// <summary>No field of the file starts like a formula, unless it is a number (« -2,5 »).</summary>
    public static void AssertNoCsvCellRunsAsAFormula(IEnumerable<string[]> records)
    {
        var offending = records.SelectMany(r => r).Where(f => StartsLikeAFormula(f) && !decimal.TryParse(f, NumberStyles.Number, French, out _)).ToList();
        Assert.True(offending.Count == 0, "cells starting like a formula: " + string.Join(" | ", offending));
    }

    /// <summary>No text cell of the workbook starts like a formula; numbers are number cells.</summary>
    public static void AssertNoXlsxTextCellRunsAsAFormula(IEnumerable<XlsxCell[]> rows)
    {
        var offending = rows.SelectMany(r => r).Where(c => !c.IsNumber && StartsLikeAFormula(c.Text)).Select(c => c.Text).ToList();
        Assert.True(offending.Count == 0, "text cells starting like a formula: " + string.Join(" | ", offending));
    }
}
