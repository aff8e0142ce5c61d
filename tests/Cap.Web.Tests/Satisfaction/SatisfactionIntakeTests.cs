using System.Net;
using System.Text;
using Cap.Domain.Satisfaction;
using Cap.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using static Cap.Web.Tests.Infrastructure.TestHttp;

namespace Cap.Web.Tests.Satisfaction;

public abstract class SatisfactionIntakeTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : CapWebFactory
{
    private const string ProblemJson = "application/problem+json";

    private static string Url(string key) => $"/api/v1/satisfaction/{key}/answers";

    private static HttpRequestMessage Post(string key, object body, string? origin = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Url(key)) { Content = Json(body) };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }
        return request;
    }

    [Fact]
    public async Task Valid_answer_is_stored_with_its_form_version_and_a_masked_comment()
    {
        var (id, key) = await SatisfactionTestData.PlacementAsync(factory);
        using var client = factory.CreateClientFor(null);
        using var request = Post(key, new { experience = 3, clarity = 4, helpChannels = new[] { "phone", "email" }, administrationReached = true, helpQuality = 5, comment = "Très bien, joignable au 06 12 34 56 78 ou a.b@exemple.fr" });
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var json = await ReadJsonAsync(response);
        Assert.Equal("stored", json.RootElement.GetProperty("status").GetString());
        Assert.Equal(10, json.RootElement.GetProperty("points").GetInt32());
        var stored = Assert.Single(await SatisfactionTestData.AnswersAsync(factory, id));
        var form = await QueryAsync(factory, db => db.FeedbackForms.AsNoTracking().SingleAsync(f => f.Product!.Slug == Demo.JourneyProductSlug));
        Assert.Equal(form.ConfigVersion, stored.FormVersion);
        Assert.Equal(3, stored.Experience);
        Assert.Equal(4, stored.Clarity);
        Assert.Equal(HelpChannels.Phone | HelpChannels.Email, stored.HelpChannels);
        Assert.Equal(5, stored.HelpQuality);
        Assert.Equal($"Très bien, joignable au {PersonalDataMask.PhoneMask} ou {PersonalDataMask.EmailMask}", stored.Comment);
    }

    [Fact]
    public async Task Intake_answers_carry_the_json_security_headers_and_not_the_pages_ones()
    {
        var (_, key) = await SatisfactionTestData.PlacementAsync(factory);
        using var client = factory.CreateClientFor(null);
        using var answer = Post(key, new { experience = 3 });
        using var stored = await client.SendAsync(answer);
        using var elsewhere = Post("cle-inconnue", new { experience = 3 });
        using var unknown = await client.SendAsync(elsewhere);
        Assert.Equal(HttpStatusCode.Created, stored.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        foreach (var response in new[] { stored, unknown })
        {
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("default-src 'none'; frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
            Assert.False(response.Headers.Contains("Permissions-Policy"));
            Assert.False(response.Headers.Contains("Referrer-Policy"));
        }
    }

    [Fact]
    public async Task Answers_are_not_audited_one_by_one()
    {
        var (_, key) = await SatisfactionTestData.PlacementAsync(factory);
        var before = await QueryAsync(factory, db => db.AuditEntries.CountAsync());
        using var client = factory.CreateClientFor(null);
        using var request = Post(key, new { experience = 2 });
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(before, await QueryAsync(factory, db => db.AuditEntries.CountAsync()));
    }

    [Fact]
    public async Task Unknown_or_disabled_placement_is_404_problem()
    {
        var (_, disabled) = await SatisfactionTestData.PlacementAsync(factory, enabled: false);
        using var client = factory.CreateClientFor(null);
        foreach (var key in new[] { "inconnue", "AAAAAAAAAAAAAAAAAAAAAA", disabled })
        {
            using var request = Post(key, new { experience = 3 });
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task Switched_off_form_closes_every_placement()
    {
        var slug = await QueryAsync(factory, db => db.FeedbackForms.Where(f => f.Product!.Slug != Demo.JourneyProductSlug).Select(f => f.Product!.Slug).FirstAsync());
        var (_, key) = await SatisfactionTestData.PlacementAsync(factory, slug: slug);
        using var client = factory.CreateClientFor(null);
        using (var request = Post(key, new { experience = 3 }))
        using (var open = await client.SendAsync(request))
        {
            Assert.Equal(HttpStatusCode.Created, open.StatusCode);
        }
        await QueryAsync(factory, db => db.FeedbackForms.Where(f => f.Product!.Slug == slug).ExecuteUpdateAsync(s => s.SetProperty(f => f.IsEnabled, false)));
        using var again = Post(key, new { experience = 3 });
        using var closed = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotFound, closed.StatusCode);
    }

    [Fact]
    public async Task Disallowed_origin_is_403_and_an_allowed_one_gets_cors_headers()
    {
        var (id, key) = await SatisfactionTestData.PlacementAsync(factory);
        using var client = factory.CreateClientFor(null);
        using (var request = Post(key, new { experience = 3 }, "https://ailleurs.example.com"))
        using (var refused = await client.SendAsync(request))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal(ProblemJson, refused.Content.Headers.ContentType?.MediaType);
        }
        using (var request = Post(key, new { experience = 1 }, SatisfactionTestData.Origin))
        using (var accepted = await client.SendAsync(request))
        {
            Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
            Assert.Equal(SatisfactionTestData.Origin, accepted.Headers.GetValues("Access-Control-Allow-Origin").Single());
        }
        using var preflight = new HttpRequestMessage(HttpMethod.Options, Url(key));
        preflight.Headers.Add("Origin", SatisfactionTestData.Origin);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        using var answer = await client.SendAsync(preflight);
        Assert.Equal(HttpStatusCode.NoContent, answer.StatusCode);
        Assert.Single(await SatisfactionTestData.AnswersAsync(factory, id));
    }

    [Fact]
    public async Task Out_of_range_values_and_long_comments_are_400_with_field_errors()
    {
        var (id, key) = await SatisfactionTestData.PlacementAsync(factory);
        using var client = factory.CreateClientFor(null);
        using var request = Post(key, new { experience = 4, clarity = 0, helpQuality = 6, helpChannels = new[] { "pigeon" }, comment = new string('x', 2001) });
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
        using var json = await ReadJsonAsync(response);
        var errors = json.RootElement.GetProperty("errors");
        foreach (var field in new[] { "experience", "clarity", "helpQuality", "helpChannels", "comment" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }
        using var missing = Post(key, new { clarity = 3 });
        using var noExperience = await client.SendAsync(missing);
        Assert.Equal(HttpStatusCode.BadRequest, noExperience.StatusCode);
        // PostgreSQL cannot store U+0000: a comment holding one is refused, the field named.
        using var nul = new HttpRequestMessage(HttpMethod.Post, Url(key)) { Content = RawJson("{\"experience\": 3, \"comment\": \"bien\\u0000\"}") };
        using var withNul = await client.SendAsync(nul);
        Assert.Equal(HttpStatusCode.BadRequest, withNul.StatusCode);
        using (var nulProblem = await ReadJsonAsync(withNul))
        {
            Assert.Equal(Cap.Web.Shared.Problems.NullCharacterGuard.FieldMessage, nulProblem.RootElement.GetProperty("errors").GetProperty("comment")[0].GetString());
        }
        using var garbage = new HttpRequestMessage(HttpMethod.Post, Url(key)) { Content = RawJson("{\"experience\": \"bien\"") };
        using var unreadable = await client.SendAsync(garbage);
        Assert.Equal(HttpStatusCode.BadRequest, unreadable.StatusCode);
        Assert.Equal(ProblemJson, unreadable.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await SatisfactionTestData.AnswersAsync(factory, id));
    }

    [Fact]
    public async Task Bodies_over_16_KB_are_413_with_or_without_a_length()
    {
        var (id, key) = await SatisfactionTestData.PlacementAsync(factory);
        using var client = factory.CreateClientFor(null);
        var big = $"{{\"experience\": 3, \"comment\": \"{new string('x', 17 * 1024)}\"}}";
        using (var request = new HttpRequestMessage(HttpMethod.Post, Url(key)) { Content = RawJson(big) })
        using (var response = await client.SendAsync(request))
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
        }
        using var chunked = new HttpRequestMessage(HttpMethod.Post, Url(key))
        {
            Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(big))),
        };
        chunked.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        chunked.Headers.TransferEncodingChunked = true;
        using var unknownLength = await client.SendAsync(chunked);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, unknownLength.StatusCode);
        Assert.Empty(await SatisfactionTestData.AnswersAsync(factory, id));
    }

    [Fact]
    public async Task A_resent_answer_with_the_same_client_key_is_counted_once()
    {
        var (id, key) = await SatisfactionTestData.PlacementAsync(factory);
        using var client = factory.CreateClientFor(null);
        using (var first = Post(key, new { experience = 3, clientKey = "envoi-42" }))
        using (var created = await client.SendAsync(first))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }
        using var second = Post(key, new { experience = 3, clientKey = "envoi-42" });
        using var again = await client.SendAsync(second);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        using var json = await ReadJsonAsync(again);
        Assert.Equal("alreadyStored", json.RootElement.GetProperty("status").GetString());
        Assert.Single(await SatisfactionTestData.AnswersAsync(factory, id));
    }

    [Fact]
    public async Task Rate_limits_per_placement_and_per_client_answer_429_with_retry_after()
    {
        await using var limited = factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("Satisfaction:PerPlacementPerMinute", "3");
            b.UseSetting("Satisfaction:PerClientPerMinute", "6");
        });
        var (a, keyA) = await SatisfactionTestData.PlacementAsync(factory);
        var (_, keyB) = await SatisfactionTestData.PlacementAsync(factory);
        using var client = limited.CreateClient();

        async Task<HttpResponseMessage> SendAsync(string key)
        {
            using var request = Post(key, new { experience = 2 });
            return await client.SendAsync(request);
        }

        for (var n = 0; n < 3; n++)
        {
            using var ok = await SendAsync(keyA);
            Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        }
        using (var placementLimit = await SendAsync(keyA))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, placementLimit.StatusCode);
            Assert.True(int.Parse(placementLimit.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
            Assert.Equal(ProblemJson, placementLimit.Content.Headers.ContentType?.MediaType);
        }
        // Another placement is open, until the client's six per minute are used (a refused post may use two:
        // the middleware tries the chained limiters a second time before refusing).
        var statuses = new List<HttpStatusCode>();
        for (var n = 0; n < 4; n++)
        {
            using var response = await SendAsync(keyB);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.True(response.Headers.Contains("Retry-After"));
            }
        }
        Assert.Contains(HttpStatusCode.Created, statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.Equal(3, (await SatisfactionTestData.AnswersAsync(factory, a)).Count);
    }

    [Fact]
    public async Task Public_form_posts_count_against_the_limits_and_get_a_french_page()
    {
        await using var limited = factory.WithWebHostBuilder(b => b.UseSetting("Satisfaction:PerClientPerMinute", "1"));
        var (id, key) = await SatisfactionTestData.PlacementAsync(factory);
        using var client = limited.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        async Task<HttpResponseMessage> SendAsync(string experience)
        {
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Experience"] = experience, ["Input.SubmissionKey"] = Guid.NewGuid().ToString("N"),
            });
            return await client.PostAsync($"/avis/{key}", form);
        }

        using (var first = await SendAsync("3"))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }
        using var second = await SendAsync("2");
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.True(second.Headers.Contains("Retry-After"));
        Assert.Contains("Patientez une minute", Html.Text(await Html.ParseAsync(second)), StringComparison.Ordinal);
        Assert.Single(await SatisfactionTestData.AnswersAsync(factory, id));
    }

    [Fact]
    public async Task OpenApi_documents_the_intake_with_the_scoring_rules()
    {
        using var client = factory.CreateClientFor(null);
        var document = await client.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/v1/satisfaction/{key}/answers", document, StringComparison.Ordinal);
        Assert.Contains("2 (5 points)", document, StringComparison.Ordinal);
    }
}

public sealed class SatisfactionIntakeTestsSqlite(SqliteCapFactory factory) : SatisfactionIntakeTests<SqliteCapFactory>(factory);

public sealed class SatisfactionIntakeTestsPostgres(PostgresCapFactory factory) : SatisfactionIntakeTests<PostgresCapFactory>(factory);
