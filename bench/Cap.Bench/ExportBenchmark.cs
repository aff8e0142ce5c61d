using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Cap.Data;
using Cap.Domain.Satisfaction;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Cap.Bench;

/// <summary>
/// Issue 4: the export of 1 million satisfaction answers (CSV and XLSX) streams without loading them in memory.
/// Seeds the answers on one product, downloads both exports while sampling the process's managed heap and
/// working set, and reports the growth over the baseline against the size of what was exported.
/// </summary>
internal static class ExportBenchmark
{
    public const int Answers = 1_000_000;
    private const string Reader = "helene.petit@demo.cap.gouv.fr";
    private const long HeapGrowthLimit = 64_000_000;

    private sealed record ExportResult(string Format, long Bytes, long Rows, double Seconds, long HeapBaseline, long HeapPeak, long WorkingSetBaseline, long WorkingSetPeak);

    public static async Task<int> RunAsync(BenchOptions options)
    {
        var started = DateTimeOffset.Now;
        var results = new List<ExportResult>();
        string slug;
        await using (var database = BenchDatabase.Create(options.Postgres, 0, options.KeepDatabase))
        {
            Console.Error.WriteLine($"[export] {database.Description}: migrating and seeding…");
            await using var factory = new BenchFactory(database, 0);
            using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = BenchFactory.SiteAddress });
            client.Timeout = TimeSpan.FromMinutes(10);
            await factory.Identities.AddAsync(factory.Services, Reader);
            client.DefaultRequestHeaders.Add(BenchAuthHandler.PersonHeader, Reader);
            var seed = Stopwatch.StartNew();
            slug = await SeedAsync(factory.Services);
            Console.Error.WriteLine($"[export] {Answers:N0} answers seeded on {slug} in {seed.Elapsed.TotalSeconds:F1} s");
            foreach (var format in new[] { "csv", "xlsx" })
            {
                results.Add(await MeasureAsync(client, $"/produits/{slug}/satisfaction/export/{format}", format));
                Console.Error.WriteLine($"[export] {results[^1]}");
            }
        }

        var inv = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        md.AppendLine(inv, $"### Export of {Answers:N0} satisfaction answers");
        md.AppendLine();
        md.AppendLine(inv, $"- Run: {started:yyyy-MM-dd HH:mm zzz}; {Environment.ProcessorCount} CPUs; .NET {Environment.Version}; SQLite unless --postgres; Release build");
        md.AppendLine("- Heap and working set sampled every 20 ms during the download, in the benchmark process that hosts both the server and the client (the client reads and discards).");
        md.AppendLine();
        md.AppendLine("| Export | Rows | Size (MB) | Time (s) | Managed heap before → peak (MB) | Working set before → peak (MB) | Heap growth (MB) |");
        md.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var r in results)
        {
            md.AppendLine(inv, $"| {r.Format.ToUpperInvariant()} | {r.Rows:N0} | {r.Bytes / 1e6:F1} | {r.Seconds:F1} | {r.HeapBaseline / 1e6:F0} → {r.HeapPeak / 1e6:F0} | {r.WorkingSetBaseline / 1e6:F0} → {r.WorkingSetPeak / 1e6:F0} | {(r.HeapPeak - r.HeapBaseline) / 1e6:F0} |");
        }
        // Held in memory, a million answers would take several hundred MB of heap; streamed, the growth is GC slack.
        var streamed = results.All(r => r.Rows >= Answers && r.HeapPeak - r.HeapBaseline < HeapGrowthLimit);
        md.AppendLine();
        md.AppendLine(streamed
            ? $"**Result: streamed** (every answer exported; the managed heap grew by less than {HeapGrowthLimit / 1_000_000} MB during each download)."
            : "**Result: NOT streamed** (or rows missing): see the table.");
        Console.WriteLine(md.ToString());
        if (options.Out is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.Out))!);
            await File.WriteAllTextAsync(options.Out, md.ToString());
            Console.Error.WriteLine($"Report written to {options.Out}");
        }
        return streamed ? 0 : 1;
    }

    private static async Task<ExportResult> MeasureAsync(HttpClient client, string url, string format)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var heapBaseline = GC.GetTotalMemory(false);
        var workingBaseline = process.WorkingSet64;
        long heapPeak = heapBaseline, workingPeak = workingBaseline;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                heapPeak = Math.Max(heapPeak, GC.GetTotalMemory(false));
                process.Refresh();
                workingPeak = Math.Max(workingPeak, process.WorkingSet64);
                try
                {
                    await Task.Delay(20, sampling.Token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        });
        var clock = Stopwatch.StartNew();
        using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"{url} answered {(int)response.StatusCode}");
        }
        long bytes = 0, rows = 0;
        var buffer = new byte[64 * 1024];
        var tail = Path.GetTempFileName();
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync();
            // CSV: rows are counted on the fly; XLSX: the file is kept to count its rows after the download.
            await using (var file = format == "xlsx" ? File.Create(tail) : null)
            {
                int read;
                while ((read = await body.ReadAsync(buffer)) > 0)
                {
                    bytes += read;
                    if (file is null)
                    {
                        rows += buffer.AsSpan(0, read).Count((byte)'\n');
                    }
                    else
                    {
                        await file.WriteAsync(buffer.AsMemory(0, read));
                    }
                }
            }
            clock.Stop();
            await sampling.CancelAsync();
            await sampler;
            if (format == "xlsx")
            {
                using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(tail, false);
                using var reader = DocumentFormat.OpenXml.OpenXmlReader.Create(document.WorkbookPart!.WorksheetParts.Single());
                while (reader.Read())
                {
                    if (reader.ElementType == typeof(DocumentFormat.OpenXml.Spreadsheet.Row) && reader.IsStartElement)
                    {
                        rows++;
                    }
                }
            }
        }
        finally
        {
            File.Delete(tail);
        }
        return new ExportResult(format, bytes, rows - 1, clock.Elapsed.TotalSeconds, heapBaseline, heapPeak, workingBaseline, workingPeak);
    }

    /// <summary>One million answers on the journey product's first placement, by one prepared insert in one transaction.</summary>
    private static async Task<string> SeedAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CapDbContext>();
        var productId = await db.Products.Where(p => p.Slug == Cap.Data.Seeding.DemoPortfolio.JourneyProductSlug).Select(p => p.Id).SingleAsync();
        var placement = await db.Placements.AsNoTracking().OrderBy(p => p.Id).FirstAsync(p => p.ProductId == productId);
        var version = await db.FeedbackAnswers.Where(a => a.PlacementId == placement.Id).Select(a => a.FormVersion).FirstOrDefaultAsync();
        var entity = db.Model.FindEntityType(typeof(FeedbackAnswer))!;
        string[] columns = ["ProductId", "PlacementId", "FormVersion", "ReceivedAt", "Day", "Experience", "Clarity", "HelpChannels", "AdministrationReached", "HelpQuality", "Comment"];
        var mappings = columns.Select(c => entity.FindProperty(c)!.GetRelationalTypeMapping()).ToArray();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"INSERT INTO \"FeedbackAnswers\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";
        var parameters = mappings.Select((m, i) => m.CreateParameter(insert, $"@p{i}", null, nullable: true)).ToArray();
        insert.Parameters.AddRange(parameters);
        var random = new Random(1_000_000);
        var now = DateTimeOffset.UtcNow;
        for (var n = 0; n < Answers; n++)
        {
            var at = now.AddMinutes(-n * 0.5);
            object?[] values = [placement.ProductId, placement.Id, Math.Max(version, 1), at, DateOnly.FromDateTime(at.UtcDateTime), 1 + random.Next(3),
                random.Next(4) == 0 ? null : 1 + random.Next(5), (int)HelpChannels.None, null, null,
                n % 5 == 0 ? $"Commentaire {n} : la démarche est claire, merci ; le délai reste long" : null];
            for (var i = 0; i < values.Length; i++)
            {
                parameters[i].Value = values[i] is null ? DBNull.Value : mappings[i].Converter?.ConvertToProvider(values[i]) ?? values[i];
            }
            await insert.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
        await db.Database.CloseConnectionAsync();
        return Cap.Data.Seeding.DemoPortfolio.JourneyProductSlug;
    }
}
