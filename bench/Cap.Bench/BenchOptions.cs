using System.Globalization;

namespace Cap.Bench;

internal static class Usage
{
    public const string Text = """
        Usage: dotnet run -c Release --project bench/Cap.Bench -- <benchmark> [options]

        Benchmarks:
          catalogue   The catalogue page (/produits) and the products API list (/api/v1/products)
                      on a generated portfolio, then on the small demo portfolio, to compare the
                      SQL queries per request.
          indicators  Issue 3: the Indicateurs tab and an indicator page of a product with 50
                      indicators × 1,826 daily measurements (p95 ≤ 100 ms), an import of 100,000
                      measurements through the import page (≤ 10 s), and the status rule over
                      20,000 indicators (≤ 1 s). --products and --target-ms do not apply.
          export      Issue 4: the CSV and XLSX exports of 1,000,000 satisfaction answers stream
                      (the heap does not grow with the export's size).
          committee   Issue 5: the committee home and an evidence pack on the generated portfolio where
                      every product has about three years of committee history (p95 ≤ 100 ms).
          portfolio   Issue 18: the portfolio dashboard (/pilotage, its filters and sorts, /api/v1/portfolio)
                      on the generated portfolio (p95 ≤ 50 ms at 2,000 products, ≤ 100 ms at 20,000; the
                      same number of SQL queries at every size).
          digest      Issue 19: the generation of the weekly digests (mails to every team member, HTML and
                      text) for the generated portfolio, five indicators per generated product, three
                      consecutive weeks; time and SQL commands per run.
          iterations  Issue 6: the roadmap tab, the iterations tab and an iteration page of a product with
                      three years of two-week iterations and a full roadmap (p95 ≤ 100 ms).
          intake      Issues 4 and 17: the public JSON intake of Cap (child process, real port, SQLite, or
                      PostgreSQL with --postgres) against a bare ASP.NET Core endpoint parsing the same
                      JSON, both driven by Debian's wrk at several connection counts, in turns: new
                      answers (ratio of the maximum rates ≥ 70 % on SQLite, ≥ 40 % on PostgreSQL, rows
                      stored = 2xx) and resent answers, every clientKey already stored (≥ 90 % of new
                      answers' rate); then p99 at half Cap's maximum rate with an open-loop generator
                      (< 50 ms). Needs a Release build of Cap.Web and wrk.
          jdma        Issue 19: the synchronisation of 12 months × 10 JDMA services from the tests'
                      JDMA-shaped server (back-fill, then incremental), timed end to end.
          matomo      Issue 19: the synchronisation of one year of daily Matomo figures (5 metrics,
                      weekly indicators) from the tests' Matomo-shaped server (back-fill, next sync,
                      full re-read), timed end to end.
          satisfaction-stats
                      Issue 4: the Satisfaction tab of a product holding --answers answers (default
                      10,000,000, over 3 years, 4 placements; statistics from the daily rollups),
                      default period and 12 months (p95 ≤ 100 ms), beside the naive statistics
                      computed straight from the answers. Use --requests 50 --warmup 10.

        Options:
          --products N       Generated products on top of the 37 demo products (default 2000).
          --requests N       Measured requests per scenario (default 300).
          --warmup N         Warm-up requests per scenario, not measured (default 50).
          --target-ms N      Target for the server time at the 95th percentile (default 50).
          --person EMAIL     Demo person signed in (default helene.petit@demo.cap.gouv.fr, a reader).
          --postgres "CS"    Run against PostgreSQL: a connection string whose role may create
                             databases. A fresh database cap_bench_* is created per run and dropped.
                             Default: a fresh SQLite file in the temporary folder.
          --seconds N        intake: seconds per measured turn (default 5).
          --connections LIST intake: wrk connection counts, comma-separated (default 32,128,512); each
                             server's maximum rate is its best over them.
          --rounds N         intake: turns of bare then Cap at each connection count (default 3).
          --warmup-seconds N intake: load on each server before measuring (default 20).
          --answers N        satisfaction-stats: answers generated on the product (default 10000000).
          --wait-quiet N     satisfaction-stats: after generating, wait up to N seconds (default 0) for
                             5 seconds in which other processes use under 0.15 CPU before measuring.
          --out FILE         Also write the Markdown report to FILE (e.g. bench/results/catalogue.md).
          --show-sql         Print the SQL commands of one request per scenario.
          --keep-database    Keep the databases (SQLite files, PostgreSQL cap_bench_*) for inspection,
                             e.g. EXPLAIN of a slow query; their names are printed on stderr.
        """;
}

/// <summary>Command-line options shared by the benchmarks.</summary>
internal sealed record BenchOptions
{
    public int Products { get; init; } = 2000;
    public int Requests { get; init; } = 300;
    public int Warmup { get; init; } = 50;
    public double TargetMs { get; init; } = 50;
    public string Person { get; init; } = "helene.petit@demo.cap.gouv.fr";
    public string? Postgres { get; init; }
    public string? Out { get; init; }
    public bool ShowSql { get; init; }
    public bool KeepDatabase { get; init; }
    public int Seconds { get; init; } = 5;
    public IReadOnlyList<int> ConnectionLevels { get; init; } = [32, 128, 512];
    public int Rounds { get; init; } = 3;
    public int WarmupSeconds { get; init; } = 20;
    public int Answers { get; init; } = 10_000_000;
    public int WaitQuiet { get; init; }

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Value()
            {
                if (i + 1 >= args.Length)
                {
                    throw new ArgumentException($"Option {args[i]} needs a value.");
                }
                return args[++i];
            }
            int Count(int min)
            {
                var name = args[i];
                var text = Value();
                if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < min)
                {
                    throw new ArgumentException($"Option {name} needs a whole number of at least {min}, not « {text} ».");
                }
                return n;
            }
            int[] Counts(int min)
            {
                var name = args[i];
                var text = Value();
                var parts = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                var numbers = parts.Select(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min ? n : -1).ToArray();
                if (numbers.Length == 0 || numbers.Any(n => n < 0))
                {
                    throw new ArgumentException($"Option {name} needs whole numbers of at least {min} separated by commas, not « {text} ».");
                }
                return numbers;
            }
            options = args[i] switch
            {
                "--products" => options with { Products = Count(0) },
                "--requests" => options with { Requests = Count(1) },
                "--warmup" => options with { Warmup = Count(0) },
                "--target-ms" => options with { TargetMs = Count(1) },
                "--person" => options with { Person = Value() },
                "--postgres" => options with { Postgres = Value() },
                "--out" => options with { Out = Value() },
                "--show-sql" => options with { ShowSql = true },
                "--keep-database" => options with { KeepDatabase = true },
                "--seconds" => options with { Seconds = Count(1) },
                "--connections" => options with { ConnectionLevels = Counts(1) },
                "--rounds" => options with { Rounds = Count(1) },
                "--warmup-seconds" => options with { WarmupSeconds = Count(1) },
                "--answers" => options with { Answers = Count(1) },
                "--wait-quiet" => options with { WaitQuiet = Count(0) },
                _ => throw new ArgumentException($"Unknown option « {args[i]} »."),
            };
        }
        return options;
    }
}
