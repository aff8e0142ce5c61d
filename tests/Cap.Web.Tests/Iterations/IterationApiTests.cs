using System.Net;
using Cap.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Cap.Web.Tests.Iterations.IterationTestData;
using static Cap.Web.Tests.Infrastructure.TestHttp;

namespace Cap.Web.Tests.Iterations;

public abstract class IterationApiTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : CapWebFactory
{
    private static readonly DateOnly Today = Demo.Today;

    private Task<int> CountAsync(int productId) =>
        QueryAsync(factory, async db => await db.Iterations.CountAsync(i => i.ProductId == productId) + await db.IterationInitiatives.CountAsync(w => w.ProductId == productId)
            + await db.IterationFeedbackLinks.CountAsync(l => l.ProductId == productId));

    [Fact]
    public async Task Team_plans_reviews_carries_over_and_deletes_through_the_api_readers_read()
    {
        var p = await CreateAsync(factory);
        var api = $"/api/v1/products/{p.Slug}/iterations";
        using var client = factory.CreateClientFor(Demo.ProductOwner);

        using var created = await client.PostAsync(api, Json(new { start = Iso(Today.AddDays(-14)), end = Iso(Today.AddDays(-1)), goal = "Tester", initiativeIds = new[] { p.Initiatives[0], p.Initiatives[1] } }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"{api}/1", created.Headers.Location!.OriginalString);
        using var createdJson = await ReadJsonAsync(created);
        Assert.Equal("construction", createdJson.RootElement.GetProperty("phase").GetString());
        Assert.Equal("ended", createdJson.RootElement.GetProperty("state").GetString());
        var rows = createdJson.RootElement.GetProperty("initiatives").EnumerateArray().Select(r => r.GetProperty("id").GetInt32()).ToList();
        var version = createdJson.RootElement.GetProperty("version").GetInt32();

        using var reviewed = await client.PutAsync($"{api}/1/review", Json(new
        {
            delivered = "Formulaire livré", learned = "Peu d’aide lue", demoDate = Iso(Today.AddDays(-1)), demoAudience = "équipe métier",
            outcomes = new object[] { new { rowId = rows[0], outcome = "done" }, new { rowId = rows[1], outcome = "not-done" } }, version,
        }));
        Assert.Equal(HttpStatusCode.OK, reviewed.StatusCode);
        using var reviewedJson = await ReadJsonAsync(reviewed);
        Assert.Equal("Formulaire livré", reviewedJson.RootElement.GetProperty("review").GetProperty("delivered").GetString());

        using var stale = await client.PutAsync($"{api}/1", Json(new { start = Iso(Today.AddDays(-14)), end = Iso(Today.AddDays(-1)), goal = "Trop tard", version }));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType!.MediaType);

        // No iteration 2 yet: the carry-over plans it, same length, from the next day.
        using var carried = await client.PostAsync($"{api}/1/carry-over", Json(new { }));
        Assert.Equal(HttpStatusCode.OK, carried.StatusCode);
        using var carriedJson = await ReadJsonAsync(carried);
        Assert.Equal(2, carriedJson.RootElement.GetProperty("number").GetInt32());
        Assert.Equal(Iso(Today), carriedJson.RootElement.GetProperty("start").GetString());
        Assert.Equal(Iso(Today.AddDays(13)), carriedJson.RootElement.GetProperty("end").GetString());
        var carriedRow = Assert.Single(carriedJson.RootElement.GetProperty("initiatives").EnumerateArray());
        Assert.Equal(1, carriedRow.GetProperty("carriedFromNumber").GetInt32());
        using var again = await client.PostAsync($"{api}/1/carry-over", Json(new { }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);

        using var reader = factory.CreateClientFor(Demo.Lecteur);
        using var listed = await reader.GetAsync(api);
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        using var listJson = await ReadJsonAsync(listed);
        Assert.Equal([2, 1], listJson.RootElement.GetProperty("iterations").EnumerateArray().Select(i => i.GetProperty("number").GetInt32()));
        var cadence = listJson.RootElement.GetProperty("cadence");
        Assert.Equal(14, cadence.GetProperty("meanLengthDays").GetDouble());
        Assert.True(cadence.GetProperty("running").GetBoolean());
        Assert.Equal(0, cadence.GetProperty("retrospectiveShare").GetDouble());
        using var readerWrite = await reader.DeleteAsync($"{api}/2");
        Assert.Equal(HttpStatusCode.Forbidden, readerWrite.StatusCode);

        using var notLast = await client.DeleteAsync($"{api}/1");
        Assert.Equal(HttpStatusCode.Conflict, notLast.StatusCode);
        using var deleted = await client.DeleteAsync($"{api}/2");
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        // The carried row went with iteration 2: iteration 1's row is unfinished again, not carried.
        using var one = await client.GetAsync($"{api}/1");
        using var oneJson = await ReadJsonAsync(one);
        Assert.Equal(["done", "not-done"], oneJson.RootElement.GetProperty("initiatives").EnumerateArray().Select(r => r.GetProperty("outcome").GetString()));
        using var missing = await client.GetAsync($"{api}/9");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Each_bad_input_is_a_422_problem_in_french_and_nothing_is_saved()
    {
        var p = await CreateAsync(factory);
        var api = $"/api/v1/products/{p.Slug}/iterations";
        using var client = factory.CreateClientFor(Demo.ProductOwner);
        using var first = await client.PostAsync(api, Json(new { start = Iso(Today), end = Iso(Today.AddDays(13)), goal = "Première" }));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var before = await CountAsync(p.Id);

        foreach (var (body, field, message) in new (object, string, string)[]
        {
            (new { start = Iso(Today.AddDays(30)), end = Iso(Today.AddDays(20)), goal = "À l’envers" }, "end", "ne peut pas précéder son début"),
            (new { start = Iso(Today.AddDays(14)), end = Iso(Today.AddDays(14 + 42)), goal = "Trop longue" }, "end", "au plus 6 semaines"),
            (new { start = Iso(Today.AddDays(10)), end = Iso(Today.AddDays(23)), goal = "Chevauche" }, "start", "chevauchent l’itération 1"),
            (new { start = Iso(Today.AddDays(14)), end = Iso(Today.AddDays(27)), goal = "Ailleurs", initiativeIds = new[] { p.Initiatives[0], p.ForeignInitiative } }, "initiativeIds", "n’appartient pas à la feuille de route de ce produit"),
            (new { start = Iso(Today.AddDays(14)), end = Iso(Today.AddDays(27)) }, "goal", "Saisissez l’objectif"),
        })
        {
            using var response = await client.PostAsync(api, Json(body));
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            using var json = await ReadJsonAsync(response);
            Assert.Contains(message, json.RootElement.GetProperty("errors").GetProperty(field)[0].GetString(), StringComparison.Ordinal);
            Assert.Contains("Rien n’a été enregistré", json.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        var foreignVerbatim = await QueryAsync(factory, db => db.FeedbackAnswers.Where(a => a.ProductId != p.Id).Select(a => a.Id).FirstAsync());
        using var review = await client.PutAsync($"{api}/1/review", Json(new { delivered = "Livré", feedbackAnswerIds = new[] { foreignVerbatim } }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, review.StatusCode);
        Assert.Equal(before, await CountAsync(p.Id));
        Assert.False(await QueryAsync(factory, db => db.Iterations.AnyAsync(i => i.ProductId == p.Id && i.ReviewedAt != null)));
    }
}

public sealed class IterationApiTestsSqlite(SqliteCapFactory factory) : IterationApiTests<SqliteCapFactory>(factory);

public sealed class IterationApiTestsPostgres(PostgresCapFactory factory) : IterationApiTests<PostgresCapFactory>(factory);
