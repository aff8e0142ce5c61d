using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Cap.Domain.Steering;
using Cap.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Cap.Web.Tests.Infrastructure.TestHttp;

namespace Cap.Web.Tests.Indicators.Import;

/// <summary>The two-step import of measurements: preview (nothing written), then all-or-nothing commit.</summary>
public abstract partial class ImportPageTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : CapWebFactory
{
    private const string Slug = "vaccin-suivi";

    private Task<int> NewIndicatorAsync(string name) => TestProducts.NewIndicatorAsync(factory, Slug, name);

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string url, string fileName, byte[] content)
    {
        var form = await RenderedForm.ReadAsync(client, url, url + "?handler=Preview", ["file"]);
        return await form.Attach("file", fileName, content).SubmitAsync(client);
    }

    private Task<List<(DateOnly Date, decimal Value, MeasurementSource Source)>> MeasurementsAsync(int indicatorId) =>
        QueryAsync(factory, async db => (await db.Measurements.AsNoTracking().Where(m => m.IndicatorId == indicatorId).OrderBy(m => m.Date).ToListAsync())
            .Select(m => (m.Date, FlexibleParse.Normalize(m.Value), m.Source)).ToList());


    [Fact]
    public async Task Preview_writes_nothing_then_commit_imports_every_row_and_a_second_import_updates_instead_of_duplicating()
    {
        var id = await NewIndicatorAsync("Taux d’utilisateurs actifs (import)");
        var url = $"/produits/{Slug}/indicateurs/{id}/import";
        using var client = factory.CreateClientFor(Demo.ProductOwner);
        var csv = Encoding.UTF8.GetBytes("date;valeur;commentaire\n31/01/2025;41,5;janvier\n28/02/2025;43;\n31/03/2025;45,25;mars\n");

        using var preview = await UploadAsync(client, url, "mesures.csv", csv);
        var html = await preview.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("3 mesure(s) lisible(s), du 31/01/2025 au 31/03/2025", html, StringComparison.Ordinal);
        Assert.Empty(await MeasurementsAsync(id));

        var commitForm = await RenderedForm.InAsync(preview, url, "handler=Commit");
        using var commit = await commitForm.SubmitAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, commit.StatusCode);
        Assert.Equal(
            [(new DateOnly(2025, 1, 31), 41.5m, MeasurementSource.Import), (new DateOnly(2025, 2, 28), 43m, MeasurementSource.Import), (new DateOnly(2025, 3, 31), 45.25m, MeasurementSource.Import)],
            await MeasurementsAsync(id));

        var audit = await QueryAsync(factory, db => db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "Measurement" && a.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture) && a.EntityLabel!.StartsWith("Import de")).ToListAsync());
        Assert.Equal("Import de 3 mesure(s) dans « Taux d’utilisateurs actifs (import) »", Assert.Single(audit).EntityLabel);
        Assert.Contains("\"Ajoutées\":3", audit[0].After, StringComparison.Ordinal);

        // The same preview cannot be committed twice.
        using var replay = await commitForm.SubmitAsync(client);
        Assert.Contains("a expiré ou a déjà été importé", WebUtility.HtmlDecode(await replay.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        // A corrected file for the same dates updates the values instead of adding rows.
        using var second = await UploadAsync(client, url, "mesures.csv", Encoding.UTF8.GetBytes("date;valeur\n31/01/2025;42\n"));
        var secondHtml = WebUtility.HtmlDecode(await second.Content.ReadAsStringAsync());
        Assert.Contains("1 date(s) déjà saisie(s) seront remplacée(s)", secondHtml, StringComparison.Ordinal);
        using var secondCommit = await (await RenderedForm.InAsync(second, url, "handler=Commit")).SubmitAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, secondCommit.StatusCode);
        var after = await MeasurementsAsync(id);
        Assert.Equal(3, after.Count);
        Assert.Equal(42m, after[0].Value);
    }

    [Fact]
    public async Task An_import_longer_than_the_wait_shows_its_progress_then_leads_to_the_outcome()
    {
        var id = await NewIndicatorAsync("Taux importé avec progression");
        var url = $"/produits/{Slug}/indicateurs/{id}/import";
        using var client = factory.CreateClientFor(Demo.ProductOwner);
        var csv = new StringBuilder("date;valeur\n");
        var first = new DateOnly(2015, 1, 1);
        for (var day = 0; day < 3000; day++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"{first.AddDays(day):dd/MM/yyyy};{day % 100},5\n");
        }
        using var preview = await UploadAsync(client, url, "longues.csv", Encoding.UTF8.GetBytes(csv.ToString()));
        var html = await preview.Content.ReadAsStringAsync();
        var pendingId = Regex.Match(html, "pendingId=([0-9a-f-]{36})").Groups[1].Value;
        var commitForm = await RenderedForm.InAsync(preview, url, "handler=Commit");

        // No inline wait: every confirmation goes through the progress page, as a long import would.
        var jobs = factory.Services.GetRequiredService<Cap.Web.Features.Indicators.Import.ImportJobs>();
        var wait = jobs.InlineWait;
        jobs.InlineWait = TimeSpan.Zero;
        try
        {
            using var commit = await commitForm.SubmitAsync(client);
            Assert.Equal(HttpStatusCode.Redirect, commit.StatusCode);
            var progressUrl = commit.Headers.Location!.OriginalString;
            Assert.Equal($"{url}/{pendingId}", progressUrl);

            // Someone else cannot follow it.
            using (var admin = factory.CreateClientFor(Demo.Administrateur))
            using (var other = await admin.GetAsync($"{progressUrl}?handler=Status"))
            {
                Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
            }

            var stages = new List<string>();
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (true)
            {
                using var status = await client.GetAsync($"{progressUrl}?handler=Status");
                Assert.Equal(HttpStatusCode.OK, status.StatusCode);
                using var json = await ReadJsonAsync(status);
                var stage = json.RootElement.GetProperty("stage").GetString()!;
                stages.Add(stage);
                if (stage == "Done")
                {
                    Assert.Equal(3000, json.RootElement.GetProperty("total").GetInt32());
                    Assert.Equal(3000, json.RootElement.GetProperty("written").GetInt32());
                    Assert.Equal(100, json.RootElement.GetProperty("percent").GetInt32());
                    break;
                }
                Assert.NotEqual("Failed", stage);
                Assert.True(DateTime.UtcNow < deadline, $"import still {stage} after 60 s");
                await Task.Delay(50);
            }

            // Once done, the progress page leads to the indicator with the outcome.
            using var done = await client.GetAsync(progressUrl);
            Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
            Assert.Equal($"/produits/{Slug}/indicateurs/{id}", done.Headers.Location!.OriginalString);
            using var indicator = await client.GetAsync(done.Headers.Location);
            Assert.Contains("Import terminé : 3000 mesure(s) ajoutée(s), 0 mise(s) à jour.", WebUtility.HtmlDecode(await indicator.Content.ReadAsStringAsync()), StringComparison.Ordinal);
            Assert.Equal(3000, (await MeasurementsAsync(id)).Count);
            Assert.False(await QueryAsync(factory, db => db.PendingImports.AnyAsync(p => p.Id == Guid.Parse(pendingId))));
        }
        finally
        {
            jobs.InlineWait = wait;
        }
    }

    [Fact]
    public async Task An_interrupted_import_can_be_confirmed_again_and_an_unknown_one_is_not_found()
    {
        var id = await NewIndicatorAsync("Taux page de progression");
        using var client = factory.CreateClientFor(Demo.ProductOwner);
        // An import cut short by a restart: no job in memory, the checked file still waits.
        var pendingId = Guid.NewGuid();
        await QueryAsync(factory, async db =>
        {
            var ownerId = await db.People.Where(p => p.Email == Demo.ProductOwner).Select(p => p.Id).SingleAsync();
            var productId = await db.Products.Where(p => p.Slug == Slug).Select(p => p.Id).SingleAsync();
            db.PendingImports.Add(new PendingImport
            {
                Id = pendingId, ProductId = productId, IndicatorId = id, PersonId = ownerId, FileName = "m.csv",
                Content = Encoding.UTF8.GetBytes("date;valeur\n31/01/2025;41,5\n"), CreatedAt = DateTimeOffset.UtcNow,
            });
            return await db.SaveChangesAsync();
        });
        var url = $"/produits/{Slug}/indicateurs/{id}/import/{pendingId}";
        using var page = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var text = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Contains("L’import a été interrompu", text, StringComparison.Ordinal);
        using var commit = await (await RenderedForm.InAsync(page, url, "handler=Commit")).SubmitAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, commit.StatusCode);
        Assert.Single(await MeasurementsAsync(id));

        // An unknown import is not found.
        using var unknown = await client.GetAsync($"/produits/{Slug}/indicateurs/{id}/import/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task A_file_with_faulty_lines_lists_them_and_offers_no_import()
    {
        var id = await NewIndicatorAsync("Indicateur aux lignes fautives");
        var url = $"/produits/{Slug}/indicateurs/{id}/import";
        using var client = factory.CreateClientFor(Demo.ProductOwner);

        using var preview = await UploadAsync(client, url, "mesures.csv", Encoding.UTF8.GetBytes("date;valeur\n31/01/2025;12\n31/02/2025;13\n"));
        var html = WebUtility.HtmlDecode(await preview.Content.ReadAsStringAsync());

        Assert.Contains("Ligne 3 : date illisible « 31/02/2025 »", html, StringComparison.Ordinal);
        Assert.Contains("rien n’a été enregistré", html, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Commit", html, StringComparison.Ordinal);
        Assert.Empty(await MeasurementsAsync(id));
    }

    [Fact]
    public async Task Only_the_team_imports_and_an_unknown_indicator_is_not_found()
    {
        var id = await NewIndicatorAsync("Indicateur protégé");
        using var reader = factory.CreateClientFor(Demo.Lecteur);
        using var owner = factory.CreateClientFor(Demo.ProductOwner);

        using var refused = await reader.GetAsync($"/produits/{Slug}/indicateurs/{id}/import");
        using var missing = await owner.GetAsync($"/produits/{Slug}/indicateurs/999999/import");
        using var otherProduct = await owner.GetAsync($"/produits/signal-sante/indicateurs/{id}/import");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherProduct.StatusCode);
    }
}

public sealed class ImportPageTestsSqlite(SqliteCapFactory factory) : ImportPageTests<SqliteCapFactory>(factory);

public sealed class ImportPageTestsPostgres(PostgresCapFactory factory) : ImportPageTests<PostgresCapFactory>(factory);
