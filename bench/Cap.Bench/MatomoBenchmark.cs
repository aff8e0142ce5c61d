using System.Diagnostics;
using System.Globalization;
using System.Text;
using Cap.Data;
using Cap.Domain.Connectors;
using Cap.Domain.Steering;
using Cap.Web.Features.Matomo;
using Cap.Web.Shared.Connectors;
using Cap.Web.Tests.Connectors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cap.Bench;

/// <summary>
/// Issue 19's figure: the synchronisation of one year of daily Matomo figures — five metrics (unique visitors, visits,
/// bounce rate, average time on site, a goal's conversions), a figure every day for 400 days — from the Matomo-shaped
/// server of the tests (tests/Cap.Web.Tests/Connectors/MatomoServer.cs, compiled in), by one connection feeding five
/// indicators. Cap has no daily indicator frequency, so the indicators are weekly: the server adds the days up into weeks
/// as Matomo does. Timed end to end (HTTP, parsing, the measurement writer with its summaries and audit, the portfolio
/// mark): the first synchronisation (twelve months' back-fill), the next one (the last week read again), and a full re-read
/// of the twelve months with nothing changed (the idempotent path).
/// </summary>
internal static class MatomoBenchmark
{
    public static async Task<int> RunAsync(BenchOptions options)
    {
        var started = DateTimeOffset.Now;
        var runs = new List<(string Name, double Seconds, int Written, int Calls)>();
        int measurements;
        await using (var server = await MatomoServer.StartAsync())
        await using (var database = BenchDatabase.Create(options.Postgres, 0, options.KeepDatabase))
        {
            Console.Error.WriteLine($"[matomo] {database.Description}: migrating and seeding the demo…");
            await using var factory = new BenchFactory(database, 0, new Dictionary<string, string> { ["Connectors:Enabled"] = "false", ["Satisfaction:FeedSeconds"] = "86400" });
            _ = factory.Services;
            const int site = 12;
            server.AddSite(site, 1);
            server.Generator = (_, day) => new MatomoDay(1500 + day.DayNumber % 400, 1200 + day.DayNumber % 300, 650 + day.DayNumber % 50, (1500 + day.DayNumber % 400) * (150 + day.DayNumber % 60), 40 + day.DayNumber % 20);
            var token = server.AddToken();
            int connectionId;
            await using (var scope = factory.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<CapDbContext>();
                var productId = await db.Products.Where(p => p.Slug == "registre-dons").Select(p => p.Id).SingleAsync();
                var today = DateOnly.FromDateTime(DateTime.UtcNow);
                var metrics = new (MatomoMetric Metric, IndicatorUnit Unit, int? Goal)[]
                {
                    (MatomoMetric.UniqueVisitors, IndicatorUnit.Number, null), (MatomoMetric.Visits, IndicatorUnit.Number, null),
                    (MatomoMetric.BounceRate, IndicatorUnit.Percent, null), (MatomoMetric.AverageTimeOnSite, IndicatorUnit.Seconds, null),
                    (MatomoMetric.GoalConversions, IndicatorUnit.Number, 1),
                };
                var indicators = metrics.Select(m => new Indicator
                {
                    ProductId = productId, Kind = IndicatorKind.Direction, Name = $"Matomo — {m.Metric.Label()}", Unit = m.Unit, Direction = WantedDirection.Up,
                    Baseline = 1, BaselineDate = today.AddMonths(-12), Target = 2, TargetDate = today.AddMonths(6), Frequency = UpdateFrequency.Weekly,
                }).ToList();
                db.Indicators.AddRange(indicators);
                await db.SaveChangesAsync();
                var connections = scope.ServiceProvider.GetRequiredService<MatomoConnections>();
                var existing = await connections.FindAsync(productId, default);
                var saved = await connections.SaveAsync(productId, new MatomoConnectionInput(server.BaseUrl.ToString(), site, token), existing?.Version ?? 0, default);
                connectionId = saved.Value?.Id ?? throw new InvalidOperationException(saved.Refusal!.Message);
                for (var i = 0; i < metrics.Length; i++)
                {
                    var mapped = await connections.AddMappingAsync(productId, new MatomoMappingInput(metrics[i].Metric, metrics[i].Goal, indicators[i].Id), default);
                    if (mapped.Refusal is { } refusal)
                    {
                        throw new InvalidOperationException(refusal.Message);
                    }
                }
            }
            var runner = factory.Services.GetRequiredService<ConnectorRunner>();
            foreach (var name in new[] { "Première synchronisation (12 mois, 5 mesures)", "Synchronisation suivante (incrémentale)", "Relecture complète des 12 mois (rien ne change)" })
            {
                if (name.StartsWith("Relecture", StringComparison.Ordinal))
                {
                    await using var scope = factory.Services.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<CapDbContext>().ConnectorSyncStates.Where(s => s.Kind == ConnectorKind.Matomo && s.ConnectionId == connectionId)
                        .ExecuteUpdateAsync(u => u.SetProperty(s => s.SyncedThrough, (DateOnly?)null));
                }
                server.Calls.Clear();
                var clock = Stopwatch.StartNew();
                var run = await runner.RunNowAsync(ConnectorKind.Matomo, connectionId, default);
                clock.Stop();
                if (run.Outcome != RunOutcome.Succeeded)
                {
                    throw new InvalidOperationException($"{name}: {run.Outcome} {run.Error}");
                }
                runs.Add((name, clock.Elapsed.TotalSeconds, run.Days, server.Calls.Count));
                Console.Error.WriteLine($"[matomo] {name}: {clock.Elapsed.TotalSeconds:F2} s, {run.Days} measurements written, {server.Calls.Count} calls");
            }
            await using (var scope = factory.Services.CreateAsyncScope())
            {
                measurements = await scope.ServiceProvider.GetRequiredService<CapDbContext>().Measurements.CountAsync(m => m.Source == MeasurementSource.Matomo);
            }
        }
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"## Matomo synchronisation — {started:yyyy-MM-dd HH:mm} ({(options.Postgres is null ? "SQLite" : "PostgreSQL")}, {Environment.ProcessorCount} CPU)");
        report.AppendLine();
        report.AppendLine("| synchronisation | time | measurements written | report calls |");
        report.AppendLine("|---|---:|---:|---:|");
        foreach (var (name, seconds, written, calls) in runs)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {seconds:F2} s | {written:N0} | {calls} |");
        }
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"Measurements with source Matomo at the end: {measurements:N0}.");
        Console.WriteLine();
        Console.WriteLine(report);
        if (options.Out is not null)
        {
            await File.WriteAllTextAsync(options.Out, report.ToString());
        }
        return 0;
    }
}
