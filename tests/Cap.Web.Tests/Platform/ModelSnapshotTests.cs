using Cap.Data;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Tests.Platform;

/// <summary>A model change without its migrations would break the next deployment: scripts/add-migration.sh adds them for both providers.</summary>
public sealed class ModelSnapshotTests
{
    [Fact]
    public void Sqlite_migrations_match_the_model()
    {
        var options = new DbContextOptionsBuilder<CapDbContext>()
            .UseSqlite("Data Source=:memory:", o => o.MigrationsAssembly("Cap.Data.Migrations.Sqlite"))
            .Options;
        using var context = new CapDbContext(options);

        Assert.False(context.Database.HasPendingModelChanges(), "The SQLite model has changes without a migration: run scripts/add-migration.sh.");
    }

    [Fact]
    public void Postgres_migrations_match_the_model()
    {
        var options = new DbContextOptionsBuilder<CapDbContext>()
            .UseNpgsql("Host=localhost;Database=cap_snapshot;Username=cap", o => o.MigrationsAssembly("Cap.Data.Migrations.Postgres"))
            .Options;
        using var context = new CapDbContext(options);

        Assert.False(context.Database.HasPendingModelChanges(), "The PostgreSQL model has changes without a migration: run scripts/add-migration.sh.");
    }
}
