using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using Cap.Data;
using Cap.Web.Shared.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Cap.Bench;

/// <summary>What the server measured for one request.</summary>
internal sealed record ServerSample(double ServerMs, int SqlCommands, double SqlMs, IReadOnlyList<string> Sql);

/// <summary>
/// The figures of the request being served, carried by an <see cref="AsyncLocal{T}"/> from the
/// timing middleware to the SQL interceptor.
/// </summary>
internal sealed class RequestStats
{
    private int _commands;
    private long _sqlTicks;
    private readonly ConcurrentQueue<string> _sql = new();

    public static readonly AsyncLocal<RequestStats?> Current = new();

    public bool KeepSql { get; init; }
    public int Commands => Volatile.Read(ref _commands);
    public double SqlMs => TimeSpan.FromTicks(Interlocked.Read(ref _sqlTicks)).TotalMilliseconds;
    public IReadOnlyList<string> Sql => [.. _sql];

    public void Executing(DbCommand command)
    {
        Interlocked.Increment(ref _commands);
        if (KeepSql)
        {
            _sql.Enqueue(command.CommandText);
        }
    }

    public void Executed(TimeSpan duration) => Interlocked.Add(ref _sqlTicks, duration.Ticks);
}

/// <summary>Counts every SQL command (reader, scalar, non-query) against the current request.</summary>
internal sealed class SqlCounter : DbCommandInterceptor
{
    private static void Executing(DbCommand command) => RequestStats.Current.Value?.Executing(command);

    private static void Executed(CommandExecutedEventData data) => RequestStats.Current.Value?.Executed(data.Duration);

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Executing(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Executing(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Executing(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Executing(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Executing(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Executing(command);
        return ValueTask.FromResult(result);
    }

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Executed(eventData);
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Executed(eventData);
        return ValueTask.FromResult(result);
    }

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        Executed(eventData);
        return result;
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Executed(eventData);
        return ValueTask.FromResult(result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Executed(eventData);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Executed(eventData);
        return ValueTask.FromResult(result);
    }
}

/// <summary>The server's figures, by the request id the client sends in <see cref="TimingStartupFilter.RequestIdHeader"/>.</summary>
internal sealed class SampleCollector
{
    private readonly ConcurrentDictionary<string, ServerSample> _samples = new();

    public void Add(string id, ServerSample sample) => _samples[id] = sample;

    public ServerSample Take(string id)
    {
        // The test server completes the response body when the pipeline returns, so the sample is
        // normally there already; wait a little in case the client saw the end of the body first.
        var wait = Stopwatch.StartNew();
        while (true)
        {
            if (_samples.TryRemove(id, out var sample))
            {
                return sample;
            }
            if (wait.Elapsed > TimeSpan.FromSeconds(5))
            {
                throw new InvalidOperationException($"No server sample for request {id}.");
            }
            Thread.Yield();
        }
    }
}

/// <summary>
/// The first middleware of the pipeline: times the whole server side of a request (from the
/// first middleware to the last byte written) and counts its SQL commands.
/// </summary>
internal sealed class TimingStartupFilter(SampleCollector collector, Func<bool> keepSql) : IStartupFilter
{
    public const string RequestIdHeader = "X-Bench-Request";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (HttpContext context, RequestDelegate nextMiddleware) =>
        {
            var stats = new RequestStats { KeepSql = keepSql() };
            RequestStats.Current.Value = stats;
            var clock = Stopwatch.StartNew();
            try
            {
                await nextMiddleware(context);
                await context.Response.CompleteAsync();
            }
            finally
            {
                clock.Stop();
                RequestStats.Current.Value = null;
                if (context.Request.Headers.TryGetValue(RequestIdHeader, out var id))
                {
                    collector.Add(id.ToString(), new ServerSample(clock.Elapsed.TotalMilliseconds, stats.Commands, stats.SqlMs, stats.Sql));
                }
            }
        });
        next(app);
    };
}

/// <summary>Signs in the person whose e-mail is in <see cref="PersonHeader"/>, as the integration tests do.</summary>
internal sealed class BenchAuthHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    BenchIdentities identities)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bench";
    public const string PersonHeader = "X-Bench-Person";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var email = Request.Headers[PersonHeader].ToString();
        return Task.FromResult(identities.Find(email) is { } principal
            ? AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName))
            : AuthenticateResult.Fail($"Unknown bench person {email}."));
    }
}

/// <summary>
/// The principals of the bench persons, looked up once in the database before measuring, so that
/// the bench's own sign-in adds no SQL query to the requests (like a cookie session).
/// </summary>
internal sealed class BenchIdentities
{
    private readonly ConcurrentDictionary<string, ClaimsPrincipal> _principals = new(StringComparer.OrdinalIgnoreCase);

    public ClaimsPrincipal? Find(string email) => _principals.GetValueOrDefault(email);

    public async Task AddAsync(IServiceProvider services, string email)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CapDbContext>();
        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Email == email)
            ?? throw new InvalidOperationException($"No person {email} in the demo portfolio.");
        _principals[email] = CapClaims.For(person, BenchAuthHandler.SchemeName, "bench");
    }
}

/// <summary>Where a run's database lives: a fresh SQLite file, or a fresh PostgreSQL database.</summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string? _sqliteFile;
    private readonly string? _postgresAdmin;
    private readonly string? _postgresName;

    private BenchDatabase(string provider, string connectionString, string description, string? sqliteFile, string? postgresAdmin, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Description = description;
        _sqliteFile = sqliteFile;
        _postgresAdmin = postgresAdmin;
        _postgresName = postgresName;
    }

    public string Provider { get; }
    public string ConnectionString { get; }
    public string Description { get; }

    public static BenchDatabase Create(string? postgres, int products, bool keep)
    {
        var tag = $"{products}_{Guid.NewGuid():N}"[..16];
        if (postgres is null)
        {
            var file = Path.Combine(Path.GetTempPath(), $"cap-bench-{tag}.db");
            return new BenchDatabase("Sqlite", $"Data Source={file}", $"SQLite file {file}", file, null, null) { Keep = keep };
        }
        var builder = new NpgsqlConnectionStringBuilder(postgres);
        var admin = builder.ConnectionString;
        var name = $"cap_bench_{tag}";
        builder.Database = name;
        // The application creates the database when it applies the migrations.
        return new BenchDatabase("Postgres", builder.ConnectionString, $"PostgreSQL database {name} on {builder.Host}", null, admin, name) { Keep = keep };
    }

    /// <summary>Leave the database in place when the run ends (<c>--keep-database</c>).</summary>
    public bool Keep { get; init; }

    public async ValueTask DisposeAsync()
    {
        if (Keep)
        {
            await Console.Error.WriteLineAsync($"Kept {Description}.");
            return;
        }
        if (_sqliteFile is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(_sqliteFile + suffix);
            }
        }
        if (_postgresAdmin is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_postgresAdmin);
            await connection.OpenAsync();
            await using var drop = connection.CreateCommand();
            drop.CommandText = $"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)";
            await drop.ExecuteNonQueryAsync();
        }
    }
}

/// <summary>Cap hosted in-process on a seeded database, with the bench's timing, SQL counting and sign-in.</summary>
internal sealed class BenchFactory(BenchDatabase database, int syntheticProducts, IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Program>
{
    /// <summary>
    /// The address the benchmarks browse Cap at: HTTPS, as people reach it in production (the antiforgery and session
    /// cookies are Secure-only outside Development, so a form page asked over plain HTTP fails).
    /// </summary>
    public static readonly Uri SiteAddress = new("https://localhost");

    public SampleCollector Samples { get; } = new();
    public BenchIdentities Identities { get; } = new();

    /// <summary>Whether the SQL text of each command is kept (only for --show-sql requests).</summary>
    public bool KeepSql { get; set; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Benchmark");
        builder.UseContentRoot(WebContentRoot());
        builder.UseSetting("Database:Provider", database.Provider);
        builder.UseSetting("ConnectionStrings:Cap", database.ConnectionString);
        builder.UseSetting("Database:SeedDemoData", "true");
        builder.UseSetting("Database:SyntheticProducts", syntheticProducts.ToString(CultureInfo.InvariantCulture));
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services =>
        {
            // First in the pipeline, ahead of every other startup filter.
            services.Insert(0, ServiceDescriptor.Singleton<IStartupFilter>(new TimingStartupFilter(Samples, () => KeepSql)));
            services.ConfigureDbContext<CapDbContext>(o => o.AddInterceptors(new SqlCounter()));
            // The application's log lines go to stderr, so that stdout carries only the report.
            services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
            services.AddSingleton(Identities);
            services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, BenchAuthHandler>(BenchAuthHandler.SchemeName, _ => { });
            services.PostConfigure<PolicySchemeOptions>(CapClaims.Scheme, o =>
            {
                var previous = o.ForwardDefaultSelector;
                o.ForwardDefaultSelector = ctx => ctx.Request.Headers.ContainsKey(BenchAuthHandler.PersonHeader)
                    ? BenchAuthHandler.SchemeName
                    : previous!(ctx);
            });
        });
    }

    /// <summary>
    /// Cap.Web's project folder, from the manifest that Microsoft.AspNetCore.Mvc.Testing writes
    /// beside the bench's binaries (the factory itself only looks for it in the current folder).
    /// </summary>
    private static string WebContentRoot()
    {
        var manifest = Path.Combine(AppContext.BaseDirectory, "MvcTestingAppManifest.json");
        using var json = JsonDocument.Parse(File.ReadAllText(manifest));
        return json.RootElement.GetProperty(typeof(Program).Assembly.FullName!).GetString()!;
    }
}
