using Cap.Web.Features.Indicators.Import;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Cap.Web.Tests.Indicators.Import;

/// <summary>Reading measurement files as teams export them: both encodings, both number formats, XLSX.</summary>
public sealed class MeasurementFileReaderTests
{
    private static readonly DateOnly Today = new(2025, 6, 15);

    private static ImportPreview ReadSample(string name)
    {
        using var stream = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Indicators", "Import", "Samples", name));
        return MeasurementFileReader.Read(stream, name, Today);
    }

    [Fact]
    public void French_csv_in_utf8_with_bom_is_read_with_its_header_comments_and_grouped_thousands()
    {
        var preview = ReadSample("mesures-fr-utf8-bom.csv");

        Assert.Empty(preview.Errors);
        Assert.Equal("CSV, UTF-8 avec BOM, séparateur « ; »", preview.Format);
        Assert.Equal(
            [new ImportedRow(2, new DateOnly(2025, 1, 31), 12.5m, "Début de l’année"), new ImportedRow(3, new DateOnly(2025, 2, 28), 1234.75m, "Février"), new ImportedRow(4, new DateOnly(2025, 3, 31), 13m, null)],
            preview.Rows);
        Assert.True(preview.CanCommit);
    }

    [Fact]
    public void Windows_1252_csv_keeps_its_accents()
    {
        var preview = ReadSample("mesures-fr-windows-1252.csv");

        Assert.Empty(preview.Errors);
        Assert.StartsWith("CSV, Windows-1252", preview.Format, StringComparison.Ordinal);
        Assert.Equal("Réunion d'équipe à Besançon", preview.Rows[0].Comment);
        Assert.Equal(7.2m, preview.Rows[0].Value);
        Assert.Equal("Été indien", preview.Rows[1].Comment);
    }

    [Fact]
    public void International_csv_with_commas_and_quoted_thousands_is_read()
    {
        var preview = ReadSample("mesures-international.csv");

        Assert.Empty(preview.Errors);
        Assert.Contains("séparateur « , »", preview.Format, StringComparison.Ordinal);
        Assert.Equal([1234.5m, 1300.25m], preview.Rows.Select(r => r.Value));
        Assert.Equal("february, late", preview.Rows[1].Comment);
    }

    [Fact]
    public void A_file_with_an_unknown_separator_is_refused_with_a_clear_message()
    {
        var preview = ReadSample("mesures-mauvais-separateur.csv");

        Assert.False(preview.CanCommit);
        Assert.Contains("Une seule colonne", Assert.Single(preview.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_faulty_line_gets_its_own_message_with_its_line_number()
    {
        var preview = ReadSample("mesures-erreurs.csv");

        Assert.False(preview.CanCommit);
        Assert.Single(preview.Rows);
        Assert.Equal(
            [
                (3, "date illisible « 31/02/2025 » (formats acceptés : jj/mm/aaaa ou aaaa-mm-jj)."),
                (4, "valeur non numérique « abc »."),
                (5, "valeur manquante."),
                (6, "la date 31/01/2025 figure déjà ligne 2."),
                (7, "la date 01/01/2099 est dans le futur."),
            ],
            preview.Errors.Select(e => (e.Line, e.Message)));
    }

    [Fact]
    public void Xlsx_dates_numbers_and_text_cells_are_read()
    {
        var bytes = Workbook(sheet =>
        {
            AddRow(sheet, 1, Text("date"), Text("valeur"), Text("commentaire"));
            AddRow(sheet, 2, DateCell(new DateOnly(2025, 1, 31)), Number(12.5), Text("janvier"));
            AddRow(sheet, 3, Text("28/02/2025"), Text("13,25"), null);
        });

        var preview = MeasurementFileReader.Read(new MemoryStream(bytes), "mesures.xlsx", Today);

        Assert.Empty(preview.Errors);
        Assert.Equal("XLSX, première feuille", preview.Format);
        Assert.Equal([new ImportedRow(2, new DateOnly(2025, 1, 31), 12.5m, "janvier"), new ImportedRow(3, new DateOnly(2025, 2, 28), 13.25m, null)], preview.Rows);
    }

    [Fact]
    public void Xlsx_with_merged_or_empty_cells_is_refused_line_by_line()
    {
        var bytes = Workbook(sheet =>
        {
            AddRow(sheet, 1, Text("date"), Text("valeur"), null);
            AddRow(sheet, 2, Text("31/01/2025"), Number(10), null);
            AddRow(sheet, 3, Text("28/02/2025"), null, null);
        }, merge: "B4:B5", extraRows: sheet =>
        {
            AddRow(sheet, 4, Text("31/03/2025"), Number(11), null);
            AddRow(sheet, 5, Text("30/04/2025"), null, null);
        });

        var preview = MeasurementFileReader.Read(new MemoryStream(bytes), "mesures.xlsx", Today);

        Assert.False(preview.CanCommit);
        Assert.Contains(preview.Errors, e => e.Line == 4 && e.Message.Contains("Cellules fusionnées (B4:B5)", StringComparison.Ordinal));
        Assert.Contains(preview.Errors, e => e.Line == 3 && e.Message == "valeur manquante.");
    }

    [Fact]
    public void Empty_and_old_excel_files_are_refused_with_french_messages()
    {
        Assert.Equal("Le fichier est vide.", MeasurementFileReader.Read(new MemoryStream(), "vide.csv", Today).Errors.Single().Message);
        var xls = MeasurementFileReader.Read(new MemoryStream([0xD0, 0xCF, 0x11, 0xE0]), "ancien.xls", Today);
        Assert.Contains(".xlsx", xls.Errors.Single().Message, StringComparison.Ordinal);
    }

    private static Cell Text(string value) => new() { DataType = CellValues.InlineString, InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(value)) };

    private static Cell Number(double value) => new() { CellValue = new CellValue(value), DataType = CellValues.Number };

    private static Cell DateCell(DateOnly date) => new() { CellValue = new CellValue(date.ToDateTime(TimeOnly.MinValue).ToOADate()), StyleIndex = 1 };

    private static void AddRow(SheetData sheet, uint index, params Cell?[] cells)
    {
        var row = new Row { RowIndex = index };
        for (var i = 0; i < cells.Length; i++)
        {
            if (cells[i] is { } cell)
            {
                cell.CellReference = $"{(char)('A' + i)}{index}";
                row.Append(cell);
            }
        }
        sheet.Append(row);
    }

    private static byte[] Workbook(Action<SheetData> fill, string? merge = null, Action<SheetData>? extraRows = null)
    {
        using var memory = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(memory, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new Fonts(new Font()), new Fills(new Fill()), new Borders(new Border()),
                new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }));
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            fill(data);
            extraRows?.Invoke(data);
            var worksheet = new Worksheet(data);
            if (merge is not null)
            {
                worksheet.Append(new MergeCells(new MergeCell { Reference = merge }));
            }
            sheetPart.Worksheet = worksheet;
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Mesures" }));
        }
        return memory.ToArray();
    }
}
