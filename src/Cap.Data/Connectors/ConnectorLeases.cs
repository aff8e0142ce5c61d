using Cap.Domain;
using Microsoft.EntityFrameworkCore;

namespace Cap.Data.Connectors;

/// <summary>
/// The leases and outcomes of connection synchronisations, by conditional updates that only one instance can win:
/// a connection is taken when its lease is free (none, or run out: its instance stopped or died), and its outcome is
/// recorded only by the lease's owner. Works the same on SQLite and PostgreSQL (one UPDATE … WHERE, atomic on both).
/// </summary>
public static class ConnectorLeases
{
    /// <summary>Takes the lease of the state <paramref name="stateId"/> for <paramref name="owner"/>; false when another instance holds it (or, unless <paramref name="evenIfNotDue"/>, it is not due).</summary>
    public static async Task<bool> TryTakeAsync(CapDbContext db, int stateId, string owner, DateTimeOffset now, TimeSpan lease, bool evenIfNotDue, CancellationToken ct)
    {
        var until = now + lease;
        var query = db.ConnectorSyncStates.Where(s => s.Id == stateId && (s.Owner == null || s.LeaseUntil < now));
        if (!evenIfNotDue)
        {
            query = query.Where(s => s.NextAttemptAt <= now);
        }
        var taken = await query.ExecuteUpdateAsync(u => u.SetProperty(s => s.Owner, owner).SetProperty(s => s.LeaseUntil, until).SetProperty(s => s.LastAttemptAt, now), ct);
        return taken == 1;
    }

    /// <summary>The states due now whose lease is free, oldest due first.</summary>
    public static Task<List<int>> DueAsync(CapDbContext db, DateTimeOffset now, int max, CancellationToken ct) =>
        db.ConnectorSyncStates.AsNoTracking().Where(s => s.NextAttemptAt <= now && (s.Owner == null || s.LeaseUntil < now))
            .OrderBy(s => s.NextAttemptAt).Select(s => s.Id).Take(max).ToListAsync(ct);

    /// <summary>Records a success and frees the lease.</summary>
    public static Task<int> SucceededAsync(CapDbContext db, int stateId, string owner, DateTimeOffset now, DateTimeOffset next, DateOnly syncedThrough, int days, CancellationToken ct) =>
        db.ConnectorSyncStates.Where(s => s.Id == stateId && s.Owner == owner).ExecuteUpdateAsync(u => u
            .SetProperty(s => s.LastSuccessAt, now).SetProperty(s => s.LastError, (string?)null).SetProperty(s => s.LastErrorAt, (DateTimeOffset?)null)
            .SetProperty(s => s.ConsecutiveFailures, 0).SetProperty(s => s.NextAttemptAt, next).SetProperty(s => s.SyncedThrough, syncedThrough)
            .SetProperty(s => s.LastDays, days).SetProperty(s => s.Owner, (string?)null), ct);

    /// <summary>Records a failure (its French message), the next attempt, and frees the lease.</summary>
    public static Task<int> FailedAsync(CapDbContext db, int stateId, string owner, DateTimeOffset now, string error, int failures, DateTimeOffset next, CancellationToken ct) =>
        db.ConnectorSyncStates.Where(s => s.Id == stateId && s.Owner == owner).ExecuteUpdateAsync(u => u
            .SetProperty(s => s.LastError, Text.Truncate(error, ConnectorSyncState.ErrorMaxLength))
            .SetProperty(s => s.LastErrorAt, now).SetProperty(s => s.ConsecutiveFailures, failures).SetProperty(s => s.NextAttemptAt, next)
            .SetProperty(s => s.Owner, (string?)null), ct);
}
