using Cap.Data;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Cap.Web.Shared.Connectors;

/// <summary>
/// A demo connection fed by a tool that Cap serves itself in demo mode (<c>/demo/jdma</c>, <c>/demo/matomo</c>): seeded
/// with a placeholder address, pointed at this instance once it listens.
/// </summary>
public interface IDemoConnectorTarget
{
    /// <summary>
    /// Points the demo's connections at <paramref name="origin"/> (this instance's <c>scheme://host:port</c>), and makes
    /// those it changed due, so the worker syncs them a moment after start-up.
    /// </summary>
    Task PointAsync(CapDbContext db, string origin, DateTimeOffset now);
}

/// <summary>
/// Demo only (<c>Database:SeedDemoData</c>): once Kestrel listens, gives every <see cref="IDemoConnectorTarget"/> the
/// application's own address (its first http address, a wildcard host read as localhost). Nothing to do under a test
/// server (no address). A target that fails is logged; the others are still pointed.
/// </summary>
public sealed class DemoConnectorAddresses(IServer server, IHostApplicationLifetime lifetime, IServiceScopeFactory scopes, IConfiguration configuration,
    IEnumerable<IDemoConnectorTarget> targets, TimeProvider time, ILogger<DemoConnectorAddresses> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (configuration.GetValue<bool>("Database:SeedDemoData"))
        {
            lifetime.ApplicationStarted.Register(() => _ = PointAsync());
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>This instance's origin from the server's addresses, or null when it has none (test server).</summary>
    public static string? Origin(ICollection<string> addresses)
    {
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? addresses.FirstOrDefault();
        if (address is null)
        {
            return null;
        }
        foreach (var wildcard in new[] { "://+", "://*", "://0.0.0.0", "://[::]" })
        {
            address = address.Replace(wildcard, "://localhost", StringComparison.Ordinal);
        }
        return Uri.TryCreate(address, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : null;
    }

    private async Task PointAsync()
    {
        if (Origin(server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []) is not { } origin)
        {
            return;
        }
        foreach (var target in targets)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await target.PointAsync(scope.ServiceProvider.GetRequiredService<CapDbContext>(), origin, time.GetUtcNow());
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "The demo connection {Target} could not be pointed at this instance's address.", target.GetType().Name);
            }
        }
    }
}
