using System.Globalization;
using System.Net;
using Cap.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Cap.Web.Tests.Infrastructure.TestHttp;

namespace Cap.Web.Tests.Roadmap;

public abstract class RoadmapApiTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : CapWebFactory
{
    private const string Slug = Demo.JourneyProductSlug;
    private const string Api = $"/api/v1/products/{Slug}/roadmap";

    private static string MonthText(int offset) => new DateOnly(Demo.Today.Year, Demo.Today.Month, 1).AddMonths(offset).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private Task<int> ObjectiveIdAsync(bool own = true) =>
        QueryAsync(factory, db => db.Objectives.Where(o => own ? o.Product!.Slug == Slug : o.Product!.Slug != Slug).OrderBy(o => o.Id).Select(o => o.Id).FirstAsync());

    [Fact]
    public async Task Team_creates_updates_and_deletes_an_initiative_through_the_api()
    {
        using var client = factory.CreateClientFor(Demo.ProductOwner);
        var objective = await ObjectiveIdAsync();

        using var created = await client.PostAsync($"{Api}/initiatives", Json(new { objectiveId = objective, kind = "feature", title = "Initiative par l’API", start = MonthText(0), end = MonthText(1), status = "planned" }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var json = await ReadJsonAsync(created);
        var item = json.RootElement.GetProperty("initiatives").EnumerateArray().Single(i => i.GetProperty("title").GetString() == "Initiative par l’API");
        var id = item.GetProperty("id").GetInt32();
        var version = item.GetProperty("version").GetInt32();
        Assert.Equal("planned", item.GetProperty("status").GetString());

        using var updated = await client.PutAsync($"{Api}/initiatives/{id}", Json(new { objectiveId = objective, kind = "feature", title = "Initiative par l’API", start = MonthText(0), end = MonthText(1), status = "in-progress", version }));
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);

        using var stale = await client.PutAsync($"{Api}/initiatives/{id}", Json(new { objectiveId = objective, kind = "feature", title = "Trop tard", start = MonthText(0), end = MonthText(1), version }));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType!.MediaType);
        using var staleJson = await ReadJsonAsync(stale);
        var currentVersion = staleJson.RootElement.GetProperty("currentVersion").GetInt32();
        Assert.NotEqual(version, currentVersion);

        using var reader = factory.CreateClientFor(Demo.Lecteur);
        using var read = await reader.GetAsync(Api);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        using var readJson = await ReadJsonAsync(read);
        Assert.Contains(readJson.RootElement.GetProperty("initiatives").EnumerateArray(), i => i.GetProperty("id").GetInt32() == id && i.GetProperty("status").GetString() == "in-progress"
            && i.GetProperty("version").GetInt32() == currentVersion);

        using var deleted = await client.DeleteAsync($"{Api}/initiatives/{id}");
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        using var again = await client.DeleteAsync($"{Api}/initiatives/{id}");
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task Initiative_on_another_products_objective_is_422_and_nothing_is_saved()
    {
        using var client = factory.CreateClientFor(Demo.ProductOwner);
        var foreign = await ObjectiveIdAsync(own: false);
        var before = await QueryAsync(factory, db => db.Initiatives.CountAsync());

        using var response = await client.PostAsync($"{Api}/initiatives", Json(new { objectiveId = foreign, kind = "action", title = "Ailleurs", start = MonthText(0), end = MonthText(0) }));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        using var json = await ReadJsonAsync(response);
        Assert.Contains("n’est pas un objectif de ce produit", json.RootElement.GetProperty("errors").GetProperty("objectiveId")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await QueryAsync(factory, db => db.Initiatives.CountAsync()));
    }

    [Fact]
    public async Task Horizon_beyond_six_months_is_422_and_a_short_one_is_accepted()
    {
        using var client = factory.CreateClientFor(Demo.ProductOwner);
        var start = new DateOnly(2027, 1, 1);

        using var refused = await client.PutAsync($"{Api}/horizon", Json(new { start, end = new DateOnly(2027, 7, 31) }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        using var json = await ReadJsonAsync(refused);
        Assert.Contains("6 mois", json.RootElement.GetProperty("errors").GetProperty("end")[0].GetString(), StringComparison.Ordinal);

        using var accepted = await client.PutAsync($"{Api}/horizon", Json(new { start, end = new DateOnly(2027, 6, 30), priorityObjectiveIds = new[] { await ObjectiveIdAsync() } }));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        using var saved = await ReadJsonAsync(accepted);
        Assert.Equal("2027-06-30", saved.RootElement.GetProperty("horizon").GetProperty("end").GetString());

        using var past = await client.PostAsync($"{Api}/initiatives", Json(new { objectiveId = await ObjectiveIdAsync(), kind = "action", title = "Cycle passé livré", start = "2026-03", end = "2026-04", status = "Delivered" }));
        Assert.Equal(HttpStatusCode.Created, past.StatusCode);
        using var current = await ReadJsonAsync(past);
        Assert.DoesNotContain(current.RootElement.GetProperty("initiatives").EnumerateArray(), i => i.GetProperty("title").GetString() == "Cycle passé livré");
        Assert.True(current.RootElement.GetProperty("closedBeforeHorizon").GetInt32() >= 1);
    }

    [Fact]
    public async Task Risk_with_a_bad_probability_is_400_and_a_good_one_is_created()
    {
        using var client = factory.CreateClientFor(Demo.ProductOwner);

        using var bad = await client.PostAsync($"{Api}/risks", Json(new { title = "Risque", probability = 4, impact = 2 }));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        using var json = await ReadJsonAsync(bad);
        Assert.Contains("1 (faible) à 3", json.RootElement.GetProperty("errors").GetProperty("probability")[0].GetString(), StringComparison.Ordinal);

        using var good = await client.PostAsync($"{Api}/risks", Json(new { title = "Risque par l’API", probability = 2, impact = 3, ownerName = "Direction" }));
        Assert.Equal(HttpStatusCode.Created, good.StatusCode);
        using var created = await ReadJsonAsync(good);
        var risk = created.RootElement.GetProperty("risks").EnumerateArray().Single(r => r.GetProperty("title").GetString() == "Risque par l’API");
        Assert.Equal(6, risk.GetProperty("score").GetInt32());

        using var dependency = await client.PostAsync($"{Api}/dependencies", Json(new { kind = "decision", target = "Arbitrage budgétaire" }));
        Assert.Equal(HttpStatusCode.Created, dependency.StatusCode);
    }

    [Fact]
    public async Task Readers_and_outsiders_cannot_write_and_unknown_products_are_404()
    {
        foreach (var email in new[] { Demo.Lecteur, "julie.moreau@demo.cap.gouv.fr" })
        {
            using var client = factory.CreateClientFor(email);
            using var response = await client.PostAsync($"{Api}/risks", Json(new { title = "Interdit", probability = 1, impact = 1 }));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
        using var owner = factory.CreateClientFor(Demo.ProductOwner);
        using var missing = await owner.GetAsync("/api/v1/products/inexistant/roadmap");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        using var anonymous = factory.CreateClientFor(null);
        using var challenged = await anonymous.GetAsync(Api);
        Assert.Equal(HttpStatusCode.Unauthorized, challenged.StatusCode);
    }
}

public sealed class RoadmapApiTestsSqlite(SqliteCapFactory factory) : RoadmapApiTests<SqliteCapFactory>(factory);

public sealed class RoadmapApiTestsPostgres(PostgresCapFactory factory) : RoadmapApiTests<PostgresCapFactory>(factory);
