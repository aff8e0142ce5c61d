using System.Net;
using System.Text;
using Cap.Domain.Steering;
using Cap.Web.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using static Cap.Web.Tests.Infrastructure.TestHttp;

namespace Cap.Web.Tests.Indicators.Export;

/// <summary>Exports of a product's indicators and measurements, as CSV and XLSX.</summary>
public abstract class ExportTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : CapWebFactory
{
    private const string Slug = "signal-sante";
    private const string IndicatorName = "Indicateur exporté";

    private async Task EnsureIndicatorAsync()
    {
        await QueryAsync(factory, async db =>
        {
            var product = await db.Products.SingleAsync(p => p.Slug == Slug);
            if (await db.Indicators.AnyAsync(i => i.ProductId == product.Id && i.Name == IndicatorName))
            {
                return 0;
            }
            var indicator = new Indicator
            {
                ProductId = product.Id, Kind = IndicatorKind.Impact, Name = IndicatorName, Unit = IndicatorUnit.Days,
                Direction = WantedDirection.Down, Baseline = 30, BaselineDate = new DateOnly(2025, 1, 1), Target = 15,
                TargetDate = new DateOnly(2026, 1, 1), Frequency = UpdateFrequency.Monthly, Position = 999,
            };
            indicator.Measurements.Add(new Measurement { ProductId = product.Id, Date = new DateOnly(2025, 2, 1), Value = 28.5m, Comment = "début; après la refonte", Source = MeasurementSource.Entry, AuthorName = "Test" });
            indicator.Measurements.Add(new Measurement { ProductId = product.Id, Date = new DateOnly(2025, 3, 1), Value = 1234.25m, Source = MeasurementSource.Import, AuthorName = "Test" });
            db.Indicators.Add(indicator);
            return await db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task Csv_export_is_french_spreadsheet_ready_with_bom_semicolons_and_decimal_commas()
    {
        await EnsureIndicatorAsync();
        using var client = factory.CreateClientFor(Demo.Lecteur);

        using var response = await client.GetAsync($"/produits/{Slug}/indicateurs/export/csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition?.ToString() ?? response.Headers.GetValues("Content-Disposition").First(), StringComparison.Ordinal);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries)
            .Concat([]).SelectMany(l => l.Split('\n', StringSplitOptions.RemoveEmptyEntries)).ToList();
        Assert.StartsWith("Indicateur;Type;Unité;Sens souhaité;", lines[0], StringComparison.Ordinal);
        Assert.Contains($"{IndicatorName};Impact;jours;À la baisse;30;15;2026-01-01;2025-02-01;28,5;\"début; après la refonte\";Saisie;Test", lines);
        Assert.Contains(lines, l => l.Contains(";2025-03-01;1234,25;;Import;Test", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Xlsx_export_opens_with_one_row_per_measurement_and_numbers_as_numbers()
    {
        await EnsureIndicatorAsync();
        using var client = factory.CreateClientFor(Demo.Coach);

        using var response = await client.GetAsync($"/produits/{Slug}/indicateurs/export/xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var document = SpreadsheetDocument.Open(stream, false);
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var rows = sheet.Descendants<Row>().ToList();
        var expected = await QueryAsync(factory, db => db.Measurements.CountAsync(m => m.Indicator!.Product!.Slug == Slug));
        Assert.Equal(expected + 1, rows.Count);
        var exported = rows.Single(r => r.Descendants<Cell>().Any(c => c.InnerText == "2025-03-01") && r.Descendants<Cell>().First().InnerText == IndicatorName);
        var value = exported.Descendants<Cell>().ElementAt(8);
        Assert.Equal(CellValues.Number, value.DataType!.Value);
        Assert.Equal("1234.25", value.CellValue!.Text);
    }

    [Fact]
    public async Task Export_needs_a_signed_in_reader_and_a_known_format()
    {
        using var anonymous = factory.CreateClientFor(null);
        using var reader = factory.CreateClientFor(Demo.Lecteur);

        using var challenged = await anonymous.GetAsync($"/produits/{Slug}/indicateurs/export/csv");
        using var unknownFormat = await reader.GetAsync($"/produits/{Slug}/indicateurs/export/pdf");
        using var unknownProduct = await reader.GetAsync("/produits/inexistant/indicateurs/export/csv");

        Assert.Equal(HttpStatusCode.Redirect, challenged.StatusCode);
        Assert.Contains("/connexion", challenged.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknownFormat.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownProduct.StatusCode);
    }
}

public sealed class ExportTestsSqlite(SqliteCapFactory factory) : ExportTests<SqliteCapFactory>(factory);

public sealed class ExportTestsPostgres(PostgresCapFactory factory) : ExportTests<PostgresCapFactory>(factory);
