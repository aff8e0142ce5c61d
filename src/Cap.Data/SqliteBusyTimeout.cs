using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Cap.Data;

/// <summary>
/// Gives every SQLite connection of the application a busy timeout. While another connection holds the write lock
/// for a moment (the intake writer's commit, a page saving, a feed), SQLite itself waits and retries within
/// milliseconds. Without it the lock is refused at once and Microsoft.Data.Sqlite sleeps 150 ms before each retry,
/// which the request waits in full.
/// </summary>
/// <remarks>
/// The timeout is set on the native handle (<c>sqlite3_busy_timeout</c>), a plain call with no statement to prepare,
/// on every open: pooled handles keep it, and a fresh one gets it. Past it, Microsoft.Data.Sqlite's own retry runs on
/// until the command timeout.
/// </remarks>
public sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    /// <summary>How long SQLite waits for a lock before it answers busy.</summary>
    public const int Milliseconds = 5000;

    public static readonly SqliteBusyTimeout Interceptor = new();

    private SqliteBusyTimeout()
    {
    }

    /// <summary>Sets the timeout on an open connection.</summary>
    public static void Apply(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
        {
            SQLitePCL.raw.sqlite3_busy_timeout(handle, Milliseconds);
        }
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }
}
