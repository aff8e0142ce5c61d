using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Npgsql;

namespace Cap.Web.Tests.Infrastructure;

/// <summary>
/// One throwaway PostgreSQL cluster per test process, started at the first use: the tests need
/// no server installed as a service, only the server binaries. When <c>CAP_TEST_POSTGRES</c>
/// holds a connection string, that server is used instead.
/// </summary>
public static partial class PostgresCluster
{
    public const string ServerVariable = "CAP_TEST_POSTGRES";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _adminConnectionString;
    private static Cluster? _cluster;

    /// <summary>Creates a database, empty or a copy of <paramref name="template"/>, and returns a connection string to it.</summary>
    public static async Task<string> CreateDatabaseAsync(string name, string? template = null)
    {
        if (template is not null && !SafeName().IsMatch(template))
        {
            throw new ArgumentException("Database names are lower-case letters, digits and underscores.", nameof(template));
        }
        if (!SafeName().IsMatch(name))
        {
            throw new ArgumentException("Database names are lower-case letters, digits and underscores.", nameof(name));
        }
        var admin = await AdminConnectionStringAsync();
        // Serialised: concurrent CREATE DATABASE from the same template can fail while it is read.
        await Gate.WaitAsync();
        try
        {
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(template is null ? $"CREATE DATABASE \"{name}\"" : $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"", connection);
            await command.ExecuteNonQueryAsync();
        }
        finally
        {
            Gate.Release();
        }
        // The administration connection is not pooled (a pooled connection to a template would stop it being copied);
        // the application's connections are, as in production: a new PostgreSQL backend costs about 20 ms.
        return new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = true, MaxPoolSize = 20 }.ConnectionString;
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>; matters on a shared server, the throwaway cluster goes away whole.</summary>
    public static async Task DropDatabaseAsync(string name)
    {
        if (_adminConnectionString is null || !SafeName().IsMatch(name))
        {
            return;
        }
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string> AdminConnectionStringAsync()
    {
        if (_adminConnectionString is not null)
        {
            return _adminConnectionString;
        }
        await Gate.WaitAsync();
        try
        {
            if (_adminConnectionString is null)
            {
                var external = Environment.GetEnvironmentVariable(ServerVariable);
                if (!string.IsNullOrWhiteSpace(external))
                {
                    _adminConnectionString = external;
                }
                else
                {
                    _cluster = await Cluster.StartAsync();
                    AppDomain.CurrentDomain.ProcessExit += (_, _) => _cluster.Stop();
                    _adminConnectionString = _cluster.ConnectionString;
                }
            }
            return _adminConnectionString;
        }
        finally
        {
            Gate.Release();
        }
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex SafeName();

    private sealed class Cluster
    {
        private readonly string _binaries;
        private readonly string _directory;
        private readonly bool _asPostgresUser;

        private Cluster(string binaries, string directory, bool asPostgresUser, int port)
        {
            _binaries = binaries;
            _directory = directory;
            _asPostgresUser = asPostgresUser;
            ConnectionString = new NpgsqlConnectionStringBuilder
            {
                Host = "127.0.0.1",
                Port = port,
                Username = "postgres",
                Database = "postgres",
                Pooling = false,
            }.ConnectionString;
        }

        public string ConnectionString { get; }

        private string DataDirectory => Path.Combine(_directory, "data");

        public static async Task<Cluster> StartAsync()
        {
            var binaries = FindBinaries();
            // CAP_TEST_WORKDIR is set by test.sh so that it can clean up after a crashed test host.
            var work = Environment.GetEnvironmentVariable("CAP_TEST_WORKDIR");
            var parent = string.IsNullOrEmpty(work) ? Path.GetTempPath() : work;
            var directory = Path.Combine(parent, "pg-" + Guid.NewGuid().ToString("N")[..12]);
            Directory.CreateDirectory(Path.Combine(directory, "socket"));
            // PostgreSQL refuses to run as root: as root, the cluster belongs to the postgres user.
            var asPostgresUser = Environment.UserName == "root";
            if (asPostgresUser)
            {
                await RunAsync("chown", ["-R", "postgres:postgres", directory]);
                if (!string.IsNullOrEmpty(work))
                {
                    // mktemp made it private to root; the postgres user must reach its cluster inside.
                    await RunAsync("chmod", ["0755", work]);
                }
            }

            var port = FreePort();
            var cluster = new Cluster(binaries, directory, asPostgresUser, port);
            try
            {
                await cluster.PgAsync("initdb", "-D", cluster.DataDirectory, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync");
                var serverOptions = string.Join(' ',
                    $"-p {port}",
                    "-c listen_addresses=127.0.0.1",
                    $"-k {Path.Combine(directory, "socket")}",
                    // Durability is no concern for a cluster that lives as long as one test run.
                    "-c fsync=off -c synchronous_commit=off -c full_page_writes=off",
                    "-c max_connections=300 -c shared_buffers=64MB");
                await cluster.PgAsync("pg_ctl", "start", "-D", cluster.DataDirectory, "-l", Path.Combine(directory, "server.log"), "-w", "-t", "60", "-o", serverOptions);
                await cluster.WaitUntilReadyAsync();
                return cluster;
            }
            catch (Exception e)
            {
                var log = Path.Combine(directory, "server.log");
                var details = File.Exists(log) ? await File.ReadAllTextAsync(log) : string.Empty;
                cluster.Stop();
                throw new InvalidOperationException($"The test PostgreSQL cluster did not start: {e.Message}\n{details}", e);
            }
        }

        /// <summary>
        /// Stops the server and removes its folder in one shell of its own: the test host may be
        /// ended before its exit handlers finish, the shell goes on regardless.
        /// </summary>
        public void Stop()
        {
            var pgCtl = Path.Combine(_binaries, "pg_ctl");
            var stop = $"{(_asPostgresUser ? $"{RunUser} -u postgres -- " : string.Empty)}'{pgCtl}' stop -D '{DataDirectory}' -m immediate";
            var script = $"[ -f '{DataDirectory}/postmaster.pid' ] && {stop} >/dev/null 2>&1; rm -rf '{_directory}'";
            try
            {
                using var process = Process.Start(new ProcessStartInfo("/bin/sh") { ArgumentList = { "-c", script }, UseShellExecute = false });
                process?.WaitForExit(TimeSpan.FromSeconds(20));
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // Best effort at process exit: test.sh removes what is left of its own runs.
            }
        }

        private async Task WaitUntilReadyAsync()
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (true)
            {
                try
                {
                    await using var connection = new NpgsqlConnection(ConnectionString);
                    await connection.OpenAsync();
                    return;
                }
                catch (NpgsqlException) when (DateTime.UtcNow < deadline)
                {
                    await Task.Delay(200);
                }
            }
        }

        private Task PgAsync(string tool, params string[] arguments)
        {
            var path = Path.Combine(_binaries, tool);
            return _asPostgresUser
                ? RunAsync(RunUser, ["-u", "postgres", "--", path, .. arguments])
                : RunAsync(path, arguments);
        }

        /// <summary>The directory of initdb and pg_ctl: from PATH (following links, so that pg_ctl finds its postgres), else Debian's newest version.</summary>
        private static string FindBinaries()
        {
            foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                var initdb = Path.Combine(directory, "initdb");
                if (File.Exists(initdb) && File.Exists(Path.Combine(directory, "pg_ctl")))
                {
                    var target = File.ResolveLinkTarget(initdb, returnFinalTarget: true)?.FullName ?? initdb;
                    return Path.GetDirectoryName(target)!;
                }
            }
            const string debian = "/usr/lib/postgresql";
            var installed = Directory.Exists(debian)
                ? Directory.GetDirectories(debian)
                    .Select(d => (Directory: Path.Combine(d, "bin"), Version: decimal.TryParse(Path.GetFileName(d), NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v : 0))
                    .Where(d => File.Exists(Path.Combine(d.Directory, "initdb")) && File.Exists(Path.Combine(d.Directory, "pg_ctl")))
                    .OrderByDescending(d => d.Version)
                    .Select(d => d.Directory)
                    .FirstOrDefault()
                : null;
            return installed ?? throw new InvalidOperationException(
                $"PostgreSQL server binaries (initdb, pg_ctl) were not found in PATH nor in {debian}/*/bin: install Debian's postgresql package (test.sh does), or set {ServerVariable} to a server's connection string.");
        }

        /// <summary>runuser lives in sbin, which a root shell has in PATH but not every environment.</summary>
        private static string RunUser { get; } = new[] { "/usr/sbin/runuser", "/sbin/runuser" }.FirstOrDefault(File.Exists) ?? "runuser";

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        private static async Task RunAsync(string fileName, IEnumerable<string> arguments)
        {
            var start = new ProcessStartInfo(fileName)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start.");
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException(
                    $"{fileName} {string.Join(' ', start.ArgumentList)} exited with code {process.ExitCode}: {await output}{await error}");
            }
        }
    }
}
