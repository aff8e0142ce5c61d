using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Cap.Web.Features.Satisfaction;

/// <summary>
/// The open placements the JSON intake has looked up lately, kept <see cref="SatisfactionOptions.PlacementCacheSeconds"/>
/// seconds so that a stream of answers does not query the placement, its form and product for each one. Only open
/// placements are kept (an unknown or closed key is looked up again every time), so switching a form or a placement
/// off, or changing its origins, takes effect within that delay on every instance.
/// </summary>
public sealed class OpenPlacementCache(IServiceScopeFactory scopes, IOptions<SatisfactionOptions> options)
{
    private const int MaxEntries = 10_000;
    private readonly ConcurrentDictionary<string, (OpenPlacement Placement, long ExpiresAt)> _entries = new(StringComparer.Ordinal);

    public async ValueTask<OpenPlacement?> FindAsync(string key, CancellationToken ct)
    {
        var seconds = options.Value.PlacementCacheSeconds;
        var now = Environment.TickCount64;
        if (seconds > 0 && _entries.TryGetValue(key, out var entry) && entry.ExpiresAt > now)
        {
            return entry.Placement;
        }
        OpenPlacement? placement;
        await using (var scope = scopes.CreateAsyncScope())
        {
            placement = await scope.ServiceProvider.GetRequiredService<SatisfactionService>().OpenPlacementAsync(key, ct);
        }
        if (placement is null || seconds <= 0)
        {
            _entries.TryRemove(key, out _);
            return placement;
        }
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }
        _entries[key] = (placement, now + seconds * 1000L);
        return placement;
    }
}
