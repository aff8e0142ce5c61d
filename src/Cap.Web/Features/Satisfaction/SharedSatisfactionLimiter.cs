using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Cap.Data;
using Cap.Data.Coordination;
using Cap.Web.Shared.Data;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Cap.Web.Features.Satisfaction;

/// <summary>
/// The intake's two fixed windows (per client address, per placement key) counted for every instance together, in the
/// database's <see cref="RateLimitCounter"/> rows: windows are whole minutes of the clock, so every instance is in the
/// same one. The hot path stays in memory: an instance reserves permits in blocks from the shared counter (one
/// <c>INSERT … ON CONFLICT DO UPDATE … RETURNING</c>, batched with the other reservations of the moment by
/// <see cref="SharedWindowCounters"/>) and spends them locally; a block is a sixteenth of what was left in the window
/// when it was reserved (1 to 64 permits), so blocks are large early in a window and single permits near its end.
/// The limit is never exceeded; permits reserved by an instance that gets no more traffic in that window are lost for
/// the others (at most one block per instance and partition). Once a window is full, an instance knows it and refuses
/// without a round-trip until the next minute. A request takes its two permits or none (a refusal spends nothing). If
/// the database cannot be reached, the reservation is granted (the limits fail open; the answer's own write will tell).
/// </summary>
public sealed class SharedSatisfactionLimiter : PartitionedRateLimiter<HttpContext>
{
    public const int WindowSeconds = 60;
    private const int PartitionKeyMax = 120;

    private readonly SharedWindowCounters _counters;
    private readonly TimeProvider _time;
    private readonly ILogger<SharedSatisfactionLimiter> _logger;
    private readonly int _perClient;
    private readonly int _perPlacement;
    private readonly ConcurrentDictionary<IPAddress, Slot> _clients = new();
    private readonly ConcurrentDictionary<string, Slot> _placements = new(StringComparer.Ordinal);
    private long _sweptWindow;
    private long _lastFailureLog;

    public SharedSatisfactionLimiter(SharedWindowCounters counters, IOptions<SatisfactionOptions> options, TimeProvider time, ILogger<SharedSatisfactionLimiter> logger)
    {
        _counters = counters;
        _time = time;
        _logger = logger;
        _perClient = options.Value.PerClientPerMinute;
        _perPlacement = options.Value.PerPlacementPerMinute;
    }

    public override RateLimiterStatistics? GetStatistics(HttpContext resource) => null;

    protected override RateLimitLease AttemptAcquireCore(HttpContext resource, int permitCount)
    {
        if (!SatisfactionRateLimits.IsAnswer(resource))
        {
            return Lease.Acquired;
        }
        var (client, placement) = SlotsOf(resource);
        var window = CurrentWindow(out var retryAfter);
        // Not taken here when this instance holds no permit: the caller goes on with AcquireAsync, which reserves some.
        return TryTake(client, placement, window) == Take.Taken ? Lease.Acquired : new Lease(false, retryAfter);
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(HttpContext resource, int permitCount, CancellationToken cancellationToken)
    {
        if (!SatisfactionRateLimits.IsAnswer(resource))
        {
            return ValueTask.FromResult<RateLimitLease>(Lease.Acquired);
        }
        var (client, placement) = SlotsOf(resource);
        var window = CurrentWindow(out var retryAfter);
        return TryTake(client, placement, window) switch
        {
            Take.Taken => ValueTask.FromResult<RateLimitLease>(Lease.Acquired),
            Take.Full => ValueTask.FromResult<RateLimitLease>(new Lease(false, retryAfter)),
            _ => ReserveThenTakeAsync(client, placement, cancellationToken),
        };
    }

    private async ValueTask<RateLimitLease> ReserveThenTakeAsync(Slot client, Slot placement, CancellationToken ct)
    {
        var retryAfter = TimeSpan.FromSeconds(WindowSeconds);
        // Each round either brings permits or finds the window full; others may spend the permits first, hence the loop.
        for (var round = 0; round < 1000; round++)
        {
            var window = CurrentWindow(out retryAfter);
            var outcome = TryTake(client, placement, window);
            if (outcome != Take.Short)
            {
                return outcome == Take.Taken ? Lease.Acquired : new Lease(false, retryAfter);
            }
            await Task.WhenAll(Reserve(client, window), Reserve(placement, window)).WaitAsync(ct);
        }
        return new Lease(false, retryAfter);
    }

    private enum Take
    {
        Taken,
        Short,
        Full,
    }

    /// <summary>Both permits or none, locks always in the same order.</summary>
    private static Take TryTake(Slot client, Slot placement, long window)
    {
        lock (client)
        {
            lock (placement)
            {
                client.Roll(window);
                placement.Roll(window);
                if (client.Local > 0 && placement.Local > 0)
                {
                    client.Local--;
                    placement.Local--;
                    return Take.Taken;
                }
                return (client.Local == 0 && client.Full) || (placement.Local == 0 && placement.Full) ? Take.Full : Take.Short;
            }
        }
    }

    /// <summary>The slot's reservation in progress for this window, or a new one when it has no permit left; done at once when it holds permits or the window is full.</summary>
    private Task Reserve(Slot slot, long window)
    {
        lock (slot)
        {
            slot.Roll(window);
            if (slot.Local > 0 || slot.Full)
            {
                return Task.CompletedTask;
            }
            if (slot.Pending is { } pending && slot.PendingWindow == window)
            {
                return pending;
            }
            var block = Math.Clamp((slot.Limit - slot.Seen) / 16, 1, 64);
            slot.PendingWindow = window;
            slot.Pending = ReserveAsync(slot, window, block);
            return slot.Pending;
        }
    }

    private async Task ReserveAsync(Slot slot, long window, int block)
    {
        int granted;
        var count = -1;
        try
        {
            count = await _counters.AddAsync(slot.Partition, window, block);
            // The block was counted from count - block: what fitted under the limit is this instance's.
            granted = Math.Clamp(slot.Limit - (count - block), 0, block);
        }
        catch (Exception e)
        {
            granted = block;
            var now = _time.GetUtcNow().ToUnixTimeSeconds();
            if (Interlocked.Exchange(ref _lastFailureLog, now) < now - 60)
            {
                _logger.LogWarning(e, "Shared rate-limit counters unreachable: answers are let through until the database answers again");
            }
        }
        lock (slot)
        {
            if (slot.WindowStart == window)
            {
                slot.Local += granted;
                if (count >= 0)
                {
                    slot.Seen = Math.Max(slot.Seen, count);
                    slot.Full = slot.Seen >= slot.Limit;
                }
            }
            if (slot.PendingWindow == window)
            {
                slot.Pending = null;
            }
        }
    }

    private (Slot Client, Slot Placement) SlotsOf(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress ?? IPAddress.None;
        var key = context.GetRouteValue("key") as string ?? string.Empty;
        var client = _clients.GetOrAdd(address, static (a, self) => new Slot(self.PartitionOf("client", self._perClient, a.ToString()), self._perClient), this);
        var placement = _placements.GetOrAdd(key, static (k, self) => new Slot(self.PartitionOf("placement", self._perPlacement, k), self._perPlacement), this);
        return (client, placement);
    }

    /// <summary>The counter's name: the limit is part of it, so a changed limit starts its own count; a long key is hashed.</summary>
    private string PartitionOf(string rule, int limit, string value)
    {
        if (value.Length > PartitionKeyMax)
        {
            value = "#" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
        }
        return string.Create(CultureInfo.InvariantCulture, $"{rule}/{limit}:{value}");
    }

    /// <summary>The current window's start (Unix seconds) and the time left in it; once a minute, forgets the partitions idle since the window before.</summary>
    private long CurrentWindow(out TimeSpan retryAfter)
    {
        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        var window = now - (now % WindowSeconds);
        retryAfter = TimeSpan.FromSeconds(Math.Max(1, window + WindowSeconds - now));
        if (Interlocked.Read(ref _sweptWindow) < window && Interlocked.Exchange(ref _sweptWindow, window) < window)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static state => state.self.Sweep(state.window), (self: this, window), preferLocal: false);
        }
        return window;
    }

    private void Sweep(long window)
    {
        var before = window - WindowSeconds;
        foreach (var (address, slot) in _clients)
        {
            if (Volatile.Read(ref slot.WindowStart) < before)
            {
                _clients.TryRemove(new KeyValuePair<IPAddress, Slot>(address, slot));
            }
        }
        foreach (var (key, slot) in _placements)
        {
            if (Volatile.Read(ref slot.WindowStart) < before)
            {
                _placements.TryRemove(new KeyValuePair<string, Slot>(key, slot));
            }
        }
    }

    /// <summary>One partition's state in this instance: the permits it holds for the current window and what it knows of the shared count.</summary>
    private sealed class Slot(string partition, int limit)
    {
        public readonly string Partition = partition;
        public readonly int Limit = limit;
        public long WindowStart = long.MinValue;
        public int Local;
        public int Seen;
        public bool Full;
        public Task? Pending;
        public long PendingWindow;

        public void Roll(long window)
        {
            if (WindowStart != window)
            {
                WindowStart = window;
                Local = 0;
                Seen = 0;
                Full = false;
            }
        }
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Acquired = new(true, null);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            if (retryAfter is { } value && metadataName == MetadataName.RetryAfter.Name)
            {
                metadata = value;
                return true;
            }
            metadata = null;
            return false;
        }
    }
}
