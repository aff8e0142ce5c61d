using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using AngleSharp.Html.Parser;
using Cap.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Cap.Web.Tests.Infrastructure.TestHttp;

namespace Cap.Web.Tests.Platform;

/// <summary>
/// Behind a reverse proxy and in production: forwarded headers only from configured proxies, the public base URL for
/// absolute links, HSTS, Permissions-Policy, the same-origin rule on API writes with the session cookie, the size
/// limit of the public form, data-protection keys encrypted with a configured certificate.
/// </summary>
public abstract class HostingTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : CapWebFactory
{
    private const string ProblemJson = "application/problem+json";
    private const string RemoteHeader = "X-Test-Remote-Ip";

    /// <summary>Sets the connection's remote address from a test header, as the server would from the TCP connection.</summary>
    private sealed class RemoteAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[RemoteHeader].ToString(), out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }
                return nextMiddleware(context);
            });
            next(app);
        };
    }

    private WebApplicationFactory<Program> With(params (string Key, string Value)[] settings) =>
        factory.WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
            builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, RemoteAddressFilter>());
        });

    private Task<string> PlacementKeyAsync() =>
        QueryAsync(factory, db => db.Placements.Where(p => p.IsEnabled && p.Form!.IsEnabled && p.Form.Product!.Slug == Demo.JourneyProductSlug)
            .OrderBy(p => p.Id).Select(p => p.PublicKey).FirstAsync());

    private static async Task<string> ButtonScriptAsync(HttpClient client, string key, string remote, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/avis/{key}/bouton.js");
        request.Headers.Add(RemoteHeader, remote);
        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task Forwarded_headers_are_honoured_only_from_a_configured_proxy()
    {
        var key = await PlacementKeyAsync();
        (string, string)[] forwarded = [("X-Forwarded-Proto", "https"), ("X-Forwarded-Host", "cap.proxy.test"), ("X-Forwarded-For", "203.0.113.7")];

        // No proxy configured: not even the loopback is believed.
        using (var none = With())
        {
            using var client = none.CreateClient();
            var script = await ButtonScriptAsync(client, key, "127.0.0.1", forwarded);
            Assert.Contains($"\"http://localhost/avis/{key}\"", script, StringComparison.Ordinal);
            Assert.DoesNotContain("cap.proxy.test", script, StringComparison.Ordinal);
        }

        using var configured = With(("ReverseProxy:KnownProxies:0", "10.0.0.5"), ("ReverseProxy:KnownNetworks", "192.168.10.0/24"));
        using var proxied = configured.CreateClient();
        Assert.Contains($"\"https://cap.proxy.test/avis/{key}\"", await ButtonScriptAsync(proxied, key, "10.0.0.5", forwarded), StringComparison.Ordinal);
        Assert.Contains($"\"https://cap.proxy.test/avis/{key}\"", await ButtonScriptAsync(proxied, key, "192.168.10.20", forwarded), StringComparison.Ordinal);
        // Any other address sends the headers in vain.
        var other = await ButtonScriptAsync(proxied, key, "10.0.0.6", forwarded);
        Assert.Contains($"\"http://localhost/avis/{key}\"", other, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Absolute_links_use_the_public_base_url_never_the_host_header()
    {
        var key = await PlacementKeyAsync();
        using var host = With(("PublicBaseUrl", "https://cap.example.gouv.fr/"));
        using var client = host.CreateClient();

        var script = await ButtonScriptAsync(client, key, "198.51.100.1", ("Host", "attaquant.example"));
        Assert.Contains($"\"https://cap.example.gouv.fr/avis/{key}\"", script, StringComparison.Ordinal);

        // The integration snippets shown to the team.
        client.DefaultRequestHeaders.Add(CapWebFactory.PersonHeader, Demo.ProductOwner);
        var page = await client.GetStringAsync(new Uri($"/produits/{Demo.JourneyProductSlug}/satisfaction/configuration", UriKind.Relative));
        Assert.Contains($"https://cap.example.gouv.fr/avis/{key}/bouton.js", page, StringComparison.Ordinal);
        Assert.DoesNotContain("http://localhost/avis/", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_answer_carries_the_permissions_policy_and_https_answers_carry_hsts()
    {
        using var client = factory.CreateClientFor(Demo.Lecteur);
        foreach (var url in new[] { "/", "/produits", "/api/v1/products", "/api/v1/products/inexistant", "/health" })
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.True(response.Headers.TryGetValues("Permissions-Policy", out var values), url);
            Assert.Contains("camera=()", values!.Single(), StringComparison.Ordinal);
            Assert.Contains("geolocation=()", values!.Single(), StringComparison.Ordinal);
            Assert.False(response.Headers.Contains("Strict-Transport-Security"), $"{url}: HSTS on plain HTTP");
        }

        using var https = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://cap.example.test"), AllowAutoRedirect = false });
        using var secure = await https.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal("max-age=31536000; includeSubDomains", secure.Headers.GetValues("Strict-Transport-Security").Single());
    }

    /// <summary>Signs in with the demo picker's own form for <paramref name="email"/>: the client then holds a session cookie.</summary>
    private async Task<HttpClient> CookieClientAsync(string email)
    {
        var client = factory.CreateClientFor(null);
        var name = Cap.Data.Seeding.DemoPortfolio.People.Single(p => p.Email == email).Name;
        using var signIn = await RenderedForm.SignInAsDemoAsync(client, name);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return client;
    }

    private static async Task<HttpResponseMessage> WriteAsync(HttpClient client, params (string Name, string Value)[] headers)
    {
        // An empty body: refused by validation (422) once past the origin check, so nothing is created.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/products") { Content = RawJson("{}") };
        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task Api_writes_with_the_session_cookie_need_a_same_origin_request()
    {
        using var client = await CookieClientAsync(Demo.Administrateur);
        // Reads are not concerned.
        using (var read = await client.GetAsync(new Uri("/api/v1/me", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        }

        foreach (var headers in new[]
                 {
                     Array.Empty<(string, string)>(),
                     [("Sec-Fetch-Site", "cross-site")],
                     [("Sec-Fetch-Site", "same-site")],
                     [("Origin", "https://attaquant.example")],
                     [("Origin", "null")],
                     // Sec-Fetch-Site wins over a forged-looking Origin.
                     [("Sec-Fetch-Site", "cross-site"), ("Origin", "http://localhost")],
                 })
        {
            using var refused = await WriteAsync(client, headers);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal(ProblemJson, refused.Content.Headers.ContentType?.MediaType);
            Assert.Contains("Origine de la requête refusée", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        foreach (var headers in new[]
                 {
                     new[] { ("Sec-Fetch-Site", "same-origin") },
                     [("Sec-Fetch-Site", "none")],
                     [("Origin", "http://localhost")],
                 })
        {
            using var accepted = await WriteAsync(client, headers);
            Assert.NotEqual(HttpStatusCode.Forbidden, accepted.StatusCode);
            Assert.True((int)accepted.StatusCode is 400 or 422, $"{string.Join(", ", headers)}: {(int)accepted.StatusCode}");
        }
    }

    [Fact]
    public async Task Api_writes_with_a_token_need_no_origin()
    {
        using var account = factory.CreateClientFor(Demo.Administrateur);
        var secret = await QueryAsync(factory, async db =>
        {
            var (value, hash) = Cap.Domain.Platform.ApiToken.NewSecret();
            var admin = await db.People.SingleAsync(p => p.Email == Demo.Administrateur);
            db.ApiTokens.Add(new Cap.Domain.Platform.ApiToken { PersonId = admin.Id, Name = "Script sans origine", Prefix = value[..10], Hash = hash, ExpiresAt = DateTimeOffset.UtcNow.AddDays(1) });
            await db.SaveChangesAsync();
            return value;
        });
        using var script = WithBearer(factory.CreateClientFor(null), secret);
        using var response = await WriteAsync(script, ("Origin", "https://autre-service.example"));
        Assert.True((int)response.StatusCode is 400 or 422, $"{(int)response.StatusCode}");
    }

    [Fact]
    public async Task A_public_form_post_above_the_intake_limit_is_refused_with_413_and_a_french_page()
    {
        var key = await PlacementKeyAsync();
        using var client = factory.CreateClientFor(null);
        var page = $"/avis/{key}";

        const int limit = 16 * 1024;
        var answersBefore = await QueryAsync(factory, db => db.FeedbackAnswers.CountAsync());
        var form = await RenderedForm.ReadAsync(client, page);
        var bulky = form.Names.FirstOrDefault(k => k.EndsWith("Comment", StringComparison.Ordinal)) ?? "Input.SubmissionKey";
        using (var tooLarge = await form.Set("Input.Experience", "3").Set(bulky, new string('a', limit + 1)).SubmitAsync(client))
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
            var body = await tooLarge.Content.ReadAsStringAsync();
            Assert.Contains("Envoi trop volumineux", body, StringComparison.Ordinal);
        }
        Assert.Equal(answersBefore, await QueryAsync(factory, db => db.FeedbackAnswers.CountAsync()));

        // The same form under the limit is taken.
        using var taken = await (await RenderedForm.ReadAsync(client, page)).Set("Input.Experience", "3").SubmitAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, taken.StatusCode);
        Assert.Contains("/merci", taken.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_certificate_the_data_protection_keys_are_stored_encrypted()
    {
        var folder = Environment.GetEnvironmentVariable("CAP_TEST_WORKDIR") is { Length: > 0 } work ? work : Path.GetTempPath();
        var pfx = Path.Combine(folder, $"cap-dp-{Guid.NewGuid():N}.pfx");
        const string password = "mot-de-passe-de-test";
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=Cap protection des clés (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pkcs12, password));
        }
        try
        {
            using var host = With(("DataProtection:CertificatePath", pfx), ("DataProtection:CertificatePassword", password));
            var keys = host.Services.GetRequiredService<IKeyManager>();
            // Activated far ahead: the other tests' host keeps its own default key.
            var key = keys.CreateNewKey(DateTimeOffset.UtcNow.AddYears(5), DateTimeOffset.UtcNow.AddYears(6));
            var xml = await QueryAsync(factory, db => db.DataProtectionKeys.AsNoTracking().Where(k => k.FriendlyName == $"key-{key.KeyId:D}").Select(k => k.Xml).SingleAsync());
            Assert.Contains("EncryptedData", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("unencrypted", xml, StringComparison.Ordinal);

            // The host with the certificate reads it back; the one without cannot.
            Assert.NotNull(keys.GetAllKeys().Single(k => k.KeyId == key.KeyId).Descriptor);
            var withoutCertificate = factory.Services.GetRequiredService<IKeyManager>().GetAllKeys().Single(k => k.KeyId == key.KeyId);
            Assert.ThrowsAny<Exception>(() => withoutCertificate.Descriptor);

            await QueryAsync(factory, db => db.DataProtectionKeys.Where(k => k.FriendlyName == $"key-{key.KeyId:D}").ExecuteDeleteAsync());
        }
        finally
        {
            File.Delete(pfx);
        }
    }
}

public sealed class HostingTestsSqlite(SqliteCapFactory factory) : HostingTests<SqliteCapFactory>(factory);

public sealed class HostingTestsPostgres(PostgresCapFactory factory) : HostingTests<PostgresCapFactory>(factory);

/// <summary>Production start-up: a public base URL is required, cookies are Secure.</summary>
public sealed class ProductionHostingTests
{
    /// <summary>Production with ProConnect configured (a sign-in method is required to start) and <paramref name="publicBaseUrl"/>.</summary>
    private static SqliteHost ProductionHost(string publicBaseUrl) => new("Production", new Dictionary<string, string?>
    {
        ["Authentication:Oidc:Authority"] = "https://proconnect.example.test",
        ["Authentication:Oidc:ClientId"] = "cap-test",
        ["PublicBaseUrl"] = publicBaseUrl,
    });

    [Theory]
    [InlineData("", "PublicBaseUrl n’est pas renseigné")]
    [InlineData("http://cap.example.gouv.fr", "doit commencer par https://")]
    [InlineData("https://cap.example.gouv.fr/?x=1", "n’est pas une adresse valide")]
    public async Task Production_refuses_to_start_without_a_valid_https_public_base_url(string value, string message)
    {
        await using var host = ProductionHost(value);

        var error = Assert.Throws<InvalidOperationException>(() => host.CreateClient());

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_reached_over_plain_http_answers_a_french_page_not_a_500()
    {
        await using var host = ProductionHost("https://cap.example.gouv.fr");
        // No TLS and no declared proxy: the sign-in page's form cannot get its Secure antiforgery cookie.
        using var plain = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://cap.example.gouv.fr") });
        using var response = await plain.GetAsync(new Uri("/connexion", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("<h1>Connexion non sécurisée</h1>", page, StringComparison.Ordinal);
        Assert.Contains("https://", page, StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Production_sets_secure_cookies_and_honours_no_forwarded_header_by_default()
    {
        await using var host = ProductionHost("https://cap.example.gouv.fr");
        // Cap must see HTTPS (Kestrel's TLS or a declared proxy): the Secure antiforgery cookie is never issued over HTTP.
        using var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://cap.example.gouv.fr") });

        using var signIn = await client.GetAsync(new Uri("/connexion", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        var antiforgery = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("cap.antiforgery=", StringComparison.Ordinal));
        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", antiforgery, StringComparison.OrdinalIgnoreCase);

        Assert.Equal("max-age=31536000; includeSubDomains", signIn.Headers.GetValues("Strict-Transport-Security").Single());

        // X-Forwarded-Proto from an unconfigured peer does not make a plain HTTP request HTTPS: no HSTS header.
        using var plain = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://cap.example.gouv.fr") });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health");
        request.Headers.Add("X-Forwarded-Proto", "https");
        using var response = await plain.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }
}
