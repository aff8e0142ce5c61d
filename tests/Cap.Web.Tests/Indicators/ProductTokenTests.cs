using System.Net;
using System.Text.RegularExpressions;
using Cap.Domain.Catalogue;
using Cap.Domain.Steering;
using Cap.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Cap.Web.Tests.Infrastructure.TestHttp;

namespace Cap.Web.Tests.Indicators;

/// <summary>Product-scoped API tokens: created by owners, limited to the product's indicators, revocable.</summary>
public abstract partial class ProductTokenTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : CapWebFactory
{
    private const string Page = $"/produits/{Demo.JourneyProductSlug}/indicateurs/jetons";
    private const string ProblemJson = "application/problem+json";

    private async Task<string> CreateTokenAsync(string name, string ownerEmail = Demo.ProductOwner)
    {
        using var owner = factory.CreateClientFor(ownerEmail);
        using var created = await CapWebFactory.PostFormAsync(owner, Page, new Dictionary<string, string> { ["Input.Name"] = name, ["Input.Days"] = "30" }, $"{Page}?handler=Create");
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var secret = SecretPattern().Match(await created.Content.ReadAsStringAsync()).Groups[1].Value;
        Assert.StartsWith("cap_", secret, StringComparison.Ordinal);
        return secret;
    }

    private async Task<int> NewIndicatorAsync(string name)
    {
        using var owner = factory.CreateClientFor(Demo.ProductOwner);
        var today = Demo.Today;
        using var response = await owner.PostAsync($"/api/v1/products/{Demo.JourneyProductSlug}/indicators", Json(new
        {
            kind = "success", name, unit = "percent", direction = "up", baseline = 10m, baselineDate = today.AddMonths(-6).ToString("yyyy-MM-dd"),
            target = 80m, targetDate = today.AddMonths(6).ToString("yyyy-MM-dd"), frequency = "weekly",
        }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var json = await ReadJsonAsync(response);
        return json.RootElement.GetProperty("id").GetInt32();
    }

    private static StringContent Points(params (string Date, decimal Value)[] points) =>
        Json(points.Select(p => new { date = p.Date, value = p.Value }).ToArray());

    [Fact]
    public async Task Product_token_pushes_measurements_to_its_product_only_and_is_audited_under_its_name()
    {
        var secret = await CreateTokenAsync("Flux entrepôt");
        var token = await QueryAsync(factory, db => db.ApiTokens.AsNoTracking().SingleAsync(t => t.Name == "Flux entrepôt"));
        Assert.Equal(await QueryAsync(factory, db => db.Products.Where(p => p.Slug == Demo.JourneyProductSlug).Select(p => (int?)p.Id).SingleAsync()), token.ProductId);
        Assert.Equal(ApiTokenHash(secret), token.Hash);

        var own = await NewIndicatorAsync("Taux alimenté par jeton");
        var day = Demo.Today.AddDays(-2).ToString("yyyy-MM-dd");
        using var api = WithBearer(factory.CreateClientFor(null), secret);
        using (var pushed = await api.PostAsync($"/api/v1/products/{Demo.JourneyProductSlug}/indicators/{own}/measurements", Points((day, 42.5m))))
        {
            Assert.Equal(HttpStatusCode.OK, pushed.StatusCode);
        }
        var stored = await QueryAsync(factory, db => db.Measurements.AsNoTracking().SingleAsync(m => m.IndicatorId == own && m.Date == DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(42.5m, stored.Value);
        Assert.Equal(MeasurementSource.Api, stored.Source);
        var actor = await QueryAsync(factory, db => db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "Measurement" && a.EntityId == own.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .OrderByDescending(a => a.Id).Select(a => a.ActorName).FirstAsync());
        Assert.Contains("jeton produit « Flux entrepôt »", actor, StringComparison.Ordinal);

        using (var read = await api.GetAsync($"/api/v1/products/{Demo.JourneyProductSlug}/indicators"))
        {
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        }

        // Another product's indicators, the catalogue, and indicator definitions are out of its reach.
        var otherSlug = await QueryAsync(factory, db => db.Indicators.Where(i => i.Product!.Slug != Demo.JourneyProductSlug).OrderBy(i => i.Id).Select(i => i.Product!.Slug).FirstAsync());
        var other = await QueryAsync(factory, db => db.Indicators.Where(i => i.Product!.Slug == otherSlug).OrderBy(i => i.Id).Select(i => i.Id).FirstAsync());
        var before = await QueryAsync(factory, db => db.Measurements.CountAsync(m => m.IndicatorId == other));
        foreach (var request in new Func<Task<HttpResponseMessage>>[]
                 {
                     () => api.PostAsync($"/api/v1/products/{otherSlug}/indicators/{other}/measurements", Points((day, 1m))),
                     () => api.GetAsync($"/api/v1/products/{otherSlug}/indicators"),
                     () => api.GetAsync("/api/v1/products"),
                     () => api.DeleteAsync($"/api/v1/products/{Demo.JourneyProductSlug}/indicators/{own}"),
                     () => api.GetAsync($"/produits/{Demo.JourneyProductSlug}/indicateurs"),
                 })
        {
            using var refused = await request();
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal(ProblemJson, refused.Content.Headers.ContentType?.MediaType);
        }
        Assert.Equal(before, await QueryAsync(factory, db => db.Measurements.CountAsync(m => m.IndicatorId == other)));
        Assert.True(await QueryAsync(factory, db => db.Indicators.AnyAsync(i => i.Id == own)));
    }

    [Fact]
    public async Task Longest_token_name_is_clipped_in_the_authors_and_the_trail()
    {
        // An owner with the longest display name and a token with the longest name: the author name must still fit.
        const string email = "proprietaire.au.nom.long@sante.gouv.fr";
        await QueryAsync(factory, async db =>
        {
            var person = new Cap.Domain.Platform.Person { Email = email, DisplayName = new string('P', Cap.Domain.Platform.Person.NameMaxLength), IsActive = true };
            db.People.Add(person);
            await db.SaveChangesAsync();
            var productId = await db.Products.Where(p => p.Slug == Demo.JourneyProductSlug).Select(p => p.Id).SingleAsync();
            db.TeamMembers.Add(new TeamMember { ProductId = productId, PersonId = person.Id, Role = ProductRole.ResponsableProduit });
            return await db.SaveChangesAsync();
        });
        var secret = await CreateTokenAsync(new string('n', Cap.Domain.Platform.ApiToken.NameMaxLength), email);
        var own = await NewIndicatorAsync("Taux jeton long");
        using var api = WithBearer(factory.CreateClientFor(null), secret);
        using var pushed = await api.PostAsync($"/api/v1/products/{Demo.JourneyProductSlug}/indicators/{own}/measurements",
            Points((Demo.Today.AddDays(-1).ToString("yyyy-MM-dd"), 12m)));
        Assert.Equal(HttpStatusCode.OK, pushed.StatusCode);
        var author = await QueryAsync(factory, db => db.Measurements.Where(m => m.IndicatorId == own).Select(m => m.AuthorName).SingleAsync());
        Assert.Equal(120, author.Length);
        Assert.EndsWith("…", author, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoked_product_token_no_longer_authenticates()
    {
        var secret = await CreateTokenAsync("Flux à révoquer");
        var id = await QueryAsync(factory, db => db.ApiTokens.Where(t => t.Name == "Flux à révoquer").Select(t => t.Id).SingleAsync());
        using var owner = factory.CreateClientFor(Demo.ProductOwner);
        using (var revoked = await CapWebFactory.PostFormAsync(owner, Page, new Dictionary<string, string>(), $"{Page}?handler=Revoke&id={id}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        }
        using var api = WithBearer(factory.CreateClientFor(null), secret);
        using var refused = await api.GetAsync($"/api/v1/products/{Demo.JourneyProductSlug}/indicators");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains(await QueryAsync(factory, db => db.AuditEntries.Where(a => a.EntityType == "ApiToken" && a.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture)).Select(a => a.ProductId).ToListAsync()),
            p => p is not null);
    }

    [Fact]
    public async Task Team_sees_the_tokens_only_owners_create_them_and_personal_lists_stay_apart()
    {
        await CreateTokenAsync("Flux visible");
        var member = await MemberEmailAsync(factory, Demo.JourneyProductSlug, ProductRole.MembreEquipe);
        using (var client = factory.CreateClientFor(member))
        {
            using var page = await client.GetAsync(Page);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var document = await Html.ParseAsync(page);
            Assert.Contains("Flux visible", Html.Text(document), StringComparison.Ordinal);
            Assert.Contains("Karim Benali", Html.Text(document), StringComparison.Ordinal);
            Assert.Null(document.QuerySelector("form[action*='handler=Create']"));
            // The member's page has no form: the antiforgery token is taken from their account page.
            using var create = await CapWebFactory.PostForgedAsync(client, "/compte", new Dictionary<string, string> { ["Input.Name"] = "Pirate" }, $"{Page}?handler=Create");
            Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        }
        using (var reader = factory.CreateClientFor(Demo.Lecteur))
        using (var denied = await reader.GetAsync(Page))
        {
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        }
        using (var owner = factory.CreateClientFor(Demo.ProductOwner))
        {
            using var account = await owner.GetAsync("/compte");
            Assert.DoesNotContain("Flux visible", await account.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            using var bad = await CapWebFactory.PostFormAsync(owner, Page, new Dictionary<string, string> { ["Input.Name"] = " ", ["Input.Days"] = "400" }, $"{Page}?handler=Create");
            var document = await Html.ParseAsync(bad);
            Assert.Equal("Donnez un nom au jeton (par exemple « Import mensuel des mesures »).", document.QuerySelector("#Input_Name-messages")?.TextContent.Trim());
            Assert.Equal("La durée de validité va de 1 à 365 jours.", document.QuerySelector("#Input_Days-messages")?.TextContent.Trim());
        }
    }

    private static string ApiTokenHash(string secret) => Cap.Domain.Platform.ApiToken.HashSecret(secret);

    [GeneratedRegex("id=\"new-token\">(cap_[A-Za-z0-9_-]+)<")]
    private static partial Regex SecretPattern();
}

public sealed class ProductTokenTestsSqlite(SqliteCapFactory factory) : ProductTokenTests<SqliteCapFactory>(factory);

public sealed class ProductTokenTestsPostgres(PostgresCapFactory factory) : ProductTokenTests<PostgresCapFactory>(factory);
