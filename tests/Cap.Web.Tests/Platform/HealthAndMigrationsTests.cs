using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json;
using Cap.Data;
using Cap.Data.Telemetry;
using Cap.Web.Tests.Infrastructure;
using Cap.Web.Tests.Satisfaction;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Cap.Web.Tests.Infrastructure.TestHttp;

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

    [Fact]
    public async Task Liveness_checks_nothing_but_the_process_and_readiness_checks_the_database()
    {
        using var client = factory.CreateClientFor(null);

        using var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("no-store", ready.Headers.CacheControl?.ToString());
        using var liveJson = JsonDocument.Parse(await live.Content.ReadAsStringAsync());
        using var readyJson = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", liveJson.RootElement.GetProperty("status").GetString());
        Assert.Empty(liveJson.RootElement.GetProperty("checks").EnumerateObject());
        Assert.Equal("Healthy", readyJson.RootElement.GetProperty("status").GetString());
        Assert.Equal("Healthy", readyJson.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_answer_through_the_public_intake_is_measured_by_the_intake_metrics()
    {
        var meter = factory.Services.GetRequiredService<CapMetrics>().Meter;
        var seen = new ConcurrentDictionary<string, double>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (ReferenceEquals(instrument.Meter, meter))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => seen.AddOrUpdate(instrument.Name, value, (_, sum) => sum + value));
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => seen.AddOrUpdate(instrument.Name, value, (_, sum) => sum + value));
        listener.SetMeasurementEventCallback<int>((instrument, value, _, _) => seen[instrument.Name] = value);
        listener.Start();
        var (_, key) = await SatisfactionTestData.PlacementAsync(factory);
        using var client = factory.CreateClientFor(null);

        using var response = await client.PostAsync(new Uri($"/api/v1/satisfaction/{key}/answers", UriKind.Relative), Json(new { experience = 3 }));
        listener.RecordObservableInstruments();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.True(seen.GetValueOrDefault("cap.intake.answers.stored") >= 1, "the stored answer is counted");
        Assert.True(seen.ContainsKey("cap.intake.batch.duration"), "the batch's commit time is recorded");
        Assert.Equal(0, seen.GetValueOrDefault("cap.intake.queue.depth", -1));
    }
}

public sealed class HealthAndMigrationsTestsSqlite(SqliteCapFactory factory) : HealthAndMigrationsTests<SqliteCapFactory>(factory);

public sealed class HealthAndMigrationsTestsPostgres(PostgresCapFactory factory) : HealthAndMigrationsTests<PostgresCapFactory>(factory);
