using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Cap.Web.Shared.Hosting;

/// <summary>/health answers JSON with the status of each check (the database first of all).</summary>
public static class HealthResponse
{
    public static readonly HealthCheckOptions Options = new()
    {
        ResponseWriter = async (context, report) =>
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            await JsonSerializer.SerializeAsync(context.Response.Body, new
            {
                status = report.Status.ToString(),
                checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), durationMs = e.Value.Duration.TotalMilliseconds }),
            });
        },
    };
}
