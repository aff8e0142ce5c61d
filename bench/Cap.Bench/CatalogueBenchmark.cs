using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Cap.Data;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cap.Bench;

/// <summary>One URL measured by the catalogue benchmark.</summary>
/// <param name="ApiEquivalent">The products API URL with the same filters, read once to report how many products match.</param>
internal sealed record Scenario(string Name, string Url, string ApiEquivalent);

/// <summary>The figures of one scenario on one portfolio.</summary>
internal sealed record ScenarioResult(
    Scenario Scenario, int Requests, int Matches, Summary Server, Summary Client, Summary SqlMs, int SqlMin, int SqlMax, IReadOnlyList<string> Sql);

/// <summary>The figures of one portfolio size.</summary>
internal sealed record PortfolioRun(int SyntheticProducts, int Products, int TeamMembers, TimeSpan SeedTime, double OtherCpus, IReadOnlyList<ScenarioResult> Results);

/// <summary>
/// The catalogue page and the products API list on a generated portfolio: server time percentiles
/// against the target, and SQL queries per request, which must be the same on the small demo portfolio.
/// </summary>
internal static class CatalogueBenchmark
{
    private static readonly Scenario[] Scenarios =
    [
        new("Page catalogue, sans filtre", "/produits", "/api/v1/products"),
        new("Page catalogue, recherche + tri", "/produits?q=sante&tri=maj", "/api/v1/products?q=sante&sort=updated"),
        new("Page catalogue, filtres + page 3", "/produits?domaine=TRAVAIL&phase=construction&page=3", "/api/v1/products?domain=TRAVAIL&phase=construction&page=3"),
        new("API liste, sans filtre", "/api/v1/products", "/api/v1/products"),
        new("API liste, recherche, 100 par page", "/api/v1/products?q=suivi&pageSize=100", "/api/v1/products?q=suivi&pageSize=100"),
        new("API liste, tous statuts, page 50", "/api/v1/products?status=all&page=50", "/api/v1/products?status=all&page=50"),
    ];

    public static async Task<int> RunAsync(BenchOptions options)
    {
        var started = DateTimeOffset.Now;
        var problems = new List<string>();
        var large = await RunPortfolioAsync(options, options.Products, problems);
        var small = options.Products == 0 ? large : await RunPortfolioAsync(options, 0, problems);

        var report = Report(options, started, large, small, problems);
        Console.WriteLine();
        Console.WriteLine(report);
        if (options.Out is not null)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(options.Out));
            if (folder is not null)
            {
                Directory.CreateDirectory(folder);
            }
            await File.WriteAllTextAsync(options.Out, report);
            Console.WriteLine($"Report written to {options.Out}");
        }
        return problems.Count == 0 ? 0 : 1;
    }

    private static async Task<PortfolioRun> RunPortfolioAsync(BenchOptions options, int syntheticProducts, List<string> problems)
    {
        await using var database = BenchDatabase.Create(options.Postgres, syntheticProducts, options.KeepDatabase);
        Console.Error.WriteLine($"[{syntheticProducts} generated products] {database.Description}: migrating and seeding…");
        var seed = Stopwatch.StartNew();
        int products, teamMembers;
        double otherCpus;
        var results = new List<ScenarioResult>();
        await using (var factory = new BenchFactory(database, syntheticProducts))
        {
            using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = BenchFactory.SiteAddress });
            seed.Stop();
            await factory.Identities.AddAsync(factory.Services, options.Person);
            await using (var scope = factory.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<CapDbContext>();
                products = await db.Products.CountAsync();
                teamMembers = await db.TeamMembers.CountAsync();
            }
            Console.Error.WriteLine($"[{syntheticProducts} generated products] {products} products, {teamMembers} team members, started in {seed.Elapsed.TotalSeconds:F1} s");
            client.DefaultRequestHeaders.Add(BenchAuthHandler.PersonHeader, options.Person);

            var requestId = 0;
            var cpu = new CpuMeter();
            foreach (var scenario in Scenarios)
            {
                var server = new List<double>(options.Requests);
                var roundTrip = new List<double>(options.Requests);
                var sqlMs = new List<double>(options.Requests);
                var sqlCounts = new List<int>(options.Requests);
                IReadOnlyList<string> sql = [];
                // Each scenario starts from a clean heap (seeding and the previous scenario leave garbage);
                // the collections caused by the measured requests themselves are part of the figures.
                GC.Collect();
                GC.WaitForPendingFinalizers();
                for (var i = -options.Warmup; i < options.Requests; i++)
                {
                    var id = (++requestId).ToString(CultureInfo.InvariantCulture);
                    factory.KeepSql = i == 0;
                    using var request = new HttpRequestMessage(HttpMethod.Get, scenario.Url);
                    request.Headers.Add(TimingStartupFilter.RequestIdHeader, id);
                    var clock = Stopwatch.StartNew();
                    using var response = await client.SendAsync(request);
                    _ = await response.Content.ReadAsByteArrayAsync();
                    clock.Stop();
                    var sample = factory.Samples.Take(id);
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        problems.Add($"{scenario.Url} answered {(int)response.StatusCode} {response.StatusCode} ({products} products): the figures of this scenario are not valid.");
                        break;
                    }
                    if (i < 0)
                    {
                        continue;
                    }
                    if (i == 0)
                    {
                        sql = sample.Sql;
                    }
                    server.Add(sample.ServerMs);
                    roundTrip.Add(clock.Elapsed.TotalMilliseconds);
                    sqlMs.Add(sample.SqlMs);
                    sqlCounts.Add(sample.SqlCommands);
                }
                factory.KeepSql = false;
                var matches = await MatchesAsync(client, scenario.ApiEquivalent);
                var result = new ScenarioResult(
                    scenario, server.Count, matches, Summary.Of(server), Summary.Of(roundTrip), Summary.Of(sqlMs),
                    sqlCounts.Count == 0 ? 0 : sqlCounts.Min(), sqlCounts.Count == 0 ? 0 : sqlCounts.Max(), sql);
                results.Add(result);
                Console.Error.WriteLine(
                    $"[{syntheticProducts} generated products] {scenario.Url}: p50 {result.Server.P50:F2} ms, p95 {result.Server.P95:F2} ms, " +
                    $"p99 {result.Server.P99:F2} ms, SQL {result.SqlMin}–{result.SqlMax} per request");
                if (options.ShowSql)
                {
                    Console.Error.WriteLine(string.Join(Environment.NewLine + "---" + Environment.NewLine, sql));
                }
            }
            otherCpus = cpu.OtherCpus();
        }
        return new PortfolioRun(syntheticProducts, products, teamMembers, seed.Elapsed, otherCpus, results);
    }

    private static async Task<int> MatchesAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        if (!response.IsSuccessStatusCode)
        {
            return -1;
        }
        using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
        return json.RootElement.GetProperty("total").GetInt32();
    }

    private static string Report(BenchOptions options, DateTimeOffset started, PortfolioRun large, PortfolioRun small, List<string> problems)
    {
        var inv = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        md.AppendLine(inv, $"### Catalogue: {large.Products:N0} products ({large.SyntheticProducts:N0} generated + demo), {large.TeamMembers:N0} team members");
        md.AppendLine();
        md.AppendLine(inv, $"- Run: {started:yyyy-MM-dd HH:mm zzz}; {Machine.Describe()}");
        md.AppendLine(inv, $"- Database: {(options.Postgres is null ? "SQLite (fresh file in the temporary folder)" : "PostgreSQL (fresh database)")}; portfolio seeded and host started in {large.SeedTime.TotalSeconds:F1} s");
        md.AppendLine(inv, $"- Per scenario: {options.Warmup} warm-up requests, then {options.Requests} measured requests, one at a time, signed in as {options.Person}");
        md.Append(inv, $"- Other processes' CPU use while measuring: {large.OtherCpus:F2} CPUs on average ({small.OtherCpus:F2} during the demo-portfolio pass); above ~0.1 the machine was not quiet and the figures are disturbed")
            .AppendLine(options.Postgres is null ? "" : " (a PostgreSQL server on this machine counts here: it works for the bench)");
        md.AppendLine("- Server time: from the first middleware until the response is complete (in-process test server, no network). Client: round trip through HttpClient, body read.");
        md.AppendLine();
        md.AppendLine(inv, $"| Scenario | URL | Matching products | Server p50 (ms) | Server p95 (ms) | Server p99 (ms) | Client p95 (ms) | SQL time p95 (ms) | SQL queries / request | p95 / {options.TargetMs:F0} ms target |");
        md.AppendLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var r in large.Results)
        {
            var ratio = r.Server.P95 / options.TargetMs;
            md.AppendLine(inv,
                $"| {r.Scenario.Name} | `{r.Scenario.Url}` | {r.Matches:N0} | {Ms(r.Server.P50)} | {Ms(r.Server.P95)} | {Ms(r.Server.P99)} | {Ms(r.Client.P95)} | {Ms(r.SqlMs.P95)} | {Range(r)} | {(double.IsNaN(ratio) ? "–" : ratio.ToString("P0", inv))} |");
            if (r.Requests < options.Requests)
            {
                continue;
            }
            if (r.Server.P95 > options.TargetMs)
            {
                problems.Add($"{r.Scenario.Url}: p95 server time {r.Server.P95:F2} ms is above the {options.TargetMs:F0} ms target ({large.Products:N0} products).");
            }
        }
        md.AppendLine();

        md.AppendLine(inv, $"#### SQL queries per request: {small.Products:N0} products (demo portfolio) against {large.Products:N0} products");
        md.AppendLine();
        md.AppendLine(inv, $"| Scenario | {small.Products:N0} products | {large.Products:N0} products | Same |");
        md.AppendLine("| --- | ---: | ---: | --- |");
        for (var i = 0; i < large.Results.Count; i++)
        {
            var l = large.Results[i];
            var s = small.Results[i];
            if (l.Requests == 0 || s.Requests == 0)
            {
                // Already reported as a failed scenario.
                md.AppendLine(inv, $"| {l.Scenario.Name} (`{l.Scenario.Url}`) | {Range(s)} | {Range(l)} | n/a |");
                continue;
            }
            var same = l.SqlMin == s.SqlMin && l.SqlMax == s.SqlMax && l.SqlMin == l.SqlMax;
            md.AppendLine(inv, $"| {l.Scenario.Name} (`{l.Scenario.Url}`) | {Range(s)} | {Range(l)} | {(same ? "yes" : "**no**")} |");
            if (!same)
            {
                problems.Add($"{l.Scenario.Url}: SQL queries per request differ ({Range(s)} at {small.Products:N0} products, {Range(l)} at {large.Products:N0}).");
            }
        }
        md.AppendLine();
        if (small != large)
        {
            md.Append(inv, $"Server p95 on the demo portfolio ({small.Products:N0} products), for comparison: ")
                .AppendJoin("; ", small.Results.Select(r => $"`{r.Scenario.Url}` {Ms(r.Server.P95)} ms"))
                .AppendLine(".");
            md.AppendLine();
        }

        md.AppendLine(problems.Count == 0
            ? $"**Result: targets met** (p95 ≤ {options.TargetMs:F0} ms server time on every scenario; SQL queries per request independent of the portfolio size)."
            : "**Result: targets missed**");
        foreach (var problem in problems)
        {
            md.AppendLine(inv, $"- {problem}");
        }
        return md.ToString();
    }

    private static string Ms(double value) =>
        double.IsNaN(value) ? "–" : value.ToString("F2", CultureInfo.InvariantCulture);

    private static string Range(ScenarioResult r) =>
        r.Requests == 0 ? "–" : r.SqlMin == r.SqlMax ? r.SqlMin.ToString(CultureInfo.InvariantCulture) : $"{r.SqlMin}–{r.SqlMax}";
}
