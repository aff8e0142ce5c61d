using Cap.Data;
using Cap.Data.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Console;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Cap.Web.Shared.Hosting;

/// <summary>
/// What an operator sees of Cap (docs/operations.md):
/// <list type="bullet">
/// <item>logs as one JSON object per line on the console in Production (<c>Logging:Console:FormatterName</c> chooses
/// otherwise), plain text elsewhere;</item>
/// <item>when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the OpenTelemetry standard variables, from the environment or
/// any configuration source), traces, metrics and logs exported by OTLP: ASP.NET Core, HttpClient, Npgsql (the
/// production database's own ActivitySource and Meter), the .NET runtime, and Cap's own meter
/// (<see cref="CapMetrics"/>: intake queue depth and batch commit time, outbox backlog, connector lag).</item>
/// </list>
/// Nothing is exported, and nothing sampled, when no endpoint is configured.
/// </summary>
public static class Telemetry
{
    public const string DefaultServiceName = "cap";

    public static bool IsExportConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);

    public static void AddCapTelemetry(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var services = builder.Services;
        services.AddMetrics();
        services.AddSingleton<CapMetrics>();

        if (builder.Environment.IsProduction() && string.IsNullOrWhiteSpace(configuration["Logging:Console:FormatterName"]))
        {
            builder.Logging.AddJsonConsole(o =>
            {
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                o.IncludeScopes = true;
            });
        }

        if (!IsExportConfigured(configuration))
        {
            return;
        }

        var serviceName = configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : DefaultServiceName;
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(serviceName, serviceVersion: typeof(Telemetry).Assembly.GetName().Version?.ToString()))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(o =>
                {
                    // Probes and static files would drown the traces that matter.
                    o.Filter = http => !http.Request.Path.StartsWithSegments("/health") && !http.Request.Path.StartsWithSegments("/lib");
                    o.RecordException = true;
                })
                .AddHttpClientInstrumentation()
                .AddSource("Npgsql")
                .AddSource(CapMetrics.MeterName))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("Npgsql")
                .AddMeter(CapMetrics.MeterName))
            .WithLogging(logging => { }, o =>
            {
                o.IncludeScopes = true;
                o.IncludeFormattedMessage = true;
            })
            .UseOtlpExporter();

        services.AddSingleton<OperationalGauges>();
        services.AddHostedService(sp => sp.GetRequiredService<OperationalGauges>());
    }
}

/// <summary>
/// Samples the database's operational state for <see cref="CapMetrics"/> every <c>Telemetry:SampleSeconds</c> (15 by
/// default): the gauges then read the last sample instead of querying the database whenever metrics are collected.
/// </summary>
public sealed class OperationalGauges : BackgroundService
{
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _time;
    private readonly TimeSpan _period;
    private readonly ILogger<OperationalGauges> _logger;
    private volatile OperationalSample _last = OperationalSample.None;

    public OperationalGauges(IServiceScopeFactory scopes, TimeProvider time, CapMetrics metrics, IConfiguration configuration, ILogger<OperationalGauges> logger)
    {
        _scopes = scopes;
        _time = time;
        _logger = logger;
        _period = TimeSpan.FromSeconds(Math.Max(0.1, configuration.GetValue("Telemetry:SampleSeconds", 15.0)));
        metrics.ObserveSampled(() => _last);
    }

    public OperationalSample Last => _last;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await PeriodicPasses.RunAsync(_period, runFirst: true, async ct => _last = await SampleAsync(ct),
            (e, _) => _logger.LogWarning(e, "Mesures d’exploitation non relevées."), stoppingToken, _time);
    }

    public async Task<OperationalSample> SampleAsync(CancellationToken ct)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CapDbContext>();
        var unsent = db.OutboxMails.AsNoTracking().Where(m => m.SentAt == null);
        var backlog = await unsent.LongCountAsync(ct);
        // Ids grow with time: the smallest unsent id is the oldest mail waiting.
        var oldest = backlog == 0 ? (DateTimeOffset?)null : await unsent.OrderBy(m => m.Id).Select(m => (DateTimeOffset?)m.CreatedAt).FirstOrDefaultAsync(ct);
        var age = oldest is { } created ? Math.Max(0, (_time.GetUtcNow() - created).TotalSeconds) : 0;
        return new OperationalSample(backlog, age, await Connectors.ConnectorsHealthCheck.LagAsync(db, _time.GetUtcNow(), ct));
    }
}
