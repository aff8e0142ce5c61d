using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Cap.Bench;

/// <summary>
/// Issue 4, intake throughput. Two servers run as child processes on loopback, each on a real Kestrel port:
/// Cap itself (its published <c>Cap.Web.dll</c>, a fresh SQLite file, the demo portfolio, rate limits raised) and
/// a bare ASP.NET Core endpoint (<c>Cap.Bench intake-bare</c>) that binds the same JSON to the same
/// <c>AnswerRequest</c> and answers 201 without storing. Debian's <c>wrk</c> drives both at full speed (same run,
/// same machine); then a C# open-loop generator sends to Cap at half of its maximum rate, on a fixed schedule,
/// timing each request from its planned start (no coordinated omission). The database is counted afterwards:
/// rows stored against 2xx answers.
/// </summary>
internal static class IntakeBenchmark
{
    /// <summary>Cap's maximum rate against the bare endpoint's: SQLite, PostgreSQL (issue 17).</summary>
    private const double SqliteRatioTarget = 0.70;
    private const double PostgresRatioTarget = 0.40;

    /// <summary>Resent answers (every clientKey already stored) against new ones, each at its best connection count.</summary>
    private const double ResentTarget = 0.9;
    private const double P99TargetMs = 50;

    /// <summary>Answers stored before the resent turns, whose client keys every resent request repeats.</summary>
    private const int Seeds = 4096;

    public static async Task<int> RunAsync(BenchOptions options)
    {
        var duration = Math.Max(3, options.Seconds);
        var levels = options.ConnectionLevels;
        var rounds = options.Rounds;
        var warmup = options.WarmupSeconds;
        var report = new StringBuilder();
        void Line(string text = "")
        {
            report.AppendLine(text);
            Console.WriteLine(text);
        }

        var wrk = Which("wrk") ?? throw new InvalidOperationException("wrk is not installed: apt-get install -y wrk.");
        var root = RepositoryRoot();
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var webFolder = Path.Combine(root, "src", "Cap.Web", "bin", configuration, "net10.0");
        await using var database = BenchDatabase.Create(options.Postgres, 0, options.KeepDatabase);
        var postgres = options.Postgres is not null;
        var ratioTarget = postgres ? PostgresRatioTarget : SqliteRatioTarget;
        var lua = Path.Combine(Path.GetTempPath(), $"cap-bench-intake-{Guid.NewGuid():N}.lua");
        await File.WriteAllTextAsync(lua, WrkScript);

        var capPort = FreePort();
        var barePort = FreePort();
        using var cap = StartServer(webFolder, Path.Combine(webFolder, "Cap.Web.dll"),
            "--urls", $"http://127.0.0.1:{capPort}", "--environment", "Production",
            "--Database:Provider", database.Provider, "--ConnectionStrings:Cap", database.ConnectionString, "--Database:SeedDemoData", "true", "--Authentication:DemoSignIn:Enabled", "true",
            // Production requires an HTTPS public address for absolute links (none is built by the intake).
            "--PublicBaseUrl", "https://cap.bench.invalid",
            "--Satisfaction:PerClientPerMinute", "100000000", "--Satisfaction:PerPlacementPerMinute", "100000000",
            "--Logging:LogLevel:Default", "Warning");
        using var bare = StartServer(AppContext.BaseDirectory, Path.Combine(AppContext.BaseDirectory, "Cap.Bench.dll"),
            "intake-bare", "--urls", $"http://127.0.0.1:{barePort}");
        try
        {
            await WaitHealthyAsync(capPort, "/health", cap);
            await WaitHealthyAsync(barePort, "/health", bare);
            var (placementId, key) = OpenPlacement(database);
            var path = $"/api/v1/satisfaction/{key}/answers";

            Line($"# Satisfaction intake (issues 4 and 17), {(postgres ? "PostgreSQL" : "SQLite")}");
            Line();
            Line($"Machine: {Machine.Describe()}.");
            var levelList = string.Join(',', levels);
            Line($"Command: `dotnet run -c Release --project bench/Cap.Bench -- intake --seconds {duration} --connections {levelList} --rounds {rounds} --warmup-seconds {warmup}{(postgres ? " --postgres \"Host=…\"" : "")}`; " +
                 $"wrk {WrkVersion(wrk)}, `-t2 -c<N> -d{duration}s` for N in {levelList}, POST of a JSON answer: new answers carry a unique clientKey per request, " +
                 $"resent ones repeat one of {Seeds:N0} clientKeys stored before (every request answered 200 « alreadyStored »). " +
                 $"Cap: Release build of Cap.Web.dll as a child process, Production environment, {(postgres ? "a fresh PostgreSQL database (server on this machine)" : "a fresh SQLite file")} with the demo portfolio, " +
                 "rate limits raised by configuration. Bare: an ASP.NET Core minimal endpoint in a child process binding the same JSON to `AnswerRequest` and answering 201. " +
                 "Both servers with server GC.");
            Line();

            // Warm-up until both run their optimised code (tiered JIT: a first run is several times slower, the larger
            // application longer so), then the connection levels; at each, bare and Cap take turns so that the
            // machine's drift (other tenants of the host) falls on both alike.
            await RunWrkAsync(wrk, lua, barePort, path, "warm", warmup, levels[0]);
            await RunWrkAsync(wrk, lua, capPort, path, "warm", warmup, levels[0]);
            await SeedAsync(capPort, path);
            var meter = new ProcessCpuMeter(cap, bare);
            var results = new List<LevelResult>();
            foreach (var level in levels)
            {
                await RunWrkAsync(wrk, lua, barePort, path, "warm", 2, level);
                await RunWrkAsync(wrk, lua, capPort, path, "warm", 2, level);
                var bareRuns = new List<(WrkRun Run, CpuShare Cpu)>();
                var capRuns = new List<(WrkRun Run, CpuShare Cpu)>();
                var resentRuns = new List<(WrkRun Run, CpuShare Cpu)>();
                for (var round = 1; round <= rounds; round++)
                {
                    meter.Take();
                    var bareRun = await RunWrkAsync(wrk, lua, barePort, path, $"bare-{level}-{round}", duration, level);
                    bareRuns.Add((bareRun, meter.Take()));
                    var capRun = await RunWrkAsync(wrk, lua, capPort, path, $"cap-{level}-{round}", duration, level);
                    capRuns.Add((capRun, meter.Take()));
                    var resentRun = await RunWrkAsync(wrk, lua, capPort, path, $"resent-{level}-{round}", duration, level, resent: true);
                    resentRuns.Add((resentRun, meter.Take()));
                }
                results.Add(new LevelResult(level, WrkRun.Sum(bareRuns.Select(r => r.Run)), CpuShare.Mean(bareRuns.Select(r => r.Cpu)),
                    WrkRun.Sum(capRuns.Select(r => r.Run)), CpuShare.Mean(capRuns.Select(r => r.Cpu)),
                    WrkRun.Sum(resentRuns.Select(r => r.Run))));
            }
            await Task.Delay(500); // answers in flight when wrk stopped are committed by now
            var capStored = CountStored(database, placementId, "cap-");
            var capOk = results.Sum(r => r.Cap.Ok);
            var bareBest = results.MaxBy(r => r.Bare.RequestsPerSecond)!;
            var capBest = results.MaxBy(r => r.Cap.RequestsPerSecond)!;
            var ratio = capBest.Cap.RequestsPerSecond / bareBest.Bare.RequestsPerSecond;
            var resentBest = results.MaxBy(r => r.Resent.RequestsPerSecond)!;
            var resentRatio = resentBest.Resent.RequestsPerSecond / capBest.Cap.RequestsPerSecond;
            var seedRows = CountStored(database, placementId, "seed-");
            var resentOther = results.Sum(r => r.Resent.Other);

            Line("## Maximum rate (wrk, closed loop)");
            Line();
            Line(string.Create(CultureInfo.InvariantCulture,
                $"Each server warmed {warmup} s, then at each connection count {rounds} turns of {duration} s each (bare, then Cap); the figures sum the turns. " +
                $"p99: the worst turn's."));
            Line();
            Line("| connections | bare requests/s | bare p99 ms | bare CPUs | Cap new requests/s | Cap p99 ms | Cap CPUs | Cap / bare | Cap resent requests/s | resent p99 ms | resent / new | CPUs used by others |");
            Line("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var r in results)
            {
                Line(string.Create(CultureInfo.InvariantCulture,
                    $"| {r.Connections} | {r.Bare.RequestsPerSecond:N0} | {r.Bare.P99Ms:F1} | {r.BareCpu.Server:F2} | {r.Cap.RequestsPerSecond:N0} | {r.Cap.P99Ms:F1} | {r.CapCpu.Server:F2} | " +
                    $"{r.Cap.RequestsPerSecond / r.Bare.RequestsPerSecond:P0} | {r.Resent.RequestsPerSecond:N0} | {r.Resent.P99Ms:F1} | {r.Resent.RequestsPerSecond / r.Cap.RequestsPerSecond:P0} | " +
                    $"{Math.Max(r.BareCpu.Others, r.CapCpu.Others):F2} |"));
            }
            Line();
            Line(string.Create(CultureInfo.InvariantCulture,
                $"Maximum rate of each server, at its best connection count: bare {bareBest.Bare.RequestsPerSecond:N0} requests/s ({bareBest.Connections} connections), " +
                $"Cap {capBest.Cap.RequestsPerSecond:N0} requests/s ({capBest.Connections} connections)."));
            Line(string.Create(CultureInfo.InvariantCulture,
                $"Ratio Cap / bare: **{ratio:P0}** (target ≥ {ratioTarget:P0}) — {(ratio >= ratioTarget ? "met" : "missed")}."));
            Line(string.Create(CultureInfo.InvariantCulture,
                $"Resent answers: {resentBest.Resent.RequestsPerSecond:N0} requests/s at best ({resentBest.Connections} connections), **{resentRatio:P0}** of new answers' maximum " +
                $"(target ≥ {ResentTarget:P0}) — {(resentRatio >= ResentTarget ? "met" : "missed")}; non-2xx answers to resent requests: {resentOther:N0}; " +
                $"rows of the resent client keys: {seedRows:N0} (stored once before the turns: {Seeds:N0})."));
            var lostWrk = Math.Max(0, capOk - capStored);
            Line($"Rows stored by the measured Cap runs: {capStored:N0}; 2xx answers counted by wrk: {capOk:N0}; lost: **{lostWrk}** " +
                 $"({capStored - capOk + lostWrk} more rows than counted 2xx: requests in flight when wrk stopped, committed after it closed its connections).");
            Line();

            // Open loop at half of Cap's maximum rate.
            var rate = Math.Max(10, capBest.Cap.RequestsPerSecond / 2);
            meter.Take();
            var openSeconds = duration * rounds;
            var open = await OpenLoopAsync(capPort, path, rate, openSeconds);
            var openCpu = meter.Take();
            await Task.Delay(500);
            var stored = StoredKeys(database, placementId, open.Prefix);
            var lost = open.Acknowledged.Count(k => !stored.Contains(k));
            var latency = Summary.Of(open.LatenciesMs);
            Line("## Latency at half the maximum rate (C# open-loop generator)");
            Line();
            Line(string.Create(CultureInfo.InvariantCulture,
                $"Planned rate {rate:F0} requests/s for {openSeconds} s on {OpenLoopConnections} connections ({open.Sent:N0} requests), each timed from its planned start. " +
                $"2xx: {open.Acknowledged.Count:N0}, other statuses: {open.Refused:N0}, errors: {open.Errors:N0}. " +
                $"CPUs used by Cap: {openCpu.Server:F2}; by others: {openCpu.Others:F2}."));
            Line();
            Line("| p50 ms | p95 ms | p99 ms | max ms |");
            Line("|---:|---:|---:|---:|");
            Line(string.Create(CultureInfo.InvariantCulture, $"| {latency.P50:F1} | {latency.P95:F1} | {latency.P99:F1} | {latency.Max:F1} |"));
            Line();
            Line(string.Create(CultureInfo.InvariantCulture,
                $"p99 {latency.P99:F1} ms (target < {P99TargetMs} ms) — {(latency.P99 < P99TargetMs ? "met" : "missed")}. " +
                $"Acknowledged answers missing from the database (by clientKey): **{lost}**."));

            if (options.Out is { } file)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
                await File.WriteAllTextAsync(file, report.ToString());
            }
            var ok = ratio >= ratioTarget && resentRatio >= ResentTarget && resentOther == 0 && seedRows == Seeds
                && latency.P99 < P99TargetMs && lost == 0 && lostWrk == 0;
            return ok ? 0 : 1;
        }
        finally
        {
            foreach (var process in new[] { cap, bare })
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync();
                }
            }
            File.Delete(lua);
        }
    }

    private sealed record LevelResult(int Connections, WrkRun Bare, CpuShare BareCpu, WrkRun Cap, CpuShare CapCpu, WrkRun Resent);

    /// <summary>Stores the answers whose client keys the resent turns repeat.</summary>
    private static async Task SeedAsync(int port, string path)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var next = -1;
        var senders = Enumerable.Range(0, 16).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < Seeds)
            {
                using var content = new StringContent($$"""{"experience":{{1 + (i % 3)}},"clarity":4,"comment":"Réponse renvoyée.","clientKey":"seed-{{i}}"}""", Encoding.UTF8, "application/json");
                using var response = await http.PostAsync(new Uri(path, UriKind.Relative), content);
                if (response.StatusCode != HttpStatusCode.Created)
                {
                    throw new InvalidOperationException($"Seed answer {i}: {(int)response.StatusCode}.");
                }
            }
        });
        await Task.WhenAll(senders);
    }

    private const string WrkScript = """
        local threads = {}
        function setup(thread)
          thread:set("id", #threads)
          table.insert(threads, thread)
        end
        function init(args)
          prefix = args[1] or "run"
          resent = args[2] == "resent"
          seeds = tonumber(args[3] or "1")
          n = 0
          ok = 0
          other = 0
        end
        function request()
          n = n + 1
          local key
          if resent then
            key = string.format("seed-%d", (n * 2 + id) % seeds)
          else
            key = string.format("%s-%d-%d", prefix, id, n)
          end
          local body = string.format('{"experience":%d,"clarity":4,"helpChannels":["email"],"administrationReached":true,"helpQuality":4,"comment":"Démarche claire, merci.","clientKey":"%s"}', (n % 3) + 1, key)
          return wrk.format("POST", nil, { ["Content-Type"] = "application/json" }, body)
        end
        function response(status, headers, body)
          if status >= 200 and status < 300 then ok = ok + 1 else other = other + 1 end
        end
        function done(summary, latency, requests)
          local o, x = 0, 0
          for _, t in ipairs(threads) do
            o = o + t:get("ok")
            x = x + t:get("other")
          end
          io.write(string.format("WRK_RESULT %d %d %d %d %d %d\n", o, x, summary.requests, summary.duration, latency:percentile(50), latency:percentile(99)))
        end
        """;

    private sealed record WrkRun(long Ok, long Other, long Requests, double Seconds, double P50Ms, double P99Ms)
    {
        public double RequestsPerSecond => Ok / Seconds;

        /// <summary>Turns at the same level as one run: counts and seconds add up, the p99 is the worst turn's.</summary>
        public static WrkRun Sum(IEnumerable<WrkRun> runs)
        {
            var all = runs.ToList();
            return new WrkRun(all.Sum(r => r.Ok), all.Sum(r => r.Other), all.Sum(r => r.Requests), all.Sum(r => r.Seconds),
                all.Max(r => r.P50Ms), all.Max(r => r.P99Ms));
        }
    }

    private static async Task<WrkRun> RunWrkAsync(string wrk, string lua, int port, string path, string prefix, int seconds, int connections, bool resent = false)
    {
        var start = new ProcessStartInfo(wrk) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-t2", $"-c{connections}", $"-d{seconds}s", "--latency", "-s", lua, $"http://127.0.0.1:{port}{path}", "--", prefix, resent ? "resent" : "new", Seeds.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(a);
        }
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("WRK_RESULT ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"wrk gave no result: {output}\n{error}");
        var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..].Select(s => long.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        return new WrkRun(f[0], f[1], f[2], f[3] / 1e6, f[4] / 1000.0, f[5] / 1000.0);
    }

    private sealed record OpenLoopRun(string Prefix, int Sent, ConcurrentBag<string> Acknowledged, int Refused, int Errors, double[] LatenciesMs);

    /// <summary>
    /// Sends at a fixed rate whatever the answers' pace, as wrk2 does: <see cref="OpenLoopConnections"/> keep-alive
    /// connections share the schedule (request i is planned at i / rate seconds and goes on connection i mod N), and
    /// each latency counts from the planned time, so a late answer also delays, and is charged to, the requests queued
    /// behind it (no coordinated omission). Raw sockets and ready-made request bytes keep the generator's own CPU small:
    /// it shares the machine's two CPUs with Cap.
    /// </summary>
    private static async Task<OpenLoopRun> OpenLoopAsync(int port, string path, double rate, int seconds)
    {
        var prefix = $"open{Guid.NewGuid():N}"[..12];
        var total = (int)(rate * seconds);
        var acknowledged = new ConcurrentBag<string>();
        var latencies = new double[total];
        int refused = 0, errors = 0;
        var interval = Stopwatch.Frequency / rate;
        var connections = Math.Min(OpenLoopConnections, total);
        var origin = Stopwatch.GetTimestamp() + Stopwatch.Frequency / 10;
        var loops = Enumerable.Range(0, connections).Select(async lane =>
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync(IPAddress.Loopback, port);
            var buffer = new byte[16 * 1024];
            for (var i = lane; i < total; i += connections)
            {
                var planned = origin + (long)(i * interval);
                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), planned);
                if (wait > TimeSpan.FromMilliseconds(1))
                {
                    await Task.Delay(wait);
                }
                var clientKey = $"{prefix}-{i}";
                var body = $$"""{"experience":{{1 + (i % 3)}},"clarity":4,"helpChannels":["email"],"administrationReached":true,"helpQuality":4,"comment":"Démarche claire, merci.","clientKey":"{{clientKey}}"}""";
                var request = Encoding.UTF8.GetBytes(
                    $"POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n{body}");
                try
                {
                    await socket.SendAsync(request);
                    var status = await ReadResponseAsync(socket, buffer);
                    latencies[i] = Stopwatch.GetElapsedTime(planned).TotalMilliseconds;
                    if (status is >= 200 and < 300)
                    {
                        acknowledged.Add(clientKey);
                    }
                    else
                    {
                        Interlocked.Increment(ref refused);
                    }
                }
                catch (Exception e) when (e is SocketException or IOException or FormatException)
                {
                    // The connection is unusable: this request and the rest of its lane count as errors.
                    Interlocked.Add(ref errors, (total - 1 - i) / connections + 1);
                    return;
                }
            }
        }).ToList();
        await Task.WhenAll(loops);
        return new OpenLoopRun(prefix, total, acknowledged, refused, errors, [.. latencies.Where(l => l > 0)]);
    }

    private const int OpenLoopConnections = 256;

    /// <summary>Reads one HTTP/1.1 response (Content-Length or chunked body); returns its status code.</summary>
    private static async Task<int> ReadResponseAsync(Socket socket, byte[] buffer)
    {
        var length = 0;
        int headerEnd;
        while ((headerEnd = buffer.AsSpan(0, length).IndexOf("\r\n\r\n"u8)) < 0)
        {
            length += await ReceiveAsync(socket, buffer, length);
        }
        var head = Encoding.ASCII.GetString(buffer, 0, headerEnd);
        var status = int.Parse(head.AsSpan(9, 3), CultureInfo.InvariantCulture);
        var bodyStart = headerEnd + 4;
        var contentLength = head.Split("\r\n").Select(h => h.Split(':', 2)).FirstOrDefault(h => h.Length == 2 && h[0].Equals("Content-Length", StringComparison.OrdinalIgnoreCase));
        if (contentLength is not null)
        {
            var end = bodyStart + int.Parse(contentLength[1].Trim(), CultureInfo.InvariantCulture);
            while (length < end)
            {
                length += await ReceiveAsync(socket, buffer, length);
            }
        }
        else if (head.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            while (!buffer.AsSpan(bodyStart, length - bodyStart).EndsWith("0\r\n\r\n"u8))
            {
                length += await ReceiveAsync(socket, buffer, length);
            }
        }
        return status;
    }

    private static async Task<int> ReceiveAsync(Socket socket, byte[] buffer, int offset)
    {
        if (offset == buffer.Length)
        {
            throw new FormatException("Réponse trop longue pour le générateur.");
        }
        var read = await socket.ReceiveAsync(buffer.AsMemory(offset));
        return read > 0 ? read : throw new IOException("Connexion fermée par le serveur.");
    }

    private static Process StartServer(string workingDirectory, string dll, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }
        start.Environment["DOTNET_gcServer"] = "1";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is { Length: > 0 } d) { Console.Error.WriteLine($"[{Path.GetFileNameWithoutExtension(dll)}] {d}"); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 } d) { Console.Error.WriteLine($"[{Path.GetFileNameWithoutExtension(dll)}] {d}"); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitHealthyAsync(int port, string path, Process server)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(300)) // migrating and seeding PostgreSQL on a busy machine takes minutes
        {
            if (server.HasExited)
            {
                throw new InvalidOperationException($"A server exited with code {server.ExitCode} before answering.");
            }
            try
            {
                using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}{path}"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"No answer on port {port} within 300 s.");
    }

    private static DbConnection Open(BenchDatabase database)
    {
        DbConnection connection = database.Provider == "Postgres" ? new NpgsqlConnection(database.ConnectionString) : new SqliteConnection(database.ConnectionString);
        connection.Open();
        return connection;
    }

    private static (int Id, string Key) OpenPlacement(BenchDatabase database)
    {
        using var connection = Open(database);
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT p."Id", p."PublicKey" FROM "Placements" p JOIN "FeedbackForms" f ON f."Id" = p."FormId"
            WHERE p."IsEnabled" AND f."IsEnabled" ORDER BY p."Id" LIMIT 1
            """;
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetInt32(0), reader.GetString(1)) : throw new InvalidOperationException("No open placement in the demo portfolio.");
    }

    private static long CountStored(BenchDatabase database, int placementId, string prefix)
    {
        using var connection = Open(database);
        using var command = connection.CreateCommand();
        command.CommandText = $"""SELECT COUNT(*) FROM "FeedbackAnswers" WHERE "PlacementId" = {placementId} AND "ClientKey" LIKE '{prefix}%'""";
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static HashSet<string> StoredKeys(BenchDatabase database, int placementId, string prefix)
    {
        using var connection = Open(database);
        using var command = connection.CreateCommand();
        command.CommandText = $"""SELECT "ClientKey" FROM "FeedbackAnswers" WHERE "PlacementId" = {placementId} AND "ClientKey" LIKE '{prefix}-%'""";
        using var reader = command.ExecuteReader();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            keys.Add(reader.GetString(0));
        }
        return keys;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Cap.slnx")))
        {
            folder = folder.Parent;
        }
        return folder?.FullName ?? throw new InvalidOperationException("Cap.slnx not found above the bench's folder.");
    }

    private static string? Which(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':')
            .Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);

    private static string WrkVersion(string wrk)
    {
        var start = new ProcessStartInfo(wrk, "-v") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(start)!;
        var text = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return text.Split('\n').FirstOrDefault(l => l.StartsWith("wrk ", StringComparison.Ordinal))?.Split(' ').ElementAtOrDefault(1) ?? "?";
    }
}

internal sealed record CpuShare(double Server, double Others)
{
    public static CpuShare Mean(IEnumerable<CpuShare> shares)
    {
        var all = shares.ToList();
        return new CpuShare(all.Average(s => s.Server), all.Average(s => s.Others));
    }
}

/// <summary>CPUs busy between two takes: the server processes, and everything else on the machine less them, wrk and this process.</summary>
internal sealed class ProcessCpuMeter(Process cap, Process bare)
{
    private double _busy = BusySeconds();
    private TimeSpan _cap = cap.TotalProcessorTime;
    private TimeSpan _bare = bare.TotalProcessorTime;
    private TimeSpan _own = Process.GetCurrentProcess().TotalProcessorTime;
    private double _children = ChildrenSeconds();
    private Stopwatch _clock = Stopwatch.StartNew();

    public CpuShare Take()
    {
        cap.Refresh();
        bare.Refresh();
        var seconds = _clock.Elapsed.TotalSeconds;
        var busy = BusySeconds() - _busy;
        var capUsed = (cap.TotalProcessorTime - _cap).TotalSeconds;
        var bareUsed = (bare.TotalProcessorTime - _bare).TotalSeconds;
        var own = (Process.GetCurrentProcess().TotalProcessorTime - _own).TotalSeconds;
        var children = ChildrenSeconds() - _children; // wrk, once reaped
        var share = new CpuShare(Math.Max(capUsed, bareUsed) / seconds, Math.Max(0, busy - capUsed - bareUsed - own - children) / seconds);
        _busy = BusySeconds();
        _cap = cap.TotalProcessorTime;
        _bare = bare.TotalProcessorTime;
        _own = Process.GetCurrentProcess().TotalProcessorTime;
        _children = ChildrenSeconds();
        _clock = Stopwatch.StartNew();
        return share;
    }

    private static double BusySeconds()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        long Field(int i) => long.Parse(fields[i], CultureInfo.InvariantCulture);
        return (Field(1) + Field(2) + Field(3) + Field(6) + Field(7) + Field(8)) / 100.0;
    }

    /// <summary>CPU of this process's reaped children (cutime + cstime of /proc/self/stat): wrk runs.</summary>
    private static double ChildrenSeconds()
    {
        var stat = File.ReadAllText("/proc/self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // After "pid (comm) ": state is field 3 → index 0; cutime is field 16 → index 13, cstime field 17 → index 14.
        return (long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture)) / 100.0;
    }
}
