using Cap.Data;
using Cap.Data.Seeding;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Shared.Data;

/// <summary>
/// Chooses the database from configuration: the embedded SQLite file by default, PostgreSQL in
/// production (<c>Database:Provider=Postgres</c> and <c>ConnectionStrings:Cap</c>).
/// </summary>
public static class DatabaseSetup
{
    public static IServiceCollection AddCapDatabase(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        var provider = configuration.GetValue("Database:Provider", DatabaseProvider.Sqlite);
        var connectionString = configuration.GetConnectionString("Cap");
        if (provider == DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(connectionString))
        {
            var dataDirectory = Path.GetFullPath(configuration.GetValue("Database:DataDirectory", "data")!, environment.ContentRootPath);
            Directory.CreateDirectory(dataDirectory);
            connectionString = $"Data Source={Path.Combine(dataDirectory, "cap.db")}";
        }
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Cap is empty: set the PostgreSQL connection string.");
        }

        services.AddDbContext<CapDbContext>(options =>
        {
            if (provider == DatabaseProvider.Postgres)
            {
                options.UseNpgsql(connectionString, o => o.MigrationsAssembly("Cap.Data.Migrations.Postgres"));
            }
            else
            {
                options.UseSqlite(connectionString, o => o.MigrationsAssembly("Cap.Data.Migrations.Sqlite"))
                    .AddInterceptors(Cap.Data.SqliteBusyTimeout.Interceptor);
            }
        });
        return services;
    }

    /// <summary>
    /// A database whose history names a migration this version does not have was made by another chain (before the
    /// migrations were squashed, decision 0012, or by a newer Cap): migrating it would fail half-way on tables that
    /// exist. Start-up stops with what to do instead.
    /// </summary>
    private static async Task RefuseUnknownHistoryAsync(CapDbContext db)
    {
        var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        var unknown = (await db.Database.GetAppliedMigrationsAsync()).Where(m => !known.Contains(m)).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException(
                $"La base de données a été créée par une autre version de Cap : elle a reçu les migrations {string.Join(", ", unknown)}, que cette version ne connaît pas " +
                "(les migrations ont été regroupées en une seule, « Initial », avant la première version : décision 0012). " +
                "Une base de développement ou de démonstration se supprime (par défaut src/Cap.Web/data/cap.db) et se recrée au démarrage ; " +
                "voir docs/operations.md, « Mises à jour ».");
        }
    }

    /// <summary>
    /// Applies pending migrations, then seeds the reference lists (and the demo portfolio when enabled), then runs the
    /// capabilities' <see cref="StartupDataStep"/>s: the demo-only ones after the demo portfolio, the others last.
    /// </summary>
    public static async Task MigrateAndSeedAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = new CapDbContext(
            scope.ServiceProvider.GetRequiredService<DbContextOptions<CapDbContext>>(),
            SystemActor.Instance,
            scope.ServiceProvider.GetRequiredService<TimeProvider>());
        if (db.IsSqlite)
        {
            // Write-ahead logging lets readers go on while one request writes.
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            await db.Database.CloseConnectionAsync();
        }
        await RefuseUnknownHistoryAsync(db);
        await db.Database.MigrateAsync();
        var steps = scope.ServiceProvider.GetServices<StartupDataStep>().ToList();
        if (app.Configuration.GetValue<bool>("Database:SeedDemoData"))
        {
            await DemoPortfolio.SeedAsync(db, app.Configuration.GetValue("Database:SyntheticProducts", 0));
            foreach (var step in steps.Where(s => s.DemoOnly))
            {
                await step.RunAsync(db, scope.ServiceProvider);
            }
        }
        else
        {
            await ReferenceData.SeedAsync(db);
        }
        await ApiTokenExpiry.BoundAsync(db, scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow());
        await IndicatorSummaries.RefreshMissingAsync(db, CancellationToken.None);
        foreach (var step in steps.Where(s => !s.DemoOnly))
        {
            await step.RunAsync(db, scope.ServiceProvider);
        }
    }
}
