using Cap.Web.Features.Indicators.Import;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.Configuration;

namespace Cap.Web.Tests.Indicators.Import;

/// <summary>The XLSX reader checks the archive before parsing it, streams the sheet and the shared strings, and stops at the row limit.</summary>
public sealed class XlsxImportLimitsTests
{
    private static readonly DateOnly Today = new(2025, 6, 15);

    [Fact]
    public void A_workbook_that_inflates_beyond_the_limit_is_refused_before_it_is_parsed()
    {
        // 60 MB of sheet XML in a file of a few dozen kilobytes.
        var bomb = TestWorkbooks.WithPaddedSheet(TestWorkbooks.Measurements(3, new DateOnly(2025, 1, 1)), 60L * 1024 * 1024);
        Assert.InRange(bomb.Length, 1, 1024 * 1024);

        var preview = MeasurementFileReader.Read(new MemoryStream(bomb), "mesures.xlsx", Today);

        Assert.False(preview.CanCommit);
        Assert.Empty(preview.Rows);
        Assert.Equal("Une fois décompressé, le classeur dépasse 50 Mo (un fichier XLSX est une archive compressée) : découpez-le ou enregistrez-le au format CSV.", preview.Refusal);
        Assert.Equal(preview.Refusal, Assert.Single(preview.Errors).Message);
    }

    [Fact]
    public void A_workbook_compressed_far_beyond_what_a_spreadsheet_does_is_refused_even_under_the_size_limit()
    {
        // 8 MB of sheet XML, under the 50 MB limit, but squeezed about a thousand times.
        var bomb = TestWorkbooks.WithPaddedSheet(TestWorkbooks.Measurements(3, new DateOnly(2025, 1, 1)), 8L * 1024 * 1024);

        var preview = MeasurementFileReader.Read(new MemoryStream(bomb), "mesures.xlsx", Today);

        Assert.Equal("Le classeur est compressé de façon anormale (plus de 100 pour 1) et n’est pas lu, par précaution : enregistrez-le de nouveau depuis votre tableur ou au format CSV.", preview.Refusal);
    }

    [Fact]
    public void The_limits_come_from_configuration_and_a_smaller_size_limit_refuses_a_smaller_workbook()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Import:MaxUncompressedBytes"] = (2 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Import:MaxRows"] = "40",
            ["Import:MaxCompressionRatio"] = "0",
        }).Build();
        var limits = ImportLimits.From(configuration);
        Assert.Equal(2 * 1024 * 1024, limits.MaxUncompressedBytes);
        Assert.Equal(40, limits.MaxRows);
        Assert.Equal(100, limits.MaxCompressionRatio);
        var defaults = ImportLimits.From(new ConfigurationBuilder().Build());
        Assert.Equal((50L * 1024 * 1024, 200_000, 100), (defaults.MaxUncompressedBytes, defaults.MaxRows, defaults.MaxCompressionRatio));

        var padded = TestWorkbooks.WithPaddedSheet(TestWorkbooks.Measurements(3, new DateOnly(2025, 1, 1)), 3L * 1024 * 1024);
        Assert.Contains("dépasse 2 Mo", MeasurementFileReader.Read(new MemoryStream(padded), "m.xlsx", Today, limits).Refusal, StringComparison.Ordinal);

        var forty = MeasurementFileReader.Read(new MemoryStream(TestWorkbooks.Measurements(40, new DateOnly(2025, 1, 1))), "m.xlsx", Today, limits);
        Assert.Null(forty.Refusal);
        Assert.True(forty.CanCommit);
        Assert.Equal(40, forty.Rows.Count);
        var fortyOne = MeasurementFileReader.Read(new MemoryStream(TestWorkbooks.Measurements(41, new DateOnly(2025, 1, 1))), "m.xlsx", Today, limits);
        Assert.Equal("Le classeur dépasse 40 lignes : découpez-le.", fortyOne.Refusal);
        Assert.Empty(fortyOne.Rows);

        var csv = "date;valeur\n" + string.Concat(Enumerable.Range(0, 41).Select(i => $"{new DateOnly(2025, 1, 1).AddDays(i):dd/MM/yyyy};{i}\n"));
        Assert.Equal("Le fichier dépasse 40 lignes : découpez-le.", MeasurementFileReader.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv)), "m.csv", Today, limits).Refusal);
    }

    [Fact]
    public void At_the_default_limits_a_real_sized_workbook_passes_the_archive_checks_and_is_stopped_at_its_row_limit()
    {
        // 200,001 lines of measurements as a spreadsheet writes them: within 50 MB and a normal compression ratio,
        // so the refusal is the row limit's (the archive checks come first).
        var workbook = TestWorkbooks.Measurements(200_001, new DateOnly(1400, 1, 1));

        var preview = MeasurementFileReader.Read(new MemoryStream(workbook), "mesures.xlsx", Today);

        Assert.Equal("Le classeur dépasse 200\u202F000 lignes : découpez-le.", preview.Refusal);
    }

    [Fact]
    public void Shared_strings_rich_text_and_cells_without_references_are_read_and_cell_style_formats_are_not_taken_for_cell_formats()
    {
        using var memory = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(memory, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            TestWorkbooks.AddStyles(workbook);
            var strings = workbook.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable(
                new SharedStringItem(new Text("Date")),
                new SharedStringItem(new Text("jamais utilisée")),
                new SharedStringItem(new Run(new Text("premier ") { Space = SpaceProcessingModeValues.Preserve }), new Run(new Text("relevé"))),
                new SharedStringItem(new Text("Valeur")),
                new SharedStringItem(new Text("東京"), new PhoneticRun(new Text("トウキョウ")) { BaseTextStartIndex = 0, EndingBaseIndex = 2 }),
                new SharedStringItem(new Text("28/02/2025")),
                new SharedStringItem(new Text("Commentaire")));
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            sheetPart.Worksheet = new Worksheet(new SheetData(
                new Row(Shared("A1", 0), Shared("B1", 3), Shared("C1", 6)) { RowIndex = 1 },
                new Row(
                    new Cell { CellReference = "A2", StyleIndex = 1, CellValue = new CellValue(new DateTime(2025, 1, 31).ToOADate()) },
                    new Cell { CellReference = "B2", CellValue = new CellValue(12.5m) },
                    Shared("C2", 2)) { RowIndex = 2 },
                // Cells without a reference follow each other from column A; style 0 is not a date.
                new Row(Shared(null, 5), new Cell { CellValue = new CellValue(14m) }, Shared(null, 4)) { RowIndex = 3 }));
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Mesures" }));
        }

        var preview = MeasurementFileReader.Read(new MemoryStream(memory.ToArray()), "mesures.xlsx", Today);

        Assert.Empty(preview.Errors);
        Assert.Equal(
            [new ImportedRow(2, new DateOnly(2025, 1, 31), 12.5m, "premier relevé"), new ImportedRow(3, new DateOnly(2025, 2, 28), 14m, "東京")],
            preview.Rows);
    }

    private static Cell Shared(string? reference, int index) =>
        new() { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(index) };
}
