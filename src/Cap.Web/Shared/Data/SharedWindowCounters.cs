using System.Threading.Channels;
using Npgsql;
using NpgsqlTypes;

namespace Cap.Web.Shared.Data;

/// <summary>
/// Fixed-window counters shared by every instance on PostgreSQL (table <c>RateLimitCounters</c>): <see cref="AddAsync"/>
/// adds permits to a (partition, window) counter and returns the counter's new value. The additions waiting when a
/// round-trip ends go together in the next one — one <c>INSERT … SELECT FROM unnest(…) ON CONFLICT DO UPDATE …
/// RETURNING</c> for all of them, rows sorted so that two instances lock them in the same order — so the cost is one
/// statement per round-trip, not per request. Windows that ended are deleted once a minute.
/// </summary>
public sealed class SharedWindowCounters : IAsyncDisposable
{
    /// <summary>Additions sent in one statement at most.</summary>
    public const int MaxBatch = 512;

    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _time;
    private readonly ILogger<SharedWindowCounters> _logger;
    private readonly Channel<Addition> _queue = Channel.CreateUnbounded<Addition>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _lastCleanUp;

    public SharedWindowCounters(string connectionString, TimeProvider time, ILogger<SharedWindowCounters> logger)
    {
        _dataSource = NpgsqlDataSource.Create(connectionString);
        _time = time;
        _logger = logger;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Window length the clean-up keeps (the current window and the one before).</summary>
    public TimeSpan KeepWindows { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Adds <paramref name="count"/> to the counter of <paramref name="partition"/> in the window starting at <paramref name="windowStart"/> (Unix seconds); returns its value after the addition.</summary>
    public Task<int> AddAsync(string partition, long windowStart, int count)
    {
        var addition = new Addition(partition, windowStart, count);
        ObjectDisposedException.ThrowIf(!_queue.Writer.TryWrite(addition), this);
        return addition.Completion.Task;
    }

    private async Task RunAsync()
    {
        var batch = new List<Addition>(MaxBatch);
        var deferred = new List<Addition>();
        var reader = _queue.Reader;
        try
        {
            while (true)
            {
                if (deferred.Count == 0)
                {
                    // Idle: wake up at least once a minute for the clean-up.
                    using var wait = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
                    wait.CancelAfter(TimeSpan.FromMinutes(1));
                    try
                    {
                        if (!await reader.WaitToReadAsync(wait.Token))
                        {
                            return;
                        }
                    }
                    catch (OperationCanceledException) when (!_stop.IsCancellationRequested)
                    {
                    }
                }
                batch.Clear();
                var keys = new HashSet<(string, long)>();
                // The same counter twice in one statement is refused by PostgreSQL: the second waits for the next one.
                var waiting = deferred.ToList();
                deferred.Clear();
                foreach (var addition in waiting)
                {
                    (keys.Add((addition.Partition, addition.WindowStart)) ? batch : deferred).Add(addition);
                }
                while (batch.Count < MaxBatch && reader.TryRead(out var next))
                {
                    if (keys.Add((next.Partition, next.WindowStart)))
                    {
                        batch.Add(next);
                    }
                    else
                    {
                        deferred.Add(next);
                    }
                }
                if (batch.Count > 0)
                {
                    await WriteAsync(batch);
                }
                await CleanUpAsync();
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        finally
        {
            foreach (var addition in deferred.Concat(batch))
            {
                addition.Completion.TrySetCanceled();
            }
            while (reader.TryRead(out var left))
            {
                left.Completion.TrySetCanceled();
            }
        }
    }

    private async Task WriteAsync(List<Addition> batch)
    {
        batch.Sort((a, b) => a.WindowStart != b.WindowStart ? a.WindowStart.CompareTo(b.WindowStart) : string.CompareOrdinal(a.Partition, b.Partition));
        try
        {
            await using var command = _dataSource.CreateCommand(
                "INSERT INTO \"RateLimitCounters\" AS c (\"Partition\", \"WindowStart\", \"Count\") " +
                "SELECT p, w, n FROM unnest(@partitions, @windows, @counts) WITH ORDINALITY AS a(p, w, n, o) ORDER BY o " +
                "ON CONFLICT (\"Partition\", \"WindowStart\") DO UPDATE SET \"Count\" = c.\"Count\" + excluded.\"Count\" " +
                "RETURNING \"Partition\", \"WindowStart\", \"Count\"");
            command.Parameters.Add(new NpgsqlParameter<string[]>("partitions", NpgsqlDbType.Array | NpgsqlDbType.Varchar) { TypedValue = [.. batch.Select(a => a.Partition)] });
            command.Parameters.Add(new NpgsqlParameter<long[]>("windows", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = [.. batch.Select(a => a.WindowStart)] });
            command.Parameters.Add(new NpgsqlParameter<int[]>("counts", NpgsqlDbType.Array | NpgsqlDbType.Integer) { TypedValue = [.. batch.Select(a => a.Count)] });
            var counts = new Dictionary<(string, long), int>(batch.Count);
            await using (var reader = await command.ExecuteReaderAsync(_stop.Token))
            {
                while (await reader.ReadAsync(_stop.Token))
                {
                    counts[(reader.GetString(0), reader.GetInt64(1))] = reader.GetInt32(2);
                }
            }
            foreach (var addition in batch)
            {
                if (counts.TryGetValue((addition.Partition, addition.WindowStart), out var count))
                {
                    addition.Completion.TrySetResult(count);
                }
                else
                {
                    addition.Completion.TrySetException(new InvalidOperationException($"No counter returned for {addition.Partition}."));
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !_stop.IsCancellationRequested)
        {
            foreach (var addition in batch)
            {
                addition.Completion.TrySetException(e);
            }
        }
    }

    private async Task CleanUpAsync()
    {
        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        if (now - _lastCleanUp < 60)
        {
            return;
        }
        _lastCleanUp = now;
        try
        {
            await using var command = _dataSource.CreateCommand("DELETE FROM \"RateLimitCounters\" WHERE \"WindowStart\" < @before");
            command.Parameters.Add(new NpgsqlParameter<long>("before", NpgsqlDbType.Bigint) { TypedValue = now - (long)KeepWindows.TotalSeconds });
            await command.ExecuteNonQueryAsync(_stop.Token);
        }
        catch (Exception e) when (e is not OperationCanceledException || !_stop.IsCancellationRequested)
        {
            _logger.LogWarning(e, "The rate-limit counters of past windows could not be deleted; next try in a minute");
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }
        await _dataSource.DisposeAsync();
        _stop.Dispose();
    }

    private sealed class Addition(string partition, long windowStart, int count)
    {
        public string Partition { get; } = partition;
        public long WindowStart { get; } = windowStart;
        public int Count { get; } = count;
        public TaskCompletionSource<int> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
