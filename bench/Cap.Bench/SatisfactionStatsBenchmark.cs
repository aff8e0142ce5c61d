using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Cap.Data;
using Cap.Domain.Satisfaction;
using Cap.Web.Features.Satisfaction;
using Cap.Web.Shared;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Cap.Bench;

/// <summary>
/// Issue 4: the statistics tab of a product holding 10 million answers renders within 100 ms server time at p95.
/// One product gets a form, four placements and N answers spread over three years (raw prepared inserts in large
/// transactions, rollups added up in C# while generating and written with the application's own upsert); then the
/// tab is requested through the application (default period and 12 months) and, beside it, the statistics are
/// computed the naive way, straight from the answers (<see cref="SatisfactionStatistics.ComputeFromAnswersAsync"/>).
/// </summary>
internal static class SatisfactionStatsBenchmark
{
    public const double PageTargetMs = 100;
    private const int Years = 3;
    private const int NaiveRuns = 5;
    private const int RowsPerTransaction = 500_000;
    private static readonly (string Label, double Share)[] PlacementShares =
        [("Fin de démarche", 0.5), ("E-mail de confirmation", 0.25), ("Pied de page", 0.15), ("Application mobile", 0.10)];

    private sealed record NaiveResult(string Name, string Period, List<double> Seconds, long Answers, bool Identical);

    public static async Task<int> RunAsync(BenchOptions options)
    {
        var started = DateTimeOffset.Now;
        var loadBefore = Machine.LoadAverage();
        var problems = new List<string>();
        var pages = new List<IndicatorsBenchmark.PageResult>();
        var naive = new List<NaiveResult>();
        double otherCpus;
        var quiet = "not waited for";
        var naiveOthers = double.NaN;
        TimeSpan seedTime;
        long databaseBytes = 0;
        string slug;
        int rollupRows;
        await using (var database = BenchDatabase.Create(options.Postgres, 0, options.KeepDatabase))
        {
            Console.Error.WriteLine($"[satisfaction-stats] {database.Description}: migrating and seeding the demo…");
            // The satisfaction indicator's worker would catch up on the bulk-loaded answers during the measurement
            // (a scan of every new answer id); in service answers arrive over time and each pass reads a few.
            await using var factory = new BenchFactory(database, 0, new Dictionary<string, string> { ["Satisfaction:FeedSeconds"] = "86400" });
            using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = BenchFactory.SiteAddress });
            client.Timeout = TimeSpan.FromMinutes(5);
            await factory.Identities.AddAsync(factory.Services, options.Person);
            var seed = Stopwatch.StartNew();
            (slug, var productId, rollupRows) = await SeedAsync(factory.Services, options.Answers);
            seed.Stop();
            seedTime = seed.Elapsed;
            if (database.Provider == "Sqlite")
            {
                var file = database.ConnectionString["Data Source=".Length..];
                databaseBytes = new FileInfo(file).Length + (File.Exists(file + "-wal") ? new FileInfo(file + "-wal").Length : 0);
            }
            Console.Error.WriteLine($"[satisfaction-stats] {options.Answers:N0} answers and {rollupRows:N0} rollup rows on {slug} in {seedTime.TotalSeconds:F0} s; database {databaseBytes / 1e9:F2} GB");

            quiet = await WaitForQuietAsync(options.WaitQuiet);
            var cpu = new CpuMeter();
            client.DefaultRequestHeaders.Add(BenchAuthHandler.PersonHeader, options.Person);
            var requestId = 0;
            foreach (var (name, url) in new[]
                     {
                         ("Onglet Satisfaction, période par défaut (30 jours)", $"/produits/{slug}/satisfaction"),
                         ("Onglet Satisfaction, 12 derniers mois", $"/produits/{slug}/satisfaction?periode=12m"),
                     })
            {
                var page = await IndicatorsBenchmark.MeasurePageAsync(factory, client, options, name, url, () => (++requestId).ToString(CultureInfo.InvariantCulture), problems);
                pages.Add(page);
                Console.Error.WriteLine($"[satisfaction-stats] {url}: p50 {page.Server.P50:F2} ms, p95 {page.Server.P95:F2} ms, p99 {page.Server.P99:F2} ms, SQL {page.SqlMin}–{page.SqlMax}");
            }
            otherCpus = cpu.OtherCpus();
            var naiveCpu = new CpuMeter();

            var today = DateOnly.FromDateTime(Cap.Web.Shared.Dates.ToParis(DateTimeOffset.UtcNow).DateTime);
            foreach (var (name, period, from, granularity) in new[]
                     {
                         ("Naive: statistics from the answers, 30 days", "30 jours", today.AddDays(-29), Granularity.Day),
                         ("Naive: statistics from the answers, 12 months", "12 mois", today.AddMonths(-12).AddDays(1), Granularity.Month),
                     })
            {
                naive.Add(await MeasureNaiveAsync(factory.Services, name, period, productId, from, today, granularity));
                Console.Error.WriteLine($"[satisfaction-stats] {name}: {string.Join(", ", naive[^1].Seconds.Select(s => s.ToString("F2", CultureInfo.InvariantCulture)))} s over {naive[^1].Answers:N0} answers; identical to the rollups: {naive[^1].Identical}");
                if (!naive[^1].Identical)
                {
                    problems.Add($"{name}: the statistics from the answers differ from those of the rollups.");
                }
            }
            naiveOthers = naiveCpu.OtherCpus();
        }
        var loadAfter = Machine.LoadAverage();

        var report = Report(options, started, seedTime, databaseBytes, rollupRows, otherCpus, $"{loadBefore}; before measuring: {quiet}", loadAfter, pages, naive, naiveOthers, problems);
        Console.WriteLine();
        Console.WriteLine(report);
        if (options.Out is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.Out))!);
            await File.WriteAllTextAsync(options.Out, report);
            Console.Error.WriteLine($"Report written to {options.Out}");
        }
        return problems.Count == 0 ? 0 : 1;
    }

    /// <summary>The naive statistics of a period, <see cref="NaiveRuns"/> times (the first may read from disk), checked against the rollups.</summary>
    private static async Task<NaiveResult> MeasureNaiveAsync(IServiceProvider services, string name, string period, int productId, DateOnly from, DateOnly to, Granularity granularity)
    {
        var seconds = new List<double>();
        string? naiveJson = null;
        for (var run = 0; run < NaiveRuns; run++)
        {
            await using var scope = services.CreateAsyncScope();
            var statistics = scope.ServiceProvider.GetRequiredService<SatisfactionStatistics>();
            var clock = Stopwatch.StartNew();
            var stats = await statistics.ComputeFromAnswersAsync(productId, from, to, null, granularity, CancellationToken.None);
            seconds.Add(clock.Elapsed.TotalSeconds);
            naiveJson ??= JsonSerializer.Serialize(stats);
        }
        await using (var scope = services.CreateAsyncScope())
        {
            var statistics = scope.ServiceProvider.GetRequiredService<SatisfactionStatistics>();
            var fromRollups = await statistics.ComputeAsync(productId, from, to, null, granularity, CancellationToken.None);
            var identical = JsonSerializer.Serialize(fromRollups) == naiveJson;
            return new NaiveResult(name, period, seconds, fromRollups.Totals.Count, identical);
        }
    }

    /// <summary>
    /// A demo product without a form gets one, switched on, with four placements; then <paramref name="answers"/>
    /// answers from three years ago to now, in order of reception, by one prepared INSERT executed per row in
    /// transactions of <see cref="RowsPerTransaction"/> rows (no change tracking); the daily rollups are added up in
    /// memory meanwhile and written at the end with <see cref="SatisfactionRollups"/> (what the intake runs).
    /// </summary>
    private static async Task<(string Slug, int ProductId, int RollupRows)> SeedAsync(IServiceProvider services, long answers)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CapDbContext>();
        var product = await db.Products.AsNoTracking().Where(p => !p.IsArchived && !db.FeedbackForms.Any(f => f.ProductId == p.Id))
            .OrderBy(p => p.Id).Select(p => new { p.Id, p.Slug }).FirstAsync();
        var form = new FeedbackForm { ProductId = product.Id, IsEnabled = true, AskClarity = true, AskHelp = true, AskComment = true, ConfigVersion = 1 };
        db.FeedbackForms.Add(form);
        db.FeedbackFormVersions.Add(FeedbackFormVersion.Of(form, "Banc d’essai"));
        var placements = PlacementShares.Select(p => new Placement { ProductId = product.Id, Form = form, Label = p.Label, PublicKey = Placement.NewKey() }).ToList();
        db.Placements.AddRange(placements);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        var entity = db.Model.FindEntityType(typeof(FeedbackAnswer))!;
        string[] columns = ["ProductId", "PlacementId", "FormVersion", "ReceivedAt", "Day", "Experience", "Clarity", "HelpChannels", "AdministrationReached", "HelpQuality", "Comment"];
        var mappings = columns.Select(c => entity.FindProperty(c)!.GetRelationalTypeMapping()).ToArray();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        if (db.IsSqlite)
        {
            // Loading only: no sync per commit, a large page cache for the growing indexes.
            await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=OFF; PRAGMA cache_size=-262144;");
        }
        await using var insert = connection.CreateCommand();
        insert.CommandText = $"INSERT INTO \"FeedbackAnswers\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";
        var parameters = mappings.Select((m, i) => m.CreateParameter(insert, $"@p{i}", null, nullable: true)).ToArray();
        insert.Parameters.AddRange(parameters);
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        var random = new Random(10_000_000);
        var now = DateTimeOffset.UtcNow;
        var start = now.AddYears(-Years);
        var step = (now - start).Ticks / Math.Max(1, answers);
        var rollups = new Dictionary<(int, DateOnly), FeedbackDailyRollup>();
        var clock = Stopwatch.StartNew();
        var transaction = await connection.BeginTransactionAsync();
        insert.Transaction = transaction;
        for (long n = 0; n < answers; n++)
        {
            if (n > 0 && n % RowsPerTransaction == 0)
            {
                await transaction.CommitAsync();
                await transaction.DisposeAsync();
                transaction = await connection.BeginTransactionAsync();
                insert.Transaction = transaction;
                Console.Error.WriteLine($"[satisfaction-stats] {n:N0} answers in {clock.Elapsed.TotalSeconds:F0} s");
            }
            var at = start.AddTicks(step * n);
            var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, paris).DateTime);
            var placementRoll = random.NextDouble();
            var placement = placements[^1];
            var cumulated = 0.0;
            for (var i = 0; i < placements.Count; i++)
            {
                cumulated += PlacementShares[i].Share;
                if (placementRoll < cumulated)
                {
                    placement = placements[i];
                    break;
                }
            }
            var roll = random.NextDouble();
            var experience = roll < 0.7 ? 3 : roll < 0.9 ? 2 : 1;
            int? clarity = random.Next(5) == 0 ? null : Math.Clamp(experience + 1 + random.Next(3), 1, 5);
            var channels = HelpChannels.None;
            bool? reached = null;
            int? quality = null;
            if (random.Next(4) == 0)
            {
                channels = HelpChannelLabels.All[random.Next(HelpChannelLabels.All.Length)];
                reached = random.NextDouble() < 0.7;
                quality = reached == true ? 1 + random.Next(5) : null;
            }
            var comment = random.Next(10) == 0 ? "Démarche claire dans l’ensemble ; le délai de traitement reste long." : null;
            var answer = new FeedbackAnswer
            {
                ProductId = product.Id, PlacementId = placement.Id, FormVersion = 1, ReceivedAt = at, Day = day, Experience = experience,
                Clarity = clarity, HelpChannels = channels, AdministrationReached = reached, HelpQuality = quality, Comment = comment,
            };
            object?[] values = [answer.ProductId, answer.PlacementId, answer.FormVersion, answer.ReceivedAt, answer.Day, answer.Experience,
                answer.Clarity, (int)answer.HelpChannels, answer.AdministrationReached, answer.HelpQuality, answer.Comment];
            for (var i = 0; i < values.Length; i++)
            {
                parameters[i].Value = values[i] is null ? DBNull.Value : mappings[i].Converter?.ConvertToProvider(values[i]) ?? values[i];
            }
            insert.ExecuteNonQuery();
            if (!rollups.TryGetValue((placement.Id, day), out var rollup))
            {
                rollup = new FeedbackDailyRollup { ProductId = product.Id, PlacementId = placement.Id, Day = day };
                rollups.Add((placement.Id, day), rollup);
            }
            rollup.Add(answer);
        }
        await SatisfactionRollups.AddAsync(db, transaction, rollups.Values.ToList(), CancellationToken.None);
        await transaction.CommitAsync();
        await transaction.DisposeAsync();
        Console.Error.WriteLine($"[satisfaction-stats] {answers:N0} answers and their rollups in {clock.Elapsed.TotalSeconds:F0} s");
        if (db.IsSqlite)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
            await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=FULL;");
        }
        await db.Database.CloseConnectionAsync();
        return (product.Slug, product.Id, rollups.Count);
    }

    /// <summary>Waits up to <paramref name="seconds"/> for 5 seconds in which other processes use under 0.15 CPU; says what happened.</summary>
    private static async Task<string> WaitForQuietAsync(int seconds)
    {
        if (seconds == 0)
        {
            return $"load {Machine.LoadAverage()} (not waited for a quiet machine)";
        }
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var meter = new CpuMeter();
            await Task.Delay(TimeSpan.FromSeconds(5));
            var others = meter.OtherCpus();
            if (others < 0.15)
            {
                Console.Error.WriteLine($"[satisfaction-stats] quiet after {waited.Elapsed.TotalSeconds:F0} s (others {others:F2} CPU)");
                return $"load {Machine.LoadAverage()}, quiet after waiting {waited.Elapsed.TotalSeconds:F0} s (others {others:F2} CPU over 5 s)";
            }
            if (waited.Elapsed.TotalSeconds >= seconds)
            {
                Console.Error.WriteLine($"[satisfaction-stats] still busy after {waited.Elapsed.TotalSeconds:F0} s (others {others:F2} CPU): measuring anyway");
                return $"load {Machine.LoadAverage()}, NOT quiet after waiting {waited.Elapsed.TotalSeconds:F0} s (others {others:F2} CPU over the last 5 s)";
            }
        }
    }


    private static string Report(BenchOptions options, DateTimeOffset started, TimeSpan seedTime, long databaseBytes, int rollupRows, double otherCpus,
        string loadBefore, string loadAfter, List<IndicatorsBenchmark.PageResult> pages, List<NaiveResult> naive, double naiveOthers, List<string> problems)
    {
        var inv = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        md.AppendLine(inv, $"### Satisfaction statistics of one product holding {options.Answers:N0} answers");
        md.AppendLine();
        md.AppendLine(inv, $"- Run: {started:yyyy-MM-dd HH:mm zzz}; {Machine.Describe()}");
        md.AppendLine(inv, $"- Database: {(options.Postgres is null ? "SQLite (fresh file in the temporary folder)" : "PostgreSQL (fresh database)")}; demo portfolio + one product with 4 placements and {options.Answers:N0} answers over {Years} years ({rollupRows:N0} daily rollup rows){(databaseBytes > 0 ? $", database file {databaseBytes / 1e9:F2} GB" : "")}; answers and rollups generated in {seedTime.TotalSeconds:F0} s");
        md.AppendLine(inv, $"- Pages: {options.Warmup} warm-up requests, then {options.Requests} measured requests, one at a time, signed in as {options.Person}");
        md.AppendLine(inv, $"- Load average (1, 5, 15 min) before the run: {loadBefore}; after: {loadAfter}. Other processes' CPU use while the pages were measured: {otherCpus:F2} CPUs on average (above ~0.1 the machine was not quiet)");
        md.AppendLine();
        md.AppendLine(inv, $"| Page | URL | Server p50 (ms) | Server p95 (ms) | Server p99 (ms) | Client p95 (ms) | SQL time p95 (ms) | SQL queries / request | p95 / {PageTargetMs:F0} ms target |");
        md.AppendLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var p in pages)
        {
            var ratio = p.Server.P95 / PageTargetMs;
            md.AppendLine(inv, $"| {p.Name} | `{p.Url}` | {p.Server.P50:F2} | {p.Server.P95:F2} | {p.Server.P99:F2} | {p.Client.P95:F2} | {p.SqlMs.P95:F2} | {(p.SqlMin == p.SqlMax ? p.SqlMin.ToString(inv) : $"{p.SqlMin}–{p.SqlMax}")} | {ratio.ToString("P0", inv)} |");
            if (p.Requests == options.Requests && p.Server.P95 > PageTargetMs)
            {
                problems.Add($"{p.Name}: p95 server time {p.Server.P95:F2} ms is above the {PageTargetMs:F0} ms target ({ratio.ToString("P0", inv)}).");
            }
        }
        md.AppendLine();
        md.AppendLine(inv, $"Other processes' CPU use during the naive runs: {naiveOthers:F2} CPUs on average.");
        md.AppendLine();
        md.AppendLine(inv, $"| Naive full scan (`SatisfactionStatistics.ComputeFromAnswersAsync`, the pre-rollup queries, in process) | Answers in the period | First run (s) | Median of {NaiveRuns} (s) | Slowest (s) | Same figures as the rollups |");
        md.AppendLine("| --- | ---: | ---: | ---: | ---: | --- |");
        foreach (var n in naive)
        {
            md.AppendLine(inv, $"| {n.Period} | {n.Answers:N0} | {n.Seconds[0]:F2} | {Summary.Of(n.Seconds).P50:F2} | {n.Seconds.Max():F2} | {(n.Identical ? "yes" : "**no**")} |");
        }
        md.AppendLine();
        md.AppendLine(problems.Count == 0
            ? $"**Result: target met** (statistics tab p95 ≤ {PageTargetMs:F0} ms with {options.Answers:N0} answers)."
            : "**Result: target missed**");
        foreach (var problem in problems)
        {
            md.AppendLine(inv, $"- {problem}");
        }
        return md.ToString();
    }
}
