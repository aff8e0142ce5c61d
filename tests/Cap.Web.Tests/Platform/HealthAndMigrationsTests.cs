using System.Net;
using System.Text.Json;
using Cap.Data;
using Cap.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cap.Web.Tests.Platform;

public abstract class HealthAndMigrationsTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : CapWebFactory
{
    [Fact]
    public async Task Application_runs_on_its_own_database_filled_with_the_demo_portfolio()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CapDbContext>();

        Assert.Equal(factory.Provider == DatabaseProvider.Sqlite, db.IsSqlite);
        Assert.Equal(factory.ConnectionString, db.Database.GetConnectionString());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(Demo.ProductCount, await db.Products.CountAsync());
        Assert.Equal(Demo.PeopleCount, await db.People.CountAsync());
    }

    [Fact]
    public async Task Health_answers_healthy_json_once_the_database_is_migrated()
    {
        using var client = factory.CreateClientFor(null);

        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Anonymous_visitor_of_the_catalogue_is_sent_to_sign_in()
    {
        using var client = factory.CreateClientFor(null);

        using var response = await client.GetAsync(new Uri("/produits", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/connexion?", response.Headers.Location?.PathAndQuery ?? response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_api_call_answers_401_problem_details()
    {
        using var client = factory.CreateClientFor(null);

        using var response = await client.GetAsync(new Uri("/api/v1/products", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Signed_in_administrator_lists_the_seeded_demo_portfolio()
    {
        using var client = factory.CreateClientFor(Demo.Administrateur);

        using var response = await client.GetAsync(new Uri("/api/v1/products", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(json.RootElement.GetProperty("total").GetInt32() >= 30);
    }
}

public sealed class HealthAndMigrationsTestsSqlite(SqliteCapFactory factory) : HealthAndMigrationsTests<SqliteCapFactory>(factory);

public sealed class HealthAndMigrationsTestsPostgres(PostgresCapFactory factory) : HealthAndMigrationsTests<PostgresCapFactory>(factory);
