using System.Net;
using System.Text.Json;
using Cap.Data;
using Cap.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cap.Web.Tests.Platform;

/// <summary>The test sign-in and the form helpers behave as the application's own sign-in and a browser do.</summary>
public abstract class TestHarnessTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : CapWebFactory
{
    [Fact]
    public async Task Test_person_header_signs_in_that_person()
    {
        using var client = factory.CreateClientFor(Demo.Lecteur);

        using var response = await client.GetAsync(new Uri("/api/v1/me", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(Demo.Lecteur, json.RootElement.GetProperty("email").GetString());
        Assert.Equal(["reader"], json.RootElement.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task Unknown_test_person_is_not_signed_in()
    {
        using var client = factory.CreateClientFor("personne@example.org");

        using var response = await client.GetAsync(new Uri("/api/v1/me", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Demo_sign_in_form_posted_with_its_antiforgery_token_opens_a_session()
    {
        using var client = factory.CreateClientFor(null);
        int personId;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CapDbContext>();
            personId = await db.People.Where(p => p.Email == Demo.Coach).Select(p => p.Id).SingleAsync();
        }

        var fields = await CapWebFactory.FormFieldsAsync(client, "/connexion");
        Assert.False(string.IsNullOrEmpty(fields[CapWebFactory.AntiforgeryField]));

        using var signIn = await CapWebFactory.PostFormAsync(client, "/connexion",
            new Dictionary<string, string> { ["personId"] = personId.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            "/connexion?handler=Demo");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        using var me = await client.GetAsync(new Uri("/api/v1/me", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        using var json = JsonDocument.Parse(await me.Content.ReadAsStringAsync());
        Assert.Equal(Demo.Coach, json.RootElement.GetProperty("email").GetString());
    }

    [Fact]
    public async Task Form_posted_without_antiforgery_token_is_refused()
    {
        using var client = factory.CreateClientFor(null);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["personId"] = "1" });

        using var response = await client.PostAsync(new Uri("/connexion?handler=Demo", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}

public sealed class TestHarnessTestsSqlite(SqliteCapFactory factory) : TestHarnessTests<SqliteCapFactory>(factory);

public sealed class TestHarnessTestsPostgres(PostgresCapFactory factory) : TestHarnessTests<PostgresCapFactory>(factory);
