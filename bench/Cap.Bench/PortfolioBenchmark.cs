using System.Diagnostics;
using System.Globalization;
using System.Text;
using Cap.Data;
using Cap.Domain.Coaching;
using Cap.Domain.Portfolio;
using Cap.Web.Features.Portfolio;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cap.Bench;

/// <summary>
/// Issue 18's target for the portfolio dashboard: ≤ 50 ms server time at p95 with 2,000 products and ≤ 100 ms with 20,000,
/// with the same number of SQL queries whatever the size. The generated portfolio's lines are first computed from their
/// sources (the time is reported), then their figures are spread by a seeded random draw (health, satisfaction, levels,
/// flags, checklist, météo…) so that the groupings and sorts meet the variety of a real portfolio; the dashboard's
/// requests read only the lines and the products.
/// </summary>
internal static class PortfolioBenchmark
{
    private static readonly string[] FlagCodes = ["vision-stale", "checklist-missing", "checklist-stale", "homologation-expired", "rgaa-below-80", "agrement-principe-missing"];

    public static async Task<int> RunAsync(BenchOptions options)
    {
        var started = DateTimeOffset.Now;
        var problems = new List<string>();
        var pages = new List<IndicatorsBenchmark.PageResult>();
        double otherCpus;
        TimeSpan seedTime, refreshTime;
        int products;
        await using (var database = BenchDatabase.Create(options.Postgres, options.Products, options.KeepDatabase))
        {
            Console.Error.WriteLine($"[portfolio] {database.Description}: migrating and seeding {options.Products} generated products…");
            var seed = Stopwatch.StartNew();
            await using var factory = new BenchFactory(database, options.Products, new Dictionary<string, string> { ["Portfolio:RefreshSeconds"] = "86400" });
            using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = BenchFactory.SiteAddress });
            await factory.Identities.AddAsync(factory.Services, options.Person);
            seedTime = seed.Elapsed;
            var refresh = Stopwatch.StartNew();
            await using (var scope = factory.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<PortfolioRefresh>().RefreshStaleAsync(default);
            }
            refresh.Stop();
            refreshTime = refresh.Elapsed;
            products = await SpreadAsync(factory.Services);
            Console.Error.WriteLine($"[portfolio] {products} products; lines computed from their sources in {refreshTime.TotalSeconds:F1} s");

            client.DefaultRequestHeaders.Add(BenchAuthHandler.PersonHeader, options.Person);
            var cpu = new CpuMeter();
            var id = 0;
            foreach (var (name, url) in new[]
                     {
                         ("Tableau de pilotage, sans filtre", "/pilotage"),
                         ("Tri par satisfaction, page 3", "/pilotage?tri=satisfaction&page=3"),
                         ("Phase + santé + point d’attention", "/pilotage?phase=construction&sante=hors-trajectoire&signalement=checklist-missing"),
                         ("Direction, tri par durée dans la phase", "/pilotage?direction=DNUM&tri=duree-phase"),
                         ("API portefeuille, tri par santé", "/api/v1/portfolio?sort=health&pageSize=50"),
                     })
            {
                var page = await IndicatorsBenchmark.MeasurePageAsync(factory, client, options, name, url, () => (++id).ToString(CultureInfo.InvariantCulture), problems);
                pages.Add(page);
                Console.Error.WriteLine($"[portfolio] {url}: p50 {page.Server.P50:F2} ms, p95 {page.Server.P95:F2} ms, p99 {page.Server.P99:F2} ms, SQL {page.SqlMin}–{page.SqlMax}, {page.Bytes:N0} bytes");
            }
            otherCpus = cpu.OtherCpus();
        }

        var target = products <= 2_500 ? 50.0 : 100.0;
        var report = Report(options, started, seedTime, refreshTime, otherCpus, products, target, pages, problems);
        Console.WriteLine();
        Console.WriteLine(report);
        if (options.Out is not null)
        {
            await File.WriteAllTextAsync(options.Out, report);
            Console.WriteLine($"Report written to {options.Out}");
        }
        return problems.Count == 0 ? 0 : 1;
    }

    /// <summary>Spreads the lines' figures by a seeded random draw; returns the number of products.</summary>
    private static async Task<int> SpreadAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CapDbContext>();
        var random = new Random(18);
        var lines = await db.PortfolioSummaries.ToListAsync();
        var now = DateTimeOffset.UtcNow;
        foreach (var line in lines)
        {
            var statuses = Enumerable.Range(0, random.Next(0, 7)).Select(_ => (Cap.Domain.Steering.IndicatorStatus)random.Next(1, 7)).ToList();
            line.SetIndicators(statuses);
            line.Answers30 = random.Next(4) == 0 ? 0 : random.Next(1, 600);
            line.Points30 = line.Answers30 * random.Next(30, 101) / 10;
            line.AnswersPrevious30 = random.Next(1, 600);
            line.PointsPrevious30 = line.AnswersPrevious30 * random.Next(30, 101) / 10;
            line.Index30Tenths = line.Index30 is { } index ? (int)(index * 10) : null;
            line.ClarityCount30 = line.Answers30 / 2;
            line.ClaritySum30 = line.ClarityCount30 * random.Next(4, 11);
            line.HelpAsked12 = random.Next(0, 400);
            line.Reached12 = line.HelpAsked12 * random.Next(50, 101) / 100;
            line.ChecklistScore = random.Next(3) == 0 ? null : random.Next(0, 101);
            line.ChecklistAt = line.ChecklistScore is null ? null : now.AddDays(-random.Next(0, 400));
            line.Weather = random.Next(3) == 0 ? null : (WeatherLevel)random.Next(1, 4);
            line.OpenConditions = random.Next(4) == 0 ? random.Next(1, 4) : 0;
            line.RgaaRate = random.Next(2) == 0 ? random.Next(20, 101) : null;
            line.RgaaAuditDate = line.RgaaRate is null ? null : DateOnly.FromDateTime(now.AddDays(-random.Next(0, 1500)).DateTime);
            line.LastActivityAt = now.AddMinutes(-random.Next(0, 500_000));
            line.SetFlags(FlagCodes.Where(_ => random.Next(5) == 0).Select(c => (c, c.StartsWith("homologation", StringComparison.Ordinal))).ToList());
            line.SetLevels(DateOnly.FromDateTime(now.DateTime));
        }
        await db.SaveChangesAsync();
        return lines.Count;
    }

    private static string Report(BenchOptions options, DateTimeOffset started, TimeSpan seedTime, TimeSpan refreshTime, double otherCpus, int products, double target,
        List<IndicatorsBenchmark.PageResult> pages, List<string> problems)
    {
        var inv = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        md.AppendLine(inv, $"### Portfolio dashboard: {products:N0} products");
        md.AppendLine();
        md.AppendLine(inv, $"- Run: {started:yyyy-MM-dd HH:mm zzz}; {Machine.Describe()}; load average at the end: {Machine.LoadAverage()}");
        md.AppendLine(inv, $"- Database: {(options.Postgres is null ? "SQLite (fresh file in the temporary folder)" : "PostgreSQL (fresh database)")}; seeded and host started in {seedTime.TotalSeconds:F1} s; every product's line computed from its sources in {refreshTime.TotalSeconds:F1} s, then its figures spread by a seeded random draw");
        md.AppendLine(inv, $"- {options.Warmup} warm-up requests, then {options.Requests} measured requests per page, one at a time, signed in as {options.Person}");
        md.AppendLine(inv, $"- Other processes' CPU use while measuring: {otherCpus:F2} CPUs on average; above ~0.1 the machine was not quiet and the figures are disturbed");
        md.AppendLine();
        md.AppendLine(inv, $"| Page | URL | Server p50 (ms) | Server p95 (ms) | Server p99 (ms) | Client p95 (ms) | SQL time p95 (ms) | SQL queries / request | Response (bytes) | p95 / {target:F0} ms target |");
        md.AppendLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var p in pages)
        {
            var ratio = p.Server.P95 / target;
            md.AppendLine(inv, $"| {p.Name} | `{p.Url}` | {p.Server.P50:F2} | {p.Server.P95:F2} | {p.Server.P99:F2} | {p.Client.P95:F2} | {p.SqlMs.P95:F2} | {(p.SqlMin == p.SqlMax ? p.SqlMin.ToString(inv) : $"{p.SqlMin}–{p.SqlMax}")} | {p.Bytes:N0} | {ratio.ToString("P0", inv)} |");
            if (p.Requests == options.Requests && p.Server.P95 > target)
            {
                problems.Add($"{p.Name}: p95 server time {p.Server.P95:F2} ms is above the {target:F0} ms target ({ratio.ToString("P0", inv)}).");
            }
        }
        md.AppendLine();
        md.AppendLine(problems.Count == 0 ? "Every target is met." : "Problems:");
        foreach (var problem in problems)
        {
            md.AppendLine(inv, $"- {problem}");
        }
        return md.ToString();
    }
}
