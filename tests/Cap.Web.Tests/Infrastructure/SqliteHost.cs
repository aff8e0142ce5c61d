using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Cap.Web.Tests.Infrastructure;

/// <summary>
/// Cap in an environment of the test's choice (Production, Development) on an SQLite file of its own, with the
/// settings given: for what happens at start-up and under production defaults. The file goes with the host.
/// </summary>
internal sealed class SqliteHost(string environment, IDictionary<string, string?> settings, string? file = null) : WebApplicationFactory<Program>
{
    public string File { get; } = file ?? NewFile();

    /// <summary>A database file in the test run's work folder.</summary>
    public static string NewFile() =>
        Path.Combine(Environment.GetEnvironmentVariable("CAP_TEST_WORKDIR") is { Length: > 0 } work ? work : Path.GetTempPath(), $"cap-host-{Guid.NewGuid():N}.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Cap", $"Data Source={File}");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}

/// <summary>Cap started as a process of its own (<c>dotnet Cap.Web.dll</c>).</summary>
internal static class CapProcess
{
    /// <summary>The built Cap.Web folder of the same configuration as the tests (src/Cap.Web/bin/&lt;Configuration&gt;/net10.0).</summary>
    public static string WebOutput()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // bin/<Configuration>/<tfm>/
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Cap.slnx")))
        {
            root = root.Parent;
        }
        return root is null
            ? Path.GetDirectoryName(typeof(Program).Assembly.Location)!
            : Path.Combine(root.FullName, "src", "Cap.Web", "bin", configuration, "net10.0");
    }

    /// <summary>
    /// Starts the built Cap.Web.dll listening on <paramref name="url"/> with these command-line settings (and environment
    /// variables); every line it prints, on the output (<c>false</c>) or the error stream (<c>true</c>), goes to <paramref name="log"/>.
    /// </summary>
    public static Process Start(Uri url, IEnumerable<string> settings, Action<string, bool> log, IDictionary<string, string>? environment = null)
    {
        var web = WebOutput();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = web,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(web, "Cap.Web.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(url.ToString().TrimEnd('/'));
        foreach (var setting in settings)
        {
            start.ArgumentList.Add(setting);
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { log(e.Data, false); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { log(e.Data, true); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>A TCP port free on the loopback address at the time of asking.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Waits until the process answers 200 on /health; fails when it exits first or after <paramref name="limit"/>.</summary>
    public static async Task WaitHealthyAsync(Uri url, Process process, TimeSpan limit)
    {
        using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Cap exited with code {process.ExitCode} before answering.");
            }
            try
            {
                using var response = await http.GetAsync(new Uri("/health", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"Cap at {url} did not answer /health within {limit.TotalSeconds:0} s.");
    }
}
