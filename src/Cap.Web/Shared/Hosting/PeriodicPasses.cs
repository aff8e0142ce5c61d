namespace Cap.Web.Shared.Hosting;

/// <summary>
/// The one loop of Cap's background workers (the outbox, the satisfaction feed, the portfolio lines, the imports'
/// recovery, the digests, the operational gauges): a pass at start when asked, then one at every tick, each failure
/// logged and followed by the next tick — a worker never dies of a database that is briefly unreachable — until the
/// host stops, which ends the loop quietly.
/// </summary>
public static class PeriodicPasses
{
    /// <param name="period">The time between two ticks (a pass longer than it delays the next tick, never overlaps it).</param>
    /// <param name="runFirst">True: a pass at once, before the first tick.</param>
    /// <param name="pass">One pass.</param>
    /// <param name="failed">Logs a failed pass (the exception and the period).</param>
    public static async Task RunAsync(TimeSpan period, bool runFirst, Func<CancellationToken, Task> pass, Action<Exception, TimeSpan> failed,
        CancellationToken stoppingToken, TimeProvider? time = null)
    {
        using var timer = new PeriodicTimer(period, time ?? TimeProvider.System);
        try
        {
            if (runFirst)
            {
                await SafelyAsync(pass, failed, period, stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await SafelyAsync(pass, failed, period, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private static async Task SafelyAsync(Func<CancellationToken, Task> pass, Action<Exception, TimeSpan> failed, TimeSpan period, CancellationToken ct)
    {
        try
        {
            await pass(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            failed(e, period);
        }
    }
}
