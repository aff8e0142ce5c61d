using System.Globalization;
using System.Net;
using Cap.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Cap.Web.Tests.Infrastructure.TestHttp;

namespace Cap.Web.Tests.Coaching;

public abstract class CoachingApiTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : CapWebFactory
{
    private const string Api = "/api/v1/coaching";
    private const string Slug = Demo.JourneyProductSlug;
    private const string Julie = "julie.moreau@demo.cap.gouv.fr";

    private Task<int> InterventionIdAsync(string slug = "atelier-de-cadrage-produit") =>
        QueryAsync(factory, db => db.CoachingInterventions.Where(i => i.Slug == slug).Select(i => i.Id).SingleAsync());

    private async Task<int> CreateAsync(HttpClient client)
    {
        using var response = await client.PostAsync($"{Api}/requests", Json(new { product = Slug, interventionId = await InterventionIdAsync(), need = "Cadrer la vision.", urgency = "normal" }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var json = await ReadJsonAsync(response);
        Assert.Equal("new", json.RootElement.GetProperty("status").GetString());
        return json.RootElement.GetProperty("id").GetInt32();
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string? field = null, string? text = null)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var json = await ReadJsonAsync(response);
        if (field is not null)
        {
            var message = json.RootElement.GetProperty("errors").GetProperty(field)[0].GetString()!;
            if (text is not null)
            {
                Assert.Contains(text, message, StringComparison.Ordinal);
            }
        }
        else if (text is not null)
        {
            Assert.Contains(text, json.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Catalogue_is_read_by_everyone_and_written_by_administrators_only()
    {
        using var reader = factory.CreateClientFor(Demo.Lecteur);
        using (var list = await reader.GetAsync($"{Api}/interventions"))
        {
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
            using var json = await ReadJsonAsync(list);
            Assert.True(json.RootElement.GetArrayLength() >= 7);
            Assert.Equal("atelier-de-cadrage-produit", json.RootElement[0].GetProperty("slug").GetString());
        }
        using (var refused = await reader.PostAsync($"{Api}/interventions", Json(new { title = "Interdit", description = "x", typicalDuration = "x", deliverables = "x" })))
        {
            await AssertProblemAsync(refused, HttpStatusCode.Forbidden);
        }
        using var admin = factory.CreateClientFor(Demo.Administrateur);
        using (var invalid = await admin.PostAsync($"{Api}/interventions", Json(new { title = "", description = "x", typicalDuration = "x", deliverables = "x" })))
        {
            await AssertProblemAsync(invalid, HttpStatusCode.UnprocessableEntity, "title", "Saisissez le titre");
        }
        using var created = await admin.PostAsync($"{Api}/interventions", Json(new { title = "Design de service", description = "Parcours usagers.", typicalDuration = "Deux ateliers", deliverables = "Une carte du parcours." }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var item = await ReadJsonAsync(created);
        var id = item.RootElement.GetProperty("id").GetInt32();
        Assert.True(id > 7);
        Assert.Equal("design-de-service", item.RootElement.GetProperty("slug").GetString());
        using (var duplicate = await admin.PutAsync($"{Api}/interventions/{id}", Json(new { title = "Design de service", slug = "atelier-de-cadrage-produit", description = "x", typicalDuration = "x", deliverables = "x" })))
        {
            await AssertProblemAsync(duplicate, HttpStatusCode.UnprocessableEntity, "slug", "déjà pris");
        }
        int version;
        using (var updated = await admin.PutAsync($"{Api}/interventions/{id}", Json(new { title = "Design de service", description = "x", typicalDuration = "x", deliverables = "x", isActive = false, version = 0 })))
        {
            Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
            using var json = await ReadJsonAsync(updated);
            version = json.RootElement.GetProperty("version").GetInt32();
        }
        using (var stale = await admin.PutAsync($"{Api}/interventions/{id}", Json(new { title = "Design de service", description = "x", typicalDuration = "x", deliverables = "x", version = 0 })))
        {
            await AssertProblemAsync(stale, HttpStatusCode.Conflict, text: "modifié par quelqu’un d’autre");
            using var json = await ReadJsonAsync(stale);
            Assert.Equal(version, json.RootElement.GetProperty("currentVersion").GetInt32());
        }
        using (var missing = await admin.PutAsync($"{Api}/interventions/999999", Json(new { title = "x", description = "x", typicalDuration = "x", deliverables = "x" })))
        {
            await AssertProblemAsync(missing, HttpStatusCode.NotFound, text: "Cet accompagnement n’existe pas");
        }
        using var inactive = await reader.GetAsync($"{Api}/interventions");
        using var readerList = await ReadJsonAsync(inactive);
        Assert.DoesNotContain(readerList.RootElement.EnumerateArray(), i => i.GetProperty("id").GetInt32() == id);
    }

    [Fact]
    public async Task A_request_goes_through_every_transition_through_the_api()
    {
        using var karim = factory.CreateClientFor(Demo.ProductOwner);
        using var sophie = factory.CreateClientFor(Demo.Coach);
        var id = await CreateAsync(karim);
        var sophieId = await PersonIdAsync(factory, Demo.Coach);
        var marionId = await PersonIdAsync(factory, "marion.lefevre@demo.cap.gouv.fr");

        using (var early = await sophie.PostAsync($"{Api}/requests/{id}/sessions", Json(new { date = Demo.Today, participants = "Karim", summary = "Trop tôt" })))
        {
            await AssertProblemAsync(early, HttpStatusCode.Conflict, text: "après l’acceptation");
        }
        using (var karimAccepts = await karim.PostAsync($"{Api}/requests/{id}/accept", Json(new { })))
        {
            await AssertProblemAsync(karimAccepts, HttpStatusCode.Forbidden);
        }
        int version;
        using (var accept = await sophie.PostAsync($"{Api}/requests/{id}/accept", Json(new { version = 0 })))
        {
            Assert.Equal(HttpStatusCode.OK, accept.StatusCode);
            using var json = await ReadJsonAsync(accept);
            Assert.Equal("accepted", json.RootElement.GetProperty("status").GetString());
            version = json.RootElement.GetProperty("version").GetInt32();
        }
        using (var stale = await sophie.PostAsync($"{Api}/requests/{id}/decline", Json(new { reason = "x", version = 0 })))
        {
            // The version now stored comes with the refusal, so a client can read the request again.
            await AssertProblemAsync(stale, HttpStatusCode.Conflict, text: "modifiée par quelqu’un d’autre");
            using var json = await ReadJsonAsync(stale);
            Assert.Equal(version, json.RootElement.GetProperty("currentVersion").GetInt32());
        }
        using (var notCoach = await sophie.PostAsync($"{Api}/requests/{id}/assign", Json(new { coachIds = new[] { await PersonIdAsync(factory, Julie) } })))
        {
            await AssertProblemAsync(notCoach, HttpStatusCode.UnprocessableEntity, "coachIds");
        }
        using (var assign = await sophie.PostAsync($"{Api}/requests/{id}/assign", Json(new { coachIds = new[] { sophieId, marionId } })))
        {
            Assert.Equal(HttpStatusCode.OK, assign.StatusCode);
            using var json = await ReadJsonAsync(assign);
            Assert.Equal(2, json.RootElement.GetProperty("coaches").GetArrayLength());
        }
        using (var schedule = await sophie.PostAsync($"{Api}/requests/{id}/schedule", Json(new { date = Demo.Today.AddDays(3) })))
        {
            Assert.Equal(HttpStatusCode.OK, schedule.StatusCode);
        }
        using (var invalidSession = await sophie.PostAsync($"{Api}/requests/{id}/sessions", Json(new { date = Demo.Today, participants = "", summary = "Atelier" })))
        {
            await AssertProblemAsync(invalidSession, HttpStatusCode.UnprocessableEntity, "participants");
        }
        using (var session = await sophie.PostAsync($"{Api}/requests/{id}/sessions", Json(new { date = Demo.Today, participants = "Karim, Sophie", summary = "Atelier vision", links = "https://example.org/a\nhttps://example.org/b" })))
        {
            Assert.Equal(HttpStatusCode.Created, session.StatusCode);
        }
        using (var sessions = await karim.GetAsync($"{Api}/requests/{id}/sessions"))
        {
            using var json = await ReadJsonAsync(sessions);
            var only = Assert.Single(json.RootElement.EnumerateArray());
            Assert.Equal(2, only.GetProperty("links").GetArrayLength());
        }
        using (var closeEmpty = await sophie.PostAsync($"{Api}/requests/{id}/close", Json(new { outcome = "" })))
        {
            await AssertProblemAsync(closeEmpty, HttpStatusCode.UnprocessableEntity, "outcome");
        }
        using (var close = await sophie.PostAsync($"{Api}/requests/{id}/close", Json(new { outcome = "Vision partagée.", autonomyGained = true })))
        {
            Assert.Equal(HttpStatusCode.OK, close.StatusCode);
        }
        using (var zero = await karim.PostAsync($"{Api}/requests/{id}/rate", Json(new { rating = 0 })))
        {
            await AssertProblemAsync(zero, HttpStatusCode.UnprocessableEntity, "rating", "de 1");
        }
        using var julie = factory.CreateClientFor(Julie);
        using (var outsider = await julie.PostAsync($"{Api}/requests/{id}/rate", Json(new { rating = 5 })))
        {
            await AssertProblemAsync(outsider, HttpStatusCode.Forbidden, text: "membre de l’équipe");
        }
        using (var rate = await karim.PostAsync($"{Api}/requests/{id}/rate", Json(new { rating = 4, comment = "Bien." })))
        {
            Assert.Equal(HttpStatusCode.OK, rate.StatusCode);
        }
        using (var twice = await karim.PostAsync($"{Api}/requests/{id}/rate", Json(new { rating = 5 })))
        {
            await AssertProblemAsync(twice, HttpStatusCode.Conflict);
        }
        using var reader = factory.CreateClientFor(Demo.Lecteur);
        using var read = await reader.GetAsync($"{Api}/requests/{id}");
        using var detail = await ReadJsonAsync(read);
        Assert.Equal("completed", detail.RootElement.GetProperty("status").GetString());
        Assert.Equal(4, detail.RootElement.GetProperty("rating").GetInt32());
        Assert.True(detail.RootElement.GetProperty("autonomyGained").GetBoolean());
        Assert.True(detail.RootElement.GetProperty("messages").GetArrayLength() >= 7);
    }

    [Fact]
    public async Task Messages_enqueue_mails_for_everyone_concerned_but_the_author()
    {
        using var karim = factory.CreateClientFor(Demo.ProductOwner);
        var id = await CreateAsync(karim);
        var before = await QueryAsync(factory, db => db.OutboxMails.CountAsync(m => m.Topic == $"coaching-request:{id}"));
        using var sophie = factory.CreateClientFor(Demo.Coach);
        using (var question = await sophie.PostAsync($"{Api}/requests/{id}/messages", Json(new { body = "Quelle échéance ?", question = true })))
        {
            Assert.Equal(HttpStatusCode.OK, question.StatusCode);
            using var json = await ReadJsonAsync(question);
            Assert.Equal("under-review", json.RootElement.GetProperty("status").GetString());
        }
        var mails = await QueryAsync(factory, db => db.OutboxMails.Where(m => m.Topic == $"coaching-request:{id}").OrderBy(m => m.Id).Skip(before).ToListAsync());
        var team = await QueryAsync(factory, db => db.TeamMembers.Where(m => m.Product!.Slug == Slug).Select(m => m.Person!.Email).ToListAsync());
        Assert.Equal(team.Order(), mails.Select(m => m.To).Order());
        Assert.All(mails, m => Assert.Contains("Quelle échéance ?", m.Body, StringComparison.Ordinal));
        using (var empty = await karim.PostAsync($"{Api}/requests/{id}/messages", Json(new { body = "" })))
        {
            await AssertProblemAsync(empty, HttpStatusCode.UnprocessableEntity, "body");
        }
        using (var karimQuestion = await karim.PostAsync($"{Api}/requests/{id}/messages", Json(new { body = "Je me questionne", question = true })))
        {
            await AssertProblemAsync(karimQuestion, HttpStatusCode.Forbidden);
        }
    }

    [Fact]
    public async Task Bad_requests_are_refused_with_problem_details_and_nothing_is_saved()
    {
        var before = await QueryAsync(factory, db => db.CoachingRequests.CountAsync());
        var archived = await QueryAsync(factory, db => db.Products.Where(p => p.IsArchived).Select(p => p.Slug).FirstAsync());
        using var admin = factory.CreateClientFor(Demo.Administrateur);
        using (var response = await admin.PostAsync($"{Api}/requests", Json(new { product = archived, interventionId = await InterventionIdAsync(), need = "Besoin" })))
        {
            await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "product", "archivé");
        }
        using var karim = factory.CreateClientFor(Demo.ProductOwner);
        using (var noNeed = await karim.PostAsync($"{Api}/requests", Json(new { product = Slug, interventionId = 999999 })))
        {
            await AssertProblemAsync(noNeed, HttpStatusCode.UnprocessableEntity, "interventionId");
        }
        using (var wrongNeed = await karim.PostAsync($"{Api}/requests", Json(new { product = Slug, interventionId = await InterventionIdAsync(), need = "x", decisionId = 999999, supportNeed = "design" })))
        {
            await AssertProblemAsync(wrongNeed, HttpStatusCode.UnprocessableEntity, "supportNeed");
        }
        using var julie = factory.CreateClientFor(Julie);
        using (var outsider = await julie.PostAsync($"{Api}/requests", Json(new { product = Slug, interventionId = await InterventionIdAsync(), need = "x" })))
        {
            await AssertProblemAsync(outsider, HttpStatusCode.Forbidden);
        }
        Assert.Equal(before, await QueryAsync(factory, db => db.CoachingRequests.CountAsync()));

        using (var missing = await karim.GetAsync($"{Api}/requests/999999"))
        {
            await AssertProblemAsync(missing, HttpStatusCode.NotFound);
        }
        using (var missingAction = await karim.PostAsync($"{Api}/requests/999999/rate", Json(new { rating = 3 })))
        {
            await AssertProblemAsync(missingAction, HttpStatusCode.NotFound);
        }
        using (var badStatus = await karim.GetAsync($"{Api}/requests?status=perdue"))
        {
            await AssertProblemAsync(badStatus, HttpStatusCode.BadRequest, "status", "Statut inconnu");
        }
        using (var badProduct = await karim.GetAsync($"{Api}/requests?product=inconnu"))
        {
            await AssertProblemAsync(badProduct, HttpStatusCode.BadRequest, "product", "« inconnu »");
        }
        using (var filtered = await karim.GetAsync($"{Api}/requests?status=completed"))
        {
            using var json = await ReadJsonAsync(filtered);
            Assert.NotEqual(0, json.RootElement.GetArrayLength());
            Assert.All(json.RootElement.EnumerateArray(), r => Assert.Equal("completed", r.GetProperty("status").GetString()));
        }
        using var anonymous = factory.CreateClientFor(null);
        using var challenged = await anonymous.GetAsync($"{Api}/requests");
        Assert.Equal(HttpStatusCode.Unauthorized, challenged.StatusCode);
    }
}

public sealed class CoachingApiTestsSqlite(SqliteCapFactory factory) : CoachingApiTests<SqliteCapFactory>(factory);

public sealed class CoachingApiTestsPostgres(PostgresCapFactory factory) : CoachingApiTests<PostgresCapFactory>(factory);
