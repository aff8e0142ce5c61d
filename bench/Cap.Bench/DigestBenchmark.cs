using System.Diagnostics;
using System.Globalization;
using System.Text;
using Cap.Data;
using Cap.Domain.Notifications;
using Cap.Domain.Steering;
using Cap.Web.Features.Digests;
using Cap.Web.Shared;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cap.Bench;

/// <summary>
/// Issue 19: the generation of the weekly digests for the generated portfolio (2,000 products by default on top of the
/// demo's 37). The generated products get five indicators each (kept summaries spread over the last 200 days, so that
/// some are late) and half of them a status the last digest saw, so the run finds changes; the demo products keep their
/// own indicators, satisfaction, conditions and coaching sessions. Three consecutive weeks are generated (the first
/// with the seeded marks, the next ones with the marks the previous run wrote); each run's time, SQL commands, mails
/// and products are reported. The number of SQL commands must not depend on the number of products.
/// </summary>
internal static class DigestBenchmark
{
    public const int IndicatorsPerProduct = 5;
    public const int Weeks = 3;

    private sealed record Run(string Week, double Ms, int Commands, double SqlMs, int Products, int Mails, long HtmlBytes);

    public static async Task<int> RunAsync(BenchOptions options)
    {
        var started = DateTimeOffset.Now;
        var problems = new List<string>();
        var runs = new List<Run>();
        TimeSpan seedTime;
        int products, indicators;
        double otherCpus;
        await using (var database = BenchDatabase.Create(options.Postgres, options.Products, options.KeepDatabase))
        {
            Console.Error.WriteLine($"[digest] {database.Description}: migrating and seeding {options.Products} generated products…");
            var seed = Stopwatch.StartNew();
            await using var factory = new BenchFactory(database, options.Products, new Dictionary<string, string>
            {
                ["Portfolio:RefreshSeconds"] = "86400",
                ["Digests:Enabled"] = "false",
                ["PublicBaseUrl"] = "https://cap.example.gouv.fr",
            });
            using (factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = BenchFactory.SiteAddress }))
            {
                // Starting the host migrates and seeds.
            }
            (products, indicators) = await SeedIndicatorsAsync(factory.Services);
            seedTime = seed.Elapsed;
            Console.Error.WriteLine($"[digest] {products} products, {indicators} indicators; seeded in {seedTime.TotalSeconds:F1} s");

            var cpu = new CpuMeter();
            var today = Dates.ParisDay(DateTimeOffset.UtcNow);
            for (var week = 0; week < Weeks; week++)
            {
                var day = today.AddDays(7 * (week + 1));
                var stats = new RequestStats();
                RequestStats.Current.Value = stats;
                var clock = Stopwatch.StartNew();
                await using (var scope = factory.Services.CreateAsyncScope())
                {
                    var outcome = await scope.ServiceProvider.GetRequiredService<WeeklyDigest>().GenerateAsync(day, "bench", CancellationToken.None);
                    clock.Stop();
                    RequestStats.Current.Value = null;
                    if (!outcome.Generated)
                    {
                        problems.Add($"Week {outcome.PeriodKey} was not generated.");
                    }
                    var db = scope.ServiceProvider.GetRequiredService<CapDbContext>();
                    var topic = Cap.Data.Notifications.DigestMails.Topic(DigestKind.Weekly, outcome.PeriodKey);
                    var html = await db.OutboxMails.Where(m => m.Topic == topic).SumAsync(m => (long)(m.HtmlBody == null ? 0 : m.HtmlBody.Length));
                    runs.Add(new Run(outcome.PeriodKey, clock.Elapsed.TotalMilliseconds, stats.Commands, stats.SqlMs, outcome.Items, outcome.Mails, html));
                    Console.Error.WriteLine($"[digest] {outcome.PeriodKey}: {clock.Elapsed.TotalMilliseconds:F0} ms, {stats.Commands} SQL commands, {outcome.Items} products with news, {outcome.Mails} mails");
                }
            }
            otherCpus = cpu.OtherCpus();
        }

        var report = Report(options, started, seedTime, otherCpus, products, indicators, runs);
        Console.WriteLine();
        Console.WriteLine(report);
        if (options.Out is not null)
        {
            await File.WriteAllTextAsync(options.Out, report);
            Console.WriteLine($"Report written to {options.Out}");
        }
        return problems.Count == 0 ? 0 : 1;
    }

    /// <summary>Five indicators per generated product, with kept summaries, and a seen status for half of them.</summary>
    private static async Task<(int Products, int Indicators)> SeedIndicatorsAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CapDbContext>();
        var random = new Random(19);
        var today = Dates.ParisDay(DateTimeOffset.UtcNow);
        var generated = await db.Products.AsNoTracking().Where(p => p.Slug.StartsWith("produit-") && !p.IsArchived).Select(p => p.Id).ToListAsync();
        var added = new List<Indicator>();
        foreach (var productId in generated)
        {
            for (var n = 0; n < IndicatorsPerProduct; n++)
            {
                var frequency = (UpdateFrequency)random.Next(1, 4);
                var last = today.AddDays(-random.Next(0, 200));
                var indicator = new Indicator
                {
                    ProductId = productId, Kind = (IndicatorKind)random.Next(1, 4), Name = $"Indicateur {n + 1}", Unit = IndicatorUnit.Percent,
                    Direction = WantedDirection.Up, Baseline = 20, BaselineDate = today.AddYears(-1), Target = 80, TargetDate = today.AddYears(1),
                    Frequency = frequency, Position = n, LastDate = last, LastValue = random.Next(10, 90),
                };
                db.Indicators.Add(indicator);
                added.Add(indicator);
            }
            if (added.Count % 2000 == 0)
            {
                await db.SaveChangesAsync();
            }
        }
        await db.SaveChangesAsync();
        foreach (var indicator in added.Where(_ => random.Next(2) == 0))
        {
            db.IndicatorStatusMarks.Add(new IndicatorStatusMark { IndicatorId = indicator.Id, Status = (IndicatorStatus)random.Next(1, 7), MarkedOn = today });
        }
        await db.SaveChangesAsync();
        return (await db.Products.CountAsync(p => !p.IsArchived), await db.Indicators.CountAsync());
    }

    private static string Report(BenchOptions options, DateTimeOffset started, TimeSpan seedTime, double otherCpus, int products, int indicators, List<Run> runs)
    {
        var inv = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        md.AppendLine(inv, $"### Weekly digests: {products:N0} products (not archived), {indicators:N0} indicators");
        md.AppendLine();
        md.AppendLine(inv, $"- Run: {started:yyyy-MM-dd HH:mm zzz}; {Machine.Describe()}; load average at the end: {Machine.LoadAverage()}");
        md.AppendLine(inv, $"- Database: {(options.Postgres is null ? "SQLite (fresh file in the temporary folder)" : "PostgreSQL (fresh database)")}; seeded and host started in {seedTime.TotalSeconds:F1} s");
        md.AppendLine(inv, $"- Other processes' CPU use while measuring: {otherCpus:F2} CPUs on average");
        md.AppendLine("- One run = the reads, the mails rendered (HTML and text), the claim, the mails and the statuses seen saved in one transaction");
        md.AppendLine();
        md.AppendLine("| Week | Time (ms) | SQL commands | SQL time (ms) | Products with news | Mails | HTML (bytes, all mails) |");
        md.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var r in runs)
        {
            md.AppendLine(inv, $"| {r.Week} | {r.Ms:F0} | {r.Commands} | {r.SqlMs:F0} | {r.Products:N0} | {r.Mails:N0} | {r.HtmlBytes:N0} |");
        }
        return md.ToString();
    }
}
