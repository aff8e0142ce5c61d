using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Cap.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace Cap.Web.Tests.Platform;

/// <summary>
/// Cap started as a production process of its own with the OpenTelemetry standard variables pointing at an OTLP/HTTP
/// receiver started by the test: its console speaks JSON, and traces, metrics and logs reach the receiver.
/// </summary>
public sealed class TelemetryExportTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Production_logs_are_json_lines_and_traces_metrics_and_logs_are_exported_by_otlp()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        var file = SqliteHost.NewFile();
        var port = CapProcess.FreePort();
        var url = new Uri($"http://127.0.0.1:{port}");
        var service = $"cap-test-{Guid.NewGuid():N}"[..20];
        var console = new ConcurrentQueue<string>();
        using var process = CapProcess.Start(url,
        [
            "--Database:Provider", "Sqlite", "--ConnectionStrings:Cap", $"Data Source={file}",
            "--Authentication:Oidc:Authority", "https://proconnect.example.test", "--Authentication:Oidc:ClientId", "cap-test",
            "--PublicBaseUrl", "https://cap.example.test",
            "--Telemetry:SampleSeconds", "0.2",
            "--Logging:LogLevel:Default", "Information",
        ], (line, _) => console.Enqueue(line), new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Url.ToString().TrimEnd('/'),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_SERVICE_NAME"] = service,
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "300",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
            ["OTEL_BLRP_SCHEDULE_DELAY"] = "100",
        });
        try
        {
            await CapProcess.WaitHealthyAsync(url, process, TimeSpan.FromSeconds(90));
            using var http = new HttpClient { BaseAddress = url };
            using (var api = await http.GetAsync(new Uri("/api/v1/products", UriKind.Relative)))
            {
                Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
                // Kestrel itself answers here: no « Server » header names it.
                Assert.False(api.Headers.Contains("Server"), string.Join(", ", api.Headers.Select(h => h.Key)));
            }
            using (var ready = await http.GetAsync(new Uri("/health/ready", UriKind.Relative)))
            {
                Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            }

            var exported = await receiver.WaitForAsync(
                r => r.Contains("/v1/traces", "/api/v1/products") && r.Contains("/v1/metrics", "http.server.request.duration")
                    && r.Contains("/v1/metrics", "cap.outbox.backlog") && r.Contains("/v1/metrics", "cap.intake.queue.depth")
                    && r.Contains("/v1/logs", "Now listening on"),
                TimeSpan.FromSeconds(30));

            Assert.True(exported, "The receiver got: " + receiver.Describe());
            Assert.True(receiver.Contains("/v1/traces", service), "spans carry the service name");
            Assert.All(receiver.ContentTypes, t => Assert.Equal("application/x-protobuf", t));
            // Probes are not traced.
            Assert.False(receiver.Contains("/v1/traces", "/health/ready"));

            var json = console.Where(l => l.StartsWith('{')).Select(l => JsonDocument.Parse(l)).ToList();
            Assert.Contains(json, d => d.RootElement.GetProperty("Category").GetString() == "Microsoft.Hosting.Lifetime"
                && d.RootElement.GetProperty("LogLevel").GetString() == "Information"
                && d.RootElement.GetProperty("Timestamp").GetString()!.EndsWith('Z'));
            Assert.DoesNotContain(console, l => l.StartsWith("info:", StringComparison.Ordinal));
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
            foreach (var line in console.Take(40))
            {
                output.WriteLine("cap> " + line);
            }
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(file + suffix);
            }
        }
    }

    /// <summary>An HTTP server speaking OTLP/HTTP's transport (POST /v1/traces, /v1/metrics, /v1/logs, protobuf bodies): it keeps what it receives.</summary>
    private sealed class OtlpReceiver : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly ConcurrentQueue<(string Path, string? ContentType, byte[] Body)> _received = new();

        private OtlpReceiver(WebApplication app) => _app = app;

        public Uri Url { get; private set; } = null!;

        public IEnumerable<string?> ContentTypes => _received.Select(r => r.ContentType);

        public static async Task<OtlpReceiver> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            var receiver = new OtlpReceiver(app);
            app.MapPost("/v1/{signal}", async (HttpContext http, string signal) =>
            {
                using var body = new MemoryStream();
                await http.Request.Body.CopyToAsync(body);
                receiver._received.Enqueue(("/v1/" + signal, http.Request.ContentType, body.ToArray()));
                // An empty ExportXxxServiceResponse: full success.
                return Results.Bytes([], "application/x-protobuf");
            });
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            receiver.Url = new Uri(address);
            return receiver;
        }

        /// <summary>Whether a body received on <paramref name="path"/> holds <paramref name="text"/> (protobuf keeps strings as UTF-8 bytes).</summary>
        public bool Contains(string path, string text)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            return _received.Any(r => r.Path == path && r.Body.AsSpan().IndexOf(bytes) >= 0);
        }

        public async Task<bool> WaitForAsync(Func<OtlpReceiver, bool> condition, TimeSpan limit)
        {
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < limit)
            {
                if (condition(this))
                {
                    return true;
                }
                await Task.Delay(100);
            }
            return condition(this);
        }

        public string Describe() => string.Join(", ", _received.GroupBy(r => r.Path).Select(g => $"{g.Key}×{g.Count()}"));

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
