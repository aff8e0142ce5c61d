using System.Net;
using Cap.Domain.Retrospectives;
using Cap.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Cap.Web.Tests.Infrastructure.TestHttp;
using static Cap.Web.Tests.Retrospectives.RetrospectiveTestData;

namespace Cap.Web.Tests.Retrospectives;

public abstract class RetrospectiveApiTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : CapWebFactory
{
    private static string Api(string slug) => $"/api/v1/products/{slug}/retrospectives";

    private async Task<int> CreateAsync(HttpClient client, string slug, DateOnly heldOn)
    {
        using var response = await client.PostAsync(Api(slug), Json(new { heldOn }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var json = await ReadJsonAsync(response);
        return json.RootElement.GetProperty("id").GetInt32();
    }

    [Fact]
    public async Task Team_holds_a_retrospective_through_the_api_and_readers_read_it()
    {
        var slug = await FreshProductAsync(factory);
        using var client = factory.CreateClientFor(Demo.ProductOwner);
        var karim = await PersonIdAsync(factory, Demo.ProductOwner);
        var iteration = await IterationAsync(factory, slug, 1, Demo.Today.AddDays(-14));

        using var created = await client.PostAsync(Api(slug), Json(new { heldOn = Demo.Today, iterationId = iteration }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var createdJson = await ReadJsonAsync(created);
        var id = createdJson.RootElement.GetProperty("id").GetInt32();
        Assert.Equal("Rétrospective de l’itération 1", createdJson.RootElement.GetProperty("title").GetString());
        Assert.Equal(1, createdJson.RootElement.GetProperty("iterationNumber").GetInt32());

        using var item = await client.PostAsync($"{Api(slug)}/{id}/items", Json(new { kind = "to-improve", text = "Les revues de code attendent" }));
        Assert.Equal(HttpStatusCode.Created, item.StatusCode);
        using var action = await client.PostAsync($"{Api(slug)}/{id}/actions", Json(new { title = "Relecture chaque matin", ownerPersonId = karim, dueDate = Demo.Today.AddDays(10) }));
        Assert.Equal(HttpStatusCode.Created, action.StatusCode);
        using var actionJson = await ReadJsonAsync(action);
        var actionId = actionJson.RootElement.GetProperty("id").GetInt32();
        var version = actionJson.RootElement.GetProperty("version").GetInt32();
        Assert.Equal("open", actionJson.RootElement.GetProperty("status").GetString());
        Assert.Equal("Karim Benali", actionJson.RootElement.GetProperty("ownerName").GetString());

        using var updated = await client.PutAsync($"{Api(slug)}/{id}/actions/{actionId}", Json(new { status = "done", version }));
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        using var stale = await client.PutAsync($"{Api(slug)}/{id}/actions/{actionId}", Json(new { status = "abandoned", version }));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType!.MediaType);

        using var closed = await client.PostAsync($"{Api(slug)}/{id}/close", null);
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        using var closedJson = await ReadJsonAsync(closed);
        Assert.Equal("closed", closedJson.RootElement.GetProperty("status").GetString());
        using var afterClose = await client.PostAsync($"{Api(slug)}/{id}/items", Json(new { kind = "works", text = "Trop tard" }));
        Assert.Equal(HttpStatusCode.Conflict, afterClose.StatusCode);

        using var reader = factory.CreateClientFor(Demo.Lecteur);
        using var one = await reader.GetAsync($"{Api(slug)}/{id}");
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        using var oneJson = await ReadJsonAsync(one);
        Assert.Equal(["Les revues de code attendent"], oneJson.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("text").GetString()));
        Assert.Equal("done", oneJson.RootElement.GetProperty("actions")[0].GetProperty("status").GetString());
        using var list = await reader.GetAsync(Api(slug));
        using var listJson = await ReadJsonAsync(list);
        var row = listJson.RootElement.GetProperty("retrospectives").EnumerateArray().Single();
        Assert.Equal((1, 1, 1), (row.GetProperty("itemsCount").GetInt32(), row.GetProperty("actionsDone").GetInt32(), row.GetProperty("actionsTotal").GetInt32()));
        Assert.Equal(100, listJson.RootElement.GetProperty("doneShareByMonth")[0].GetProperty("percent").GetInt32());

        using var duplicate = await client.PostAsync(Api(slug), Json(new { heldOn = Demo.Today, iterationId = iteration }));
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
    }

    [Fact]
    public async Task Action_without_owner_is_422_with_a_clear_message_and_nothing_is_saved()
    {
        var slug = await FreshProductAsync(factory);
        using var client = factory.CreateClientFor(Demo.ProductOwner);
        var id = await CreateAsync(client, slug, Demo.Today);
        var before = await QueryAsync(factory, db => db.RetroActions.CountAsync());

        using var response = await client.PostAsync($"{Api(slug)}/{id}/actions", Json(new { title = "Personne ne la portera" }));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var json = await ReadJsonAsync(response);
        Assert.Equal("Choisissez le porteur de l’action : une action sans porteur n’est jamais faite.", json.RootElement.GetProperty("errors").GetProperty("ownerPersonId")[0].GetString());
        Assert.Contains("Rien n’a été enregistré", json.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var outsider = await PersonIdAsync(factory, "julie.moreau@demo.cap.gouv.fr");
        using var foreign = await client.PostAsync($"{Api(slug)}/{id}/actions", Json(new { title = "Porteur extérieur", ownerPersonId = outsider, dueDate = Demo.Today.AddDays(-3) }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, foreign.StatusCode);
        using var foreignJson = await ReadJsonAsync(foreign);
        Assert.True(foreignJson.RootElement.GetProperty("errors").TryGetProperty("dueDate", out _));
        Assert.True(foreignJson.RootElement.GetProperty("errors").TryGetProperty("ownerPersonId", out _));

        using var badItem = await client.PostAsync($"{Api(slug)}/{id}/items", Json(new { kind = "works", text = new string('x', 1001) }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badItem.StatusCode);
        using var noKind = await client.PostAsync($"{Api(slug)}/{id}/items", Json(new { text = "Sans colonne" }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noKind.StatusCode);

        Assert.Equal(before, await QueryAsync(factory, db => db.RetroActions.CountAsync()));
        Assert.Equal(0, await QueryAsync(factory, db => db.RetroItems.CountAsync(i => i.RetrospectiveId == id)));
    }

    [Fact]
    public async Task Earlier_open_action_is_listed_to_review_and_carried_through_the_api()
    {
        var slug = await FreshProductAsync(factory);
        using var client = factory.CreateClientFor(Demo.ProductOwner);
        var karim = await PersonIdAsync(factory, Demo.ProductOwner);
        var first = await CreateAsync(client, slug, Demo.Today.AddDays(-14));
        using var action = await client.PostAsync($"{Api(slug)}/{first}/actions", Json(new { title = "Centraliser les retours", ownerPersonId = karim }));
        using var actionJson = await ReadJsonAsync(action);
        var actionId = actionJson.RootElement.GetProperty("id").GetInt32();
        var second = await CreateAsync(client, slug, Demo.Today);

        using var read = await client.GetAsync($"{Api(slug)}/{second}");
        using var readJson = await ReadJsonAsync(read);
        Assert.Equal([actionId], readJson.RootElement.GetProperty("toReview").EnumerateArray().Select(a => a.GetProperty("action").GetProperty("id").GetInt32()));

        using var bad = await client.PostAsync($"{Api(slug)}/{second}/actions/{actionId}/review", Json(new { }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        using var backwards = await client.PostAsync($"{Api(slug)}/{first}/actions/{actionId}/review", Json(new { outcome = "done" }));
        Assert.Equal(HttpStatusCode.Conflict, backwards.StatusCode);

        using var carried = await client.PostAsync($"{Api(slug)}/{second}/actions/{actionId}/review", Json(new { outcome = "carry" }));
        Assert.Equal(HttpStatusCode.OK, carried.StatusCode);
        using var carriedJson = await ReadJsonAsync(carried);
        Assert.Equal(("open", second), (carriedJson.RootElement.GetProperty("status").GetString(), carriedJson.RootElement.GetProperty("carriedToRetrospectiveId").GetInt32()));
        var saved = await QueryAsync(factory, db => db.RetroActions.AsNoTracking().SingleAsync(a => a.Id == actionId));
        Assert.Equal(RetroActionStatus.Open, saved.Status);
    }

    [Fact]
    public async Task Demo_portfolio_ships_retrospectives_with_actions_in_every_status_and_carried_ones()
    {
        Assert.True(await QueryAsync(factory, db => db.TeamMembers.AnyAsync(m => m.Product!.Slug == "alerte-canicule" && m.Person!.Email == Demo.ProductOwner)));
        foreach (var slug in new[] { "alerte-canicule", Demo.JourneyProductSlug })
        {
            var statuses = await QueryAsync(factory, db => db.RetroActions.Where(a => a.Retrospective!.Product!.Slug == slug).Select(a => a.Status).Distinct().ToListAsync());
            Assert.Equal(Enum.GetValues<RetroActionStatus>().Length, statuses.Count);
            Assert.True(await QueryAsync(factory, db => db.RetroActions.AnyAsync(a => a.Retrospective!.Product!.Slug == slug && a.CarriedToRetrospectiveId != null && a.Status == RetroActionStatus.InProgress)));
            Assert.True(await QueryAsync(factory, db => db.RetroItems.CountAsync(i => i.Retrospective!.Product!.Slug == slug)) >= 12);
            using var client = factory.CreateClientFor(Demo.ProductOwner);
            using var list = await client.GetAsync(Api(slug));
            using var json = await ReadJsonAsync(list);
            var latest = json.RootElement.GetProperty("retrospectives")[0];
            Assert.Equal("open", latest.GetProperty("status").GetString());
            using var one = await client.GetAsync($"{Api(slug)}/{latest.GetProperty("id").GetInt32()}");
            using var oneJson = await ReadJsonAsync(one);
            Assert.Equal(2, oneJson.RootElement.GetProperty("toReview").GetArrayLength());
        }
    }

    [Fact]
    public async Task Readers_and_outsiders_cannot_write_and_unknown_ids_are_404()
    {
        var slug = await FreshProductAsync(factory);
        using var owner = factory.CreateClientFor(Demo.ProductOwner);
        var id = await CreateAsync(owner, slug, Demo.Today);
        foreach (var email in new[] { Demo.Lecteur, "julie.moreau@demo.cap.gouv.fr", Demo.Coach })
        {
            using var client = factory.CreateClientFor(email);
            using var response = await client.PostAsync($"{Api(slug)}/{id}/items", Json(new { kind = "works", text = "Interdit" }));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
        using var missing = await owner.GetAsync($"{Api(slug)}/999999");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        using var elsewhere = await owner.GetAsync($"{Api(Demo.JourneyProductSlug)}/{id}");
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        using var anonymous = factory.CreateClientFor(null);
        using var challenged = await anonymous.GetAsync(Api(slug));
        Assert.Equal(HttpStatusCode.Unauthorized, challenged.StatusCode);
        Assert.Equal(0, await QueryAsync(factory, db => db.RetroItems.CountAsync(i => i.RetrospectiveId == id)));
    }
}

public sealed class RetrospectiveApiTestsSqlite(SqliteCapFactory factory) : RetrospectiveApiTests<SqliteCapFactory>(factory);

public sealed class RetrospectiveApiTestsPostgres(PostgresCapFactory factory) : RetrospectiveApiTests<PostgresCapFactory>(factory);
