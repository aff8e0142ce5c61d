using System.Threading.Channels;

namespace Cap.Data.Intake;

/// <summary>
/// The intake's queue: bounded, filled by the requests, emptied by the one writer thread in batches of at most
/// <see cref="IntakeOptions.BatchSize"/>. The writer blocks without spinning while the queue is empty: on a machine of
/// few cores a spinning writer takes the CPU the requests need.
/// </summary>
internal sealed class IntakeQueue : IDisposable
{
    private readonly Channel<PendingAnswer> _channel;
    private readonly ManualResetEventSlim _arrived = new(false, spinCount: 0);
    private readonly Action _wake;
    private readonly TimeSpan _linger;

    public IntakeQueue(IntakeOptions options)
    {
        BatchSize = Math.Max(1, options.BatchSize);
        _linger = TimeSpan.FromMilliseconds(Math.Max(0, options.LingerMilliseconds));
        _wake = _arrived.Set;
        _channel = Channel.CreateBounded<PendingAnswer>(new BoundedChannelOptions(Math.Max(1, options.QueueCapacity))
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public int BatchSize { get; }

    public int Waiting => _channel.Reader.Count;

    /// <summary>Queues an answer if there is room (false when full or completed).</summary>
    public bool TryAdd(PendingAnswer pending) => _channel.Writer.TryWrite(pending);

    /// <summary>Queues an answer, waiting for room; throws <see cref="ChannelClosedException"/> once completed.</summary>
    public ValueTask AddAsync(PendingAnswer pending, CancellationToken ct) => _channel.Writer.WriteAsync(pending, ct);

    /// <summary>Accepts nothing more; what is queued can still be taken.</summary>
    public void Complete() => _channel.Writer.TryComplete();

    /// <summary>
    /// Blocks until answers are queued, then moves into <paramref name="batch"/> what has arrived (lingering
    /// <see cref="IntakeOptions.LingerMilliseconds"/> for more when the batch is not full). False once the queue is
    /// completed and empty.
    /// </summary>
    public bool TakeBatch(List<PendingAnswer> batch)
    {
        if (!WaitToRead())
        {
            return false;
        }
        Drain(batch);
        if (batch.Count < BatchSize && _linger > TimeSpan.Zero && !_channel.Reader.Completion.IsCompleted)
        {
            Thread.Sleep(_linger);
            Drain(batch);
        }
        return true;
    }

    private bool WaitToRead()
    {
#pragma warning disable CA2012 // awaited by blocking on the event its continuation sets, then read once
        var ready = _channel.Reader.WaitToReadAsync();
        if (!ready.IsCompleted)
        {
            _arrived.Reset();
            ready.GetAwaiter().UnsafeOnCompleted(_wake);
            _arrived.Wait();
        }
        return ready.GetAwaiter().GetResult();
#pragma warning restore CA2012
    }

    public void Dispose() => _arrived.Dispose();

    private void Drain(List<PendingAnswer> batch)
    {
        while (batch.Count < BatchSize && _channel.Reader.TryRead(out var pending))
        {
            batch.Add(pending);
        }
    }
}
