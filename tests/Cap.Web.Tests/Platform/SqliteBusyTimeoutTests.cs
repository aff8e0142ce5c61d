using System.Diagnostics;
using Cap.Data;
using Cap.Web.Shared.Data;
using Cap.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cap.Web.Tests.Platform;

/// <summary>SQLite only: every connection of the application waits for a moment's lock instead of sleeping 150 ms.</summary>
public sealed class SqliteBusyTimeoutTests(SqliteCapFactory factory) : IClassFixture<SqliteCapFactory>
{
    [Fact]
    public async Task A_connection_the_application_opens_carries_the_busy_timeout()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CapDbContext>();
        await db.Database.OpenConnectionAsync();

        var timeout = await db.Database.SqlQueryRaw<long>("SELECT timeout AS Value FROM pragma_busy_timeout").SingleAsync();

        Assert.Equal(SqliteBusyTimeout.Milliseconds, timeout);
    }

    [Fact]
    public async Task A_write_that_meets_another_connections_lock_goes_on_as_soon_as_it_is_released()
    {
        await using (var warm = factory.Services.CreateAsyncScope())
        {
            // The first statement of a context pays for the model; this one is about the lock only.
            await warm.ServiceProvider.GetRequiredService<CapDbContext>().Database.ExecuteSqlRawAsync("UPDATE Products SET Name = Name WHERE Id = -1");
        }
        await using var holder = new SqliteConnection(factory.ConnectionString);
        await holder.OpenAsync();
        await using (var begin = holder.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE";
            await begin.ExecuteNonQueryAsync();
        }
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CapDbContext>();

        var clock = Stopwatch.StartNew();
        var write = Task.Run(() => db.Database.ExecuteSqlRawAsync("UPDATE Products SET Name = Name WHERE Id = -1"));
        await Task.Delay(30);
        Assert.False(write.IsCompleted, "the write must wait for the lock");
        await using (var commit = holder.CreateCommand())
        {
            commit.CommandText = "COMMIT";
            await commit.ExecuteNonQueryAsync();
        }
        await write;
        clock.Stop();

        // Without a busy timeout, Microsoft.Data.Sqlite sleeps 150 ms before its first retry.
        Assert.True(clock.ElapsedMilliseconds < 150, $"the write took {clock.ElapsedMilliseconds} ms");
    }
}
