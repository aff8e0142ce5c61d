using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Cap.Data;
using Cap.Domain.Catalogue;
using Cap.Domain.Satisfaction;
using Cap.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Data.Sqlite;
using Npgsql;
using Xunit.Abstractions;

namespace Cap.Web.Tests.Satisfaction;

/// <summary>
/// Issue 4, durability: Cap runs as a process of its own on a real port; several clients stream answers with
/// unique client keys; the process is killed abruptly in the middle of the stream; then every answer that was
/// acknowledged with a 2xx must be in the database.
/// </summary>
public abstract class IntakeDurabilityTests(ITestOutputHelper output)
{
    private const int Clients = 32;

    protected abstract string Provider { get; }

    protected abstract Task<string> CreateDatabaseAsync();

    protected abstract DbConnection Open(string connectionString);

    protected abstract Task DeleteDatabaseAsync(string connectionString);

    /// <summary>
    /// Two rounds on the same database: the second restarts Cap on the files the first kill left (recovery), and
    /// each kill is another chance to land between an acknowledgement and its commit if the intake ever answered early.
    /// </summary>
    [Fact]
    public async Task Every_acknowledged_answer_is_stored_after_the_server_is_killed_mid_stream()
    {
        var connectionString = await CreateDatabaseAsync();
        try
        {
            (int Id, string Key)? placement = null;
            for (var round = 1; round <= 2; round++)
            {
                var port = CapProcess.FreePort();
                using var server = Start(connectionString, port);
                try
                {
                    using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
                    await CapProcess.WaitHealthyAsync(http.BaseAddress!, server, TimeSpan.FromSeconds(60));
                    placement ??= await OpenPlacementAsync(connectionString);
                    await StreamThenKillAsync(http, server, connectionString, placement.Value, round);
                }
                finally
                {
                    if (!server.HasExited)
                    {
                        server.Kill(entireProcessTree: true);
                        await server.WaitForExitAsync();
                    }
                }
            }
        }
        finally
        {
            await DeleteDatabaseAsync(connectionString);
        }
    }

    private async Task StreamThenKillAsync(HttpClient http, Process server, string connectionString, (int Id, string Key) placement, int round)
    {
        var acknowledged = new ConcurrentBag<string>();
        var refused = 0;
        var run = $"dur-{Guid.NewGuid():N}"[..12];
        using var stop = new CancellationTokenSource();
        var clients = Enumerable.Range(0, Clients).Select(client => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var clientKey = $"{run}-{client}-{i}";
                try
                {
                    using var content = new StringContent($$"""{"experience":{{1 + (i % 3)}},"clarity":4,"comment":"Envoi {{i}}","clientKey":"{{clientKey}}"}""", Encoding.UTF8, "application/json");
                    using var response = await http.PostAsync(new Uri($"/api/v1/satisfaction/{placement.Key}/answers", UriKind.Relative), content);
                    if (response.IsSuccessStatusCode)
                    {
                        acknowledged.Add(clientKey);
                    }
                    else
                    {
                        Interlocked.Increment(ref refused);
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    return; // the server is gone
                }
            }
        })).ToArray();

        // Let the stream run, then kill the server while requests are in flight.
        var deadline = Stopwatch.StartNew();
        while (acknowledged.Count < 1500 && deadline.Elapsed < TimeSpan.FromSeconds(6))
        {
            await Task.Delay(10);
        }
        server.Kill(entireProcessTree: true);
        await server.WaitForExitAsync();
        var acknowledgedBeforeKill = acknowledged.Count;
        await stop.CancelAsync();
        await Task.WhenAll(clients);

        var stored = await StoredKeysAsync(connectionString, placement.Id, run);
        var lost = acknowledged.Where(k => !stored.Contains(k)).ToList();
        output.WriteLine($"{Provider}, round {round}: {acknowledged.Count} acknowledged ({acknowledgedBeforeKill} when the kill was sent), {stored.Count} stored, {refused} refused, {lost.Count} lost.");
        Assert.True(acknowledged.Count >= 50, $"Only {acknowledged.Count} answers acknowledged before the kill: the stream did not run.");
        Assert.Empty(lost);
    }

    private Process Start(string connectionString, int port)
    {
        return CapProcess.Start(new Uri($"http://127.0.0.1:{port}"),
        [
            "--environment", "Testing",
            "--Database:Provider", Provider, "--ConnectionStrings:Cap", connectionString, "--Database:SeedDemoData", "false",
            "--Satisfaction:PerClientPerMinute", "1000000", "--Satisfaction:PerPlacementPerMinute", "1000000",
            "--Logging:LogLevel:Default", "Warning",
        ], (line, _) => Log(line));
    }

    private void Log(string line)
    {
        try
        {
            output.WriteLine("cap> " + line);
        }
        catch (InvalidOperationException)
        {
            // the test is over
        }
    }

    /// <summary>A product with its form switched on and one placement, made through the model once Cap has migrated the database (the demo portfolio would take too long to seed).</summary>
    private async Task<(int Id, string Key)> OpenPlacementAsync(string connectionString)
    {
        var builder = new DbContextOptionsBuilder<CapDbContext>();
        if (Provider == "Postgres")
        {
            builder.UseNpgsql(connectionString);
        }
        else
        {
            builder.UseSqlite(connectionString);
        }
        await using var db = new CapDbContext(builder.Options, SystemActor.Instance, TimeProvider.System);
        var product = new Product
        {
            Slug = "durabilite", Name = "Durabilité de la collecte", Summary = "Produit du test de durabilité.",
            DirectorateId = (await db.Directorates.FirstAsync()).Id, DomainId = (await db.Domains.FirstAsync()).Id, TypologyId = (await db.Typologies.FirstAsync()).Id,
        };
        db.Products.Add(product);
        await db.SaveChangesAsync();
        var form = new FeedbackForm { ProductId = product.Id, IsEnabled = true };
        db.FeedbackForms.Add(form);
        db.FeedbackFormVersions.Add(FeedbackFormVersion.Of(form, "test"));
        await db.SaveChangesAsync();
        var placement = new Placement { ProductId = product.Id, FormId = form.Id, Label = "Fin de démarche", PublicKey = Placement.NewKey(), AllowedOrigins = string.Empty, IsEnabled = true };
        db.Placements.Add(placement);
        await db.SaveChangesAsync();
        return (placement.Id, placement.PublicKey);
    }

    private async Task<HashSet<string>> StoredKeysAsync(string connectionString, int placementId, string run)
    {
        await using var connection = Open(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"""SELECT "ClientKey" FROM "FeedbackAnswers" WHERE "PlacementId" = {placementId} AND "ClientKey" LIKE '{run}-%'""";
        await using var reader = await command.ExecuteReaderAsync();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            keys.Add(reader.GetString(0));
        }
        return keys;
    }
}

public sealed class IntakeDurabilityTestsSqlite(ITestOutputHelper output) : IntakeDurabilityTests(output)
{
    protected override string Provider => "Sqlite";

    protected override Task<string> CreateDatabaseAsync()
    {
        var folder = Environment.GetEnvironmentVariable("CAP_TEST_WORKDIR") is { Length: > 0 } work ? work : Path.GetTempPath();
        return Task.FromResult($"Data Source={Path.Combine(folder, $"cap-durability-{Guid.NewGuid():N}.db")}");
    }

    protected override DbConnection Open(string connectionString) => new SqliteConnection(connectionString);

    protected override Task DeleteDatabaseAsync(string connectionString)
    {
        using (var connection = new SqliteConnection(connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        foreach (var path in new[] { file, file + "-wal", file + "-shm" })
        {
            File.Delete(path);
        }
        return Task.CompletedTask;
    }
}

public sealed class IntakeDurabilityTestsPostgres(ITestOutputHelper output) : IntakeDurabilityTests(output)
{
    protected override string Provider => "Postgres";

    protected override Task<string> CreateDatabaseAsync() => PostgresCluster.CreateDatabaseAsync($"cap_durability_{Guid.NewGuid():N}");

    protected override DbConnection Open(string connectionString) => new NpgsqlConnection(connectionString);

    protected override async Task DeleteDatabaseAsync(string connectionString)
    {
        using (var connection = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }
        await PostgresCluster.DropDatabaseAsync(new NpgsqlConnectionStringBuilder(connectionString).Database!);
    }
}
