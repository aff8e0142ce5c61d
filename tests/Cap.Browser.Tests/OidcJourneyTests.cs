using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Cap.Data;
using Cap.Domain.Platform;
using Cap.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Cap.Browser.Tests;

/// <summary>
/// A real OpenID Connect provider (node oidc-provider, tests/oidc-provider/server.mjs) on a free loopback port, and Cap
/// on another, configured against it (automatic provisioning on, limited to the sante.gouv.fr domain), driven by
/// Debian's Chromium.
/// </summary>
public sealed class OidcFixture : IAsyncLifetime
{
    public const string AllowedDomain = "sante.gouv.fr";

    private readonly SqliteCapFactory _root = new();
    private WebApplicationFactory<Program>? _factory;
    private Process? _provider;
    private IPlaywright? _playwright;
    private readonly List<string> _providerOutput = [];

    public IBrowser Browser { get; private set; } = default!;
    public string BaseUrl { get; private set; } = string.Empty;
    public string ProviderUrl { get; private set; } = string.Empty;
    public IServiceProvider Services => _factory!.Services;
    public HttpClient ProviderClient { get; } = new();

    public async Task InitializeAsync()
    {
        // Cap first (on a port Kestrel picks), told where the provider will listen; then the provider, told where Cap is.
        var providerPort = FreePort();
        _factory = _root.WithWebHostBuilder(b =>
        {
            b.UseSetting("Authentication:Oidc:Authority", $"http://127.0.0.1:{providerPort}");
            b.UseSetting("Authentication:Oidc:ClientId", "cap-tests");
            b.UseSetting("Authentication:Oidc:ClientSecret", "cap-tests-secret-not-for-production");
            b.UseSetting("Authentication:Oidc:Scopes", "openid email given_name usual_name idp_id uid");
            b.UseSetting("Authentication:Oidc:AutoProvision", "true");
            b.UseSetting("Authentication:Oidc:AllowedEmailDomains", AllowedDomain);
        });
        _factory.UseKestrel(0);
        _factory.StartServer();
        var cap = _factory.ClientOptions.BaseAddress;
        // Both on 127.0.0.1: one site for the browser, so the correlation cookies come back on the provider's form_post.
        BaseUrl = $"http://127.0.0.1:{cap.Port}";
        ProviderUrl = $"http://127.0.0.1:{providerPort}";
        await StartProviderAsync(providerPort);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFixture.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    private async Task StartProviderAsync(int port)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Cap.slnx")))
        {
            dir = dir.Parent;
        }
        var folder = Path.Combine(dir?.FullName ?? ".", "tests", "oidc-provider");
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "oidc-provider")))
        {
            throw new InvalidOperationException($"The OpenID Connect provider is not installed: run `npm ci` in {folder} (test.sh does).");
        }
        var start = new ProcessStartInfo("node", ["server.mjs", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--client-url", BaseUrl])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _provider = new Process { StartInfo = start, EnableRaisingEvents = true };
        _provider.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }
            lock (_providerOutput)
            {
                _providerOutput.Add(e.Data);
            }
            if (e.Data.StartsWith("listening ", StringComparison.Ordinal))
            {
                ready.TrySetResult();
            }
        };
        _provider.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (_providerOutput)
                {
                    _providerOutput.Add(e.Data);
                }
            }
        };
        _provider.Exited += (_, _) => ready.TrySetException(new InvalidOperationException($"The OpenID Connect provider stopped:\n{string.Join('\n', _providerOutput)}"));
        _provider.Start();
        _provider.BeginOutputReadLine();
        _provider.BeginErrorReadLine();
        await ready.Task.WaitAsync(TimeSpan.FromSeconds(90));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>What the provider saw (logins, end_session requests), from its <c>/__events</c>.</summary>
    public async Task<List<JsonElement>> ProviderEventsAsync()
    {
        var json = await ProviderClient.GetStringAsync(new Uri($"{ProviderUrl}/__events"));
        return JsonDocument.Parse(json).RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
    }

    public async Task<T> QueryAsync<T>(Func<CapDbContext, Task<T>> query)
    {
        using var scope = Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<CapDbContext>());
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "fr-FR", BypassCSP = true, ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
        if (_provider is { HasExited: false })
        {
            _provider.Kill(entireProcessTree: true);
            await _provider.WaitForExitAsync();
        }
        _provider?.Dispose();
        ProviderClient.Dispose();
        await _root.DisposeAsync();
    }
}

/// <summary>
/// The whole ProConnect journey against a real provider: provisioning limited by the allow-list and waiting for a
/// role, refusal of an account takeover and of an unverified address, and sign-out that ends the provider's session.
/// </summary>
public sealed class OidcJourneyTests(OidcFixture app) : IClassFixture<OidcFixture>
{
    private const float Timeout = 60_000;

    /// <summary>From Cap's sign-in page through the provider's login form (the login is the account's sub) and back.</summary>
    private async Task SignInWithProConnectAsync(IPage page, string sub)
    {
        await page.GotoAsync($"{app.BaseUrl}/connexion");
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("ProConnect") }).ClickAsync();
        await page.WaitForURLAsync(url => url.StartsWith(app.ProviderUrl, StringComparison.Ordinal), new() { Timeout = Timeout });
        await page.Locator("input[name=login]").FillAsync(sub);
        await page.Locator("input[name=password]").FillAsync("mot-de-passe-quelconque");
        await page.Locator("button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => url.StartsWith(app.BaseUrl, StringComparison.Ordinal) && !url.Contains("/signin-oidc", StringComparison.Ordinal), new() { Timeout = Timeout });
    }

    private async Task<IPage> SignInAsDemoAsync(string displayName)
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync($"{app.BaseUrl}/connexion");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Choisir {displayName}" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/connexion", StringComparison.Ordinal), new() { Timeout = Timeout });
        return page;
    }

    [Fact]
    public async Task An_allowed_new_agent_is_provisioned_waits_for_a_role_and_reads_once_an_administrator_grants_one()
    {
        var page = await app.NewPageAsync();

        await SignInWithProConnectAsync(page, "nouvelle-agente");

        Assert.EndsWith("/compte/en-attente", page.Url, StringComparison.Ordinal);
        Assert.Contains("Votre compte est créé ; un administrateur doit vous donner un rôle", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        var person = await app.QueryAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Email == "nora.agente@sante.gouv.fr"));
        Assert.Equal("nouvelle-agente", person.ExternalSubject);
        Assert.Equal(GlobalRoles.None, person.Roles);
        Assert.Equal("Nora Agente", person.DisplayName);
        // No product page, no product list, no API: the account waits.
        await page.GotoAsync($"{app.BaseUrl}/produits/vaccin-suivi");
        Assert.EndsWith("/compte/en-attente", page.Url, StringComparison.Ordinal);
        await page.GotoAsync($"{app.BaseUrl}/");
        Assert.EndsWith("/compte/en-attente", page.Url, StringComparison.Ordinal);
        var api = await page.Context.APIRequest.GetAsync($"{app.BaseUrl}/api/v1/products");
        Assert.Equal(403, api.Status);
        // The administrators were told.
        var mails = await app.QueryAsync(db => db.OutboxMails.AsNoTracking().Where(m => m.Topic == "account-pending:nora.agente@sante.gouv.fr").Select(m => m.To).ToListAsync());
        Assert.Contains("camille.martin@demo.cap.gouv.fr", mails);

        // An administrator sees the pending account and grants the Lecteur role on its edit page.
        var admin = await SignInAsDemoAsync("Camille Martin");
        await admin.GotoAsync($"{app.BaseUrl}/admin/personnes?etat=attente");
        var row = admin.Locator("tr", new() { HasText = "nora.agente@sante.gouv.fr" });
        // The badge is shown in capitals (DSFR): its text, not its rendering, is compared.
        Assert.Contains("En attente d’un rôle", await row.TextContentAsync(), StringComparison.Ordinal);
        await row.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("Modifier") }).ClickAsync();
        Assert.Contains("Compte en attente d’un rôle", await admin.Locator("main").TextContentAsync(), StringComparison.Ordinal);
        await admin.Locator($"#Input_Roles-{GlobalRoles.Lecteur}").CheckAsync(new() { Force = true });
        await admin.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await admin.WaitForURLAsync(url => url.EndsWith("/admin/personnes", StringComparison.Ordinal), new() { Timeout = Timeout });
        Assert.Equal(GlobalRoles.Lecteur, await app.QueryAsync(db => db.People.AsNoTracking().Where(p => p.Id == person.Id).Select(p => p.Roles).SingleAsync()));

        // The same session now reads the portfolio.
        var product = await page.GotoAsync($"{app.BaseUrl}/produits/vaccin-suivi");
        Assert.Equal(200, product!.Status);
        Assert.EndsWith("/produits/vaccin-suivi", page.Url, StringComparison.Ordinal);
        await page.Context.CloseAsync();
        await admin.Context.CloseAsync();
    }

    [Fact]
    public async Task An_agent_outside_the_allowed_domains_is_refused_and_no_account_is_opened()
    {
        var page = await app.NewPageAsync();

        await SignInWithProConnectAsync(page, "hors-liste");

        Assert.Contains("/connexion/refus/hors-liste", page.Url, StringComparison.Ordinal);
        Assert.Contains("ne permet pas d’ouvrir un compte Cap automatiquement", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.False(await app.QueryAsync(db => db.People.AnyAsync(p => p.Email == "quelquun@exemple.com")));
        await page.GotoAsync($"{app.BaseUrl}/produits");
        Assert.Contains("/connexion", page.Url, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Another_identity_with_the_e_mail_of_a_bound_account_is_refused_audited_and_reported_to_administrators()
    {
        var jeanId = await app.QueryAsync(async db =>
        {
            var jean = await db.People.SingleAsync(p => p.Email == "jean.dupont@demo.cap.gouv.fr");
            jean.ExternalSubject = "jean-dupont-origine";
            await db.SaveChangesAsync();
            return jean.Id;
        });
        var page = await app.NewPageAsync();

        await SignInWithProConnectAsync(page, "usurpateur");

        Assert.Contains("/connexion/refus/compte-deja-lie", page.Url, StringComparison.Ordinal);
        Assert.Contains("les administrateurs de Cap ont été prévenus", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.Equal("jean-dupont-origine", await app.QueryAsync(db => db.People.AsNoTracking().Where(p => p.Id == jeanId).Select(p => p.ExternalSubject).SingleAsync()));
        var audit = await app.QueryAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(Person) && a.EntityId == jeanId.ToString(System.Globalization.CultureInfo.InvariantCulture) && a.ActorName == "ProConnect")
            .ToListAsync());
        var entry = Assert.Single(audit);
        Assert.Contains("usurpateur", entry.After, StringComparison.Ordinal);
        var mail = await app.QueryAsync(db => db.OutboxMails.AsNoTracking().Where(m => m.Topic == $"account-link-refused:{jeanId}").ToListAsync());
        Assert.Contains(mail, m => m.To == "camille.martin@demo.cap.gouv.fr" && m.Body.Contains("usurpateur", StringComparison.Ordinal));
        // Not signed in.
        await page.GotoAsync($"{app.BaseUrl}/produits");
        Assert.Contains("/connexion", page.Url, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_address_the_provider_says_is_unverified_is_not_linked_to_the_existing_account()
    {
        var page = await app.NewPageAsync();

        await SignInWithProConnectAsync(page, "non-verifiee");

        Assert.Contains("/connexion/refus/adresse-non-verifiee", page.Url, StringComparison.Ordinal);
        Assert.Null(await app.QueryAsync(db => db.People.AsNoTracking().Where(p => p.Email == "helene.petit@demo.cap.gouv.fr").Select(p => p.ExternalSubject).SingleAsync()));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_demo_person_signs_in_with_ProConnect_and_signing_out_ends_the_provider_session_too()
    {
        var page = await app.NewPageAsync();

        await SignInWithProConnectAsync(page, "camille-proconnect");

        Assert.Equal("camille-proconnect", await app.QueryAsync(db => db.People.AsNoTracking().Where(p => p.Email == "camille.martin@demo.cap.gouv.fr").Select(p => p.ExternalSubject).SingleAsync()));
        await page.GotoAsync($"{app.BaseUrl}/produits");
        Assert.EndsWith("/produits", page.Url, StringComparison.Ordinal);
        Assert.Contains("Camille Martin", await page.InnerTextAsync("header"), StringComparison.Ordinal);
        var before = (await app.ProviderEventsAsync()).Count(e => e.GetProperty("type").GetString() == "end_session.success");

        await page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }).ClickAsync();
        await page.WaitForURLAsync(url => url.StartsWith(app.BaseUrl, StringComparison.Ordinal) && !url.Contains("signout-callback", StringComparison.Ordinal), new() { Timeout = Timeout });

        var events = await app.ProviderEventsAsync();
        var endSession = events.Last(e => e.GetProperty("type").GetString() == "end_session");
        Assert.True(endSession.GetProperty("id_token_hint").GetBoolean(), "The provider's end_session was reached without id_token_hint.");
        Assert.Equal($"{app.BaseUrl}/signout-callback-oidc", endSession.GetProperty("post_logout_redirect_uri").GetString());
        Assert.Equal(before + 1, events.Count(e => e.GetProperty("type").GetString() == "end_session.success"));
        Assert.DoesNotContain(await page.Context.CookiesAsync([app.BaseUrl]), c => c.Name == "cap.session");
        await page.GotoAsync($"{app.BaseUrl}/produits");
        Assert.Contains("/connexion", page.Url, StringComparison.Ordinal);

        // Signing in again asks the provider's login again: its session is over.
        await page.GotoAsync($"{app.BaseUrl}/connexion");
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("ProConnect") }).ClickAsync();
        await page.WaitForURLAsync(url => url.StartsWith(app.ProviderUrl, StringComparison.Ordinal), new() { Timeout = Timeout });
        await page.Locator("input[name=login]").WaitForAsync(new() { Timeout = Timeout });
        Assert.True(await page.Locator("input[name=login]").IsVisibleAsync());
        await page.Context.CloseAsync();
    }
}
