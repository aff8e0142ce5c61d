using Cap.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Cap.Web.Shared.Connectors;

/// <summary>
/// Readiness of the connectors: « Degraded » (still 200) while some connection's last synchronisation failed — a late
/// JDMA must not take Cap out of the load balancer — with how many, never which key or source answer.
/// </summary>
public sealed class ConnectorsHealthCheck(IServiceScopeFactory scopes) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CapDbContext>();
        var failing = await db.ConnectorSyncStates.AsNoTracking().CountAsync(s => s.LastError != null, cancellationToken);
        return failing == 0
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Degraded($"{failing} connexion(s) en erreur de synchronisation (voir /admin/connecteurs).");
    }

    /// <summary>Per connector kind, the seconds since the least recently synchronised connection last succeeded (never-synced ones are not counted).</summary>
    public static async Task<List<Cap.Data.Telemetry.ConnectorLag>> LagAsync(CapDbContext db, DateTimeOffset now, CancellationToken ct) =>
        [.. (await db.ConnectorSyncStates.AsNoTracking().Where(s => s.LastSuccessAt != null).Select(s => new { s.Kind, s.LastSuccessAt }).ToListAsync(ct))
            .GroupBy(s => s.Kind)
            .Select(g => new Cap.Data.Telemetry.ConnectorLag(g.Key.ToString().ToLowerInvariant(), Math.Max(0, (now - g.Min(s => s.LastSuccessAt!.Value)).TotalSeconds)))];
}
