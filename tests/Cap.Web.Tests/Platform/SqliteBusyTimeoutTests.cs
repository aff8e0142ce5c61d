using Cap.Data;
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
    public async Task A_write_waits_inside_SQLite_for_another_connections_lock_rather_than_giving_up_at_its_command_timeout()
    {
        // Another connection holds the write lock 1.5 s; the write's command timeout is 1 s. Without a busy timeout,
        // Microsoft.Data.Sqlite's own retries (a 150 ms sleep each) give up after 1 s with SQLITE_BUSY; with it,
        // SQLite waits inside the step (up to 5 s) and the write goes through once the lock is released.
        await using var holder = new SqliteConnection(factory.ConnectionString);
        await holder.OpenAsync();
        await using (var begin = holder.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE";
            await begin.ExecuteNonQueryAsync();
        }
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CapDbContext>();
        db.Database.SetCommandTimeout(1);

        var write = Task.Run(() => db.Database.ExecuteSqlRawAsync("UPDATE Products SET Name = Name WHERE Id = -1"));
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.False(write.IsCompleted, "the write must wait for the lock");
        await using (var commit = holder.CreateCommand())
        {
            commit.CommandText = "COMMIT";
            await commit.ExecuteNonQueryAsync();
        }

        Assert.Equal(0, await write);
    }
}
