using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Cap.Data;
using Cap.Domain.Steering;
using Cap.Web.Features.Indicators;
using Cap.Web.Features.Indicators.Import;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.DependencyInjection;

namespace Cap.Bench;

/// <summary>
/// Issue 3's targets: the Indicateurs tab and an indicator page of a product with 50 indicators of 5 years of
/// daily measurements (server p95 ≤ 100 ms); an import of 100,000 measurements (≤ 10 s); the status rule over
/// 20,000 indicators (≤ 1 s).
/// </summary>
internal static partial class IndicatorsBenchmark
{
    public const int Indicators = 50;
    public const int DailyPoints = 1826;
    public const int ImportRows = 100_000;
    public const int PortfolioIndicators = 20_000;
    public const int MonthlyPoints = 24;
    public const double PageTargetMs = 100;
    public const double ImportTargetS = 10;
    public const double StatusTargetS = 1;
    private const string Editor = "camille.martin@demo.cap.gouv.fr";

    internal sealed record PageResult(string Name, string Url, int Requests, Summary Server, Summary Client, Summary SqlMs, int SqlMin, int SqlMax, int Bytes);

    private sealed record ImportResult(string Name, double ParseS, double CommitS, double TotalS, int SqlCommands, int Added, int AuditEntries, string Detail);

    public static async Task<int> RunAsync(BenchOptions options)
    {
        var started = DateTimeOffset.Now;
        var problems = new List<string>();
        var pages = new List<PageResult>();
        var imports = new List<ImportResult>();
        double otherCpus;
        TimeSpan seedTime;
        List<double> statusFromDatabase;
        await using (var database = BenchDatabase.Create(options.Postgres, 3, options.KeepDatabase))
        {
            Console.Error.WriteLine($"[indicators] {database.Description}: migrating and seeding…");
            var seed = Stopwatch.StartNew();
            await using var factory = new BenchFactory(database, 3);
            using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = BenchFactory.SiteAddress });
            await factory.Identities.AddAsync(factory.Services, options.Person);
            await factory.Identities.AddAsync(factory.Services, Editor);
            var (slug, firstIndicator, importSlug, importProductId) = await SeedAsync(factory.Services, database.Provider);
            seed.Stop();
            seedTime = seed.Elapsed;
            Console.Error.WriteLine($"[indicators] seeded {Indicators} indicators × {DailyPoints} points on {slug} in {seedTime.TotalSeconds:F1} s");

            var cpu = new CpuMeter();
            client.DefaultRequestHeaders.Add(BenchAuthHandler.PersonHeader, options.Person);
            var requestId = 0;
            foreach (var (name, url) in new[]
                     {
                         ("Onglet Indicateurs (50 indicateurs, 91 300 mesures)", $"/produits/{slug}/indicateurs"),
                         ("Page d’un indicateur (1 826 mesures)", $"/produits/{slug}/indicateurs/{firstIndicator}"),
                     })
            {
                var page = await MeasurePageAsync(factory, client, options, name, url, () => (++requestId).ToString(CultureInfo.InvariantCulture), problems);
                pages.Add(page);
                Console.Error.WriteLine($"[indicators] {url}: p50 {page.Server.P50:F2} ms, p95 {page.Server.P95:F2} ms, p99 {page.Server.P99:F2} ms, SQL {page.SqlMin}–{page.SqlMax}, {page.Bytes:N0} bytes");
            }

            var csv = Csv(ImportRows);
            Console.Error.WriteLine($"[indicators] import file: {ImportRows:N0} rows, {csv.Length:N0} bytes");
            imports.Add(await ImportDirectAsync(factory.Services, importProductId, csv));
            Console.Error.WriteLine($"[indicators] direct import: {imports[^1]}");
            imports.Add(await ImportHttpAsync(factory, importSlug, importProductId, csv, () => (++requestId).ToString(CultureInfo.InvariantCulture), problems));
            Console.Error.WriteLine($"[indicators] HTTP import: {imports[^1]}");
            Console.Error.WriteLine($"[indicators] seeding {PortfolioIndicators:N0} indicators × {MonthlyPoints} monthly points…");
            await SeedPortfolioAsync(factory.Services, database.Provider);
            statusFromDatabase = await MeasureStatusFromDatabaseAsync(factory.Services);
            Console.Error.WriteLine($"[indicators] status rule with loading: {string.Join(", ", statusFromDatabase.Select(s => s.ToString("F3", CultureInfo.InvariantCulture)))} s");
            otherCpus = cpu.OtherCpus();
        }

        var status = MeasureStatus();
        Console.Error.WriteLine($"[indicators] status rule: {string.Join(", ", status.Select(s => s.ToString("F3", CultureInfo.InvariantCulture)))} s");

        var report = Report(options, started, seedTime, otherCpus, pages, imports, status, statusFromDatabase, problems);
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

    /// <summary>
    /// 50 indicators (through EF, audited) on the first generated product, their 91,300 measurements by plain
    /// parameterised INSERTs in one transaction (seeding is not measured; the audit of 91,300 rows would only slow it).
    /// </summary>
    private static async Task<(string Slug, int FirstIndicator, string ImportSlug, int ImportProductId)> SeedAsync(IServiceProvider services, string provider)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CapDbContext>();
        var products = await db.Products.AsNoTracking().Where(p => p.Slug.StartsWith("produit-") && !p.IsArchived)
            .OrderBy(p => p.Id).Select(p => new { p.Id, p.Slug }).Take(2).ToListAsync();
        var product = products[0];
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var first = today.AddDays(-(DailyPoints - 1));
        var indicators = Enumerable.Range(0, Indicators).Select(i => new Indicator
        {
            ProductId = product.Id, Kind = (IndicatorKind)(1 + i % 3), Name = $"Indicateur de charge {i + 1:D2}",
            Unit = IndicatorUnit.Number, Direction = i % 5 == 4 ? WantedDirection.Down : WantedDirection.Up,
            Baseline = i % 5 == 4 ? 1000 : 0, BaselineDate = first.AddDays(-1), Target = i % 5 == 4 ? 0 : 1000,
            TargetDate = today.AddDays(365), Frequency = UpdateFrequency.Weekly, Position = i, DataSource = "Bench",
        }).ToList();
        db.Indicators.AddRange(indicators);
        await db.SaveChangesAsync();

        var random = new Random(3);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO "Measurements" ("IndicatorId", "ProductId", "Date", "Value", "Comment", "Source", "AuthorId", "AuthorName", "CreatedAt")
            VALUES (@i, @p, @d, @v, NULL, 'Api', NULL, 'Bench', @c)
            """;
        DbParameter Parameter(string name)
        {
            var parameter = insert.CreateParameter();
            parameter.ParameterName = name;
            insert.Parameters.Add(parameter);
            return parameter;
        }
        var pi = Parameter("@i");
        var pp = Parameter("@p");
        var pd = Parameter("@d");
        var pv = Parameter("@v");
        var pc = Parameter("@c");
        var now = DateTimeOffset.UtcNow;
        pc.Value = provider == "Sqlite" ? new DateTimeOffsetToBinaryConverter().ConvertToProvider(now) : now;
        pp.Value = product.Id;
        foreach (var indicator in indicators)
        {
            pi.Value = indicator.Id;
            var down = indicator.Direction == WantedDirection.Down;
            for (var day = 0; day < DailyPoints; day++)
            {
                var trend = 800m * day / DailyPoints;
                var value = Math.Round((down ? 1000 - trend : trend) + (decimal)(random.NextDouble() * 40 - 20), 2);
                pd.Value = first.AddDays(day);
                pv.Value = value;
                await insert.ExecuteNonQueryAsync();
            }
        }
        await transaction.CommitAsync();
        await db.Database.CloseConnectionAsync();
        // Rows written behind the change tracker: fill the indicators' kept summaries as an upgrade would.
        await IndicatorSummaries.RefreshMissingAsync(db, CancellationToken.None);
        return (product.Slug, indicators[0].Id, products[1].Slug, products[1].Id);
    }

    /// <summary>The table rows of measured pages, each against the page target; a page above it (and counted) is a problem.</summary>
    internal static void AppendPageRows(StringBuilder md, IEnumerable<PageResult> pages, int requests, List<string> problems, Func<PageResult, bool>? counted = null)
    {
        var inv = CultureInfo.InvariantCulture;
        foreach (var p in pages)
        {
            var ratio = p.Server.P95 / PageTargetMs;
            md.AppendLine(inv, $"| {p.Name} | `{p.Url}` | {p.Server.P50:F2} | {p.Server.P95:F2} | {p.Server.P99:F2} | {p.Client.P95:F2} | {p.SqlMs.P95:F2} | {(p.SqlMin == p.SqlMax ? p.SqlMin.ToString(inv) : $"{p.SqlMin}–{p.SqlMax}")} | {p.Bytes:N0} | {ratio.ToString("P0", inv)} |");
            if (p.Requests == requests && p.Server.P95 > PageTargetMs && (counted?.Invoke(p) ?? true))
            {
                problems.Add($"{p.Name}: p95 server time {p.Server.P95:F2} ms is above the {PageTargetMs:F0} ms target ({ratio.ToString("P0", inv)}).");
            }
        }
    }

    internal static async Task<PageResult> MeasurePageAsync(BenchFactory factory, HttpClient client, BenchOptions options, string name, string url, Func<string> nextId, List<string> problems)
    {
        var server = new List<double>(options.Requests);
        var roundTrip = new List<double>(options.Requests);
        var sqlMs = new List<double>(options.Requests);
        var sqlCounts = new List<int>(options.Requests);
        var bytes = 0;
        GC.Collect();
        GC.WaitForPendingFinalizers();
        for (var i = -options.Warmup; i < options.Requests; i++)
        {
            var id = nextId();
            factory.KeepSql = i == 0 && options.ShowSql;
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Add(TimingStartupFilter.RequestIdHeader, id);
            var clock = Stopwatch.StartNew();
            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsByteArrayAsync();
            clock.Stop();
            var sample = factory.Samples.Take(id);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                problems.Add($"{url} answered {(int)response.StatusCode} {response.StatusCode}: the figures of this scenario are not valid.");
                break;
            }
            if (i < 0)
            {
                continue;
            }
            if (i == 0)
            {
                bytes = body.Length;
                if (options.ShowSql)
                {
                    Console.Error.WriteLine(string.Join(Environment.NewLine + "---" + Environment.NewLine, sample.Sql));
                }
            }
            server.Add(sample.ServerMs);
            roundTrip.Add(clock.Elapsed.TotalMilliseconds);
            sqlMs.Add(sample.SqlMs);
            sqlCounts.Add(sample.SqlCommands);
        }
        factory.KeepSql = false;
        return new PageResult(name, url, server.Count, Summary.Of(server), Summary.Of(roundTrip), Summary.Of(sqlMs),
            sqlCounts.Count == 0 ? 0 : sqlCounts.Min(), sqlCounts.Count == 0 ? 0 : sqlCounts.Max(), bytes);
    }

    /// <summary>A CSV as a spreadsheet exports it: header, « ; », French dates and decimal commas; one row per day up to today.</summary>
    private static byte[] Csv(int rows)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var random = new Random(100_000);
        var text = new StringBuilder(rows * 24);
        text.Append("date;valeur;commentaire\n");
        for (var i = rows - 1; i >= 0; i--)
        {
            var value = Math.Round((decimal)(random.NextDouble() * 1000), 2);
            text.Append(today.AddDays(-i).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)).Append(';')
                .Append(value.ToString("0.##", CultureInfo.GetCultureInfo("fr-FR"))).Append(';')
                .Append(i % 50 == 0 ? "relevé mensuel" : "").Append('\n');
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static async Task<int> FreshIndicatorAsync(IServiceProvider services, int productId, string name)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CapDbContext>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var indicator = new Indicator
        {
            ProductId = productId, Kind = IndicatorKind.Direction, Name = name, Unit = IndicatorUnit.Number, Direction = WantedDirection.Up,
            Baseline = 0, BaselineDate = today.AddYears(-300), Target = 1000, TargetDate = today.AddDays(365), Frequency = UpdateFrequency.Weekly,
            Position = 100 + name.Length, DataSource = "Bench",
        };
        db.Indicators.Add(indicator);
        await db.SaveChangesAsync();
        return indicator.Id;
    }

    private static async Task<int> AuditCountAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CapDbContext>().AuditEntries.CountAsync();
    }

    /// <summary>MeasurementFileReader.Read then MeasurementWriter.UpsertAsync, as the import page calls them, timed apart.</summary>
    private static async Task<ImportResult> ImportDirectAsync(IServiceProvider services, int productId, byte[] csv)
    {
        var id = await FreshIndicatorAsync(services, productId, "Import direct");
        var audits = await AuditCountAsync(services);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var total = Stopwatch.StartNew();
        var preview = MeasurementFileReader.Read(new MemoryStream(csv), "mesures.csv", DateOnly.FromDateTime(DateTime.UtcNow));
        var parse = total.Elapsed;
        if (!preview.CanCommit)
        {
            throw new InvalidOperationException($"The generated file does not import: {(preview.Errors.Count > 0 ? preview.Errors[0] : null)}");
        }
        var stats = new RequestStats();
        RequestStats.Current.Value = stats;
        MeasurementWriter.Outcome outcome;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CapDbContext>();
            var indicator = await db.Indicators.FirstAsync(i => i.Id == id);
            outcome = await MeasurementWriter.UpsertAsync(db, indicator, preview.Rows.Select(r => new MeasurementRow(r.Date, r.Value, r.Comment)).ToList(), MeasurementSource.Import, null, "Bench", DateTimeOffset.UtcNow, CancellationToken.None);
        }
        total.Stop();
        RequestStats.Current.Value = null;
        var commit = total.Elapsed - parse;
        return new ImportResult("Direct: MeasurementFileReader.Read + MeasurementWriter.UpsertAsync", parse.TotalSeconds, commit.TotalSeconds,
            total.Elapsed.TotalSeconds, stats.Commands, outcome.Added, await AuditCountAsync(services) - audits, preview.Format);
    }

    // The application names the antiforgery field __cap_csrf (CapHost).
    [GeneratedRegex("name=\"__cap_csrf\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("pendingId=([0-9a-fA-F-]{36})")]
    private static partial Regex PendingPattern();

    /// <summary>The two steps of the import page, signed in as an administrator: upload and preview, then confirmation.</summary>
    private static async Task<ImportResult> ImportHttpAsync(BenchFactory factory, string slug, int productId, byte[] csv, Func<string> nextId, List<string> problems)
    {
        var id = await FreshIndicatorAsync(factory.Services, productId, "Import par la page");
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = BenchFactory.SiteAddress });
        client.Timeout = TimeSpan.FromMinutes(10);
        client.DefaultRequestHeaders.Add(BenchAuthHandler.PersonHeader, Editor);
        var url = $"/produits/{slug}/indicateurs/{id}/import";
        var form = await client.GetStringAsync(url);
        if (TokenPattern().Match(form) is not { Success: true } m)
        {
            problems.Add($"{url}: no antiforgery token in the form; the HTTP import was not measured.");
            return new ImportResult("HTTP: the import page's two steps", double.NaN, double.NaN, double.NaN, 0, 0, 0, "failed");
        }
        var token = m.Groups[1].Value;
        var audits = await AuditCountAsync(factory.Services);
        GC.Collect();
        GC.WaitForPendingFinalizers();

        var total = Stopwatch.StartNew();
        using var upload = new MultipartFormDataContent
        {
            { new StringContent(token), "__cap_csrf" },
            { new ByteArrayContent(csv), "file", "mesures.csv" },
        };
        var previewId = nextId();
        using var previewRequest = new HttpRequestMessage(HttpMethod.Post, url + "?handler=Preview") { Content = upload };
        previewRequest.Headers.Add(TimingStartupFilter.RequestIdHeader, previewId);
        using var previewResponse = await client.SendAsync(previewRequest);
        var previewHtml = await previewResponse.Content.ReadAsStringAsync();
        var preview = factory.Samples.Take(previewId);
        var previewClient = total.Elapsed;
        var pendingId = PendingPattern().Match(previewHtml) is { Success: true } p ? p.Groups[1].Value : null;
        if (previewResponse.StatusCode != HttpStatusCode.OK || pendingId is null)
        {
            problems.Add($"{url}?handler=Preview answered {(int)previewResponse.StatusCode} without a pending import: the HTTP import was not measured.");
            return new ImportResult("HTTP: the import page's two steps", double.NaN, double.NaN, double.NaN, 0, 0, 0, "failed");
        }
        var token2 = TokenPattern().Match(previewHtml).Groups[1].Value;
        var commitId = nextId();
        using var commitRequest = new HttpRequestMessage(HttpMethod.Post, $"{url}?handler=Commit&pendingId={pendingId}")
        {
            Content = new FormUrlEncodedContent([new KeyValuePair<string, string>("__cap_csrf", token2)]),
        };
        commitRequest.Headers.Add(TimingStartupFilter.RequestIdHeader, commitId);
        var commitClock = Stopwatch.StartNew();
        using var commitResponse = await client.SendAsync(commitRequest);
        _ = await commitResponse.Content.ReadAsByteArrayAsync();
        var commit = factory.Samples.Take(commitId);
        if (commitResponse.StatusCode != HttpStatusCode.Redirect)
        {
            problems.Add($"{url}?handler=Commit answered {(int)commitResponse.StatusCode} instead of a redirect: the import did not complete.");
        }
        // A commit longer than the page's wait goes on as a job: follow its progress page until it is done.
        var progressUrl = commitResponse.Headers.Location?.OriginalString;
        var viaProgress = progressUrl is not null && progressUrl.Contains("/import/", StringComparison.Ordinal);
        var polls = 0;
        while (viaProgress && commitClock.Elapsed < TimeSpan.FromMinutes(2))
        {
            polls++;
            using var status = await client.GetAsync($"{progressUrl}?handler=Status");
            using var json = System.Text.Json.JsonDocument.Parse(await status.Content.ReadAsStringAsync());
            var stage = json.RootElement.GetProperty("stage").GetString();
            if (stage is "Done" or "Failed")
            {
                if (stage == "Failed")
                {
                    problems.Add($"{progressUrl}: the import job failed.");
                }
                break;
            }
            await Task.Delay(50);
        }
        commitClock.Stop();
        total.Stop();
        int added;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            added = await scope.ServiceProvider.GetRequiredService<CapDbContext>().Measurements.CountAsync(x => x.IndicatorId == id);
        }
        var commitS = viaProgress ? commitClock.Elapsed.TotalSeconds : commit.ServerMs / 1000;
        var commitDetail = viaProgress
            ? $"commit {commitS:F2} s from the confirmation to the job's end, followed on its progress page ({polls} status polls; the job's SQL is not counted)"
            : $"commit {commit.ServerMs / 1000:F2} s ({commit.SqlCommands} SQL)";
        return new ImportResult("HTTP: preview (upload, parse, store) then commit (parse again, write)", preview.ServerMs / 1000, commitS,
            total.Elapsed.TotalSeconds, preview.SqlCommands + commit.SqlCommands, added, await AuditCountAsync(factory.Services) - audits,
            $"server time: preview {preview.ServerMs / 1000:F2} s ({preview.SqlCommands} SQL), {commitDetail}; client wall time preview {previewClient.TotalSeconds:F2} s");
    }

    private const string PortfolioSource = "Bench portefeuille";

    /// <summary>20,000 indicators (through EF, audited) spread over the active products, their 24 monthly points by plain INSERTs.</summary>
    private static async Task SeedPortfolioAsync(IServiceProvider services, string provider)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CapDbContext>();
        var products = await db.Products.AsNoTracking().Where(p => !p.IsArchived).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var indicators = Enumerable.Range(0, PortfolioIndicators).Select(i =>
        {
            var direction = (WantedDirection)(1 + i % 3);
            return new Indicator
            {
                ProductId = products[i % products.Count], Kind = (IndicatorKind)(1 + i % 3), Name = $"Indicateur de portefeuille {i + 1:D5}",
                Unit = IndicatorUnit.Percent, Direction = direction, Baseline = direction == WantedDirection.Down ? 100 : 0,
                BaselineDate = today.AddMonths(-30), Target = direction == WantedDirection.Down ? 20 : 40,
                TargetMax = direction == WantedDirection.Range ? 60 : null, TargetDate = today.AddMonths(6 + i % 12),
                Frequency = UpdateFrequency.Monthly, Position = 1000 + i, DataSource = PortfolioSource,
            };
        }).ToList();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        foreach (var chunk in indicators.Chunk(2000))
        {
            db.Indicators.AddRange(chunk);
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }

        var random = new Random(24);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO "Measurements" ("IndicatorId", "ProductId", "Date", "Value", "Comment", "Source", "AuthorId", "AuthorName", "CreatedAt")
            VALUES (@i, @p, @d, @v, NULL, 'Api', NULL, 'Bench', @c)
            """;
        DbParameter Parameter(string name)
        {
            var parameter = insert.CreateParameter();
            parameter.ParameterName = name;
            insert.Parameters.Add(parameter);
            return parameter;
        }
        var pi = Parameter("@i");
        var pp = Parameter("@p");
        var pd = Parameter("@d");
        var pv = Parameter("@v");
        var pc = Parameter("@c");
        var now = DateTimeOffset.UtcNow;
        pc.Value = provider == "Sqlite" ? new DateTimeOffsetToBinaryConverter().ConvertToProvider(now) : now;
        for (var n = 0; n < indicators.Count; n++)
        {
            pi.Value = indicators[n].Id;
            pp.Value = indicators[n].ProductId;
            var lag = n % 7 == 0 ? 3 : 0;
            for (var k = 0; k < MonthlyPoints; k++)
            {
                pd.Value = today.AddMonths(-(MonthlyPoints - 1 - k) - lag);
                pv.Value = Math.Round((decimal)(random.NextDouble() * 100), 2);
                await insert.ExecuteNonQueryAsync();
            }
        }
        await transaction.CommitAsync();
        await db.Database.CloseConnectionAsync();
        // Rows written behind the change tracker: fill the indicators' kept summaries as an upgrade would.
        await IndicatorSummaries.RefreshMissingAsync(db, CancellationToken.None);
    }

    /// <summary>
    /// The portfolio's statuses as a portfolio view computes them: one query for the 20,000 indicators with their kept
    /// measurement summaries (no history read), then the rule; a fresh context per pass, 1 warm-up pass then 3 timed passes.
    /// </summary>
    private static async Task<List<double>> MeasureStatusFromDatabaseAsync(IServiceProvider services)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var seconds = new List<double>();
        for (var pass = -1; pass < 3; pass++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var clock = Stopwatch.StartNew();
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CapDbContext>();
            var indicators = await db.Indicators.AsNoTracking().Where(i => i.DataSource == PortfolioSource).ToListAsync();
            var assessed = indicators.Count(i => IndicatorStatusRule.Assess(i.Spec, i.Summary, today).Status != IndicatorStatus.NoData);
            clock.Stop();
            if (assessed != PortfolioIndicators)
            {
                throw new InvalidOperationException($"{assessed} indicators with data instead of {PortfolioIndicators}.");
            }
            if (pass >= 0)
            {
                seconds.Add(clock.Elapsed.TotalSeconds);
            }
        }
        return seconds;
    }

    /// <summary>IndicatorStatusRule.Assess over 20,000 indicators of 24 monthly points each: 1 warm-up pass, then 7 timed passes.</summary>
    private static List<double> MeasureStatus()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var random = new Random(20_000);
        var portfolio = new List<(IndicatorSpec Spec, List<Point> Points)>(PortfolioIndicators);
        for (var i = 0; i < PortfolioIndicators; i++)
        {
            var direction = (WantedDirection)(1 + i % 3);
            var spec = new IndicatorSpec(direction, direction == WantedDirection.Down ? 100 : 0, today.AddMonths(-30),
                direction == WantedDirection.Down ? 20 : 40, direction == WantedDirection.Range ? 60 : null, today.AddMonths(6 + i % 12), UpdateFrequency.Monthly);
            var lag = i % 7 == 0 ? 3 : 0;
            var points = Enumerable.Range(0, MonthlyPoints)
                .Select(k => new Point(today.AddMonths(-(MonthlyPoints - 1 - k) - lag), Math.Round((decimal)(random.NextDouble() * 100), 2)))
                .OrderBy(_ => random.Next()).ToList();
            portfolio.Add((spec, points));
        }
        var seconds = new List<double>();
        var statuses = new int[7];
        for (var pass = -1; pass < 7; pass++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var clock = Stopwatch.StartNew();
            foreach (var (spec, points) in portfolio)
            {
                statuses[(int)IndicatorStatusRule.Assess(spec, points, today).Status]++;
            }
            clock.Stop();
            if (pass >= 0)
            {
                seconds.Add(clock.Elapsed.TotalSeconds);
            }
        }
        Console.Error.WriteLine($"[indicators] statuses of one pass: {string.Join(", ", Enum.GetValues<IndicatorStatus>().Select(s => $"{s} {statuses[(int)s] / 8}"))}");
        return seconds;
    }

    private static string Report(BenchOptions options, DateTimeOffset started, TimeSpan seedTime, double otherCpus,
        List<PageResult> pages, List<ImportResult> imports, List<double> status, List<double> statusFromDatabase, List<string> problems)
    {
        var inv = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        md.AppendLine(inv, $"### Indicators: {Indicators} indicators × {DailyPoints:N0} daily measurements; import of {ImportRows:N0} rows; status of {PortfolioIndicators:N0} indicators");
        md.AppendLine();
        md.AppendLine(inv, $"- Run: {started:yyyy-MM-dd HH:mm zzz}; {Machine.Describe()}");
        md.AppendLine(inv, $"- Database: {(options.Postgres is null ? "SQLite (fresh file in the temporary folder)" : "PostgreSQL (fresh database)")}; demo portfolio + 3 generated products, indicators seeded and host started in {seedTime.TotalSeconds:F1} s");
        md.AppendLine(inv, $"- Pages: {options.Warmup} warm-up requests, then {options.Requests} measured requests, one at a time, signed in as {options.Person}; import signed in as {Editor}");
        md.AppendLine(inv, $"- Other processes' CPU use while measuring pages and imports: {otherCpus:F2} CPUs on average; above ~0.1 the machine was not quiet and the figures are disturbed");
        md.AppendLine();
        md.AppendLine(inv, $"| Page | URL | Server p50 (ms) | Server p95 (ms) | Server p99 (ms) | Client p95 (ms) | SQL time p95 (ms) | SQL queries / request | HTML (bytes) | p95 / {PageTargetMs:F0} ms target |");
        md.AppendLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        AppendPageRows(md, pages, options.Requests, problems);
        md.AppendLine();
        md.AppendLine(inv, $"| Import of {ImportRows:N0} rows (CSV) | Parse (s) | Commit (s) | Total (s) | SQL commands | Measurements written | Audit entries written | Total / {ImportTargetS:F0} s target |");
        md.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var r in imports)
        {
            var ratio = r.TotalS / ImportTargetS;
            md.AppendLine(inv, $"| {r.Name} | {r.ParseS:F2} | {r.CommitS:F2} | {r.TotalS:F2} | {r.SqlCommands:N0} | {r.Added:N0} | {r.AuditEntries:N0} | {(double.IsNaN(ratio) ? "–" : ratio.ToString("P0", inv))} |");
            if (!double.IsNaN(r.TotalS) && r.TotalS > ImportTargetS)
            {
                problems.Add($"{r.Name}: {r.TotalS:F2} s is above the {ImportTargetS:F0} s target ({ratio.ToString("P0", inv)}).");
            }
            if (!double.IsNaN(r.TotalS) && r.Added != ImportRows)
            {
                problems.Add($"{r.Name}: {r.Added:N0} measurements written instead of {ImportRows:N0}.");
            }
        }
        md.AppendLine();
        foreach (var r in imports)
        {
            md.AppendLine(inv, $"- {r.Name}: {r.Detail}");
        }
        md.AppendLine();
        var s = Summary.Of(status);
        md.AppendLine(inv, $"| Status rule (`IndicatorStatusRule.Assess`, in memory) | Indicators | Points each | Median of {status.Count} passes (s) | Slowest pass (s) | Slowest / {StatusTargetS:F0} s target |");
        md.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        md.AppendLine(inv, $"| Pure CPU, points already loaded (unsorted) | {PortfolioIndicators:N0} | {MonthlyPoints} monthly | {s.P50:F3} | {s.Max:F3} | {(s.Max / StatusTargetS).ToString("P0", inv)} |");
        var d = Summary.Of(statusFromDatabase);
        md.AppendLine(inv, $"| From the database: the indicators with their kept measurement summaries (one query; their {PortfolioIndicators * MonthlyPoints:N0} points are not read) then the rule | {PortfolioIndicators:N0} | {MonthlyPoints} monthly | {d.P50:F3} | {d.Max:F3} | {(d.Max / StatusTargetS).ToString("P0", inv)} |");
        if (s.Max > StatusTargetS)
        {
            problems.Add($"Status of {PortfolioIndicators:N0} indicators: {s.Max:F3} s is above the {StatusTargetS:F0} s target.");
        }
        if (d.Max > StatusTargetS)
        {
            problems.Add($"Status of {PortfolioIndicators:N0} indicators loaded from the database: {d.Max:F3} s is above the {StatusTargetS:F0} s target ({(d.Max / StatusTargetS).ToString("P0", inv)}).");
        }
        md.AppendLine();
        md.AppendLine(problems.Count == 0
            ? $"**Result: targets met** (pages p95 ≤ {PageTargetMs:F0} ms; import ≤ {ImportTargetS:F0} s; status of {PortfolioIndicators:N0} indicators ≤ {StatusTargetS:F0} s)."
            : "**Result: targets missed**");
        foreach (var problem in problems)
        {
            md.AppendLine(inv, $"- {problem}");
        }
        return md.ToString();
    }
}
