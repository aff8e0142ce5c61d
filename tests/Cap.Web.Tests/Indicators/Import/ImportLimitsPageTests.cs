using System.Net;
using AngleSharp.Dom;
using Cap.Domain.Steering;
using Cap.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using static Cap.Web.Tests.Infrastructure.TestHttp;

namespace Cap.Web.Tests.Indicators.Import;

/// <summary>The import page refuses, with a French message at the file field, the workbooks beyond the configured limits; a normal one still imports.</summary>
public abstract class ImportLimitsPageTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : CapWebFactory
{
    private const string Slug = "vaccin-suivi";

    private Task<int> NewIndicatorAsync(string name) => TestProducts.NewIndicatorAsync(factory, Slug, name);

    /// <summary>Fills the upload form the page rendered (its action, its hidden fields, its file input) and sends it.</summary>
    private static async Task<(HttpResponseMessage Response, IDocument Page)> UploadAsync(HttpClient client, string url, string fileName, byte[] content)
    {
        using var get = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        var page = await Html.ParseAsync(get);
        var form = page.QuerySelector("main form[enctype='multipart/form-data']")!;
        using var body = new MultipartFormDataContent();
        foreach (var hidden in form.QuerySelectorAll("input[type=hidden][name]"))
        {
            body.Add(new StringContent(hidden.GetAttribute("value") ?? string.Empty), hidden.GetAttribute("name")!);
        }
        body.Add(new ByteArrayContent(content), form.QuerySelector("input[type=file]")!.GetAttribute("name")!, fileName);
        var response = await client.PostAsync(form.GetAttribute("action")!.Replace("&amp;", "&", StringComparison.Ordinal), body);
        return (response, await Html.ParseAsync(response));
    }

    private static void AssertRefusedAtTheFileField(IDocument page, string message)
    {
        Assert.Equal(message, page.QuerySelector("#file-messages .fr-message--error")?.TextContent);
        Assert.Equal("true", page.QuerySelector("input#file")!.GetAttribute("aria-invalid"));
        Assert.Null(page.QuerySelector("main form[action*='handler=Commit']"));
        Assert.Null(page.QuerySelector("#apercu"));
    }

    [Fact]
    public async Task A_zip_bomb_like_workbook_is_refused_with_a_french_message_and_nothing_is_kept()
    {
        var id = await NewIndicatorAsync("Indicateur d’un classeur piégé");
        using var client = factory.CreateClientFor(Demo.ProductOwner);
        var bomb = TestWorkbooks.WithPaddedSheet(TestWorkbooks.Measurements(3, new DateOnly(2025, 1, 1)), 60L * 1024 * 1024);

        var (response, page) = await UploadAsync(client, $"/produits/{Slug}/indicateurs/{id}/import", "mesures.xlsx", bomb);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertRefusedAtTheFileField(page, "Une fois décompressé, le classeur dépasse 50 Mo (un fichier XLSX est une archive compressée) : découpez-le ou enregistrez-le au format CSV.");
        Assert.False(await QueryAsync(factory, db => db.PendingImports.AnyAsync(p => p.IndicatorId == id)));
        response.Dispose();
    }

    [Fact]
    public async Task A_workbook_over_the_configured_row_limit_is_refused_and_one_at_the_limit_imports()
    {
        var id = await NewIndicatorAsync("Indicateur à la limite de lignes");
        var url = $"/produits/{Slug}/indicateurs/{id}/import";
        await using var limited = factory.WithWebHostBuilder(b => b.UseSetting("Import:MaxRows", "50"));
        using var client = limited.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.Add(CapWebFactory.PersonHeader, Demo.ProductOwner);

        var (over, overPage) = await UploadAsync(client, url, "mesures.xlsx", TestWorkbooks.Measurements(51, new DateOnly(2024, 1, 1)));
        Assert.Equal(HttpStatusCode.OK, over.StatusCode);
        AssertRefusedAtTheFileField(overPage, "Le classeur dépasse 50 lignes : découpez-le.");
        over.Dispose();

        var (atLimit, atLimitPage) = await UploadAsync(client, url, "mesures.xlsx", TestWorkbooks.Measurements(50, new DateOnly(2024, 1, 1)));
        Assert.Equal(HttpStatusCode.OK, atLimit.StatusCode);
        Assert.Contains("50 mesure(s) lisible(s), du 01/01/2024 au 19/02/2024", Html.Text(atLimitPage), StringComparison.Ordinal);
        Assert.NotNull(atLimitPage.QuerySelector("main form[action*='handler=Commit']"));
        atLimit.Dispose();
    }

    [Fact]
    public async Task A_normal_workbook_still_previews_then_imports()
    {
        var id = await NewIndicatorAsync("Indicateur importé d’un classeur");
        var url = $"/produits/{Slug}/indicateurs/{id}/import";
        using var client = factory.CreateClientFor(Demo.ProductOwner);

        var (preview, page) = await UploadAsync(client, url, "mesures.xlsx", TestWorkbooks.Measurements(12, new DateOnly(2025, 1, 1)));
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("12 mesure(s) lisible(s), du 01/01/2025 au 12/01/2025", Html.Text(page), StringComparison.Ordinal);
        Assert.Contains("Format reconnu : XLSX, première feuille", Html.Text(page), StringComparison.Ordinal);
        preview.Dispose();

        var commit = page.QuerySelector("main form[action*='handler=Commit']")!;
        using var committed = await client.PostAsync(commit.GetAttribute("action")!, new FormUrlEncodedContent(
            commit.QuerySelectorAll("input[type=hidden][name]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? string.Empty)));

        Assert.Equal(HttpStatusCode.Redirect, committed.StatusCode);
        var values = await QueryAsync(factory, db => db.Measurements.Where(m => m.IndicatorId == id).OrderBy(m => m.Date).Select(m => m.Value).ToListAsync());
        Assert.Equal(Enumerable.Range(0, 12).Select(i => 10 + i + 0.25m), values.Select(FlexibleParse.Normalize));
    }
}

public sealed class ImportLimitsPageTestsSqlite(SqliteCapFactory factory) : ImportLimitsPageTests<SqliteCapFactory>(factory);

public sealed class ImportLimitsPageTestsPostgres(PostgresCapFactory factory) : ImportLimitsPageTests<PostgresCapFactory>(factory);
