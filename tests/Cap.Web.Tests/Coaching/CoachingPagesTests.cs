using System.Globalization;
using System.Net;
using Cap.Domain.Coaching;
using Cap.Domain.Committee;
using Cap.Web.Features.Coaching;
using Cap.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Cap.Web.Tests.Infrastructure.CapWebFactory;
using static Cap.Web.Tests.Infrastructure.TestHttp;

namespace Cap.Web.Tests.Coaching;

public abstract class CoachingPagesTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : CapWebFactory
{
    private const string Slug = Demo.JourneyProductSlug;
    private const string Julie = "julie.moreau@demo.cap.gouv.fr";

    private Task<int> InterventionIdAsync(string slug) =>
        QueryAsync(factory, db => db.CoachingInterventions.Where(i => i.Slug == slug).Select(i => i.Id).SingleAsync());

    private Task<List<string>> OutboxAsync(int requestId, int skip = 0) =>
        QueryAsync(factory, db => db.OutboxMails.Where(m => m.Topic == $"coaching-request:{requestId}").OrderBy(m => m.Id).Skip(skip).Select(m => m.To).ToListAsync());

    private Task<int> OutboxCountAsync(int requestId) =>
        QueryAsync(factory, db => db.OutboxMails.CountAsync(m => m.Topic == $"coaching-request:{requestId}"));

    private Task<CoachingRequest> RequestAsync(int id) =>
        QueryAsync(factory, db => db.CoachingRequests.AsNoTracking().Include(r => r.Messages).Include(r => r.Sessions).Include(r => r.Coaches).SingleAsync(r => r.Id == id));

    private async Task<int> AskAsync(HttpClient client, string slug = Slug, string intervention = "atelier-de-cadrage-produit")
    {
        using var response = await PostFormAsync(client, "/accompagnement/demander", new Dictionary<string, string>
        {
            ["Input.Product"] = slug,
            ["Input.InterventionId"] = (await InterventionIdAsync(intervention)).ToString(CultureInfo.InvariantCulture),
            ["Input.Need"] = "Nous voulons une vision partagée avant le comité.",
            ["Input.Context"] = "Nouvelle équipe.",
            ["Input.Urgency"] = "Haute",
            ["Input.Availability"] = "Les mardis.",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last(), CultureInfo.InvariantCulture);
    }

    /// <summary>Submits the request page's form of that handler, as the page renders it for this person.</summary>
    private static Task<HttpResponseMessage> ActAsync(HttpClient client, int id, string handler, Dictionary<string, string> fields) =>
        PostFormAsync(client, $"/accompagnement/demandes/{id}", fields, $"/accompagnement/demandes/{id}?handler={handler}");

    /// <summary>Posts a handler the request page does not offer this person now (too early, not theirs): a forged request.</summary>
    private static Task<HttpResponseMessage> ForgeAsync(HttpClient client, int id, string handler, Dictionary<string, string> fields) =>
        PostForgedAsync(client, "/accompagnement/demander", fields, $"/accompagnement/demandes/{id}?handler={handler}");

    [Fact]
    public async Task Every_agent_sees_the_seven_interventions_of_the_guide_and_the_menu_item()
    {
        using var client = factory.CreateClientFor(Julie);
        using var response = await client.GetAsync("/accompagnement");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = Html.Text(await Html.ParseAsync(response));
        foreach (var title in new[] { "Atelier de cadrage produit", "Rétrospectives de sprint", "Co-construction de roadmap", "Adoption des méthodes agiles",
            "Suivi des indicateurs (KPI)", "Audit produit et gestion des risques", "Accompagnement post-lancement" })
        {
            Assert.Contains(title, text, StringComparison.Ordinal);
        }
        Assert.Contains("Être accompagné", text, StringComparison.Ordinal);
        Assert.Contains("href=\"/accompagnement\"", await (await client.GetAsync("/produits")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_whole_journey_ask_accept_schedule_session_close_rate_notifies_the_right_people()
    {
        using var karim = factory.CreateClientFor(Demo.ProductOwner);
        using var sophie = factory.CreateClientFor(Demo.Coach);
        var id = await AskAsync(karim);

        var request = await RequestAsync(id);
        Assert.Equal(CoachingStatus.Nouvelle, request.Status);
        Assert.Equal(CoachingUrgency.Haute, request.Urgency);
        var coaches = await QueryAsync(factory, db => db.People.Where(p => p.IsActive && (p.Roles & Cap.Domain.Platform.GlobalRoles.Coach) != 0).Select(p => p.Email).OrderBy(e => e).ToListAsync());
        Assert.True(coaches.Count >= 2);
        Assert.Equal(coaches, (await OutboxAsync(id)).Order());

        // A session before acceptance is refused, nothing saved.
        var before = await OutboxCountAsync(id);
        using (var early = await ForgeAsync(sophie, id, "Session", new() { ["Session.Date"] = Demo.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["Session.Participants"] = "Karim", ["Session.Summary"] = "Trop tôt" }))
        {
            Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
            Assert.Contains("après l’acceptation", Html.Text(await Html.ParseAsync(early)), StringComparison.Ordinal);
        }
        Assert.Empty((await RequestAsync(id)).Sessions);
        Assert.Equal(before, await OutboxCountAsync(id));

        using (var accept = await ActAsync(sophie, id, "Accept", []))
        {
            Assert.Equal(HttpStatusCode.Redirect, accept.StatusCode);
        }
        request = await RequestAsync(id);
        Assert.Equal(CoachingStatus.Acceptee, request.Status);
        Assert.Contains(request.Coaches, c => c.PersonId == PersonIdAsync(factory, Demo.Coach).Result);
        Assert.Contains(request.Messages, m => m.Kind == CoachingMessageKind.StatusChange && m.Body.Contains("Nouvelle → Acceptée", StringComparison.Ordinal));
        var team = await QueryAsync(factory, db => db.TeamMembers.Where(m => m.Product!.Slug == Slug).Select(m => m.Person!.Email).ToListAsync());
        var toTeam = await OutboxAsync(id, before);
        Assert.Equal(team.Order(), toTeam.Order());
        Assert.DoesNotContain(Demo.Coach, toTeam);

        using (var past = await ActAsync(sophie, id, "Schedule", new() { ["date"] = Demo.Today.AddDays(-3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, past.StatusCode);
            Assert.Contains("ne peut pas être passée", Html.Text(await Html.ParseAsync(past)), StringComparison.Ordinal);
        }
        using (var schedule = await ActAsync(sophie, id, "Schedule", new() { ["date"] = Demo.Today.AddDays(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }))
        {
            Assert.Equal(HttpStatusCode.Redirect, schedule.StatusCode);
        }
        Assert.Equal(CoachingStatus.Planifiee, (await RequestAsync(id)).Status);

        using (var bad = await ActAsync(sophie, id, "Session", new() { ["Session.Date"] = Demo.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["Session.Participants"] = "Karim" }))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
            Assert.Contains("Décrivez ce qui a été fait", Html.Text(await Html.ParseAsync(bad)), StringComparison.Ordinal);
        }
        using (var session = await ActAsync(sophie, id, "Session", new()
        {
            ["Session.Date"] = Demo.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["Session.Participants"] = "Karim Benali, Sophie Bernard",
            ["Session.Summary"] = "Atelier vision en cinq parties.", ["Session.NextSteps"] = "Partager la vision.", ["Session.Links"] = "https://example.org/support.pdf",
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, session.StatusCode);
        }
        request = await RequestAsync(id);
        Assert.Equal(CoachingStatus.EnCours, request.Status);
        Assert.Equal("Atelier vision en cinq parties.", Assert.Single(request.Sessions).Summary);

        // Karim cannot rate before the end; a reader never rates.
        using (var early = await ForgeAsync(karim, id, "Rate", new() { ["rating"] = "5" }))
        {
            Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        }
        using (var close = await ActAsync(sophie, id, "Close", new() { ["outcome"] = "Vision écrite et partagée.", ["autonomy"] = "oui" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, close.StatusCode);
        }
        request = await RequestAsync(id);
        Assert.Equal(CoachingStatus.Terminee, request.Status);
        Assert.True(request.AutonomyGained);

        using (var outOfRange = await ActAsync(karim, id, "Rate", new() { ["rating"] = "7" }))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, outOfRange.StatusCode);
            Assert.Contains("de 1 (pas utile) à 5", Html.Text(await Html.ParseAsync(outOfRange)), StringComparison.Ordinal);
        }
        using var helene = factory.CreateClientFor(Demo.Lecteur);
        using (var reader = await ForgeAsync(helene, id, "Rate", new() { ["rating"] = "5" }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, reader.StatusCode);
        }
        using (var coachRates = await ForgeAsync(sophie, id, "Rate", new() { ["rating"] = "5" }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, coachRates.StatusCode);
        }
        Assert.Null((await RequestAsync(id)).Rating);
        using (var rate = await ActAsync(karim, id, "Rate", new() { ["rating"] = "5", ["comment"] = "Très utile." }))
        {
            Assert.Equal(HttpStatusCode.Redirect, rate.StatusCode);
        }
        request = await RequestAsync(id);
        Assert.Equal(5, request.Rating);
        Assert.Equal("Karim Benali", request.RatedByName);

        using var page = await helene.GetAsync($"/accompagnement/demandes/{id}");
        var text = Html.Text(await Html.ParseAsync(page));
        Assert.Contains("Atelier vision en cinq parties.", text, StringComparison.Ordinal);
        Assert.Contains("5/5 par Karim Benali", text, StringComparison.Ordinal);
        Assert.Contains("En cours → Terminée", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Messages_reach_the_team_and_the_coaches_but_not_their_author_and_a_question_puts_the_request_under_study()
    {
        using var karim = factory.CreateClientFor(Demo.ProductOwner);
        using var sophie = factory.CreateClientFor(Demo.Coach);
        var id = await AskAsync(karim, intervention: "retrospectives-de-sprint");
        var before = await OutboxCountAsync(id);

        using (var empty = await ActAsync(sophie, id, "Question", new() { ["question"] = " " }))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        }
        using (var question = await ActAsync(sophie, id, "Question", new() { ["question"] = "Qui participe ?" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, question.StatusCode);
        }
        Assert.Equal(CoachingStatus.EnInstruction, (await RequestAsync(id)).Status);
        var afterQuestion = await OutboxAsync(id, before);
        Assert.Contains(Demo.ProductOwner, afterQuestion);
        Assert.DoesNotContain(Demo.Coach, afterQuestion);

        var mid = await OutboxCountAsync(id);
        using (var answer = await ActAsync(karim, id, "Message", new() { ["body"] = "Toute l’équipe." }))
        {
            Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        }
        var afterAnswer = await OutboxAsync(id, mid);
        Assert.DoesNotContain(Demo.ProductOwner, afterAnswer);
        Assert.Contains(Demo.Coach, afterAnswer);

        using var julie = factory.CreateClientFor(Julie);
        using (var outsider = await ForgeAsync(julie, id, "Message", new() { ["body"] = "Je passe." }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, outsider.StatusCode);
        }
        using (var decline = await ActAsync(sophie, id, "Decline", new() { ["reason"] = "" }))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, decline.StatusCode);
            Assert.Contains("Indiquez la raison du refus", Html.Text(await Html.ParseAsync(decline)), StringComparison.Ordinal);
        }
        using (var karimAccepts = await ForgeAsync(karim, id, "Accept", []))
        {
            Assert.Equal(HttpStatusCode.Forbidden, karimAccepts.StatusCode);
        }
        var other = await AskAsync(karim, intervention: "co-construction-de-roadmap");
        using (var merge = await ActAsync(sophie, other, "Merge", new() { ["duplicateOfId"] = id.ToString(CultureInfo.InvariantCulture) }))
        {
            Assert.Equal(HttpStatusCode.Redirect, merge.StatusCode);
        }
        var merged = await RequestAsync(other);
        Assert.Equal(CoachingStatus.Refusee, merged.Status);
        Assert.Equal(id, merged.DuplicateOfId);
        using (var decline = await ActAsync(sophie, id, "Decline", new() { ["reason"] = "Hors périmètre." }))
        {
            Assert.Equal(HttpStatusCode.Redirect, decline.StatusCode);
        }
        Assert.Equal("Hors périmètre.", (await RequestAsync(id)).DeclineReason);
    }

    [Fact]
    public async Task Asking_for_an_archived_product_or_outside_ones_team_is_refused_and_nothing_is_saved()
    {
        var archived = await QueryAsync(factory, db => db.Products.Where(p => p.IsArchived).Select(p => p.Slug).FirstAsync());
        var before = await QueryAsync(factory, db => db.CoachingRequests.CountAsync());
        using var admin = factory.CreateClientFor(Demo.Administrateur);
        using (var response = await PostFormAsync(admin, "/accompagnement/demander", new Dictionary<string, string>
        {
            ["Input.Product"] = archived, ["Input.InterventionId"] = (await InterventionIdAsync("atelier-de-cadrage-produit")).ToString(CultureInfo.InvariantCulture),
            ["Input.Need"] = "Besoin", ["Input.Urgency"] = "Normale",
        }))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.Contains("est archivé", Html.Text(await Html.ParseAsync(response)), StringComparison.Ordinal);
        }
        using var karim = factory.CreateClientFor(Demo.ProductOwner);
        using (var missing = await PostFormAsync(karim, "/accompagnement/demander", new Dictionary<string, string> { ["Input.Product"] = Slug, ["Input.Urgency"] = "Normale" }))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, missing.StatusCode);
            var html = Html.Text(await Html.ParseAsync(missing));
            Assert.Contains("Choisissez un accompagnement du catalogue.", html, StringComparison.Ordinal);
            Assert.Contains("Décrivez votre besoin avec vos mots.", html, StringComparison.Ordinal);
        }
        using var julie = factory.CreateClientFor(Julie);
        using (var outsider = await PostFormAsync(julie, "/accompagnement/demander", new Dictionary<string, string>
        {
            ["Input.Product"] = Slug, ["Input.InterventionId"] = (await InterventionIdAsync("atelier-de-cadrage-produit")).ToString(CultureInfo.InvariantCulture),
            ["Input.Need"] = "Besoin",
        }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, outsider.StatusCode);
        }
        Assert.Equal(before, await QueryAsync(factory, db => db.CoachingRequests.CountAsync()));
    }

    [Fact]
    public async Task A_committee_support_need_becomes_a_request_in_one_click_and_only_once()
    {
        var decision = await QueryAsync(factory, async db =>
        {
            var used = await db.CoachingRequests.Where(r => r.FromDecisionId != null).Select(r => r.FromDecisionId).ToListAsync();
            return await db.GateDecisions.Where(d => d.SupportNeeds != SupportNeeds.None && !d.Product!.IsArchived && !used.Contains(d.Id))
                .OrderBy(d => d.Id).Select(d => new { d.Id, d.Product!.Slug, d.SupportNeeds }).FirstAsync();
        });
        var need = CommitteeLabels.Needs.First(n => decision.SupportNeeds.HasFlag(n));
        var tab = $"/produits/{decision.Slug}/accompagnement";
        using var admin = factory.CreateClientFor(Demo.Administrateur);
        using (var page = await admin.GetAsync(tab))
        {
            var text = Html.Text(await Html.ParseAsync(page));
            Assert.Contains("Besoins identifiés par le comité", text, StringComparison.Ordinal);
            Assert.Contains("Demander cet accompagnement", text, StringComparison.Ordinal);
        }
        var fields = new Dictionary<string, string> { ["decisionId"] = decision.Id.ToString(CultureInfo.InvariantCulture), ["need"] = need.ToString() };
        using (var first = await PostFormAsync(admin, tab, fields, $"{tab}?handler=FromCommittee"))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }
        var request = await QueryAsync(factory, db => db.CoachingRequests.SingleAsync(r => r.FromDecisionId == decision.Id && r.FromNeed == need));
        Assert.Contains(need.Label(), request.Need, StringComparison.Ordinal);
        using (var again = await PostFormAsync(admin, tab, fields, $"{tab}?handler=FromCommittee"))
        {
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        }
        Assert.Equal(1, await QueryAsync(factory, db => db.CoachingRequests.CountAsync(r => r.FromDecisionId == decision.Id && r.FromNeed == need)));
        using (var page = await admin.GetAsync(tab))
        {
            Assert.Contains($"demande n° {request.Id}", Html.Text(await Html.ParseAsync(page)), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Coaches_see_the_queue_with_ages_their_workload_and_record_a_weather_kept_as_history()
    {
        using var sophie = factory.CreateClientFor(Demo.Coach);
        using (var queue = await sophie.GetAsync("/accompagnement/demandes"))
        {
            Assert.Equal(HttpStatusCode.OK, queue.StatusCode);
            var text = Html.Text(await Html.ParseAsync(queue));
            Assert.Contains("À instruire", text, StringComparison.Ordinal);
            Assert.Contains(" jours", text, StringComparison.Ordinal);
        }
        using (var view = await sophie.GetAsync("/accompagnement/coachs"))
        {
            var text = Html.Text(await Html.ParseAsync(view));
            Assert.Contains("Sophie Bernard", text, StringComparison.Ordinal);
            Assert.Contains("Marion Lefèvre", text, StringComparison.Ordinal);
            Assert.Contains("Produits suivis et météo", text, StringComparison.Ordinal);
        }
        var productId = await QueryAsync(factory, db => db.CoachingAssignments.Where(a => CoachingLabels.Open.Contains(a.Request!.Status)).Select(a => a.ProductId).FirstAsync());
        var before = await QueryAsync(factory, db => db.ProductWeathers.CountAsync(w => w.ProductId == productId));
        using (var bad = await PostFormAsync(sophie, "/accompagnement/coachs", new Dictionary<string, string> { ["productId"] = productId.ToString(CultureInfo.InvariantCulture), ["level"] = "" }, "/accompagnement/coachs?handler=Weather"))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        }
        using (var ok = await PostFormAsync(sophie, "/accompagnement/coachs", new Dictionary<string, string> { ["productId"] = productId.ToString(CultureInfo.InvariantCulture), ["level"] = "EnDifficulte", ["note"] = "Équipe réduite de moitié." }, "/accompagnement/coachs?handler=Weather"))
        {
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        }
        Assert.Equal(before + 1, await QueryAsync(factory, db => db.ProductWeathers.CountAsync(w => w.ProductId == productId)));
        Assert.True(await QueryAsync(factory, db => db.AuditEntries.AnyAsync(a => a.EntityType.Contains("ProductWeather"))));
        using var karim = factory.CreateClientFor(Demo.ProductOwner);
        using (var refused = await karim.GetAsync("/accompagnement/coachs"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }
    }

    [Fact]
    public async Task Each_followed_product_shows_its_latest_weather_and_only_the_five_before_it()
    {
        var productId = await QueryAsync(factory, db => db.CoachingAssignments.Where(a => CoachingLabels.Open.Contains(a.Request!.Status)).Select(a => a.ProductId).FirstAsync());
        var coach = await QueryAsync(factory, db => db.People.FirstAsync(p => p.Email == Demo.Coach));
        // Eight readings after every other one (the demo's and the other tests'), the latest last.
        var latest = await QueryAsync(factory, db => db.ProductWeathers.MaxAsync(w => (DateTimeOffset?)w.At)) ?? DateTimeOffset.UtcNow;
        await QueryAsync(factory, async db =>
        {
            for (var i = 1; i <= 8; i++)
            {
                db.ProductWeathers.Add(new ProductWeather
                {
                    ProductId = productId, Level = WeatherLevel.AuVert, Note = $"Relevé de contrôle n° {i}.", AuthorId = coach.Id, AuthorName = coach.DisplayName,
                    At = latest.AddDays(i),
                });
            }
            return await db.SaveChangesAsync();
        });
        using var sophie = factory.CreateClientFor(Demo.Coach);

        using var view = await sophie.GetAsync("/accompagnement/coachs");

        var section = (await Html.ParseAsync(view)).GetElementById($"produit-{productId}")!;
        Assert.Contains("Relevé de contrôle n° 8.", section.QuerySelector("p strong")!.ParentElement!.TextContent, StringComparison.Ordinal);
        var previous = section.QuerySelectorAll("details li").Select(li => li.TextContent).ToList();
        Assert.Equal(CoachesModel.PreviousWeathersShown, previous.Count);
        Assert.Equal(Enumerable.Range(3, 5).Reverse().Select(i => $"Relevé de contrôle n° {i}."), previous.Select(t => t[(t.IndexOf("Relevé", StringComparison.Ordinal))..]));
    }

    [Fact]
    public async Task The_demo_portfolio_has_requests_in_every_status_with_sessions_ratings_and_weather()
    {
        var statuses = await QueryAsync(factory, db => db.CoachingRequests.Select(r => r.Status).Distinct().ToListAsync());
        Assert.Equal(Enum.GetValues<CoachingStatus>().Order(), statuses.Order());
        Assert.True(await QueryAsync(factory, db => db.CoachingSessions.AnyAsync()));
        Assert.True(await QueryAsync(factory, db => db.CoachingRequests.AnyAsync(r => r.Rating != null)));
        Assert.True(await QueryAsync(factory, db => db.CoachingRequests.AnyAsync(r => r.FromDecisionId != null)));
        Assert.True(await QueryAsync(factory, db => db.ProductWeathers.AnyAsync()));
    }
}

public sealed class CoachingPagesTestsSqlite(SqliteCapFactory factory) : CoachingPagesTests<SqliteCapFactory>(factory);

public sealed class CoachingPagesTestsPostgres(PostgresCapFactory factory) : CoachingPagesTests<PostgresCapFactory>(factory);
