using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Cap.Domain.Catalogue;
using Cap.Domain.OpenData;
using Cap.Domain.Satisfaction;
using Cap.Web.Features.OpenData;
using Cap.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Cap.Web.Tests.Infrastructure.TestHttp;

namespace Cap.Web.Tests.OpenData;

public abstract class OpenDataTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : CapWebFactory
{
    private const string Files = "/donnees-ouvertes/v1/";

    private static readonly string[] PublicUrls =
    [
        "/donnees-ouvertes", Files + "produits.csv", Files + "indicateurs.csv", Files + "produits.json", "/donnees-ouvertes/catalogue.jsonld",
        Files + "schema-produits.json", Files + "schema-indicateurs.json", Files + "produits.schema.json",
    ];

    /// <summary>A product of its own with a distinctive name, the journey product's team (Karim Benali, Responsable produit).</summary>
    private Task<(int Id, string Slug, string Name)> FreshProductAsync(string tag, bool archived = false) => QueryAsync(factory, async db =>
    {
        var slug = $"od-{Guid.NewGuid():N}"[..20];
        var name = $"{tag} {Guid.NewGuid():N}"[..(tag.Length + 13)];
        var product = await TestProducts.AddWithJourneyTeamAsync(db, slug, name, $"Résumé de {name}.", Phase.Construction);
        product.IsArchived = archived;
        product.Url = $"https://{slug}.exemple.gouv.fr";
        await db.SaveChangesAsync();
        return (product.Id, slug, name);
    });

    /// <summary>Satisfaction rollups: <paramref name="count"/> answers worth <paramref name="points"/> two days ago, and 50 bad ones today (outside the period).</summary>
    private Task<int> AddSatisfactionAsync(int productId, long count, long points) => QueryAsync(factory, async db =>
    {
        var form = new FeedbackForm { ProductId = productId, IsEnabled = true };
        db.FeedbackForms.Add(form);
        var placement = new Placement { ProductId = productId, Form = form, Label = "Fin de démarche", PublicKey = Placement.NewKey() };
        db.Placements.Add(placement);
        await db.SaveChangesAsync();
        db.FeedbackDailyRollups.Add(new FeedbackDailyRollup { ProductId = productId, PlacementId = placement.Id, Day = Demo.Today.AddDays(-2), Count = count, Points = points });
        db.FeedbackDailyRollups.Add(new FeedbackDailyRollup { ProductId = productId, PlacementId = placement.Id, Day = Demo.Today, Count = 50, Points = 0 });
        return await db.SaveChangesAsync();
    });

    /// <summary>Stores choices directly (for the leak test's set-up), then drops the cached dataset.</summary>
    private async Task ChooseAsync(int productId, bool published, bool satisfaction, params int[] indicatorIds)
    {
        await QueryAsync(factory, async db =>
        {
            var record = new ProductOpenData { ProductId = productId, Version = 1 };
            OpenDataRules.Apply(record, new OpenDataInput(published, satisfaction, indicatorIds));
            db.ProductOpenData.Add(record);
            return await db.SaveChangesAsync();
        });
        factory.Services.GetRequiredService<OpenDataCache>().Invalidate();
    }

    private async Task<Dictionary<string, string>> ReadPublicAsync()
    {
        using var anonymous = factory.CreateClientFor(null);
        var bodies = new Dictionary<string, string>();
        foreach (var url in PublicUrls)
        {
            using var response = await anonymous.GetAsync(new Uri(url, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
            bodies[url] = await response.Content.ReadAsStringAsync();
        }
        return bodies;
    }

    [Fact]
    public async Task Team_opts_in_through_the_form_and_the_product_appears_in_every_public_file()
    {
        var (id, slug, name) = await FreshProductAsync("Publication Optée");
        var shown = await TestProducts.NewIndicatorAsync(factory, slug, "Taux visible publié");
        var hidden = await TestProducts.NewIndicatorAsync(factory, slug, "Taux caché non coché");
        await AddSatisfactionAsync(id, count: 120, points: 960);
        using var client = factory.CreateClientFor(Demo.ProductOwner);
        var page = $"/produits/{slug}/donnees-ouvertes";

        // Off by default: the page says so and nothing is public.
        var before = await ReadPublicAsync();
        Assert.DoesNotContain(name, before[Files + "produits.csv"], StringComparison.Ordinal);
        var form = await RenderedForm.ReadAsync(client, page);
        Assert.Equal("non", form["Input.Publish"]);
        var offPage = Html.Text(await Html.ParseAsync(await client.GetAsync(new Uri(page, UriKind.Relative))));
        Assert.Contains("Ce produit n’est pas publié", offPage, StringComparison.Ordinal);

        using var saved = await form.Set("Input.Publish", "oui").Set("Input.Satisfaction", "oui")
            .SetAll("Input.IndicatorIds", [shown.ToString(System.Globalization.CultureInfo.InvariantCulture)]).SubmitAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = await QueryAsync(factory, db => db.ProductOpenData.AsNoTracking().Include(o => o.Indicators).SingleAsync(o => o.ProductId == id));
        Assert.True(stored.IsPublished);
        Assert.True(stored.PublishSatisfaction);
        Assert.Equal([shown], stored.Indicators.Select(i => i.IndicatorId));
        // Audited, in the product's history.
        Assert.True(await QueryAsync(factory, db => db.AuditEntries.AnyAsync(a => a.ProductId == id && a.EntityLabel == "publication en données ouvertes")));

        var files = await ReadPublicAsync();
        var csv = files[Files + "produits.csv"];
        var line = csv.Split('\n').Single(l => l.StartsWith(slug + ",", StringComparison.Ordinal));
        Assert.StartsWith($"{slug},{name},Résumé de {name}.,", line, StringComparison.Ordinal);
        // 120 answers worth 960 points two days ago: 8/10; today's answers are outside the period.
        Assert.Contains($",construction,Construction,https://{slug}.exemple.gouv.fr,publie,8,120,", line, StringComparison.Ordinal);
        Assert.EndsWith(",1", line.TrimEnd('\r'), StringComparison.Ordinal);
        Assert.StartsWith("identifiant,nom,description,direction_code,direction,domaine,phase,phase_libelle,url,satisfaction_statut,satisfaction_indice,satisfaction_avis,satisfaction_debut,satisfaction_fin,indicateurs_publies", csv, StringComparison.Ordinal);
        var indicators = files[Files + "indicateurs.csv"];
        Assert.Contains($"{slug},{name},Taux visible publié,succes,%,hausse,40,2025-01-01,80,,2026-12-31,,,mensuelle", indicators, StringComparison.Ordinal);
        Assert.DoesNotContain("Taux caché non coché", indicators, StringComparison.Ordinal);

        using var json = JsonDocument.Parse(files[Files + "produits.json"]);
        Assert.Equal(OpenDataRules.SchemaVersion, json.RootElement.GetProperty("version_schema").GetString());
        var item = json.RootElement.GetProperty("produits").EnumerateArray().Single(p => p.GetProperty("identifiant").GetString() == slug);
        Assert.Equal(name, item.GetProperty("nom").GetString());
        Assert.Equal(8m, item.GetProperty("satisfaction_indice").GetDecimal());
        Assert.Equal(120, item.GetProperty("satisfaction_avis").GetInt64());
        Assert.Equal("Taux visible publié", item.GetProperty("indicateurs").EnumerateArray().Single().GetProperty("indicateur").GetString());

        using var catalogue = JsonDocument.Parse(files["/donnees-ouvertes/catalogue.jsonld"]);
        Assert.Equal("dcat:Catalog", catalogue.RootElement.GetProperty("@type").GetString());
        var dataset = catalogue.RootElement.GetProperty("dcat:dataset")[0];
        Assert.Equal("dcat:Dataset", dataset.GetProperty("@type").GetString());
        Assert.Equal(OpenDataDocument.LicenceUrlValue, dataset.GetProperty("dct:license").GetProperty("@id").GetString());
        var downloads = dataset.GetProperty("dcat:distribution").EnumerateArray().Select(d => d.GetProperty("dcat:downloadURL").GetProperty("@id").GetString()!).ToList();
        Assert.Contains(downloads, d => d.EndsWith("/donnees-ouvertes/v1/produits.csv", StringComparison.Ordinal) && d.StartsWith("http", StringComparison.Ordinal));
        Assert.All(dataset.GetProperty("dcat:distribution").EnumerateArray(), d => Assert.EndsWith(".json", d.GetProperty("dct:conformsTo").GetProperty("@id").GetString(), StringComparison.Ordinal));
        Assert.NotNull(dataset.GetProperty("dct:modified").GetProperty("@value").GetString());
        Assert.NotNull(dataset.GetProperty("dct:publisher").GetProperty("foaf:name").GetString());

        var html = Html.Text(await Html.ParseAsync(await factory.CreateClientFor(null).GetAsync(new Uri("/donnees-ouvertes", UriKind.Relative))));
        Assert.Contains(name, html, StringComparison.Ordinal);
        Assert.Contains("Taux visible publié", html, StringComparison.Ordinal);
        Assert.Contains("Licence Ouverte", html, StringComparison.Ordinal);

        // The tab shows the row as published.
        var tab = Html.Text(await Html.ParseAsync(await client.GetAsync(new Uri(page, UriKind.Relative))));
        Assert.Contains("Ce produit est publié", tab, StringComparison.Ordinal);
        Assert.Contains("8 / 10 (120 avis", tab, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nothing_not_opted_in_ever_appears_in_any_public_file()
    {
        // Not opted in at all, with an indicator.
        var (notIn, notInSlug, notInName) = await FreshProductAsync("Fuite Produit Absent");
        var notInIndicator = await TestProducts.NewIndicatorAsync(factory, notInSlug, "Fuite Indicateur Absent");
        // Opted in with everything, but archived.
        var (archived, archivedSlug, archivedName) = await FreshProductAsync("Fuite Produit Archivé", archived: true);
        var archivedIndicator = await TestProducts.NewIndicatorAsync(factory, archivedSlug, "Fuite Indicateur Archivé");
        await ChooseAsync(archived, published: true, satisfaction: true, archivedIndicator);
        // Satisfaction and an indicator chosen, the product not published.
        var (unpublished, unpublishedSlug, unpublishedName) = await FreshProductAsync("Fuite Produit Non Publié");
        var unpublishedIndicator = await TestProducts.NewIndicatorAsync(factory, unpublishedSlug, "Fuite Indicateur Non Publié");
        await ChooseAsync(unpublished, published: false, satisfaction: true, unpublishedIndicator);
        // Published with one indicator of two; its satisfaction not published though it has answers.
        var (partial, partialSlug, partialName) = await FreshProductAsync("Publié Partiellement");
        var visible = await TestProducts.NewIndicatorAsync(factory, partialSlug, "Indicateur Publié Visible");
        _ = await TestProducts.NewIndicatorAsync(factory, partialSlug, "Fuite Indicateur Non Coché");
        await AddSatisfactionAsync(partial, count: 300, points: 2100);
        await ChooseAsync(partial, published: true, satisfaction: false, visible);
        _ = (notIn, notInIndicator);

        var files = await ReadPublicAsync();
        var ownerName = await QueryAsync(factory, db => db.People.Where(p => p.Email == Demo.ProductOwner).Select(p => p.DisplayName).SingleAsync());
        foreach (var (url, body) in files)
        {
            foreach (var secret in new[] { notInName, notInSlug, "Fuite Indicateur Absent", archivedName, archivedSlug, "Fuite Indicateur Archivé",
                unpublishedName, unpublishedSlug, "Fuite Indicateur Non Publié", "Fuite Indicateur Non Coché",
                Demo.ProductOwner, ownerName, "@demo.cap.gouv.fr", "parent.inquiet@exemple.fr", "Annuaire Téléconsultation" })
            {
                Assert.False(body.Contains(secret, StringComparison.OrdinalIgnoreCase), $"{url} shows « {secret} ».");
            }
        }
        Assert.Contains(partialName, files[Files + "produits.csv"], StringComparison.Ordinal);
        Assert.Contains("Indicateur Publié Visible", files[Files + "indicateurs.csv"], StringComparison.Ordinal);
        using var json = JsonDocument.Parse(files[Files + "produits.json"]);
        var item = json.RootElement.GetProperty("produits").EnumerateArray().Single(p => p.GetProperty("identifiant").GetString() == partialSlug);
        Assert.Equal("non-publie", item.GetProperty("satisfaction_statut").GetString());
        Assert.Equal(JsonValueKind.Null, item.GetProperty("satisfaction_indice").ValueKind);
        Assert.Equal(JsonValueKind.Null, item.GetProperty("satisfaction_avis").ValueKind);
        // No database id anywhere: no key named id.
        Assert.DoesNotContain(Keys(json.RootElement), k => k.Equals("id", StringComparison.OrdinalIgnoreCase) || k.EndsWith("Id", StringComparison.Ordinal));
    }

    private static IEnumerable<string> Keys(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => e.EnumerateObject().SelectMany(p => Keys(p.Value).Prepend(p.Name)),
        JsonValueKind.Array => e.EnumerateArray().SelectMany(Keys),
        _ => [],
    };

    [Fact]
    public async Task Below_the_minimum_the_count_is_published_not_the_index()
    {
        var (id, slug, _) = await FreshProductAsync("Peu Avis");
        await AddSatisfactionAsync(id, count: 99, points: 990);
        await ChooseAsync(id, published: true, satisfaction: true);
        using var anonymous = factory.CreateClientFor(null);
        using var json = JsonDocument.Parse(await anonymous.GetStringAsync(new Uri(Files + "produits.json", UriKind.Relative)));
        var item = json.RootElement.GetProperty("produits").EnumerateArray().Single(p => p.GetProperty("identifiant").GetString() == slug);
        Assert.Equal("avis-insuffisants", item.GetProperty("satisfaction_statut").GetString());
        Assert.Equal(JsonValueKind.Null, item.GetProperty("satisfaction_indice").ValueKind);
        Assert.Equal(99, item.GetProperty("satisfaction_avis").GetInt64());
    }

    [Fact]
    public async Task Files_are_anonymous_cacheable_and_answer_304_when_unchanged()
    {
        using var anonymous = factory.CreateClientFor(null);
        foreach (var url in PublicUrls.Where(u => u != "/donnees-ouvertes"))
        {
            using var first = await anonymous.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.False(first.Headers.Contains("Set-Cookie"), url);
            Assert.True(first.Headers.CacheControl?.Public, url);
            Assert.True(first.Headers.CacheControl?.MaxAge > TimeSpan.Zero, url);
            Assert.Equal("*", first.Headers.GetValues("Access-Control-Allow-Origin").Single());
            var etag = first.Headers.ETag!;

            using var again = new HttpRequestMessage(HttpMethod.Get, url);
            again.Headers.IfNoneMatch.Add(etag);
            using var notModified = await anonymous.SendAsync(again);
            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
            Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
            Assert.Equal(etag, notModified.Headers.ETag);

            using var other = new HttpRequestMessage(HttpMethod.Get, url);
            other.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"autre\""));
            using var changed = await anonymous.SendAsync(other);
            Assert.Equal(HttpStatusCode.OK, changed.StatusCode);

            if (first.Content.Headers.LastModified is { } lastModified)
            {
                using var since = new HttpRequestMessage(HttpMethod.Get, url);
                since.Headers.IfModifiedSince = lastModified;
                using var sinceAnswer = await anonymous.SendAsync(since);
                Assert.Equal(HttpStatusCode.NotModified, sinceAnswer.StatusCode);
                using var older = new HttpRequestMessage(HttpMethod.Get, url);
                older.Headers.IfModifiedSince = lastModified.AddDays(-1);
                using var olderAnswer = await anonymous.SendAsync(older);
                Assert.Equal(HttpStatusCode.OK, olderAnswer.StatusCode);
            }
        }
        using var csv = await anonymous.GetAsync(new Uri(Files + "produits.csv", UriKind.Relative));
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(csv.Content.Headers.LastModified);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.NotEqual(0xEF, bytes[0]);
    }

    [Fact]
    public async Task A_change_gives_a_new_etag_and_a_later_last_modified()
    {
        using var anonymous = factory.CreateClientFor(null);
        using var before = await anonymous.GetAsync(new Uri(Files + "produits.json", UriKind.Relative));
        var (id, _, _) = await FreshProductAsync("Nouvelle Version");
        await ChooseAsync(id, published: true, satisfaction: false);
        using var again = new HttpRequestMessage(HttpMethod.Get, Files + "produits.json");
        again.Headers.IfNoneMatch.Add(before.Headers.ETag!);
        using var after = await anonymous.SendAsync(again);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
        Assert.True(after.Content.Headers.LastModified >= before.Content.Headers.LastModified);
    }

    [Theory]
    [InlineData("GET", "/donnees-ouvertes/v1/inconnu.csv")]
    [InlineData("GET", "/donnees-ouvertes/v2/produits.csv")]
    [InlineData("GET", "/donnees-ouvertes/v1/produits.csv?format=%00&page=-1")]
    [InlineData("POST", "/donnees-ouvertes/v1/produits.csv")]
    [InlineData("DELETE", "/donnees-ouvertes/catalogue.jsonld")]
    public async Task Malformed_requests_are_refused_without_failing(string method, string url)
    {
        // Unknown files and other methods are like any unknown address of Cap (the sign-in for a visitor); a NUL is refused (400).
        using var anonymous = factory.CreateClientFor(null);
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        using var response = await anonymous.SendAsync(request);
        Assert.True((int)response.StatusCode is >= 300 and < 500, $"{method} {url}: {(int)response.StatusCode}");
    }

    [Theory]
    [InlineData("/donnees-ouvertes/v1/produits.json?x=%FF%FE&page=-1")]
    [InlineData("/donnees-ouvertes/v1/produits.csv?format=xlsx")]
    [InlineData("/donnees-ouvertes?tri=inconnu")]
    public async Task Unknown_query_parameters_are_ignored(string url)
    {
        using var anonymous = factory.CreateClientFor(null);
        using var response = await anonymous.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("If-None-Match", "pas une étiquette")]
    [InlineData("If-None-Match", "\"")]
    [InlineData("If-Modified-Since", "hier")]
    [InlineData("If-Modified-Since", "Mon, 99 Foo 20000 99:99:99 GMT")]
    public async Task Unreadable_conditional_headers_send_the_file(string header, string value)
    {
        using var anonymous = factory.CreateClientFor(null);
        using var request = new HttpRequestMessage(HttpMethod.Get, Files + "produits.csv");
        request.Headers.TryAddWithoutValidation(header, value);
        using var response = await anonymous.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Api_reads_and_replaces_the_choices_with_version_and_refuses_foreign_indicators()
    {
        var (id, slug, name) = await FreshProductAsync("Par Api");
        var mine = await TestProducts.NewIndicatorAsync(factory, slug, "Indicateur par API");
        var foreign = await QueryAsync(factory, db => db.Indicators.Where(i => i.ProductId != id).Select(i => i.Id).FirstAsync());
        using var client = factory.CreateClientFor(Demo.ProductOwner);
        var url = $"/api/v1/products/{slug}/open-data";

        using var read = await ReadJsonAsync(await client.GetAsync(new Uri(url, UriKind.Relative)));
        Assert.False(read.RootElement.GetProperty("isPublished").GetBoolean());
        Assert.Equal(0, read.RootElement.GetProperty("version").GetInt32());
        Assert.Equal(name, read.RootElement.GetProperty("preview").GetProperty("nom").GetString());

        using var missing = await client.PutAsync(new Uri(url, UriKind.Relative), Json(new { isPublished = true }));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        using var other = await client.PutAsync(new Uri(url, UriKind.Relative), Json(new { isPublished = true, publishSatisfaction = false, publishedIndicatorIds = new[] { foreign }, version = 0 }));
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
        Assert.Contains("publishedIndicatorIds", await other.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var saved = await client.PutAsync(new Uri(url, UriKind.Relative), Json(new { isPublished = true, publishSatisfaction = false, publishedIndicatorIds = new[] { mine }, version = 0 }));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        using var body = await ReadJsonAsync(saved);
        Assert.Equal(1, body.RootElement.GetProperty("version").GetInt32());
        Assert.Equal(1, body.RootElement.GetProperty("preview").GetProperty("indicateurs_publies").GetInt32());

        using var stale = await client.PutAsync(new Uri(url, UriKind.Relative), Json(new { isPublished = false, publishSatisfaction = false, publishedIndicatorIds = Array.Empty<int>(), version = 0 }));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        using var anonymous = factory.CreateClientFor(null);
        Assert.Contains(name, await anonymous.GetStringAsync(new Uri(Files + "produits.csv", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Contains("Indicateur par API", await anonymous.GetStringAsync(new Uri(Files + "indicateurs.csv", UriKind.Relative)), StringComparison.Ordinal);
    }
}

public sealed class OpenDataTestsSqlite(SqliteCapFactory factory) : OpenDataTests<SqliteCapFactory>(factory);

public sealed class OpenDataTestsPostgres(PostgresCapFactory factory) : OpenDataTests<PostgresCapFactory>(factory);
