using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Cap.Web.Shared.Hosting;

/// <summary>
/// Cap's health endpoints, answering JSON with the status of each check:
/// <list type="bullet">
/// <item><c>/health/live</c> (liveness): the process answers; no check, so a database outage never gets Cap restarted;</item>
/// <item><c>/health/ready</c> (readiness): the checks tagged <see cref="Ready"/> — the database (503 when unreachable) and
/// the connectors, which report « Degraded » (still 200) rather than down when their source fails;</item>
/// <item><c>/health</c>: every check, as before the split.</item>
/// </list>
/// </summary>
public static class HealthResponse
{
    public const string Ready = "ready";

    public static readonly HealthCheckOptions Options = new() { ResponseWriter = WriteAsync };

    public static readonly HealthCheckOptions Live = new() { Predicate = _ => false, ResponseWriter = WriteAsync };

    public static readonly HealthCheckOptions Readiness = new() { Predicate = c => c.Tags.Contains(Ready), ResponseWriter = WriteAsync };

    private static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        await JsonSerializer.SerializeAsync(context.Response.Body, new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
                durationMs = e.Value.Duration.TotalMilliseconds,
            }),
        });
    }
}
