using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Cap.Domain.Catalogue;
using Cap.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Cap.Web.Tests.Infrastructure.TestHttp;

namespace Cap.Web.Tests.Catalogue;

public abstract partial class ProductApiTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : CapWebFactory
{
    private const string ProblemJson = "application/problem+json";

    private static object NewProduct(string name, string? directorate = "DGS", string? summary = "Un produit créé par les tests.") => new
    {
        name,
        summary,
        directorate,
        domain = "SANTE",
        typology = "DOSSIER",
        phase = "idea",
    };

    private async Task<string> CreateAsync(string email, string name)
    {
        using var client = factory.CreateClientFor(email);
        using var body = Json(NewProduct(name));
        using var response = await client.PostAsync("/api/v1/products", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var json = await ReadJsonAsync(response);
        return json.RootElement.GetProperty("slug").GetString()!;
    }

    /// <summary>The status and a ProblemDetails body. The media type is checked in ApiProblemMediaTypeTests (known defect: some answers are application/json).</summary>
    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        using var json = await ReadJsonAsync(response);
        Assert.Equal((int)status, json.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(json.RootElement.GetProperty("title").GetString()));
    }

    private static async Task AssertFieldErrorAsync(HttpResponseMessage response, string field)
    {
        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
        using var json = await ReadJsonAsync(response);
        var errors = json.RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"errors.{field} expected in {errors}");
        Assert.Contains(messages.EnumerateArray(), m => !string.IsNullOrWhiteSpace(m.GetString()));
    }

    private async Task<List<JsonElement>> ListAsync(string query)
    {
        using var client = factory.CreateClientFor(Demo.Administrateur);
        using var response = await client.GetAsync("/api/v1/products" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = await ReadJsonAsync(response);
        return json.RootElement.GetProperty("items").EnumerateArray().Select(e => e.Clone()).ToList();
    }

    // ---- Listing ----

    [Fact]
    public async Task List_filtered_by_domain_returns_only_that_domain()
    {
        var items = await ListAsync("?domain=SANTE&pageSize=100");

        Assert.NotEmpty(items);
        Assert.All(items, i => Assert.Equal("SANTE", i.GetProperty("domain").GetProperty("code").GetString()));
        var expected = await QueryAsync(factory, db => db.Products.CountAsync(p => p.Domain!.Code == "SANTE" && !p.IsArchived));
        Assert.Equal(expected, items.Count);
    }

    [Fact]
    public async Task List_text_search_ignores_accents()
    {
        var items = await ListAsync("?q=sante&pageSize=100");

        Assert.Contains(items, i => i.GetProperty("slug").GetString() == "signal-sante");
        Assert.All(items, i => Assert.Contains("sante", Fold($"{i.GetProperty("name").GetString()} {i.GetProperty("slug").GetString()} {i.GetProperty("summary").GetString()}"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task List_with_status_archives_returns_only_archived_products()
    {
        var items = await ListAsync("?status=archived&pageSize=100");
        var archived = await QueryAsync(factory, db => db.Products.CountAsync(p => p.IsArchived));

        Assert.Equal(archived, items.Count);
        Assert.All(items, i => Assert.True(i.GetProperty("archived").GetBoolean()));
    }

    [Fact]
    public async Task List_sorted_by_name_descending_is_the_reverse_of_by_name()
    {
        var ascending = (await ListAsync("?sort=name&pageSize=100")).Select(i => i.GetProperty("slug").GetString()).ToList();
        var descending = (await ListAsync("?sort=name-desc&pageSize=100")).Select(i => i.GetProperty("slug").GetString()).ToList();

        Assert.True(ascending.Count > 2);
        Assert.Equal(ascending.AsEnumerable().Reverse(), descending);
    }

    [Fact]
    public async Task List_pages_by_page_and_size()
    {
        using var client = factory.CreateClientFor(Demo.Administrateur);
        using var first = await client.GetAsync("/api/v1/products?pageSize=5&page=1");
        using var second = await client.GetAsync("/api/v1/products?pageSize=5&page=2");
        using var one = await ReadJsonAsync(first);
        using var two = await ReadJsonAsync(second);

        Assert.Equal(5, one.RootElement.GetProperty("items").GetArrayLength());
        Assert.Equal(5, one.RootElement.GetProperty("pageSize").GetInt32());
        Assert.Equal(2, two.RootElement.GetProperty("page").GetInt32());
        var total = one.RootElement.GetProperty("total").GetInt32();
        Assert.Equal((total + 4) / 5, one.RootElement.GetProperty("pageCount").GetInt32());
        var firstSlugs = one.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("slug").GetString()).ToList();
        var secondSlugs = two.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("slug").GetString()).ToList();
        Assert.Empty(firstSlugs.Intersect(secondSlugs));
    }

    [Fact]
    public async Task List_with_invalid_phase_answers_400_with_field_errors()
    {
        using var client = factory.CreateClientFor(Demo.Administrateur);

        using var response = await client.GetAsync("/api/v1/products?phase=zzz&pageSize=1000");

        await AssertFieldErrorAsync(response, "phase");
        using var json = await ReadJsonAsync(response);
        Assert.True(json.RootElement.GetProperty("errors").TryGetProperty("pageSize", out _));
    }

    // ---- Reading ----

    [Fact]
    public async Task Get_product_answers_the_product_with_its_team()
    {
        using var client = factory.CreateClientFor(Demo.Lecteur);

        using var response = await client.GetAsync($"/api/v1/products/{Demo.JourneyProductSlug}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = await ReadJsonAsync(response);
        Assert.Equal(Demo.JourneyProductSlug, json.RootElement.GetProperty("slug").GetString());
        Assert.Contains(json.RootElement.GetProperty("team").EnumerateArray(),
            m => m.GetProperty("email").GetString() == Demo.ProductOwner && m.GetProperty("role").GetString() == "product-owner");
    }

    [Fact]
    public async Task Get_unknown_product_answers_404_problem_details()
    {
        using var client = factory.CreateClientFor(Demo.Lecteur);

        using var response = await client.GetAsync("/api/v1/products/inexistant");

        await AssertProblemAsync(response, HttpStatusCode.NotFound);
        using var json = await ReadJsonAsync(response);
        Assert.Equal(404, json.RootElement.GetProperty("status").GetInt32());
        Assert.Contains("inexistant", json.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    // ---- Creating ----

    [Fact]
    public async Task Create_answers_201_with_location_and_makes_the_author_product_owner()
    {
        using var client = factory.CreateClientFor(Demo.Coach);
        using var body = Json(NewProduct("Création API Coach"));

        using var response = await client.PostAsync("/api/v1/products", body);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/api/v1/products/creation-api-coach", response.Headers.Location?.OriginalString);
        using var json = await ReadJsonAsync(response);
        Assert.Equal("creation-api-coach", json.RootElement.GetProperty("slug").GetString());
        var team = json.RootElement.GetProperty("team").EnumerateArray().ToList();
        var author = Assert.Single(team);
        Assert.Equal(Demo.Coach, author.GetProperty("email").GetString());
        Assert.Equal("product-owner", author.GetProperty("role").GetString());
        using var read = await client.GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Fact]
    public async Task Create_with_unknown_directorate_answers_400_on_directorate()
    {
        using var client = factory.CreateClientFor(Demo.Coach);
        using var body = Json(NewProduct("Direction inconnue", directorate: "NOPE"));

        using var response = await client.PostAsync("/api/v1/products", body);

        await AssertFieldErrorAsync(response, "directorate");
    }

    [Fact]
    public async Task Create_without_name_answers_400_on_name()
    {
        using var client = factory.CreateClientFor(Demo.Coach);
        using var body = Json(new { summary = "Sans nom", directorate = "DGS", domain = "SANTE", typology = "DOSSIER" });

        using var response = await client.PostAsync("/api/v1/products", body);

        await AssertFieldErrorAsync(response, "name");
    }

    [Fact]
    public async Task Create_with_summary_over_500_characters_answers_400_on_summary()
    {
        using var client = factory.CreateClientFor(Demo.Coach);
        using var body = Json(NewProduct("Résumé trop long", summary: new string('a', 501)));

        using var response = await client.PostAsync("/api/v1/products", body);

        await AssertFieldErrorAsync(response, "summary");
    }

    [Fact]
    public async Task Create_with_a_slug_already_taken_answers_409_problem_details()
    {
        using var client = factory.CreateClientFor(Demo.Coach);
        using var body = Json(NewProduct("Vaccin Suivi"));

        using var response = await client.PostAsync("/api/v1/products", body);

        await AssertProblemAsync(response, HttpStatusCode.Conflict);
        using var json = await ReadJsonAsync(response);
        Assert.Contains(Demo.JourneyProductSlug, json.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_with_malformed_json_answers_400_problem_details()
    {
        using var client = factory.CreateClientFor(Demo.Coach);
        using var body = RawJson("{\"name\": \"Cassé\", ");

        using var response = await client.PostAsync("/api/v1/products", body);

        // Never a 500; the problem+json body is checked in ApiProblemMediaTypeTests (known defect).
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(await QueryAsync(factory, db => db.Products.AnyAsync(p => p.Name == "Cassé")));
    }

    [Fact]
    public async Task Create_with_a_wrongly_typed_field_answers_400()
    {
        using var client = factory.CreateClientFor(Demo.Coach);
        using var body = RawJson("{\"name\": \"Mauvais type\", \"summary\": \"x\", \"directorate\": \"DGS\", \"domain\": \"SANTE\", \"typology\": \"DOSSIER\", \"version\": \"abc\"}");

        using var response = await client.PostAsync("/api/v1/products", body);

        // Never a 500; errors.version in a problem+json body is checked in ApiProblemMediaTypeTests (known defect).
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(await QueryAsync(factory, db => db.Products.AnyAsync(p => p.Name == "Mauvais type")));
    }

    [Fact]
    public async Task Create_with_a_body_over_8_MiB_answers_413()
    {
        using var client = factory.CreateClientFor(Demo.Coach);
        var big = new StringBuilder("{\"name\": \"Gros\", \"summary\": \"");
        big.Append('a', (8 * 1024 * 1024) + 16).Append("\"}");
        using var body = RawJson(big.ToString());

        using var response = await client.PostAsync("/api/v1/products", body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Create_by_a_reader_only_person_is_forbidden()
    {
        using var client = factory.CreateClientFor(Demo.Lecteur);
        using var body = Json(NewProduct("Création lecteur"));

        using var response = await client.PostAsync("/api/v1/products", body);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(await QueryAsync(factory, db => db.Products.AnyAsync(p => p.Slug == "creation-lecteur")));
    }

    // ---- Updating ----

    private static object Update(JsonElement product, string summary, int? version) => new
    {
        name = product.GetProperty("name").GetString(),
        slug = product.GetProperty("slug").GetString(),
        summary,
        directorate = product.GetProperty("directorate").GetProperty("code").GetString(),
        domain = product.GetProperty("domain").GetProperty("code").GetString(),
        typology = product.GetProperty("typology").GetProperty("code").GetString(),
        phase = product.GetProperty("phase").GetString(),
        version,
    };

    private static async Task<JsonElement> ReadProductAsync(HttpClient client, string slug)
    {
        using var response = await client.GetAsync($"/api/v1/products/{slug}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = await ReadJsonAsync(response);
        return json.RootElement.Clone();
    }

    [Fact]
    public async Task Update_with_the_current_version_answers_200_and_increments_the_version()
    {
        var slug = await CreateAsync(Demo.ProductOwner, "Mise à jour API");
        using var client = factory.CreateClientFor(Demo.ProductOwner);
        var product = await ReadProductAsync(client, slug);
        var version = product.GetProperty("version").GetInt32();
        using var body = Json(Update(product, "Résumé modifié par l’API.", version));

        using var response = await client.PutAsync($"/api/v1/products/{slug}", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = await ReadJsonAsync(response);
        Assert.Equal(version + 1, json.RootElement.GetProperty("version").GetInt32());
        Assert.Equal("Résumé modifié par l’API.", json.RootElement.GetProperty("summary").GetString());
    }

    [Fact]
    public async Task Update_with_a_stale_version_answers_409_with_the_current_version()
    {
        var slug = await CreateAsync(Demo.ProductOwner, "Version périmée API");
        using var client = factory.CreateClientFor(Demo.ProductOwner);
        var product = await ReadProductAsync(client, slug);
        var version = product.GetProperty("version").GetInt32();
        using (var first = Json(Update(product, "Première modification.", version)))
        using (var ok = await client.PutAsync($"/api/v1/products/{slug}", first))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }
        using var stale = Json(Update(product, "Seconde modification, version périmée.", version));

        using var response = await client.PutAsync($"/api/v1/products/{slug}", stale);

        await AssertProblemAsync(response, HttpStatusCode.Conflict);
        using var json = await ReadJsonAsync(response);
        Assert.Equal(version + 1, json.RootElement.GetProperty("currentVersion").GetInt32());
        Assert.Equal("Première modification.", (await ReadProductAsync(client, slug)).GetProperty("summary").GetString());
    }

    [Fact]
    public async Task Update_without_version_answers_400_on_version()
    {
        using var client = factory.CreateClientFor(Demo.ProductOwner);
        var product = await ReadProductAsync(client, Demo.JourneyProductSlug);
        using var body = Json(Update(product, "Sans version.", null));

        using var response = await client.PutAsync($"/api/v1/products/{Demo.JourneyProductSlug}", body);

        await AssertFieldErrorAsync(response, "version");
    }

    [Fact]
    public async Task Update_by_a_person_outside_the_team_is_forbidden()
    {
        var outsider = await OutsiderAsync(factory, Demo.JourneyProductSlug);
        using var client = factory.CreateClientFor(outsider.Email);
        var product = await ReadProductAsync(client, Demo.JourneyProductSlug);
        using var body = Json(Update(product, "Pas mon produit.", product.GetProperty("version").GetInt32()));

        using var response = await client.PutAsync($"/api/v1/products/{Demo.JourneyProductSlug}", body);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Update_by_a_reader_only_person_is_forbidden()
    {
        using var client = factory.CreateClientFor(Demo.Lecteur);
        var product = await ReadProductAsync(client, Demo.JourneyProductSlug);
        using var body = Json(Update(product, "Lecture seule.", product.GetProperty("version").GetInt32()));

        using var response = await client.PutAsync($"/api/v1/products/{Demo.JourneyProductSlug}", body);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    // ---- Archiving ----

    [Fact]
    public async Task Owner_archives_then_restores_and_the_lists_follow()
    {
        var slug = await CreateAsync(Demo.ProductOwner, "Archivage API");
        using var client = factory.CreateClientFor(Demo.ProductOwner);

        using (var archive = await client.PostAsync($"/api/v1/products/{slug}/archive", null))
        {
            Assert.Equal(HttpStatusCode.OK, archive.StatusCode);
            using var json = await ReadJsonAsync(archive);
            Assert.True(json.RootElement.GetProperty("archived").GetBoolean());
        }
        Assert.DoesNotContain(await ListAsync("?q=archivage&pageSize=100"), i => i.GetProperty("slug").GetString() == slug);
        Assert.Contains(await ListAsync("?q=archivage&status=archived&pageSize=100"), i => i.GetProperty("slug").GetString() == slug);

        using (var restore = await client.PostAsync($"/api/v1/products/{slug}/restore", null))
        {
            Assert.Equal(HttpStatusCode.OK, restore.StatusCode);
        }
        Assert.Contains(await ListAsync("?q=archivage&pageSize=100"), i => i.GetProperty("slug").GetString() == slug);
    }

    [Fact]
    public async Task Archive_by_a_plain_team_member_is_forbidden()
    {
        var member = await MemberEmailAsync(factory, Demo.JourneyProductSlug, ProductRole.MembreEquipe);
        using var client = factory.CreateClientFor(member);

        using var response = await client.PostAsync($"/api/v1/products/{Demo.JourneyProductSlug}/archive", null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(await QueryAsync(factory, db => db.Products.Where(p => p.Slug == Demo.JourneyProductSlug).Select(p => p.IsArchived).SingleAsync()));
    }

    // ---- Reference lists ----

    private async Task<List<JsonElement>> ReferenceAsync(string path)
    {
        using var client = factory.CreateClientFor(Demo.Lecteur);
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = await ReadJsonAsync(response);
        return json.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
    }

    [Fact]
    public async Task Reference_lists_give_their_codes()
    {
        var directorates = await ReferenceAsync("/api/v1/directorates");
        Assert.Equal(7, directorates.Count);
        Assert.Contains(directorates, d => d.GetProperty("code").GetString() == "DGS");

        var domains = await ReferenceAsync("/api/v1/domains");
        Assert.Contains(domains, d => d.GetProperty("code").GetString() == "SANTE");

        Assert.Equal(10, (await ReferenceAsync("/api/v1/typologies")).Count);

        var priorities = await ReferenceAsync("/api/v1/priorities");
        Assert.NotEmpty(priorities);
        Assert.All(priorities, p => Assert.False(string.IsNullOrEmpty(p.GetProperty("code").GetString())));
    }

    [Fact]
    public async Task Phases_are_listed_in_life_cycle_order()
    {
        var phases = await ReferenceAsync("/api/v1/phases");

        Assert.Equal(["idea", "poc", "mvp", "construction", "generalisation", "stopped"], phases.Select(p => p.GetProperty("code").GetString()));
        Assert.Equal([1, 2, 3, 4, 5, 6], phases.Select(p => p.GetProperty("order").GetInt32()));
    }

    // ---- Personal API tokens ----

    [Fact]
    public async Task Personal_token_authenticates_until_revoked_and_only_its_hash_is_stored()
    {
        using var browser = factory.CreateClientFor(Demo.Coach);
        using var created = await CapWebFactory.PostForgedAsync(browser, "/compte",
            new Dictionary<string, string> { ["Input.Name"] = "Jeton de test" }, "/compte?handler=Create");
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var html = await created.Content.ReadAsStringAsync();
        var secret = SecretPattern().Match(html).Groups[1].Value;
        Assert.StartsWith("cap_", secret, StringComparison.Ordinal);

        var token = await QueryAsync(factory, db => db.ApiTokens.AsNoTracking().SingleAsync(t => t.Name == "Jeton de test"));
        Assert.Equal(Cap.Domain.Platform.ApiToken.HashSecret(secret), token.Hash);
        Assert.DoesNotContain(secret, token.Hash, StringComparison.Ordinal);
        Assert.True(secret.Length > token.Prefix.Length);
        var rows = await QueryAsync(factory, db => db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "ApiToken").Select(a => a.After ?? string.Empty).ToListAsync());
        Assert.All(rows, r => Assert.DoesNotContain(secret, r, StringComparison.Ordinal));

        using (var api = WithBearer(factory.CreateClientFor(null), secret))
        using (var me = await api.GetAsync("/api/v1/me"))
        {
            Assert.Equal(HttpStatusCode.OK, me.StatusCode);
            using var json = await ReadJsonAsync(me);
            Assert.Equal(Demo.Coach, json.RootElement.GetProperty("email").GetString());
        }

        using var revoked = await CapWebFactory.PostForgedAsync(browser, "/compte",
            new Dictionary<string, string>(), $"/compte?handler=Revoke&id={token.Id}");
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);

        using var after = WithBearer(factory.CreateClientFor(null), secret);
        using var refused = await after.GetAsync("/api/v1/me");
        await AssertProblemAsync(refused, HttpStatusCode.Unauthorized);
        Assert.Equal(ProblemJson, refused.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Garbage_bearer_token_answers_401_problem_details()
    {
        using var client = WithBearer(factory.CreateClientFor(null), "cap_nimportequoi");

        using var response = await client.GetAsync("/api/v1/me");

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
    }

    private static string Fold(string? text) =>
        new string((text ?? string.Empty).Normalize(NormalizationForm.FormD)
            .Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark).ToArray())
            .ToLowerInvariant();

    [GeneratedRegex("id=\"new-token\">(cap_[A-Za-z0-9_-]+)<")]
    private static partial Regex SecretPattern();
}

public sealed class ProductApiTestsSqlite(SqliteCapFactory factory) : ProductApiTests<SqliteCapFactory>(factory);

public sealed class ProductApiTestsPostgres(PostgresCapFactory factory) : ProductApiTests<PostgresCapFactory>(factory);
