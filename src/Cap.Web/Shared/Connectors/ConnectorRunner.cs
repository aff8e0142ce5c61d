using Cap.Data;
using Cap.Data.Connectors;
using Cap.Data.Coordination;
using Cap.Domain.Connectors;
using Microsoft.EntityFrameworkCore;
using Cap.Web.Shared.Hosting;
using Microsoft.Extensions.Options;

namespace Cap.Web.Shared.Connectors;

public enum RunOutcome
{
    Succeeded,
    Failed,
    /// <summary>Another instance (or another request) is syncing the connection now.</summary>
    Busy,
    /// <summary>Not due yet (the worker's pass only).</summary>
    NotDue,
    NotFound,
}

public sealed record ConnectorRun(RunOutcome Outcome, string? Error = null, int Days = 0);

/// <summary>
/// Runs a connection's synchronisation: takes its lease (<see cref="ConnectorLeases"/>), calls its connector's
/// <see cref="IConnectorSync"/>, and records the outcome — on success the next attempt an interval later, on failure
/// the French message and a retry after an exponential backoff (<see cref="Backoff"/>). One runner per instance
/// (its <see cref="InstanceId"/> owns the leases it takes).
/// </summary>
public sealed class ConnectorRunner(IServiceScopeFactory scopes, TimeProvider time, IOptions<ConnectorOptions> options, ILogger<ConnectorRunner> logger)
{
    public string InstanceId { get; } = NewInstanceId();

    private static string NewInstanceId()
    {
        var id = $"{Environment.MachineName}-{Guid.NewGuid():N}";
        return id.Length <= ConnectorSyncState.OwnerMaxLength ? id : id[^ConnectorSyncState.OwnerMaxLength..];
    }

    /// <summary>The connection's state row, created due now when it does not exist (<paramref name="productId"/>: null for an organisation's connection).</summary>
    public static async Task<ConnectorSyncState> EnsureStateAsync(CapDbContext db, ConnectorKind kind, int connectionId, int? productId, DateTimeOffset now, CancellationToken ct)
    {
        var state = await db.ConnectorSyncStates.FirstOrDefaultAsync(s => s.Kind == kind && s.ConnectionId == connectionId, ct);
        if (state is null)
        {
            state = new ConnectorSyncState { Kind = kind, ConnectionId = connectionId, ProductId = productId, NextAttemptAt = now, LeaseUntil = now };
            db.ConnectorSyncStates.Add(state);
            await db.SaveChangesAsync(ct);
        }
        return state;
    }

    /// <summary>Makes the connection due now (a new key, a new mapping: no need to wait for the backoff).</summary>
    public static Task<int> MakeDueAsync(CapDbContext db, ConnectorKind kind, int connectionId, DateTimeOffset now, CancellationToken ct) =>
        db.ConnectorSyncStates.Where(s => s.Kind == kind && s.ConnectionId == connectionId)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.NextAttemptAt, now), ct);

    /// <summary>« Synchroniser maintenant »: runs the connection's synchronisation now, due or not, unless another instance is running it.</summary>
    public async Task<ConnectorRun> RunNowAsync(ConnectorKind kind, int connectionId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CapDbContext>();
        var stateId = await db.ConnectorSyncStates.Where(s => s.Kind == kind && s.ConnectionId == connectionId).Select(s => (int?)s.Id).FirstOrDefaultAsync(ct);
        return stateId is { } id ? await RunAsync(id, evenIfNotDue: true, ct) : new ConnectorRun(RunOutcome.NotFound);
    }

    /// <summary>The worker's pass: every connection due whose lease is free, one after the other.</summary>
    public async Task<int> PassAsync(CancellationToken ct)
    {
        List<int> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            due = await ConnectorLeases.DueAsync(scope.ServiceProvider.GetRequiredService<CapDbContext>(), time.GetUtcNow(), 50, ct);
        }
        var ran = 0;
        foreach (var id in due)
        {
            if ((await RunAsync(id, evenIfNotDue: false, ct)).Outcome is RunOutcome.Succeeded or RunOutcome.Failed)
            {
                ran++;
            }
        }
        return ran;
    }

    private async Task<ConnectorRun> RunAsync(int stateId, bool evenIfNotDue, CancellationToken ct)
    {
        var settings = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CapDbContext>();
        var now = time.GetUtcNow();
        if (!await ConnectorLeases.TryTakeAsync(db, stateId, InstanceId, now, TimeSpan.FromSeconds(settings.LeaseSeconds), evenIfNotDue, ct))
        {
            var exists = await db.ConnectorSyncStates.AnyAsync(s => s.Id == stateId, ct);
            return new ConnectorRun(!exists ? RunOutcome.NotFound : evenIfNotDue ? RunOutcome.Busy : RunOutcome.NotDue);
        }
        var state = await db.ConnectorSyncStates.AsNoTracking().FirstAsync(s => s.Id == stateId, ct);
        var sync = scope.ServiceProvider.GetServices<IConnectorSync>().FirstOrDefault(s => s.Kind == state.Kind)
            ?? throw new InvalidOperationException($"No synchronisation registered for {state.Kind}.");
        string error;
        Exception? failure;
        try
        {
            var outcome = await sync.SyncAsync(state.ConnectionId, state.SyncedThrough, ct);
            var done = time.GetUtcNow();
            await ConnectorLeases.SucceededAsync(db, stateId, InstanceId, done, done + TimeSpan.FromMinutes(settings.IntervalMinutes), outcome.SyncedThrough, outcome.Days, CancellationToken.None);
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("Connector {Kind} connection {ConnectionId} synced through {Day} ({Days} days)", state.Kind, state.ConnectionId, outcome.SyncedThrough, outcome.Days);
            }
            return new ConnectorRun(RunOutcome.Succeeded, Days: outcome.Days);
        }
        catch (ConnectorException e)
        {
            error = e.Message;
            failure = e.InnerException;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            error = "La synchronisation a échoué sur une erreur interne de Cap ; elle sera retentée.";
            failure = e;
        }
        var failures = state.ConsecutiveFailures + 1;
        var at = time.GetUtcNow();
        var next = at + Backoff.Delay(failures, settings.RetryBaseSeconds, settings.RetryMaxSeconds);
        await ConnectorLeases.FailedAsync(db, stateId, InstanceId, at, error, failures, next, CancellationToken.None);
        // The message is Cap's own (no key); the exception's type only, never the request that carried the key.
        var cause = failure?.GetType().Name;
        if (logger.IsEnabled(LogLevel.Warning))
        {
            logger.LogWarning("Connector {Kind} connection {ConnectionId} failed ({Failures} in a row, next attempt {Next:O}): {Error} {Cause}",
            state.Kind, state.ConnectionId, failures, next, error, cause);
        }
        return new ConnectorRun(RunOutcome.Failed, error);
    }
}

/// <summary>
/// Synchronises the connections due, every <c>Connectors:PollSeconds</c>; <c>Connectors:Enabled=false</c> turns it off
/// on this instance. Several instances may run it: the leases keep each connection to one of them at a time.
/// </summary>
public sealed class ConnectorWorker(ConnectorRunner runner, IOptions<ConnectorOptions> options, ILogger<ConnectorWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }
        var period = TimeSpan.FromSeconds(Math.Max(1, options.Value.PollSeconds));
        await PeriodicPasses.RunAsync(period, runFirst: true, runner.PassAsync,
            (e, p) => logger.LogError(e, "The connectors' pass failed; next pass in {Period}", p), stoppingToken);
    }
}
