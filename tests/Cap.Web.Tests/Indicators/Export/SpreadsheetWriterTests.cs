using System.Text;
using Cap.Web.Shared.Export;

namespace Cap.Web.Tests.Indicators.Export;

/// <summary>The shared writers of every export, on texts no database would keep (lone surrogates) and on every kind of value.</summary>
public sealed class SpreadsheetWriterTests
{
    private static async IAsyncEnumerable<object?[]> RowsAsync(params object?[][] rows)
    {
        foreach (var row in rows)
        {
            await Task.Yield();
            yield return row;
        }
    }

    private static readonly object?[][] Hostile =
    [
        ["contrôle\u0001\u0008\u000B\u000C\u001F fin", -3.5m, -7],
        ["moitié haute \uD83D seule", 0m, 0L],
        ["moitié basse \uDE00 seule", 12.25m, null],
        ["non-caractères \uFFFE\uFFFF", 1m, 2],
        ["émoji entier 😀 et tabulation\tet\nretour", 1m, 2],
        ["\u0001=HYPERLINK(\"https://pirate.example\")", 1m, 2],
        ["  espaces gardés  ", 1m, 2],
    ];

    [Fact]
    public async Task Xlsx_with_characters_xml_forbids_is_valid_and_reads_back_cleaned()
    {
        using var output = new MemoryStream();

        await StreamedXlsx.WriteAsync(output, "Feuille\u0001", ["texte", "décimal", "entier"], RowsAsync(Hostile), CancellationToken.None);

        var rows = ExportFiles.ReadXlsx(output.ToArray());
        Assert.Equal(
            [
                "contrôle fin",
                "moitié haute \uFFFD seule",
                "moitié basse \uFFFD seule",
                "non-caractères ",
                "émoji entier 😀 et tabulation\tet\nretour",
                "'=HYPERLINK(\"https://pirate.example\")",
                "  espaces gardés  ",
            ],
            rows.Skip(1).Select(r => r[0].Text));
        Assert.Equal(("-3.5", true), (rows[1][1].Text, rows[1][1].IsNumber));
        Assert.Equal(("-7", true), (rows[1][2].Text, rows[1][2].IsNumber));
        Assert.Equal((string.Empty, false), (rows[3][2].Text, rows[3][2].IsNumber));
        ExportFiles.AssertNoXlsxTextCellRunsAsAFormula(rows);
    }

    [Fact]
    public async Task Csv_writes_numbers_as_french_numbers_and_texts_formula_safe_and_quoted()
    {
        using var output = new MemoryStream();

        await CsvSheet.WriteAsync(output, ["texte", "décimal", "entier"],
            RowsAsync(["=1+1", -3.5m, -7], ["+a;b", 1234.5m, 0L], ["-2+3", 0.10m, null], ["@SUM(A1)", 1m, 1], ["ordinaire \"cité\"", 1m, 1]), CancellationToken.None);

        var bytes = output.ToArray();
        Assert.Equal(
            ["texte;décimal;entier", "'=1+1;-3,5;-7", "\"'+a;b\";1234,5;0", "'-2+3;0,1;", "'@SUM(A1);1;1", "\"ordinaire \"\"cité\"\"\";1;1"],
            Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        ExportFiles.AssertNoCsvCellRunsAsAFormula(ExportFiles.ReadCsv(bytes));
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+33 6 12", "'+33 6 12")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "'\r=1")]
    [InlineData("a=1", "a=1")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Only_texts_starting_like_a_formula_get_an_apostrophe(string? text, string expected) =>
        Assert.Equal(expected, SpreadsheetText.NeutraliseFormula(text));
}
