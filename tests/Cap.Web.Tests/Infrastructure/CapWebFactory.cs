using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Cap.Data;
using Cap.Web.Shared.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Cap.Web.Tests.Infrastructure;

/// <summary>
/// The whole application over a fresh database of its own, filled with the demo portfolio, with a test sign-in: a
/// request carrying <c>X-Test-Person: e-mail</c> is that person. One instance per test class (<c>IClassFixture</c>);
/// each provider is a subclass. The demo portfolio is seeded once per provider and test process, by the application
/// itself starting on an empty database (the template); every instance then starts on a copy of it, which the
/// application finds migrated and seeded, instead of seeding its own for several seconds.
/// </summary>
public abstract class CapWebFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string TestScheme = "Test";
    public const string PersonHeader = "X-Test-Person";
    public const string AntiforgeryField = "__cap_csrf";

    private static readonly ConcurrentDictionary<Type, Lazy<Task<string>>> Templates = new();
    private static readonly ConcurrentBag<(CapWebFactory Factory, string Template)> Seeded = [];

    static CapWebFactory()
    {
        // Registered before any database exists, so before the PostgreSQL cluster's own exit handler: the templates
        // go first, while the cluster still answers.
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var (factory, template) in Seeded)
            {
                factory.DeleteDatabaseAsync(template).GetAwaiter().GetResult();
            }
        };
    }

    private string? _connectionString;
    private bool _isTemplate;

    public abstract DatabaseProvider Provider { get; }

    /// <summary>The connection string of this instance's own database (created on first use).</summary>
    public string ConnectionString =>
        _connectionString ??= Task.Run(CreateDatabaseAsync).GetAwaiter().GetResult();

    /// <summary>Creates an empty database and returns its connection string.</summary>
    protected abstract Task<string> CreateEmptyDatabaseAsync();

    /// <summary>Creates a database holding what the template holds and returns its connection string.</summary>
    protected abstract Task<string> CopyDatabaseAsync(string template);

    /// <summary>Leaves the template ready to be copied once its application has stopped (every connection closed).</summary>
    protected abstract Task SealTemplateAsync(string template);

    /// <summary>Removes this instance's database once the host is stopped.</summary>
    protected abstract Task DeleteDatabaseAsync(string connectionString);

    private async Task<string> CreateDatabaseAsync() =>
        _isTemplate ? await CreateEmptyDatabaseAsync() : await CopyDatabaseAsync(await Templates.GetOrAdd(GetType(), type => new(() => SeedTemplateAsync(type))).Value);

    /// <summary>Runs the application once on an empty database, which it migrates and fills with the demo portfolio.</summary>
    private static async Task<string> SeedTemplateAsync(Type type)
    {
        var factory = (CapWebFactory)Activator.CreateInstance(type)!;
        factory._isTemplate = true;
        var template = await factory.CreateDatabaseAsync();
        factory._connectionString = template;
        _ = factory.Services;
        await factory.DisposeAsync();
        await factory.SealTemplateAsync(template);
        Seeded.Add((factory, template));
        return template;
    }

    async Task IAsyncLifetime.InitializeAsync() => _connectionString ??= await CreateDatabaseAsync();

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        // The template stays for the process's other instances; it is removed when the process exits.
        if (_connectionString is { } connectionString && !_isTemplate)
        {
            _connectionString = null;
            await DeleteDatabaseAsync(connectionString);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("ConnectionStrings:Cap", ConnectionString);
        builder.UseSetting("Database:SeedDemoData", "true");
        builder.UseSetting("Authentication:DemoSignIn:Enabled", "true");
        // Tests switch forms and placements off under the application's feet and expect the next answer refused at once.
        builder.UseSetting("Satisfaction:PlacementCacheSeconds", "0");
        // The tests run the satisfaction feed's passes themselves (SatisfactionFeedWorker.PassAsync): a timed pass in
        // between would take the products they expect to find changed.
        builder.UseSetting("Satisfaction:FeedSeconds", "86400");
        // The portfolio's lines are refreshed by the dashboard itself (or a test's PortfolioRefresher.PassAsync).
        builder.UseSetting("Portfolio:RefreshSeconds", "86400");
        // Connectors are synchronised by the tests themselves (« Synchroniser maintenant », ConnectorRunner.PassAsync).
        builder.UseSetting("Connectors:Enabled", "false");
        // Digests are generated by the tests that look at them (« Générer maintenant », or their scheduler's pass).
        builder.UseSetting("Digests:Enabled", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Warning");
        builder.ConfigureTestServices(services =>
        {
            services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, TestAuthenticationHandler>(TestScheme, _ => { });
            services.PostConfigure<PolicySchemeOptions>(CapClaims.Scheme, o =>
            {
                var previous = o.ForwardDefaultSelector;
                o.ForwardDefaultSelector = ctx => ctx.Request.Headers.ContainsKey(PersonHeader) ? TestScheme : previous!(ctx);
            });
        });
    }

    /// <summary>A client that keeps cookies, does not follow redirects and, when <paramref name="email"/> is given, is signed in as that person.</summary>
    public HttpClient CreateClientFor(string? email)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        if (email is not null)
        {
            client.DefaultRequestHeaders.Add(PersonHeader, email);
        }
        return client;
    }

    /// <summary>
    /// Reads a page and returns the hidden fields of its first POST form (the first in the main
    /// content, ahead of the header's sign-out form), the antiforgery token among them.
    /// </summary>
    public static async Task<Dictionary<string, string>> FormFieldsAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.RelativeOrAbsolute));
        var html = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET {url} answered {(int)response.StatusCode} {response.Headers.Location}: no form to read.");
        }
        using var document = await new HtmlParser().ParseDocumentAsync(html);
        static bool IsPost(IElement form) => string.Equals(form.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase);
        var form = document.QuerySelector("main")?.QuerySelectorAll("form").FirstOrDefault(IsPost)
            ?? document.QuerySelectorAll("form").FirstOrDefault(IsPost);

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var input in form?.QuerySelectorAll("input[type=hidden][name]") ?? Enumerable.Empty<IElement>())
        {
            fields[input.GetAttribute("name")!] = input.GetAttribute("value") ?? string.Empty;
        }
        if (!fields.ContainsKey(AntiforgeryField)
            && document.QuerySelector($"input[name={AntiforgeryField}]")?.GetAttribute("value") is { } token)
        {
            fields[AntiforgeryField] = token;
        }
        if (!fields.ContainsKey(AntiforgeryField))
        {
            throw new InvalidOperationException($"GET {url}: the page has no antiforgery field {AntiforgeryField}.");
        }
        return fields;
    }

    /// <summary>
    /// Submits a form of <paramref name="pageUrl"/> as a browser would: the form the page rendered that posts to
    /// <paramref name="action"/> (by default the page itself), with every value it carries (antiforgery token, hidden
    /// fields, defaults) and <paramref name="fields"/> typed in. A field the rendered form does not have fails the test.
    /// </summary>
    public static Task<HttpResponseMessage> PostFormAsync(HttpClient client, string pageUrl, IDictionary<string, string> fields, string? action = null) =>
        PostFormAsync(client, pageUrl, fields.Select(f => (f.Key, f.Value)), action);

    /// <summary>
    /// A post built by hand on purpose, to show that the server refuses it: a request no rendered form makes (a field
    /// the form does not show, a form the person is not offered), with a valid antiforgery token taken from
    /// <paramref name="tokenPageUrl"/>. Never the way to test that a form works: that is <see cref="PostFormAsync(HttpClient, string, IDictionary{string, string}, string?)"/>.
    /// </summary>
    public static Task<HttpResponseMessage> PostForgedAsync(HttpClient client, string tokenPageUrl, IDictionary<string, string> fields, string action) =>
        PostForgedAsync(client, tokenPageUrl, fields.Select(f => (f.Key, f.Value)), action);

    /// <summary>The same, with names that may repeat.</summary>
    public static async Task<HttpResponseMessage> PostForgedAsync(HttpClient client, string tokenPageUrl, IEnumerable<(string Name, string Value)> fields, string action)
    {
        var token = (await FormFieldsAsync(client, tokenPageUrl))[AntiforgeryField];
        using var content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new(AntiforgeryField, token)));
        return await client.PostAsync(new Uri(action, UriKind.RelativeOrAbsolute), content);
    }

    /// <summary>The same, for fields that take several values (a name repeated: check boxes, multiple selects).</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string pageUrl, IEnumerable<(string Name, string Value)> fields, string? action = null)
    {
        var list = fields.ToList();
        var form = await RenderedForm.ReadAsync(client, pageUrl, action, list.Select(f => f.Name),
            list.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        foreach (var group in list.GroupBy(f => f.Name))
        {
            form.SetAll(group.Key, group.Select(f => f.Value));
        }
        return await form.SubmitAsync(client);
    }
}

/// <summary>The application on a throwaway SQLite file.</summary>
public sealed class SqliteCapFactory : CapWebFactory
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override Task<string> CreateEmptyDatabaseAsync() => Task.FromResult($"Data Source={NewFile()}");

    protected override Task<string> CopyDatabaseAsync(string template)
    {
        var file = NewFile();
        File.Copy(new SqliteConnectionStringBuilder(template).DataSource, file);
        return Task.FromResult($"Data Source={file}");
    }

    protected override Task SealTemplateAsync(string template)
    {
        // Everything the application wrote goes into the database file, and the log is emptied: the file alone is the copy.
        using (var connection = new SqliteConnection(template))
        {
            connection.Open();
            using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            checkpoint.ExecuteNonQuery();
        }
        using (var connection = new SqliteConnection(template))
        {
            SqliteConnection.ClearPool(connection);
        }
        return Task.CompletedTask;
    }

    private static string NewFile()
    {
        // test.sh gives each run a folder of its own, removed at the end even when a test host crashed.
        var folder = Environment.GetEnvironmentVariable("CAP_TEST_WORKDIR") is { Length: > 0 } work ? work : Path.GetTempPath();
        return Path.Combine(folder, $"cap-tests-{Guid.NewGuid():N}.db");
    }

    protected override Task DeleteDatabaseAsync(string connectionString)
    {
        using (var connection = new SqliteConnection(connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        foreach (var path in new[] { file, file + "-wal", file + "-shm" })
        {
            File.Delete(path);
        }
        return Task.CompletedTask;
    }
}

/// <summary>The application on a fresh database of the test PostgreSQL cluster.</summary>
public sealed class PostgresCapFactory : CapWebFactory
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    protected override Task<string> CreateEmptyDatabaseAsync() =>
        PostgresCluster.CreateDatabaseAsync($"cap_test_{Guid.NewGuid():N}");

    protected override Task<string> CopyDatabaseAsync(string template) =>
        PostgresCluster.CreateDatabaseAsync($"cap_test_{Guid.NewGuid():N}", new NpgsqlConnectionStringBuilder(template).Database);

    protected override Task SealTemplateAsync(string template)
    {
        // A database is copied only while nobody is connected to it.
        using (var connection = new NpgsqlConnection(template))
        {
            NpgsqlConnection.ClearPool(connection);
        }
        return Task.CompletedTask;
    }

    protected override async Task DeleteDatabaseAsync(string connectionString)
    {
        using (var connection = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }
        await PostgresCluster.DropDatabaseAsync(new NpgsqlConnectionStringBuilder(connectionString).Database!);
    }
}

/// <summary>Signs in the person whose e-mail is in the <c>X-Test-Person</c> header, with the principal the application itself issues.</summary>
public sealed class TestAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    CapDbContext db)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var email = Request.Headers[CapWebFactory.PersonHeader].ToString().Trim().ToLowerInvariant();
        if (email.Length == 0)
        {
            return AuthenticateResult.NoResult();
        }
        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Email == email, Context.RequestAborted);
        if (person is null)
        {
            return AuthenticateResult.Fail($"No person has the e-mail {email}.");
        }
        var principal = CapClaims.For(person, CapWebFactory.TestScheme, "test");
        return AuthenticateResult.Success(new AuthenticationTicket(principal, CapWebFactory.TestScheme));
    }
}
