using System.Collections.Concurrent;
using Cap.Data;
using Cap.Data.Coordination;
using Cap.Domain.Steering;
using Cap.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Indicators.Import;

/// <summary>
/// Runs confirmed imports in the background so a long one shows a progress bar instead of a stalled page, with
/// several instances in mind. Each job is a row of <c>ImportJobs</c> (id = the pending import's): the instance that
/// runs it holds a lease on it, renewed with the progress it writes there every <c>Import:ProgressSeconds</c>, so any
/// instance shows the progress. A job whose lease ran out (its instance stopped or died) is taken again by the
/// recovery pass of any instance (<see cref="ImportJobRecovery"/>), claimed by a conditional update that only one
/// instance wins; a run that loses its lease stops and its transaction rolls back. The job writes all or nothing
/// (one transaction, see <see cref="MeasurementWriter"/>), and writing the same rows again changes nothing, so a run
/// taken over after its commit but before it was marked done writes no measurement twice.
/// On SQLite (one instance) the row is written at the start and the end of the run only: the database has one writer,
/// which the import's transaction holds; the progress of a running job is read from this instance's memory.
/// </summary>
public sealed class ImportJobs(ImportJobLeases leases, IServiceScopeFactory scopes, TimeProvider time, IHostApplicationLifetime lifetime, IConfiguration configuration, ILogger<ImportJobs> logger)
{
    /// <summary>Runs started for one job at most (a run cut short by a stopped instance counts).</summary>
    public const int MaxAttempts = 3;

    public const string ExpiredMessage = "Cet aperçu a expiré ou a déjà été importé : envoyez le fichier de nouveau.";

    private readonly ConcurrentDictionary<Guid, ImportRun> _running = new();

    /// <summary>This instance, as the owner of its leases.</summary>
    public string InstanceId => leases.InstanceId;

    /// <summary>How long the confirmation waits for a job before showing the progress page: short imports just finish.</summary>
    public TimeSpan InlineWait { get; set; } = TimeSpan.FromSeconds(Math.Max(0, configuration.GetValue("Import:InlineWaitSeconds", 1.5)));

    /// <summary>The job as this instance runs it, else as its row says; null when there is no such job.</summary>
    public async Task<ImportJob?> FindAsync(Guid id, CancellationToken ct)
    {
        if (_running.TryGetValue(id, out var run))
        {
            return run.Snapshot();
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CapDbContext>();
        var row = await db.Set<ImportJobState>().AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, ct);
        return row is null ? null : ImportJob.Of(row);
    }

    /// <summary>Waits at most <paramref name="timeout"/> for a job this instance runs; returns its state then.</summary>
    public async Task<ImportJob?> WaitAsync(Guid id, TimeSpan timeout, CancellationToken ct)
    {
        if (_running.TryGetValue(id, out var run))
        {
            try
            {
                await run.Completion.WaitAsync(timeout, ct);
            }
            catch (TimeoutException)
            {
            }
        }
        return await FindAsync(id, ct);
    }

    /// <summary>
    /// Starts the import of a pending file, or returns the job already running or done for it (a second click, on any
    /// instance). A failed job may be confirmed again.
    /// </summary>
    public async Task<ImportJob> StartAsync(CapDbContext db, PendingImport pending, Indicator indicator, int personId, string personName, CancellationToken ct)
    {
        Forget(time.GetUtcNow().AddHours(-1));
        if (_running.TryGetValue(pending.Id, out var existing))
        {
            if (existing.Snapshot().Stage != ImportStage.Failed)
            {
                return existing.Snapshot();
            }
            _running.TryRemove(new KeyValuePair<Guid, ImportRun>(pending.Id, existing));
        }
        var run = new ImportRun(pending.Id, indicator.ProductId, indicator.Id, personId, personName);
        if (!db.IsSqlite)
        {
            // Claimed before the answer, so that the progress page finds it on whichever instance it is asked.
            var (claimed, current) = await leases.ClaimNewAsync(db, run, ct);
            if (!claimed)
            {
                return current!;
            }
        }
        else
        {
            var row = await db.Set<ImportJobState>().AsNoTracking().FirstOrDefaultAsync(j => j.Id == pending.Id, ct);
            if (row is not null && row.Stage == ImportStage.Done)
            {
                return ImportJob.Of(row);
            }
        }
        if (!_running.TryAdd(run.Id, run))
        {
            return _running.TryGetValue(run.Id, out var other) ? other.Snapshot() : run.Snapshot();
        }
        Launch(run, indicator, claimedInDatabase: !db.IsSqlite);
        return run.Snapshot();
    }

    /// <summary>
    /// One recovery pass: the unfinished jobs whose lease ran out are claimed (one instance wins each) and run again
    /// here; returns how many this instance took.
    /// </summary>
    public async Task<int> RecoverAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CapDbContext>();
        var stale = await leases.StaleAsync(db, ct);
        var taken = 0;
        foreach (var job in stale.Where(j => !_running.ContainsKey(j.Id)))
        {
            if (!await leases.TryTakeStaleAsync(db, job, ct))
            {
                continue; // Another instance took it.
            }
            logger.LogWarning("Import {ImportId} was left unfinished by {Owner}: taken again by {Instance} (attempt {Attempt})", job.Id, job.Owner, InstanceId, job.Attempts + 1);
            var run = new ImportRun(job.Id, job.ProductId, job.IndicatorId, job.PersonId, job.PersonName);
            var indicator = await db.Indicators.AsNoTracking().FirstOrDefaultAsync(i => i.Id == job.IndicatorId, ct);
            if (indicator is null || job.Attempts + 1 > MaxAttempts)
            {
                await leases.FailAsync(db, run, indicator is null
                    ? ExpiredMessage
                    : "L’import a été interrompu plusieurs fois et rien n’a été enregistré : envoyez le fichier de nouveau, ou découpez-le.");
                continue;
            }
            if (_running.TryAdd(run.Id, run))
            {
                Launch(run, indicator, claimedInDatabase: true);
                taken++;
            }
        }
        return taken;
    }

    private void Launch(ImportRun run, Indicator indicator, bool claimedInDatabase)
    {
        // Not tied to the request: it goes on after the answer, without the request's context.
        using (ExecutionContext.SuppressFlow())
        {
            _ = Task.Run(() => RunAsync(run, indicator, claimedInDatabase));
        }
    }

    private async Task RunAsync(ImportRun run, Indicator indicator, bool claimedInDatabase)
    {
        using var lost = CancellationTokenSource.CreateLinkedTokenSource(lifetime.ApplicationStopping);
        var ct = lost.Token;
        Task? heartbeat = null;
        using var stopHeartbeat = new CancellationTokenSource();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CapDbContext>();
            if (claimedInDatabase)
            {
                heartbeat = leases.HeartbeatAsync(run, lost, stopHeartbeat.Token);
            }
            var pending = await db.PendingImports.AsNoTracking().FirstOrDefaultAsync(p => p.Id == run.Id, ct);
            if (pending is null)
            {
                await leases.FailAsync(db, run, ExpiredMessage);
                return;
            }
            var today = time.ParisToday();
            var preview = MeasurementFileReader.Read(new MemoryStream(pending.Content), pending.FileName, today, ImportLimits.From(configuration));
            if (!preview.CanCommit)
            {
                await leases.FailAsync(db, run, "Le fichier ne peut plus être importé tel quel (une date est peut-être devenue invalide) : envoyez-le de nouveau pour voir les lignes en cause.");
                return;
            }
            var rows = preview.Rows.Select(r => new MeasurementRow(r.Date, r.Value, r.Comment)).ToList();
            run.Report(0, rows.Count);
            if (!claimedInDatabase)
            {
                // SQLite: after the first report, so that the page shows the count while this waits for the writer.
                await leases.UpsertLocalAsync(db, run, ct);
            }
            var outcome = await MeasurementWriter.UpsertAsync(db, indicator, rows, MeasurementSource.Import, run.PersonId, run.PersonName, time.GetUtcNow(), ct, run.Report);
            await db.PendingImports.Where(p => p.Id == run.Id).ExecuteDeleteAsync(CancellationToken.None);
            await stopHeartbeat.CancelAsync();
            await (heartbeat ?? Task.CompletedTask);
            await leases.MarkDoneAsync(db, run, rows.Count, outcome);
            run.Finish(outcome);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping, or the lease went to another instance: the transaction rolled back, the row stays unfinished
            // and its lease runs out, so that the recovery pass of a running instance takes it again.
            logger.LogWarning("Import {ImportId} stopped on {Instance} before its end: another instance will take it again", run.Id, InstanceId);
            run.Abandon();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.LogError(e, "Import {ImportId} of indicator {IndicatorId} failed", run.Id, run.IndicatorId);
            await using var scope = scopes.CreateAsyncScope();
            await leases.FailAsync(scope.ServiceProvider.GetRequiredService<CapDbContext>(), run,
                "L’import a échoué et rien n’a été enregistré : confirmez-le de nouveau, ou envoyez le fichier de nouveau.");
        }
        finally
        {
            await stopHeartbeat.CancelAsync();
            if (heartbeat is not null)
            {
                await heartbeat;
            }
            if (run.Abandoned)
            {
                _running.TryRemove(new KeyValuePair<Guid, ImportRun>(run.Id, run));
            }
        }
    }

    /// <summary>Finished runs stay in memory an hour (their outcome is also in their row, when it could be written), then go.</summary>
    private void Forget(DateTimeOffset before)
    {
        foreach (var (id, run) in _running)
        {
            if (run.FinishedAt is { } at && at < before)
            {
                _running.TryRemove(new KeyValuePair<Guid, ImportRun>(id, run));
            }
        }
    }
}
