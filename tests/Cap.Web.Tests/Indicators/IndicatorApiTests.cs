using System.Net;
using System.Text.Json;
using Cap.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Cap.Web.Tests.Infrastructure.TestHttp;

namespace Cap.Web.Tests.Indicators;

public abstract class IndicatorApiTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : CapWebFactory
{
    private const string Product = Demo.JourneyProductSlug;
    private const string Base = $"/api/v1/products/{Product}/indicators";
    private static DateOnly Today => Demo.Today;

    private static object NewIndicator(string name, decimal baseline = 40m, decimal target = 80m, string direction = "up") => new
    {
        kind = "success",
        name,
        unit = "percent",
        direction,
        baseline,
        baselineDate = Today.AddMonths(-6).ToString("yyyy-MM-dd"),
        target,
        targetDate = Today.AddMonths(6).ToString("yyyy-MM-dd"),
        frequency = "weekly",
    };

    private async Task<int> CreateAsync(string name)
    {
        using var client = factory.CreateClientFor(Demo.ProductOwner);
        using var body = Json(NewIndicator(name));
        using var response = await client.PostAsync(Base, body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var json = await ReadJsonAsync(response);
        return json.RootElement.GetProperty("id").GetInt32();
    }

    private static object[] Points(int count, int offset = 0) =>
        Enumerable.Range(0, count).Select(n => (object)new { date = Today.AddDays(-count + n).ToString("yyyy-MM-dd"), value = 40 + n * 0.1m + offset, comment = (string?)null }).ToArray();

    private Task<int> CountAsync(int id) => QueryAsync(factory, db => db.Measurements.CountAsync(m => m.IndicatorId == id));

    private static async Task<JsonElement> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = await ReadJsonAsync(response);
        return json.RootElement.GetProperty("errors").Clone();
    }

    [Fact]
    public async Task Indicator_is_created_read_replaced_and_deleted()
    {
        var id = await CreateAsync("Taux API CRUD");
        using var client = factory.CreateClientFor(Demo.ProductOwner);

        using (var read = await client.GetAsync($"{Base}/{id}"))
        {
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
            using var json = await ReadJsonAsync(read);
            Assert.Equal("no-data", json.RootElement.GetProperty("status").GetString());
            Assert.Equal("Pas de données", json.RootElement.GetProperty("statusLabel").GetString());
            Assert.Equal(0, json.RootElement.GetProperty("version").GetInt32());
        }
        using (var body = Json(new { kind = "impact", name = "Taux API CRUD modifié", unit = "free", customUnit = "appels", direction = "down", baseline = 100, baselineDate = "2026-01-01", target = 50, targetDate = "2027-12-31", frequency = "Monthly", version = 0 }))
        using (var put = await client.PutAsync($"{Base}/{id}", body))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
            using var json = await ReadJsonAsync(put);
            Assert.Equal("appels", json.RootElement.GetProperty("unitLabel").GetString());
            Assert.Equal(1, json.RootElement.GetProperty("version").GetInt32());
        }
        using (var body = Json(new { kind = "impact", name = "Conflit", unit = "number", direction = "up", baseline = 1, baselineDate = "2026-01-01", target = 5, targetDate = "2027-12-31", frequency = "Monthly", version = 0 }))
        using (var stale = await client.PutAsync($"{Base}/{id}", body))
        {
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        }
        using (var list = await client.GetAsync(Base))
        {
            using var json = await ReadJsonAsync(list);
            Assert.Contains(json.RootElement.EnumerateArray(), e => e.GetProperty("id").GetInt32() == id);
        }
        using var delete = await client.DeleteAsync($"{Base}/{id}");
        Assert.Equal(HttpStatusCode.OK, delete.StatusCode);
        using var gone = await client.GetAsync($"{Base}/{id}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal("application/problem+json", gone.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Bad_indicator_gets_a_french_message_per_field()
    {
        using var client = factory.CreateClientFor(Demo.ProductOwner);
        using var body = Json(new { kind = "Succès", name = "", unit = "percent", direction = "up", baseline = 10, baselineDate = "2026-06-01", target = 10, targetDate = "2026-01-01", frequency = "Monthly" });
        using var response = await client.PostAsync(Base, body);
        var errors = await ErrorsAsync(response);
        Assert.Contains("inconnue", errors.GetProperty("kind")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("Saisissez le nom de l’indicateur.", errors.GetProperty("name")[0].GetString());
        Assert.Equal("La cible doit être différente de la valeur de référence.", errors.GetProperty("target")[0].GetString());
        Assert.Contains("postérieure", errors.GetProperty("targetDate")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pushing_the_same_points_twice_keeps_one_row_per_date()
    {
        var id = await CreateAsync("Taux API idempotence");
        using var client = factory.CreateClientFor(Demo.ProductOwner);
        for (var attempt = 0; attempt < 2; attempt++)
        {
            using var body = Json(Points(100));
            using var response = await client.PostAsync($"{Base}/{id}/measurements", body);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var json = await ReadJsonAsync(response);
            Assert.Equal(attempt == 0 ? 100 : 0, json.RootElement.GetProperty("created").GetInt32());
            Assert.Equal(attempt == 0 ? 0 : 100, json.RootElement.GetProperty("unchanged").GetInt32());
        }
        Assert.Equal(100, await CountAsync(id));

        using (var changed = Json(Points(100, offset: 1)))
        using (var response = await client.PostAsync($"{Base}/{id}/measurements", changed))
        {
            using var json = await ReadJsonAsync(response);
            Assert.Equal(100, json.RootElement.GetProperty("updated").GetInt32());
        }
        Assert.Equal(100, await CountAsync(id));
        var sources = await QueryAsync(factory, db => db.Measurements.Where(m => m.IndicatorId == id).Select(m => new { m.Source, m.AuthorName }).Distinct().ToListAsync());
        var single = Assert.Single(sources);
        Assert.Equal(Cap.Domain.Steering.MeasurementSource.Api, single.Source);
        Assert.Equal("Karim Benali", single.AuthorName);

        using var read = await client.GetAsync($"{Base}/{id}/measurements");
        using var list = await ReadJsonAsync(read);
        Assert.Equal(100, list.RootElement.GetArrayLength());
    }

    [Fact]
    public async Task A_bad_point_writes_nothing_and_is_reported_by_index()
    {
        var id = await CreateAsync("Taux API tout ou rien");
        var points = Points(20).Cast<object>().ToList();
        points[12] = new { date = Today.AddDays(-3).ToString("yyyy-MM-dd"), value = "douze" };
        points[15] = new { date = Today.AddDays(5).ToString("yyyy-MM-dd"), value = "12,5" };
        points[16] = new { date = "31/12/2025", value = 1 };
        using var client = factory.CreateClientFor(Demo.ProductOwner);
        using var body = Json(points);
        using var response = await client.PostAsync($"{Base}/{id}/measurements", body);
        var errors = await ErrorsAsync(response);
        Assert.Contains("nombre", errors.GetProperty("[12].value")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("La date de la mesure ne peut pas dépasser demain.", errors.GetProperty("[15].date")[0].GetString());
        Assert.Contains("AAAA-MM-JJ", errors.GetProperty("[16].date")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(id));
    }

    [Fact]
    public async Task French_and_international_values_are_both_read()
    {
        var id = await CreateAsync("Taux API virgule");
        using var client = factory.CreateClientFor(Demo.ProductOwner);
        using var body = Json(new object[] { new { date = "2026-01-05", value = "12,5" }, new { date = "2026-01-12", value = "12.75" }, new { date = "2026-01-19", value = 13 } });
        using var response = await client.PostAsync($"{Base}/{id}/measurements", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var values = await QueryAsync(factory, db => db.Measurements.Where(m => m.IndicatorId == id).OrderBy(m => m.Date).Select(m => m.Value).ToListAsync());
        Assert.Equal([12.5m, 12.75m, 13m], values);
        // The push refreshes the indicator's kept summary: last point and a trend through the three.
        var summary = (await QueryAsync(factory, db => db.Indicators.SingleAsync(i => i.Id == id))).Summary;
        Assert.Equal(new Cap.Domain.Steering.Point(new DateOnly(2026, 1, 19), 13m), summary?.Last);
        Assert.NotNull(summary?.Trend);
    }

    [Fact]
    public async Task More_than_ten_thousand_points_are_refused_whole()
    {
        var id = await CreateAsync("Taux API trop");
        var points = Enumerable.Range(0, 10_001).Select(n => new { date = new DateOnly(1990, 1, 1).AddDays(n).ToString("yyyy-MM-dd"), value = n }).ToArray();
        using var client = factory.CreateClientFor(Demo.ProductOwner);
        using var body = Json(points);
        using var response = await client.PostAsync($"{Base}/{id}/measurements", body);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        using var json = await ReadJsonAsync(response);
        Assert.Contains("10000", json.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(id));
    }

    [Fact]
    public async Task Only_the_team_and_administrators_write_while_every_reader_reads()
    {
        var id = await CreateAsync("Taux API droits");
        foreach (var email in new[] { Demo.Lecteur, "julie.moreau@demo.cap.gouv.fr", Demo.Coach })
        {
            using var client = factory.CreateClientFor(email);
            using (var read = await client.GetAsync($"{Base}/{id}"))
            {
                Assert.Equal(HttpStatusCode.OK, read.StatusCode);
            }
            using (var body = Json(Points(3)))
            using (var push = await client.PostAsync($"{Base}/{id}/measurements", body))
            {
                Assert.Equal(HttpStatusCode.Forbidden, push.StatusCode);
            }
            using (var body = Json(NewIndicator("Refusé")))
            using (var create = await client.PostAsync(Base, body))
            {
                Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
            }
            using var delete = await client.DeleteAsync($"{Base}/{id}");
            Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        }
        using var admin = factory.CreateClientFor(Demo.Administrateur);
        using var adminBody = Json(Points(3));
        using var adminPush = await admin.PostAsync($"{Base}/{id}/measurements", adminBody);
        Assert.Equal(HttpStatusCode.OK, adminPush.StatusCode);
    }

    [Fact]
    public async Task Unknown_indicator_is_a_problem_404()
    {
        using var client = factory.CreateClientFor(Demo.ProductOwner);
        using var body = Json(Points(2));
        using var response = await client.PostAsync($"{Base}/999999/measurements", body);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var json = await ReadJsonAsync(response);
        Assert.Equal("Indicateur introuvable", json.RootElement.GetProperty("title").GetString());
    }
}

public sealed class IndicatorApiTestsSqlite(SqliteCapFactory factory) : IndicatorApiTests<SqliteCapFactory>(factory);

public sealed class IndicatorApiTestsPostgres(PostgresCapFactory factory) : IndicatorApiTests<PostgresCapFactory>(factory);
