using System.Net;
using System.Text;
using System.Text.Json;
using Cap.Web.Shared.Problems;
using Cap.Web.Tests.Fuzz;
using Cap.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cap.Web.Tests.Platform;

/// <summary>
/// The malformed bodies that once reached a handler (a <c>null</c> body to a coaching transition: 500), for every
/// operation that takes a body, and the concurrent writes that once escaped as 500 (DbUpdateConcurrencyException).
/// </summary>
public abstract class MalformedRequestTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : CapWebFactory
{
    [Theory]
    [InlineData("null")]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("[{\"version\":1}]")]
    [InlineData("\"texte\"")]
    [InlineData("42")]
    [InlineData("{\"version\":")]
    public async Task A_body_that_is_not_an_object_is_a_400_problem_on_every_operation(string body)
    {
        using var client = factory.CreateClientFor(Demo.Administrateur);
        var api = ApiDescription.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        // The intake has its own tests; an operation that takes a list takes "[]" and a list of objects.
        var operations = api.Operations.Where(o => o.BodySchema is not null && !o.PathTemplate.Contains("{key}", StringComparison.Ordinal)
            && !(body.StartsWith('[') && o.BodySchema.Type?.HasFlag(Microsoft.OpenApi.JsonSchemaType.Array) == true)).ToList();
        Assert.True(operations.Count > 30);
        var slug = Demo.JourneyProductSlug;
        var requestId = await TestHttp.QueryAsync(factory, db => db.CoachingRequests.OrderBy(r => r.Id).Select(r => r.Id).FirstAsync());
        foreach (var operation in operations)
        {
            // Real-looking path values: the body is refused before anything is looked up.
            var url = operation.PathTemplate.Replace("{slug}", slug, StringComparison.Ordinal)
                .Replace("{id}", requestId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{actionId}", "1", StringComparison.Ordinal).Replace("{number}", "1", StringComparison.Ordinal)
                .Replace("{memberId}", "1", StringComparison.Ordinal).Replace("{mappingId}", "1", StringComparison.Ordinal);
            using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(operation.Method), new Uri(url, UriKind.Relative))
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            });
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{operation.Name} with body «{body}» answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(400, problem.RootElement.GetProperty("status").GetInt32());
            Assert.False(string.IsNullOrEmpty(problem.RootElement.GetProperty("title").GetString()));
        }
    }

    [Fact]
    public async Task Text_holding_a_nul_character_is_a_400_problem_naming_the_field()
    {
        // PostgreSQL cannot store U+0000 nor take it as a parameter (found by the fuzz test on PostgreSQL: 500).
        using var client = factory.CreateClientFor(Demo.Administrateur);
        var before = await TestHttp.QueryAsync(factory, db => db.Products.CountAsync());

        using var response = await client.PostAsync(new Uri("/api/v1/products", UriKind.Relative), new StringContent(
            """{"name":"Produit nul","summary":"Résumé\u0000.","directorate":"DGS","domain":"SANTE","typology":"DOSSIER","phase":"idea"}""",
            Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(NullCharacterGuard.FieldMessage, problem.RootElement.GetProperty("errors").GetProperty("summary")[0].GetString());
        Assert.Equal(before, await TestHttp.QueryAsync(factory, db => db.Products.CountAsync()));
    }

    [Fact]
    public async Task A_query_value_holding_a_nul_character_is_a_400_a_problem_for_the_api_the_french_page_for_screens()
    {
        using var client = factory.CreateClientFor(Demo.Administrateur);

        using var api = await client.GetAsync(new Uri("/api/v1/products?directorate=DGS%00", UriKind.Relative));
        using var screen = await client.GetAsync(new Uri("/produits?q=vaccin%00", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await api.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("directorate", out _), problem.RootElement.ToString());
        Assert.Equal(HttpStatusCode.BadRequest, screen.StatusCode);
        using var page = await Html.ParseAsync(screen);
        Assert.Equal("Requête invalide", page.QuerySelector("h1")?.TextContent.Trim());
    }

    [Fact]
    public async Task Scheduling_a_coaching_request_with_a_null_body_is_a_400_problem()
    {
        using var client = factory.CreateClientFor(Demo.Coach);
        var id = await TestHttp.QueryAsync(factory, db => db.CoachingRequests.OrderBy(r => r.Id).Select(r => r.Id).FirstAsync());

        using var response = await client.PostAsync(new Uri($"/api/v1/coaching/requests/{id}/schedule", UriKind.Relative), TestHttp.RawJson("null"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = await TestHttp.ReadJsonAsync(response);
        Assert.Contains("null", problem.RootElement.GetProperty("errors").GetProperty("$")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_sent_as_text_is_a_415_problem()
    {
        using var client = factory.CreateClientFor(Demo.Administrateur);

        using var response = await client.PutAsync(new Uri($"/api/v1/products/{Demo.JourneyProductSlug}", UriKind.Relative),
            new StringContent("{\"name\":\"x\"}", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Concurrent_archives_of_one_product_answer_200_or_409_never_500()
    {
        var slug = await TestHttp.QueryAsync(factory, db => db.Products.Where(p => !p.IsArchived && p.Slug != Demo.JourneyProductSlug).OrderBy(p => p.Id).Select(p => p.Slug).FirstAsync());
        using var client = factory.CreateClientFor(Demo.Administrateur);

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            client.PostAsync(new Uri($"/api/v1/products/{slug}/archive", UriKind.Relative), content: null)));

        foreach (var response in responses)
        {
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"archive answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            response.Dispose();
        }
        Assert.True(await TestHttp.QueryAsync(factory, db => db.Products.Where(p => p.Slug == slug).Select(p => p.IsArchived).SingleAsync()));
    }

    [Fact]
    public async Task A_write_that_lost_a_race_is_a_409_problem()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        http.Request.Path = "/api/v1/products/x/archive";
        http.Response.Body = new MemoryStream();
        var handler = new ProblemDetailsExceptionHandler(NullLogger<ProblemDetailsExceptionHandler>.Instance);

        var handled = await handler.TryHandleAsync(http, new DbUpdateConcurrencyException("lost"), CancellationToken.None);

        Assert.True(handled);
        Assert.Equal(StatusCodes.Status409Conflict, http.Response.StatusCode);
        Assert.StartsWith("application/problem+json", http.Response.ContentType, StringComparison.Ordinal);
        http.Response.Body.Position = 0;
        using var problem = await JsonDocument.ParseAsync(http.Response.Body);
        Assert.Equal(409, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("Modification concurrente", problem.RootElement.GetProperty("title").GetString());
    }
}

public sealed class MalformedRequestTestsSqlite(SqliteCapFactory factory) : MalformedRequestTests<SqliteCapFactory>(factory);

public sealed class MalformedRequestTestsPostgres(PostgresCapFactory factory) : MalformedRequestTests<PostgresCapFactory>(factory);
