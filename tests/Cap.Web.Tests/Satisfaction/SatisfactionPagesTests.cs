using System.Net;
using Cap.Domain.Satisfaction;
using Cap.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Cap.Web.Tests.Infrastructure.TestHttp;

namespace Cap.Web.Tests.Satisfaction;

public abstract class SatisfactionPagesTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : CapWebFactory
{
    private const string Tab = $"/produits/{Demo.JourneyProductSlug}/satisfaction";

    /// <summary>Posts the public form as a browser without JavaScript: the hidden fields of the page, then the answers.</summary>
    private static async Task<HttpResponseMessage> AnswerAsync(HttpClient client, string key, Dictionary<string, string> fields)
    {
        using var page = await client.GetAsync($"/avis/{key}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var document = await Html.ParseAsync(page);
        var values = document.QuerySelectorAll("main form input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? string.Empty);
        foreach (var (name, value) in fields)
        {
            values[name] = value;
        }
        using var content = new FormUrlEncodedContent(values);
        return await client.PostAsync($"/avis/{key}", content);
    }

    [Fact]
    public async Task Public_form_is_accessible_french_and_framable_only_by_the_placement_origins()
    {
        var (_, key) = await SatisfactionTestData.PlacementAsync(factory, $"{SatisfactionTestData.Origin}\nhttps://autre.gouv.fr");
        using var client = factory.CreateClientFor(null);
        using var response = await client.GetAsync($"/avis/{key}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains($"frame-ancestors {SatisfactionTestData.Origin} https://autre.gouv.fr;", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("X-Frame-Options"));
        var page = await Html.ParseAsync(response);
        Assert.Equal("fr", page.DocumentElement.GetAttribute("lang"));
        var legends = page.QuerySelectorAll("fieldset legend").Select(l => l.TextContent).ToList();
        Assert.Contains(legends, l => l.Contains("comment s’est passée votre démarche", StringComparison.Ordinal));
        Assert.Equal(3, page.QuerySelectorAll("input[type=radio][name='Input.Experience']").Length);
        Assert.Empty(page.QuerySelectorAll("script:not([src])"));
        Assert.Null(page.QuerySelector("input[name=__cap_csrf]"));

        // Other pages stay unframable.
        using var home = await client.GetAsync("/");
        Assert.Contains("frame-ancestors 'none'", home.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("DENY", home.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task Placement_without_origin_refuses_every_frame()
    {
        var (_, key) = await SatisfactionTestData.PlacementAsync(factory, origins: "");
        using var client = factory.CreateClientFor(null);
        using var response = await client.GetAsync($"/avis/{key}");
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answer_from_the_form_is_stored_once_even_when_sent_twice()
    {
        var (id, key) = await SatisfactionTestData.PlacementAsync(factory);
        using var client = factory.CreateClientFor(null);
        var fields = new Dictionary<string, string> { ["Input.Experience"] = "2", ["Input.Clarity"] = "4", ["Input.Comment"] = "Mon NIR est 1 85 05 78 006 084 36" };
        using (var first = await AnswerAsync(client, key, fields))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
            Assert.Equal($"/avis/{key}/merci", first.Headers.Location!.OriginalString);
        }
        using (var second = await AnswerAsync(client, key, fields))
        {
            Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        }
        var stored = Assert.Single(await SatisfactionTestData.AnswersAsync(factory, id));
        Assert.Equal(2, stored.Experience);
        Assert.Equal($"Mon NIR est {PersonalDataMask.NirMask}", stored.Comment);

        using var thanks = await client.GetAsync($"/avis/{key}/merci");
        Assert.Contains("Merci pour votre avis", Html.Text(await Html.ParseAsync(thanks)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resubmitting_the_same_page_without_the_cookie_is_counted_once()
    {
        var (id, key) = await SatisfactionTestData.PlacementAsync(factory);
        var fields = new Dictionary<string, string> { ["Input.Experience"] = "3", ["Input.SubmissionKey"] = Guid.NewGuid().ToString("N") };
        for (var n = 0; n < 2; n++)
        {
            using var client = factory.CreateClientFor(null);
            using var response = await AnswerAsync(client, key, fields);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }
        Assert.Single(await SatisfactionTestData.AnswersAsync(factory, id));
    }

    [Fact]
    public async Task The_form_stores_through_the_intake_engine_and_a_resent_form_is_answered_already_stored()
    {
        // The form's one write path is the intake engine (Cap.Data), as for the JSON intake: the engine counts the answer
        // it stored, and the same page posted again (another browser, no cookie) is an already stored client key.
        var (id, key) = await SatisfactionTestData.PlacementAsync(factory);
        var intake = factory.Services.GetRequiredService<Cap.Data.Intake.AnswerIntake>();
        var before = intake.Stored;
        var fields = new Dictionary<string, string> { ["Input.Experience"] = "2", ["Input.SubmissionKey"] = Guid.NewGuid().ToString("N") };
        for (var n = 0; n < 3; n++)
        {
            using var client = factory.CreateClientFor(null);
            using var response = await AnswerAsync(client, key, fields);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal($"/avis/{key}/merci", response.Headers.Location!.OriginalString);
        }
        var answer = Assert.Single(await SatisfactionTestData.AnswersAsync(factory, id));
        Assert.Equal(fields["Input.SubmissionKey"], answer.ClientKey);
        Assert.Equal(before + 1, intake.Stored);
        var counted = await QueryAsync(factory, db => db.FeedbackDailyRollups.AsNoTracking().Where(r => r.PlacementId == id).SumAsync(r => r.Count));
        Assert.Equal(1, counted);
    }

    [Fact]
    public async Task Honeypot_answers_are_thanked_but_not_stored()
    {
        var (id, key) = await SatisfactionTestData.PlacementAsync(factory);
        using var client = factory.CreateClientFor(null);
        using var response = await AnswerAsync(client, key, new() { ["Input.Experience"] = "3", ["Input.Website"] = "http://spam.example" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Empty(await SatisfactionTestData.AnswersAsync(factory, id));
    }

    [Fact]
    public async Task Missing_experience_shows_a_french_error_beside_the_question()
    {
        var (id, key) = await SatisfactionTestData.PlacementAsync(factory);
        using var client = factory.CreateClientFor(null);
        using var response = await AnswerAsync(client, key, new() { ["Input.Comment"] = "Rien coché" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.NotNull(page.QuerySelector("#error-summary a[href='#Input_Experience']"));
        Assert.Contains("Choisissez comment s’est passée votre démarche", page.QuerySelector("#Input_Experience-messages")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Rien coché", page.QuerySelector("#Input_Comment")!.TextContent);
        Assert.Empty(await SatisfactionTestData.AnswersAsync(factory, id));
    }

    [Fact]
    public async Task Embed_script_is_a_javascript_file_pointing_at_the_form()
    {
        var (_, key) = await SatisfactionTestData.PlacementAsync(factory);
        using var client = factory.CreateClientFor(null);
        using var response = await client.GetAsync($"/avis/{key}/bouton.js");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        var script = await response.Content.ReadAsStringAsync();
        Assert.Contains($"/avis/{key}\"", script, StringComparison.Ordinal);
        Assert.Contains("Je donne mon avis", script, StringComparison.Ordinal);

        using var unknown = await client.GetAsync("/avis/inconnue/bouton.js");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var unknownForm = await client.GetAsync("/avis/inconnue");
        Assert.Equal(HttpStatusCode.NotFound, unknownForm.StatusCode);
    }

    [Fact]
    public async Task Statistics_tab_shows_the_index_with_its_colour_and_the_tables()
    {
        using var client = factory.CreateClientFor(Demo.Lecteur);
        using var response = await client.GetAsync($"{Tab}?periode=12m");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        var text = Html.Text(page);
        Assert.Contains("Indice de satisfaction", text, StringComparison.Ordinal);
        Assert.Contains("Cible interministérielle : 8/10", text, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#chiffres .fr-badge--success, #chiffres .fr-badge--warning, #chiffres .fr-badge--error"));
        Assert.InRange(page.QuerySelectorAll("#evolution tbody tr").Length, 12, 13);
        Assert.True(page.QuerySelectorAll("#par-emplacement tbody tr").Length >= 3);
        Assert.NotNull(page.QuerySelector("line-chart"));
        Assert.DoesNotContain("Configurer le formulaire", text, StringComparison.Ordinal);

        using var byDay = await client.GetAsync($"{Tab}?periode=7j");
        Assert.Equal(7, (await Html.ParseAsync(byDay)).QuerySelectorAll("#evolution tbody tr").Length);
        using var custom = await client.GetAsync($"{Tab}?periode=perso&du=2026-01-01&au=2025-01-01");
        Assert.Contains("La date de début doit précéder la date de fin", Html.Text(await Html.ParseAsync(custom)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Statistics_count_an_answer_of_a_placement()
    {
        var (id, key) = await SatisfactionTestData.PlacementAsync(factory);
        using var visitor = factory.CreateClientFor(null);
        using (var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/satisfaction/{key}/answers") { Content = Json(new { experience = 2, clarity = 3 }) })
        using (var created = await visitor.SendAsync(request))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }
        using var client = factory.CreateClientFor(Demo.ProductOwner);
        using var response = await client.GetAsync($"{Tab}?periode=7j&emplacement={id}");
        var page = await Html.ParseAsync(response);
        var tiles = Html.Text(page);
        Assert.Contains("5,0 / 10", tiles, StringComparison.Ordinal);
        Assert.Contains("3,0 / 5", tiles, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_verbatim_with_a_phone_number_is_stored_masked()
    {
        var comments = await QueryAsync(factory, db => db.FeedbackAnswers.Where(a => db.Products.Any(p => p.Id == a.ProductId && p.Slug == Demo.JourneyProductSlug) && a.Comment != null).Select(a => a.Comment!).ToListAsync());
        Assert.Contains(comments, c => c.Contains(PersonalDataMask.PhoneMask, StringComparison.Ordinal));
        Assert.DoesNotContain(comments, c => c.Contains("06 12 34 56 78", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Team_switches_on_a_form_creates_a_placement_and_gets_its_snippets()
    {
        var slug = await QueryAsync(factory, db => db.Products.Where(p => !p.IsArchived && !db.FeedbackForms.Any(f => f.ProductId == p.Id)
            && p.Team.Any(m => m.Person!.Email == Demo.ProductOwner)).Select(p => p.Slug).FirstOrDefaultAsync());
        slug ??= Demo.JourneyProductSlug;
        using var client = factory.CreateClientFor(Demo.ProductOwner);
        var config = $"/produits/{slug}/satisfaction/configuration";
        using (var saved = await CapWebFactory.PostFormAsync(client, config, new Dictionary<string, string>
        {
            ["Input.IsEnabled"] = "true", ["Input.AskClarity"] = "true", ["Input.AskHelp"] = "true", ["Input.AskComment"] = "true",
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }
        var form = await QueryAsync(factory, db => db.FeedbackForms.AsNoTracking().SingleAsync(f => f.Product!.Slug == slug));
        Assert.True(form.IsEnabled);
        Assert.True(form.AskHelp);
        var versions = await QueryAsync(factory, db => db.FeedbackFormVersions.Where(v => v.FormId == form.Id).CountAsync());
        Assert.Equal(form.ConfigVersion, versions);

        using (var created = await CapWebFactory.PostFormAsync(client, $"/produits/{slug}/satisfaction/emplacements/nouveau", new Dictionary<string, string>
        {
            ["Input.Label"] = "Fin de démarche (test)", ["Input.AllowedOrigins"] = "https://Demarche.Gouv.fr/\nhttps://demarche.gouv.fr", ["Input.IsEnabled"] = "true",
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }
        var placement = await QueryAsync(factory, db => db.Placements.AsNoTracking().SingleAsync(p => p.Label == "Fin de démarche (test)" && p.ProductId == form.ProductId));
        Assert.Equal("https://demarche.gouv.fr", placement.AllowedOrigins);
        Assert.Equal(22, placement.PublicKey.Length);

        using var page = await client.GetAsync(config);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains($"/avis/{placement.PublicKey}/bouton.js", html, StringComparison.Ordinal);
        Assert.Contains($"/avis/{placement.PublicKey}?integre=1", html, StringComparison.Ordinal);

        // Turning the help question off again makes a new version.
        using (var again = await CapWebFactory.PostFormAsync(client, config, new Dictionary<string, string>
        {
            ["Input.IsEnabled"] = "true", ["Input.AskClarity"] = "true", ["Input.AskHelp"] = "false", ["Input.AskComment"] = "true",
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        }
        var after = await QueryAsync(factory, db => db.FeedbackForms.AsNoTracking().SingleAsync(f => f.Id == form.Id));
        Assert.Equal(form.ConfigVersion + 1, after.ConfigVersion);
    }

    [Fact]
    public async Task Invalid_origin_is_refused_beside_the_field()
    {
        using var client = factory.CreateClientFor(Demo.ProductOwner);
        using var response = await CapWebFactory.PostFormAsync(client, $"{Tab}/emplacements/nouveau", new Dictionary<string, string>
        {
            ["Input.Label"] = "Mauvaise origine", ["Input.AllowedOrigins"] = "demarche.gouv.fr/page",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("n’est pas une origine web", page.QuerySelector("#Input_AllowedOrigins-messages")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verbatims_are_searched_and_a_hidden_one_is_audited_and_kept_from_readers()
    {
        var (id, key) = await SatisfactionTestData.PlacementAsync(factory);
        var marker = $"mot{Guid.NewGuid():N}"[..12];
        using (var visitor = factory.CreateClientFor(null))
        using (var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/satisfaction/{key}/answers") { Content = Json(new { experience = 1, comment = $"Inadmissible {marker}, appelez le 0612345678" }) })
        using (var created = await visitor.SendAsync(request))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }
        var answerId = (await SatisfactionTestData.AnswersAsync(factory, id)).Single().Id;
        var list = $"{Tab}/verbatims";
        using var owner = factory.CreateClientFor(Demo.ProductOwner);
        using (var found = await owner.GetAsync($"{list}?q={marker.ToUpperInvariant()}&note=1&emplacement={id}"))
        {
            var page = await Html.ParseAsync(found);
            var row = Assert.Single(page.QuerySelectorAll("#verbatims tbody tr"));
            Assert.Contains($"appelez le {PersonalDataMask.PhoneMask}", row.TextContent, StringComparison.Ordinal);
        }
        using (var noReason = await CapWebFactory.PostFormAsync(owner, $"{list}/{answerId}/masquer", new Dictionary<string, string> { ["Reason"] = " " }))
        {
            Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
            Assert.NotNull((await Html.ParseAsync(noReason)).QuerySelector("#error-summary"));
        }
        using (var hidden = await CapWebFactory.PostFormAsync(owner, $"{list}/{answerId}/masquer", new Dictionary<string, string> { ["Reason"] = "Propos injurieux" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, hidden.StatusCode);
        }
        var audit = await QueryAsync(factory, db => db.AuditEntries.AsNoTracking().Where(e => e.EntityType == "VerbatimModeration").OrderBy(e => e.Id).ToListAsync());
        Assert.Contains(audit, e => e.After != null && e.After.Contains("Propos injurieux", StringComparison.Ordinal) && e.ActorName!.Contains("Karim", StringComparison.Ordinal));

        using var reader = factory.CreateClientFor(Demo.Lecteur);
        using (var readerPage = await reader.GetAsync($"{list}?q={marker}&masques=true"))
        {
            Assert.Empty((await Html.ParseAsync(readerPage)).QuerySelectorAll("#verbatims tbody tr"));
        }
        using (var ownerPage = await owner.GetAsync($"{list}?q={marker}&masques=true"))
        {
            var row = Assert.Single((await Html.ParseAsync(ownerPage)).QuerySelectorAll("#verbatims tbody tr"));
            Assert.Contains("Propos injurieux", row.TextContent, StringComparison.Ordinal);
        }
        using (var restored = await CapWebFactory.PostFormAsync(owner, $"{list}?q={marker}&masques=true", new Dictionary<string, string>(), $"{list}?handler=Restore&id={answerId}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        }
        using var visible = await reader.GetAsync($"{list}?q={marker}");
        Assert.Single((await Html.ParseAsync(visible)).QuerySelectorAll("#verbatims tbody tr"));
    }

    [Fact]
    public async Task Public_statistics_are_published_only_when_the_team_opts_in_and_never_show_comments()
    {
        using var visitor = factory.CreateClientFor(null);
        using var published = await visitor.GetAsync($"/satisfaction/{Demo.JourneyProductSlug}");
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var page = await Html.ParseAsync(published);
        Assert.Contains("Indice de satisfaction", Html.Text(page), StringComparison.Ordinal);
        Assert.InRange(page.QuerySelectorAll("#evolution tbody tr").Length, 12, 13);
        Assert.DoesNotContain("Rappelez-moi", Html.Text(page), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("masqué]", Html.Text(page), StringComparison.Ordinal);

        var other = await QueryAsync(factory, db => db.FeedbackForms.Where(f => !f.PublicStatistics).Select(f => f.Product!.Slug).FirstAsync());
        using var unpublished = await visitor.GetAsync($"/satisfaction/{other}");
        Assert.Equal(HttpStatusCode.NotFound, unpublished.StatusCode);
    }

    [Fact]
    public async Task Export_streams_every_answer_as_csv_with_masked_comments()
    {
        var productId = await QueryAsync(factory, db => db.Products.Where(p => p.Slug == Demo.JourneyProductSlug).Select(p => p.Id).SingleAsync());
        using var client = factory.CreateClientFor(Demo.Lecteur);
        using var response = await client.GetAsync($"{Tab}/export/csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        var count = await QueryAsync(factory, db => db.FeedbackAnswers.CountAsync(a => a.ProductId == productId));
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("numero;recue_le;emplacement", lines[0].TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.True(lines.Length >= count + 1, $"{lines.Length} lines for {count} answers");
        Assert.Contains(PersonalDataMask.PhoneMask, text, StringComparison.Ordinal);
        Assert.DoesNotContain("06 12 34 56 78", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_as_xlsx_has_one_row_per_answer_numbers_as_numbers_and_masked_comments()
    {
        var productId = await QueryAsync(factory, db => db.Products.Where(p => p.Slug == Demo.JourneyProductSlug).Select(p => p.Id).SingleAsync());
        using var client = factory.CreateClientFor(Demo.Lecteur);
        using var response = await client.GetAsync($"{Tab}/export/xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(stream, false);
        var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().ToList();
        var count = await QueryAsync(factory, db => db.FeedbackAnswers.CountAsync(a => a.ProductId == productId));
        Assert.Equal(count + 1, rows.Count);
        Assert.Equal("numero", rows[0].Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().First().InnerText);
        var points = rows[1].Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().ElementAt(5);
        Assert.Equal(DocumentFormat.OpenXml.Spreadsheet.CellValues.Number, points.DataType!.Value);
        Assert.Contains(points.CellValue!.Text, new[] { "0", "5", "10" });
        var text = string.Concat(rows.Select(r => r.InnerText));
        Assert.Contains(PersonalDataMask.PhoneMask, text, StringComparison.Ordinal);
        Assert.DoesNotContain("06 12 34 56 78", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readers_see_the_configuration_without_the_form()
    {
        using var client = factory.CreateClientFor(Demo.Lecteur);
        using var response = await client.GetAsync($"{Tab}/configuration");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Null(page.QuerySelector("main form[method=post]"));
        Assert.Contains("Fin de démarche", Html.Text(page), StringComparison.Ordinal);
    }
}

public sealed class SatisfactionPagesTestsSqlite(SqliteCapFactory factory) : SatisfactionPagesTests<SqliteCapFactory>(factory);

public sealed class SatisfactionPagesTestsPostgres(PostgresCapFactory factory) : SatisfactionPagesTests<PostgresCapFactory>(factory);
