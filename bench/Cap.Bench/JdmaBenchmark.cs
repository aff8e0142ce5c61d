using System.Diagnostics;
using System.Globalization;
using System.Text;
using Cap.Data;
using Cap.Domain.Connectors;
using Cap.Web.Features.Jdma;
using Cap.Web.Shared.Connectors;
using Cap.Web.Tests.Connectors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cap.Bench;

/// <summary>
/// Issue 19's figure: the synchronisation of twelve months × ten JDMA products (services, one form each, plausible daily
/// answers) from the JDMA-shaped server of the tests (tests/Cap.Web.Tests/Connectors/JdmaServer.cs, compiled in), by one
/// connection: the first synchronisation (the twelve-month back-fill: 5 chunks of 92 days × 1 page of 10 services), then
/// an incremental one (the last three days), each timed end to end (HTTP, parsing, the whole-range replacement, the
/// indicator feed, the portfolio mark).
/// </summary>
internal static class JdmaBenchmark
{
    public static async Task<int> RunAsync(BenchOptions options)
    {
        var started = DateTimeOffset.Now;
        var runs = new List<(string Name, double Seconds, int Days, int Calls)>();
        await using (var server = await JdmaServer.StartAsync())
        await using (var database = BenchDatabase.Create(options.Postgres, 0, options.KeepDatabase))
        {
            Console.Error.WriteLine($"[jdma] {database.Description}: migrating and seeding the demo…");
            await using var factory = new BenchFactory(database, 0, new Dictionary<string, string> { ["Connectors:Enabled"] = "false", ["Satisfaction:FeedSeconds"] = "86400" });
            _ = factory.Services;
            var key = server.AddKey();
            var forms = new List<int>();
            for (var i = 0; i < 10; i++)
            {
                server.AddService(7000 + i, $"Démarche {i + 1}", "Ministère", (70000 + i, $"Formulaire {i + 1}"));
                forms.Add(70000 + i);
            }
            server.Generator = (form, day) => new DayCounts(20 + (day.DayNumber + form) % 15, 6 + day.DayNumber % 5, 2 + form % 3, [1, 2, 4, 8, 5], 3, 1);
            int connectionId;
            await using (var scope = factory.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<CapDbContext>();
                var productId = await db.Products.Where(p => p.Slug == "mes-aides-sociales").Select(p => p.Id).SingleAsync();
                var connections = scope.ServiceProvider.GetRequiredService<JdmaConnections>();
                var existing = await connections.FindAsync(productId, default);
                var saved = await connections.SaveAsync(productId, new JdmaConnectionInput(server.BaseUrl.ToString(), key), existing?.Version ?? 0, default);
                connectionId = saved.Value?.Id ?? throw new InvalidOperationException(saved.Refusal!.Message);
                var mapped = await connections.SaveFormsAsync(productId, forms, default);
                if (mapped.Refusal is { } refusal)
                {
                    throw new InvalidOperationException(refusal.Message);
                }
            }
            var runner = factory.Services.GetRequiredService<ConnectorRunner>();
            foreach (var name in new[] { "Première synchronisation (12 mois × 10 services)", "Synchronisation suivante (3 derniers jours)" })
            {
                server.Calls.Clear();
                var clock = Stopwatch.StartNew();
                var run = await runner.RunNowAsync(ConnectorKind.Jdma, connectionId, default);
                clock.Stop();
                if (run.Outcome != RunOutcome.Succeeded)
                {
                    throw new InvalidOperationException($"{name}: {run.Outcome} {run.Error}");
                }
                runs.Add((name, clock.Elapsed.TotalSeconds, run.Days, server.Calls.Count));
                Console.Error.WriteLine($"[jdma] {name}: {clock.Elapsed.TotalSeconds:F2} s, {run.Days} days, {server.Calls.Count} calls");
            }
        }
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"## JDMA synchronisation — {started:yyyy-MM-dd HH:mm} ({(options.Postgres is null ? "SQLite" : "PostgreSQL")}, {Environment.ProcessorCount} CPU)");
        report.AppendLine();
        report.AppendLine("| synchronisation | time | days written | statistics calls |");
        report.AppendLine("|---|---:|---:|---:|");
        foreach (var (name, seconds, days, calls) in runs)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {seconds:F2} s | {days:N0} | {calls} |");
        }
        Console.WriteLine();
        Console.WriteLine(report);
        if (options.Out is not null)
        {
            await File.WriteAllTextAsync(options.Out, report.ToString());
        }
        return 0;
    }
}
