using System.Net;
using AngleSharp.Html.Parser;
using Cap.Data;
using Cap.Domain.Catalogue;
using Cap.Domain.Platform;
using Cap.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Cap.Web.Tests.Platform;

/// <summary>
/// Sessions opened by the demo sign-in form (as the page renders it) against a clock the test moves: idle timeout and
/// absolute lifetime; accounts waiting for a role; the production refusal of demo sign-in beside ProConnect.
/// </summary>
public sealed class AuthSessionTests : IAsyncLifetime
{
    private readonly SqliteCapFactory _root = new();
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private WebApplicationFactory<Program> _app = default!;

    public Task InitializeAsync()
    {
        _app = _root.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(_clock)));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _root.DisposeAsync();

    private HttpClient NewClient() => _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Submits the demo sign-in form of <paramref name="displayName"/> as /connexion renders it.</summary>
    private static async Task SignInAsync(HttpClient client, string displayName)
    {
        using var response = await RenderedForm.SignInAsDemoAsync(client, displayName);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string url) =>
        await client.GetAsync(new Uri(url, UriKind.Relative));

    [Fact]
    public async Task A_session_idle_for_longer_than_the_idle_timeout_is_over()
    {
        using var client = NewClient();
        await SignInAsync(client, "Camille Martin");
        using (var active = await GetAsync(client, "/produits"))
        {
            Assert.Equal(HttpStatusCode.OK, active.StatusCode);
        }

        _clock.Advance(TimeSpan.FromMinutes(61));

        using var idle = await GetAsync(client, "/produits");
        Assert.Equal(HttpStatusCode.Redirect, idle.StatusCode);
        Assert.Contains("/connexion", idle.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_active_session_ends_at_its_absolute_lifetime()
    {
        using var client = NewClient();
        await SignInAsync(client, "Camille Martin");

        // A request every 50 minutes keeps the session alive (sliding expiration)… up to 10 hours after sign-in.
        for (var elapsed = 50; elapsed < 600; elapsed += 50)
        {
            _clock.Advance(TimeSpan.FromMinutes(50));
            using var response = await GetAsync(client, "/produits");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"After {elapsed} minutes: {(int)response.StatusCode}");
        }
        _clock.Advance(TimeSpan.FromMinutes(50));

        using var expired = await GetAsync(client, "/produits");
        Assert.Equal(HttpStatusCode.Redirect, expired.StatusCode);
        Assert.Contains("/connexion", expired.Headers.Location!.OriginalString, StringComparison.Ordinal);
        using var api = await GetAsync(client, "/api/v1/products");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Fact]
    public async Task A_person_with_no_role_and_no_team_is_refused_products_and_sent_to_the_waiting_page()
    {
        const string email = "en.attente@sante.gouv.fr";
        var id = await WithDbAsync(async db =>
        {
            // A demo person, so that the demo form opens a real cookie session for it.
            var person = new Person { Email = email, DisplayName = "Agent En Attente", IsDemo = true };
            db.People.Add(person);
            await db.SaveChangesAsync();
            return person.Id;
        });
        using var client = NewClient();
        await SignInAsync(client, "Agent En Attente");

        using (var products = await GetAsync(client, "/produits"))
        {
            Assert.Equal(HttpStatusCode.Redirect, products.StatusCode);
            Assert.EndsWith("/compte/en-attente", products.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
        using (var api = await GetAsync(client, "/api/v1/products"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
            Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        }
        using (var waiting = await GetAsync(client, "/compte/en-attente"))
        {
            Assert.Equal(HttpStatusCode.OK, waiting.StatusCode);
            Assert.Contains("Votre compte est créé ; un administrateur doit vous donner un rôle", await waiting.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // A place in a product team is enough to read.
        await WithDbAsync(async db =>
        {
            var product = await db.Products.Where(p => p.Slug == Demo.JourneyProductSlug).Select(p => p.Id).SingleAsync();
            db.TeamMembers.Add(new TeamMember { ProductId = product, PersonId = id, Role = ProductRole.MembreEquipe });
            return await db.SaveChangesAsync();
        });
        using var afterwards = await GetAsync(client, "/produits");
        Assert.Equal(HttpStatusCode.OK, afterwards.StatusCode);
        using var page = await GetAsync(client, "/compte/en-attente");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
    }

    [Fact]
    public async Task The_administrators_list_shows_the_accounts_waiting_for_a_role()
    {
        const string email = "liste.attente@sante.gouv.fr";
        await WithDbAsync(async db =>
        {
            db.People.Add(new Person { Email = email, DisplayName = "Zoé Attente" });
            return await db.SaveChangesAsync();
        });
        using var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(CapWebFactory.PersonHeader, Demo.Administrateur);

        var html = await client.GetStringAsync(new Uri("/admin/personnes?etat=attente", UriKind.Relative));
        using var document = await new HtmlParser().ParseDocumentAsync(html);

        Assert.Contains("attend", document.QuerySelector(".fr-alert__title")!.TextContent, StringComparison.Ordinal);
        var rows = document.QuerySelectorAll("tbody tr").ToList();
        var row = Assert.Single(rows, r => r.TextContent.Contains(email, StringComparison.Ordinal));
        Assert.Contains("En attente d’un rôle", row.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(rows, r => r.TextContent.Contains("camille.martin@demo.cap.gouv.fr", StringComparison.Ordinal));
    }

    private async Task<T> WithDbAsync<T>(Func<CapDbContext, Task<T>> work)
    {
        using var scope = _app.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<CapDbContext>());
    }
}
