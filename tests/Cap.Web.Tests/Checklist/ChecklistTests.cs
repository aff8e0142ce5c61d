using System.Net;
using Cap.Domain.Catalogue;
using Cap.Domain.Checklist;
using Cap.Domain.Committee;
using Cap.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Cap.Web.Tests.Infrastructure.TestHttp;

namespace Cap.Web.Tests.Checklist;

public abstract class ChecklistTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : CapWebFactory
{
    private static readonly ChecklistCatalogue Catalogue = ChecklistCatalogue.Current;

    private static string Page(string slug) => $"/produits/{slug}/checklist";

    private static string Api(string slug) => $"/api/v1/products/{slug}/checklist";

    /// <summary>A product of its own with vaccin-suivi's team (Karim Benali owner), in <paramref name="phase"/>; its id and slug.</summary>
    private async Task<(int Id, string Slug)> FreshProductAsync(Phase phase = Phase.Mvp)
    {
        var slug = $"check-{Guid.NewGuid():N}"[..20];
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Cap.Data.CapDbContext>();
        var product = await TestProducts.AddWithJourneyTeamAsync(db, slug, $"Check {slug}", "Produit créé pour un test de la check-list.", phase);
        await db.SaveChangesAsync();
        return (product.Id, slug);
    }

    /// <summary>Every question answered <paramref name="value"/> except the ones given.</summary>
    private static object Body(string value, params (string Key, string Answer, string? Comment)[] except) => new
    {
        answers = Catalogue.Questions.Select(q => except.FirstOrDefault(e => e.Key == q.Key) is { Key: not null } e
            ? new { questionKey = q.Key, answer = e.Answer, comment = e.Comment }
            : new { questionKey = q.Key, answer = value, comment = (string?)null }).ToArray(),
    };

    [Fact]
    public async Task Team_answers_the_rendered_form_and_reads_the_scored_assessment_in_the_tab()
    {
        var (id, slug) = await FreshProductAsync();
        using var client = factory.CreateClientFor(Demo.ProductOwner);
        var form = await RenderedForm.ReadAsync(client, $"{Page(slug)}/nouvelle", fieldNames: ["Input.Answers[0].Answer", "Input.Answers[19].Comment"]);
        Assert.Contains("Reprendre les suggestions de Cap", form.Text, StringComparison.Ordinal);
        for (var i = 0; i < 20; i++)
        {
            // Vision block yes, team block partly, the rest no, one « ne sait pas ».
            form.Set($"Input.Answers[{i}].Answer", i < 3 ? "Yes" : i < 9 ? "Partly" : i == 19 ? "Unknown" : "No");
        }
        form.Set("Input.Answers[0].Comment", "  Vision relue en atelier avec la direction métier.  ");

        using var saved = await form.SubmitAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"{Page(slug)}/1", saved.Headers.Location!.OriginalString);
        var stored = await QueryAsync(factory, db => db.ChecklistAssessments.AsNoTracking().Include(a => a.Answers).SingleAsync(a => a.ProductId == id));
        // (3 × 1 + 6 × ½) / 19 counted = 31.6 % → 32; one « ne sait pas ».
        Assert.Equal((1, 1, 32, 1, "Karim Benali"), (stored.Number, stored.CatalogueVersion, stored.ScorePercent, stored.UnknownCount, stored.AuthorName));
        Assert.Equal(20, stored.Answers.Count);
        Assert.Equal("Vision relue en atelier avec la direction métier.", stored.Answers.Single(a => a.QuestionKey == "vision-shared").Comment);
        Assert.Contains(nameof(ChecklistAssessment), await QueryAsync(factory, db => db.AuditEntries.Where(a => a.ProductId == id).Select(a => a.EntityType).ToListAsync()));

        var page = await client.GetAsync(saved.Headers.Location);
        var text = Html.Text(await Html.ParseAsync(page));
        Assert.Contains("Auto-évaluation n° 1 enregistrée : score global 32 % (1 « ne sait pas », hors calcul).", text, StringComparison.Ordinal);
        Assert.Contains("La vision produit est claire et partagée — 100 %", text, StringComparison.Ordinal);
        Assert.Contains("L’équipe produit est pluridisciplinaire et autonome — 50 %", text, StringComparison.Ordinal);

        // Readers see the tab, the history and the scoring rule; they get no button to answer.
        using var reader = factory.CreateClientFor(Demo.Lecteur);
        using var tab = await reader.GetAsync(Page(slug));
        var tabDoc = await Html.ParseAsync(tab);
        var tabText = Html.Text(tabDoc);
        Assert.Contains("Score global : 32 %", tabText, StringComparison.Ordinal);
        Assert.Contains("Oui vaut 1 point, partiellement ½ point, non 0", tabText, StringComparison.Ordinal);
        Assert.NotNull(tabDoc.QuerySelector($"a[href='{Page(slug)}/1']"));
        Assert.Null(tabDoc.QuerySelector($"a[href='{Page(slug)}/nouvelle']"));
        Assert.NotNull(tabDoc.QuerySelector($"a[href='{ChecklistCatalogue.GuideUrl("cadrer/vision-produit.md")}']"));
        using var forbidden = await reader.GetAsync($"{Page(slug)}/nouvelle");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public async Task An_incomplete_form_is_shown_again_with_a_message_beside_each_unanswered_question_and_nothing_is_saved()
    {
        var (id, slug) = await FreshProductAsync();
        using var client = factory.CreateClientFor(Demo.ProductOwner);
        var form = await RenderedForm.ReadAsync(client, $"{Page(slug)}/nouvelle", fieldNames: ["Input.Answers[0].Answer"]);
        for (var i = 1; i < 20; i++)
        {
            form.Set($"Input.Answers[{i}].Answer", "Unknown");
        }
        form.Set("Input.Answers[5].Comment", new string('x', 2001));

        using var refused = await form.SubmitAsync(client);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var doc = await Html.ParseAsync(refused);
        Assert.Contains("Répondez à la question « L’équipe a-t-elle une vision claire et partagée du produit ? »",
            doc.QuerySelector("#Input_Answers_0__Answer")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("Le commentaire ne doit pas dépasser 2000 caractères", doc.QuerySelector("#Input_Answers_5__Comment-messages")?.TextContent, StringComparison.Ordinal);
        // What was typed is kept.
        Assert.NotNull(doc.QuerySelector("#Input_Answers_1__Answer-Unknown[checked]"));
        Assert.Equal(0, await QueryAsync(factory, db => db.ChecklistAssessments.CountAsync(a => a.ProductId == id)));
    }

    [Fact]
    public async Task Caps_suggestions_fill_only_unanswered_questions_marked_and_are_never_saved_without_the_team()
    {
        var (id, slug) = await FreshProductAsync();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Cap.Data.CapDbContext>();
            db.Visions.Add(new Cap.Domain.Steering.Vision { ProductId = id, Number = 1, Statement = "Une vision relue.", CreatedAt = DateTimeOffset.UtcNow.AddDays(-10) });
            await db.SaveChangesAsync();
        }
        using var client = factory.CreateClientFor(Demo.ProductOwner);
        var form = await RenderedForm.ReadAsync(client, $"{Page(slug)}/nouvelle", $"{Page(slug)}/nouvelle?handler=Suggest", ["Input.Answers[0].Answer"]);
        // Evidence is shown beside the question, with its link; nothing is pre-selected before the click.
        Assert.Contains("La vision a été écrite ou confirmée le", form.Text, StringComparison.Ordinal);
        Assert.Null(form["Input.Answers[0].Answer"]);
        // The team already answered « decision-makers-known » (index 5): the suggestion does not overwrite it.
        form.Set("Input.Answers[5].Answer", "No");

        using var suggested = await form.SubmitAsync(client);

        Assert.Equal(HttpStatusCode.OK, suggested.StatusCode);
        var doc = await Html.ParseAsync(suggested);
        Assert.NotNull(doc.QuerySelector("#Input_Answers_0__Answer-Yes[checked]"));
        Assert.NotNull(doc.QuerySelector("#Input_Answers_5__Answer-No[checked]"));
        Assert.Contains("Suggestion de Cap", doc.QuerySelector("#Input_Answers_0__Answer")?.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Suggestion de Cap", doc.QuerySelector("#Input_Answers_5__Answer")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("réponse", doc.QuerySelector(".fr-alert--info")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await QueryAsync(factory, db => db.ChecklistAssessments.CountAsync(a => a.ProductId == id)));

        // The team completes the suggested form and saves it: that is what is stored.
        // The page now stands at the Suggest handler's address: its form must still post to the save.
        var next = (await RenderedForm.InAsync(suggested, $"{Page(slug)}/nouvelle?handler=Suggest")).Single(f => f.Action == $"{Page(slug)}/nouvelle");
        for (var i = 0; i < 20; i++)
        {
            if (next[$"Input.Answers[{i}].Answer"] is null)
            {
                next.Set($"Input.Answers[{i}].Answer", "Partly");
            }
        }
        using var saved = await next.SubmitAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var answers = await QueryAsync(factory, db => db.ChecklistAnswers.Where(a => a.ProductId == id).ToDictionaryAsync(a => a.QuestionKey, a => a.Value));
        Assert.Equal((ChecklistAnswerValue.Yes, ChecklistAnswerValue.No), (answers["vision-shared"], answers["decision-makers-known"]));
    }

    [Fact]
    public async Task Api_reads_the_catalogue_with_evidence_saves_a_whole_assessment_and_refuses_bad_ones()
    {
        var (id, slug) = await FreshProductAsync();
        using var client = factory.CreateClientFor(Demo.ProductOwner);

        using var empty = await client.GetAsync(Api(slug));
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        using (var json = await ReadJsonAsync(empty))
        {
            var root = json.RootElement;
            Assert.Equal(System.Text.Json.JsonValueKind.Null, root.GetProperty("latest").ValueKind);
            Assert.True(root.GetProperty("isStale").GetBoolean());
            var catalogue = root.GetProperty("catalogue");
            Assert.Equal(1, catalogue.GetProperty("version").GetInt32());
            Assert.Equal(["yes", "partly", "no", "unknown"], catalogue.GetProperty("scale").EnumerateArray().Select(s => s.GetProperty("value").GetString()));
            Assert.Equal(5, catalogue.GetProperty("blocks").GetArrayLength());
            var vision = catalogue.GetProperty("blocks")[0].GetProperty("questions")[0];
            Assert.Equal("vision-shared", vision.GetProperty("key").GetString());
            Assert.Equal("no", vision.GetProperty("evidence").GetProperty("suggested").GetString());
            Assert.Equal($"/produits/{slug}/vision", vision.GetProperty("evidence").GetProperty("url").GetString());
        }

        using var created = await client.PostAsync($"{Api(slug)}/assessments", Json(Body("yes", ("team-can-decide", "partly", "Validation par la direction."), ("feedback-loops", "unknown", null))));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        int assessmentId;
        using (var json = await ReadJsonAsync(created))
        {
            var root = json.RootElement;
            assessmentId = root.GetProperty("id").GetInt32();
            Assert.Equal($"/api/v1/products/{slug}/checklist/assessments/{assessmentId}", created.Headers.Location!.OriginalString);
            // 17 yes + ½ over 18 counted = 97.2 % → 97.
            Assert.Equal((1, 97, 1), (root.GetProperty("number").GetInt32(), root.GetProperty("scorePercent").GetInt32(), root.GetProperty("unknownCount").GetInt32()));
            var team = root.GetProperty("blocks").EnumerateArray().Single(b => b.GetProperty("key").GetString() == "team");
            Assert.Equal(92, team.GetProperty("scorePercent").GetInt32());
            var answer = root.GetProperty("answers").EnumerateArray().Single(a => a.GetProperty("questionKey").GetString() == "team-can-decide");
            Assert.Equal(("partly", "Partiellement", "Validation par la direction."), (answer.GetProperty("answer").GetString(), answer.GetProperty("answerLabel").GetString(), answer.GetProperty("comment").GetString()));
        }

        using var reader = factory.CreateClientFor(Demo.Lecteur);
        using var list = await reader.GetAsync($"{Api(slug)}/assessments");
        using (var json = await ReadJsonAsync(list))
        {
            Assert.Equal([assessmentId], json.RootElement.EnumerateArray().Select(a => a.GetProperty("id").GetInt32()));
        }
        using var one = await reader.GetAsync($"{Api(slug)}/assessments/{assessmentId}");
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        using var latest = await reader.GetAsync(Api(slug));
        using (var json = await ReadJsonAsync(latest))
        {
            Assert.Equal(assessmentId, json.RootElement.GetProperty("latest").GetProperty("id").GetInt32());
            Assert.False(json.RootElement.GetProperty("isStale").GetBoolean());
        }
        using var elsewhere = await reader.GetAsync($"{Api(Demo.JourneyProductSlug)}/assessments/{assessmentId}");
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        using var readerWrite = await reader.PostAsync($"{Api(slug)}/assessments", Json(Body("yes")));
        Assert.Equal(HttpStatusCode.Forbidden, readerWrite.StatusCode);

        // Refusals: nothing more is saved.
        using var unknownKey = await client.PostAsync($"{Api(slug)}/assessments", Json(new { answers = new[] { new { questionKey = "vision-partagee", answer = "yes" } } }));
        Assert.Equal(HttpStatusCode.BadRequest, unknownKey.StatusCode);
        using (var json = await ReadJsonAsync(unknownKey))
        {
            Assert.Contains("n’existe pas", json.RootElement.GetProperty("errors").GetProperty("answers[0].questionKey")[0].GetString(), StringComparison.Ordinal);
        }
        using var badValue = await client.PostAsync($"{Api(slug)}/assessments", RawJson("{\"answers\":[{\"questionKey\":\"vision-shared\",\"answer\":\"peut-etre\"}]}"));
        Assert.Equal(HttpStatusCode.BadRequest, badValue.StatusCode);
        Assert.Equal("application/problem+json", badValue.Content.Headers.ContentType!.MediaType);
        using var noAnswer = await client.PostAsync($"{Api(slug)}/assessments", Json(Body("yes", ("roles-defined", null!, null))));
        Assert.Equal(HttpStatusCode.BadRequest, noAnswer.StatusCode);
        using var missing = await client.PostAsync($"{Api(slug)}/assessments", Json(new { answers = new[] { new { questionKey = "vision-shared", answer = "yes" } } }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, missing.StatusCode);
        using (var json = await ReadJsonAsync(missing))
        {
            Assert.Contains("19 questions n’ont pas de réponse", json.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        using var noBody = await client.PostAsync($"{Api(slug)}/assessments", Json(new { }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noBody.StatusCode);
        Assert.Equal(1, await QueryAsync(factory, db => db.ChecklistAssessments.CountAsync(a => a.ProductId == id)));
    }

    [Fact]
    public async Task Flags_say_missing_from_the_mvp_on_and_stale_after_six_months_for_one_product_and_for_all()
    {
        var (idea, _) = await FreshProductAsync(Phase.Idee);
        var (id, slug) = await FreshProductAsync(Phase.Mvp);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Cap.Data.CapDbContext>();
        var flags = scope.ServiceProvider.GetRequiredService<Cap.Web.Shared.ProductFlags>();
        string[] Checklist(IEnumerable<Cap.Web.Shared.ProductFlag> all) => [.. all.Select(f => f.Code).Where(c => c.StartsWith("checklist-", StringComparison.Ordinal))];

        Assert.Empty(Checklist(await flags.ForProductAsync(idea, default)));
        Assert.Equal(["checklist-missing"], Checklist(await flags.ForProductAsync(id, default)));

        using var client = factory.CreateClientFor(Demo.ProductOwner);
        using var created = await client.PostAsync($"{Api(slug)}/assessments", Json(Body("partly")));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Empty(Checklist(await flags.ForProductAsync(id, default)));

        var old = DateTimeOffset.UtcNow.AddDays(-200);
        await db.ChecklistAssessments.Where(a => a.ProductId == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.AssessedAt, old));
        var stale = Assert.Single(await flags.ForProductAsync(id, default), f => f.Code == "checklist-stale");
        Assert.Equal("Check-list à refaire", stale.Label);
        Assert.Contains(Cap.Web.Shared.Dates.Day(old), stale.Detail, StringComparison.Ordinal);
        Assert.Equal($"/produits/{slug}/checklist", stale.Url);
        var everyone = await flags.ForProductsAsync(null, default);
        Assert.Equal(["checklist-stale"], Checklist(everyone[id]));
        Assert.Empty(Checklist(everyone[idea]));

        using var tab = await client.GetAsync(Page(slug));
        Assert.Contains("Check-list à refaire", Html.Text(await Html.ParseAsync(tab)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_assessments_are_compared_question_by_question_in_words_and_shown_in_pack_timeline_and_portfolio()
    {
        var (id, slug) = await FreshProductAsync(Phase.Mvp);
        using var client = factory.CreateClientFor(Demo.ProductOwner);
        using (var first = await client.PostAsync($"{Api(slug)}/assessments", Json(Body("no", ("vision-shared", "partly", "Vision écrite, peu partagée.")))))
        {
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        }
        using (var second = await client.PostAsync($"{Api(slug)}/assessments", Json(Body("no", ("vision-shared", "yes", "Vision partagée en atelier."), ("frequent-delivery", "yes", null)))))
        {
            Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        }

        using var compare = await client.GetAsync($"{Page(slug)}/comparer?de=1&a=2");
        Assert.Equal(HttpStatusCode.OK, compare.StatusCode);
        var doc = await Html.ParseAsync(compare);
        Assert.Contains("2 questions ont changé (réponse ou commentaire).", Html.Text(doc), StringComparison.Ordinal);
        var row = doc.QuerySelectorAll("tr").Single(r => r.TextContent.Contains("L’équipe a-t-elle une vision claire et partagée du produit ?", StringComparison.Ordinal));
        Assert.Contains("Partiellement", row.Children[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("Oui", row.Children[2].TextContent, StringComparison.Ordinal);
        Assert.Contains("Réponse modifiée", row.Children[3].TextContent, StringComparison.Ordinal);
        var unchanged = doc.QuerySelectorAll("tr").Single(r => r.TextContent.Contains("Les rôles de chacun sont-ils clairement définis ?", StringComparison.Ordinal));
        Assert.Contains("Inchangée", unchanged.TextContent, StringComparison.Ordinal);
        using var bad = await client.GetAsync($"{Page(slug)}/comparer?de=1&a=9");
        Assert.Contains("Choisissez deux auto-évaluations existantes", Html.Text(await Html.ParseAsync(bad)), StringComparison.Ordinal);

        // The committee's evidence pack shows the latest assessment: date, overall and block scores.
        int requestId;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Cap.Data.CapDbContext>();
            var request = new GateRequest
            {
                ProductId = id, FromPhase = Phase.Mvp, TargetPhase = Phase.Construction, Context = "Contexte.", Ask = "Passer en construction.",
                Status = GateRequestStatus.Soumise, AuthorName = "Karim Benali", SubmittedAt = DateTimeOffset.UtcNow,
            };
            db.GateRequests.Add(request);
            await db.SaveChangesAsync();
            requestId = request.Id;
        }
        using var member = factory.CreateClientFor(Demo.MembreComite);
        using var pack = await member.GetAsync($"/comite/demandes/{requestId}/dossier");
        var section = (await Html.ParseAsync(pack)).QuerySelector("section[aria-labelledby='checklist']");
        // Second assessment: 2 yes over 20 = 10 %; vision block 1 yes / 3 = 33 %.
        Assert.Contains("Dernière auto-évaluation (n° 2)", section?.TextContent, StringComparison.Ordinal);
        Assert.Contains("score global 10 %", section!.TextContent, StringComparison.Ordinal);
        var visionRow = section.QuerySelectorAll("tr").Single(r => r.TextContent.Contains("La vision produit est claire et partagée", StringComparison.Ordinal));
        Assert.Equal("33 %", visionRow.Children[1].TextContent);

        // The timeline of the life-cycle tab has one « Check-list » event per assessment.
        using var timeline = await client.GetAsync($"/produits/{slug}/cycle-de-vie");
        var timelineText = Html.Text(await Html.ParseAsync(timeline));
        Assert.Contains("Auto-évaluation n° 2 de la check-list produit par Karim Benali", timelineText, StringComparison.Ordinal);

        // The portfolio's summary: one row per product, its latest date and overall score.
        var summaries = await QueryAsync(factory, db => new Cap.Web.Shared.ChecklistSummaries(db).LatestAsync(null, default));
        Assert.Equal((2, 10), (summaries[id].Number, summaries[id].ScorePercent));
        using var reader = factory.CreateClientFor(Demo.Lecteur);
        System.Text.Json.JsonElement? mine = null;
        for (var page = 1; mine is null; page++)
        {
            using var portfolio = await reader.GetAsync($"/api/v1/checklist/latest?page={page}&pageSize=200");
            Assert.Equal(HttpStatusCode.OK, portfolio.StatusCode);
            using var json = await ReadJsonAsync(portfolio);
            var items = json.RootElement.GetProperty("items");
            Assert.NotEqual(0, items.GetArrayLength());
            mine = items.EnumerateArray().Where(r => r.GetProperty("slug").GetString() == slug).Select(r => (System.Text.Json.JsonElement?)r.Clone()).FirstOrDefault();
        }
        Assert.Equal((10, false), (mine.Value.GetProperty("scorePercent").GetInt32(), mine.Value.GetProperty("isStale").GetBoolean()));
        using var badPage = await factory.CreateClientFor(Demo.Lecteur).GetAsync("/api/v1/checklist/latest?pageSize=0");
        Assert.Equal(HttpStatusCode.BadRequest, badPage.StatusCode);
    }
}

public sealed class ChecklistTestsSqlite(SqliteCapFactory factory) : ChecklistTests<SqliteCapFactory>(factory);

public sealed class ChecklistTestsPostgres(PostgresCapFactory factory) : ChecklistTests<PostgresCapFactory>(factory);
