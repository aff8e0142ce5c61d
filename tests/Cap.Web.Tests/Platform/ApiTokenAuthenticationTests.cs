using System.Globalization;
using System.Net;
using Cap.Domain.Platform;
using Cap.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Cap.Web.Tests.Infrastructure.TestHttp;

namespace Cap.Web.Tests.Platform;

/// <summary>
/// The API token authentication handler applies the token rules on every /api/v1 operation: an expired token, a
/// revoked token and the token of a deactivated person answer 401 ProblemDetails, whatever the route and method.
/// The operations are read from the application's endpoint data source; the public ones (the satisfaction intake,
/// open to anyone, which looks at no token) are the only ones left out.
/// </summary>
public abstract class ApiTokenAuthenticationTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : CapWebFactory
{
    private const string ProblemJson = "application/problem+json";

    private async Task<string> TokenAsync(string name, Func<Cap.Data.CapDbContext, Task<int>> personId, DateTimeOffset? expiresAt, DateTimeOffset? revokedAt)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Cap.Data.CapDbContext>();
        var (secret, hash) = ApiToken.NewSecret();
        db.ApiTokens.Add(new ApiToken
        {
            PersonId = await personId(db), Name = name, Prefix = secret[..10], Hash = hash,
            ExpiresAt = expiresAt, RevokedAt = revokedAt,
        });
        await db.SaveChangesAsync();
        return secret;
    }

    private static Task<int> AdminIdAsync(Cap.Data.CapDbContext db) =>
        db.People.Where(p => p.Email == Demo.Administrateur).Select(p => p.Id).SingleAsync();

    private static async Task<int> DeactivatedPersonAsync(Cap.Data.CapDbContext db)
    {
        // An administrator once, deactivated since: the token was valid when the person still was.
        var person = new Person
        {
            DisplayName = "Agent parti", Email = $"agent.parti.{Guid.NewGuid():N}@sante.gouv.fr",
            Roles = GlobalRoles.Administrateur, IsActive = false,
        };
        db.People.Add(person);
        await db.SaveChangesAsync();
        return person.Id;
    }

    private async Task<Dictionary<string, string>> RouteValuesAsync()
    {
        var ids = await QueryAsync(factory, async db => new
        {
            Indicator = await db.Indicators.Where(i => i.Product!.Slug == Demo.JourneyProductSlug).OrderBy(i => i.Id).Select(i => i.Id).FirstAsync(),
            Request = await db.CoachingRequests.OrderBy(r => r.Id).Select(r => r.Id).FirstOrDefaultAsync(),
        });
        return new(StringComparer.OrdinalIgnoreCase)
        {
            ["slug"] = Demo.JourneyProductSlug,
            ["id"] = ids.Indicator.ToString(CultureInfo.InvariantCulture),
            ["number"] = "1",
            ["actionId"] = "1",
            ["requestId"] = ids.Request.ToString(CultureInfo.InvariantCulture),
        };
    }

    private static string Fill(RoutePatternParameterPart parameter, Dictionary<string, string> values) =>
        values.TryGetValue(parameter.Name, out var value) ? value
        : parameter.ParameterPolicies.Any(p => p.Content is "int" or "long") ? "1"
        : "x";

    [Fact]
    public async Task Expired_revoked_and_deactivated_tokens_answer_401_on_every_api_route()
    {
        var now = DateTimeOffset.UtcNow;
        var tokens = new Dictionary<string, string>
        {
            ["expiré"] = await TokenAsync("Jeton expiré", AdminIdAsync, now.AddMinutes(-1), null),
            ["révoqué"] = await TokenAsync("Jeton révoqué", AdminIdAsync, now.AddDays(30), now.AddMinutes(-1)),
            ["personne désactivée"] = await TokenAsync("Jeton d’une personne désactivée", DeactivatedPersonAsync, now.AddDays(30), null),
        };
        var valid = await TokenAsync("Jeton valide", AdminIdAsync, now.AddDays(30), null);
        var values = await RouteValuesAsync();

        var routes = ApiRoute.All(factory.Services);
        var covered = routes.Where(r => !r.AllowsAnonymous).ToList();
        Assert.True(covered.Count >= 40, $"Only {covered.Count} API operations found: {string.Join(", ", covered)}");
        Assert.Contains(covered, r => r.Method == "POST" && r.Pattern.RawText!.Contains("measurements", StringComparison.Ordinal));
        Assert.Contains(covered, r => r.Method == "DELETE");

        var failures = new List<string>();
        foreach (var route in covered)
        {
            var path = route.Path(p => Fill(p, values));
            foreach (var (kind, secret) in tokens)
            {
                using var client = WithBearer(factory.CreateClientFor(null), secret);
                using var request = new HttpRequestMessage(new HttpMethod(route.Method), path);
                if (route.IsWrite)
                {
                    request.Content = RawJson("{}");
                }
                using var response = await client.SendAsync(request);
                if (response.StatusCode != HttpStatusCode.Unauthorized || response.Content.Headers.ContentType?.MediaType != ProblemJson)
                {
                    failures.Add($"{route.Method} {path} with the {kind} token: {(int)response.StatusCode} {response.Content.Headers.ContentType?.MediaType}");
                }
            }
            // The same read with a valid token is answered: the 401 came from the token, not from the route.
            if (!route.IsWrite)
            {
                using var client = WithBearer(factory.CreateClientFor(null), valid);
                using var response = await client.GetAsync(path);
                if (response.StatusCode is HttpStatusCode.Unauthorized || (int)response.StatusCode >= 500)
                {
                    failures.Add($"{route.Method} {path} with a valid token: {(int)response.StatusCode}");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));

        // A refused token is never marked as used.
        var used = await QueryAsync(factory, db => db.ApiTokens.Where(t => t.Name == "Jeton expiré" || t.Name == "Jeton révoqué" || t.Name == "Jeton d’une personne désactivée")
            .CountAsync(t => t.LastUsedAt != null));
        Assert.Equal(0, used);
    }

    [Fact]
    public async Task A_token_created_on_the_account_page_always_expires_within_the_chosen_days()
    {
        using var client = factory.CreateClientFor(Demo.Coach);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/compte", UriKind.Relative)));
        // The form proposes 90 days and says a token always expires.
        Assert.Matches("name=\"[^\"]*Days\"[^>]*value=\"90\"|value=\"90\"[^>]*name=\"[^\"]*Days\"", page);
        Assert.Contains("Un jeton expire toujours", page, StringComparison.Ordinal);
        var form = await RenderedForm.ReadAsync(client, "/compte", "/compte?handler=Create", ["Input.Name", "Input.Days"]);
        Assert.Equal("90", form["Input.Days"]);

        var name = $"Jeton borné {Guid.NewGuid():N}"[..24];
        using (var empty = await form.Set("Input.Name", name).Set("Input.Days", "").SubmitAsync(client))
        {
            Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
            Assert.Contains("Indiquez une durée de validité", WebUtility.HtmlDecode(await empty.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }
        Assert.False(await QueryAsync(factory, db => db.ApiTokens.AnyAsync(t => t.Name == name)));

        using (var tooLong = await CapWebFactory.PostFormAsync(client, "/compte", new Dictionary<string, string> { ["Input.Name"] = name, ["Input.Days"] = "366" }, "/compte?handler=Create"))
        {
            Assert.Contains("va de 1 à 365 jours", WebUtility.HtmlDecode(await tooLong.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        var before = DateTimeOffset.UtcNow;
        using (var created = await CapWebFactory.PostFormAsync(client, "/compte", new Dictionary<string, string> { ["Input.Name"] = name, ["Input.Days"] = "365" }, "/compte?handler=Create"))
        {
            Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        }
        var token = await QueryAsync(factory, db => db.ApiTokens.AsNoTracking().SingleAsync(t => t.Name == name));
        Assert.NotNull(token.ExpiresAt);
        Assert.InRange(token.ExpiresAt!.Value, before.AddDays(365).AddMinutes(-1), DateTimeOffset.UtcNow.AddDays(365).AddMinutes(1));
    }

    [Fact]
    public async Task Tokens_without_expiry_from_before_the_rule_get_one_at_start_up()
    {
        var legacy = $"Jeton ancien {Guid.NewGuid():N}"[..22];
        var secret = await TokenAsync(legacy, AdminIdAsync, expiresAt: null, revokedAt: null);

        int changed;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Cap.Data.CapDbContext>();
            changed = await Cap.Data.Seeding.ApiTokenExpiry.BoundAsync(db, DateTimeOffset.UtcNow);
        }

        Assert.True(changed >= 1);
        var token = await QueryAsync(factory, db => db.ApiTokens.AsNoTracking().SingleAsync(t => t.Name == legacy));
        Assert.InRange(token.ExpiresAt!.Value, DateTimeOffset.UtcNow.AddDays(89), DateTimeOffset.UtcNow.AddDays(91));
        Assert.Equal(0, await QueryAsync(factory, db => db.ApiTokens.CountAsync(t => t.ExpiresAt == null && t.RevokedAt == null)));
        // Still usable during its grace period.
        using var client = WithBearer(factory.CreateClientFor(null), secret);
        using var me = await client.GetAsync(new Uri("/api/v1/me", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }
}

public sealed class ApiTokenAuthenticationTestsSqlite(SqliteCapFactory factory) : ApiTokenAuthenticationTests<SqliteCapFactory>(factory);

public sealed class ApiTokenAuthenticationTestsPostgres(PostgresCapFactory factory) : ApiTokenAuthenticationTests<PostgresCapFactory>(factory);
