using System.Net;
using Cap.Domain.Catalogue;
using Cap.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Cap.Web.Tests.Infrastructure.TestHttp;

namespace Cap.Web.Tests.Catalogue;

/// <summary>
/// Every API error is an RFC 9457 ProblemDetails served as application/problem+json, and a
/// person whose only role is Lecteur never writes. These tests fail on the current src/ (see the
/// report that came with them): they state the behaviour to fix.
/// </summary>
public abstract class ApiProblemMediaTypeTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : CapWebFactory
{
    private const string ProblemJson = "application/problem+json";

    [Fact]
    public async Task Unknown_product_is_a_problem_json_404()
    {
        using var client = factory.CreateClientFor(Demo.Lecteur);

        using var response = await client.GetAsync("/api/v1/products/inexistant");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Duplicate_slug_is_a_problem_json_409()
    {
        using var client = factory.CreateClientFor(Demo.Coach);
        using var body = Json(new { name = "Vaccin Suivi", summary = "Doublon.", directorate = "DGS", domain = "SANTE", typology = "DOSSIER" });

        using var response = await client.PostAsync("/api/v1/products", body);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Stale_version_is_a_problem_json_409()
    {
        using var client = factory.CreateClientFor(Demo.ProductOwner);
        var version = await QueryAsync(factory, db => db.Products.Where(p => p.Slug == Demo.JourneyProductSlug).Select(p => p.Version).SingleAsync());
        using var body = Json(new { name = "Vaccin Suivi", summary = "Version périmée.", directorate = "DGS", domain = "SANTE", typology = "DOSSIER", version = version - 1 });

        using var response = await client.PutAsync($"/api/v1/products/{Demo.JourneyProductSlug}", body);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Malformed_json_is_a_problem_json_400()
    {
        using var client = factory.CreateClientFor(Demo.Coach);
        using var body = RawJson("{\"name\": \"Cassé\", ");

        using var response = await client.PostAsync("/api/v1/products", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
        using var json = await ReadJsonAsync(response);
        Assert.True(json.RootElement.TryGetProperty("errors", out _));
    }

    [Fact]
    public async Task Wrongly_typed_field_is_a_problem_json_400_naming_the_field()
    {
        using var client = factory.CreateClientFor(Demo.Coach);
        using var body = RawJson("{\"name\": \"Mauvais type\", \"summary\": \"x\", \"directorate\": \"DGS\", \"domain\": \"SANTE\", \"typology\": \"DOSSIER\", \"version\": \"abc\"}");

        using var response = await client.PostAsync("/api/v1/products", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
        using var json = await ReadJsonAsync(response);
        Assert.True(json.RootElement.GetProperty("errors").TryGetProperty("version", out _));
    }

    [Fact]
    public async Task Reader_only_person_in_a_team_still_cannot_edit_the_product()
    {
        // Access.cs: "a person whose only role is Lecteur never writes".
        using (var owner = factory.CreateClientFor(Demo.ProductOwner))
        {
            var helene = await PersonIdAsync(factory, Demo.Lecteur);
            using var added = await CapWebFactory.PostFormAsync(owner, $"/produits/{Demo.JourneyProductSlug}/equipe", new Dictionary<string, string>
            {
                ["Input.PersonId"] = helene.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Input.Role"] = nameof(ProductRole.MembreEquipe),
            }, $"/produits/{Demo.JourneyProductSlug}/equipe?handler=Add");
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }
        using var client = factory.CreateClientFor(Demo.Lecteur);
        var version = await QueryAsync(factory, db => db.Products.Where(p => p.Slug == Demo.JourneyProductSlug).Select(p => p.Version).SingleAsync());
        using var body = Json(new { name = "Vaccin Suivi", summary = "Écrit par une lectrice.", directorate = "DGS", domain = "SANTE", typology = "DOSSIER", version });

        using var response = await client.PutAsync($"/api/v1/products/{Demo.JourneyProductSlug}", body);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        using var page = await client.GetAsync($"/produits/{Demo.JourneyProductSlug}/modifier");
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
    }
}

public sealed class ApiProblemMediaTypeTestsSqlite(SqliteCapFactory factory) : ApiProblemMediaTypeTests<SqliteCapFactory>(factory);

public sealed class ApiProblemMediaTypeTestsPostgres(PostgresCapFactory factory) : ApiProblemMediaTypeTests<PostgresCapFactory>(factory);
