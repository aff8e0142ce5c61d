using System.Collections.Concurrent;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Cap.Data.Coordination;

/// <summary>
/// A named lock held across instances while one of them runs a singleton pass (the satisfaction feed): on PostgreSQL a
/// session advisory lock (<c>pg_advisory_lock</c>) on the context's connection, released at the end of the pass, or by
/// the server if the instance dies with its connection; on SQLite, where one instance is the deployment, a lock of the
/// process. Waiting for the lock rather than skipping the pass: each instance's pass carries its own work (the products
/// that received answers through it), the lock only keeps two passes from writing at once.
/// </summary>
public static class DatabaseLocks
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> LocalLocks = new(StringComparer.Ordinal);

    /// <summary>Waits for the lock <paramref name="name"/>; disposing the result releases it.</summary>
    public static async Task<IAsyncDisposable> AcquireAsync(CapDbContext db, string name, CancellationToken ct)
    {
        if (db.IsSqlite)
        {
            var local = LocalLocks.GetOrAdd(name, _ => new SemaphoreSlim(1, 1));
            await local.WaitAsync(ct);
            return new Release(() =>
            {
                local.Release();
                return ValueTask.CompletedTask;
            });
        }
        var key = KeyOf(name);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({key})", ct);
        }
        catch
        {
            await db.Database.CloseConnectionAsync();
            throw;
        }
        return new Release(async () =>
        {
            try
            {
                // A pooled connection keeps its session locks: released explicitly before it goes back to the pool.
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({key})", CancellationToken.None);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        });
    }

    /// <summary>The lock's 64-bit key: FNV-1a of the name, the same in every instance and version.</summary>
    public static long KeyOf(string name)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(name))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }
        return unchecked((long)hash);
    }

    private sealed class Release(Func<ValueTask> release) : IAsyncDisposable
    {
        private int _released;

        public ValueTask DisposeAsync() => Interlocked.Exchange(ref _released, 1) == 0 ? release() : ValueTask.CompletedTask;
    }
}
