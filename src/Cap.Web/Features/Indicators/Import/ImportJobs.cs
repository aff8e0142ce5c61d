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
public sealed class ImportJobs(IServiceScopeFactory scopes, TimeProvider time, IHostApplicationLifetime lifetime, IConfiguration configuration, ILogger<ImportJobs> logger)
{
    /// <summary>Runs started for one job at most (a run cut short by a stopped instance counts).</summary>
    public const int MaxAttempts = 3;

    public const string ExpiredMessage = "Cet aperçu a expiré ou a déjà été importé : envoyez le fichier de nouveau.";

    private readonly ConcurrentDictionary<Guid, Run> _running = new();

    /// <summary>This instance, as the owner of its leases.</summary>
    public string InstanceId { get; } = $"{Truncate(Environment.MachineName, 60)}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>How long the confirmation waits for a job before showing the progress page: short imports just finish.</summary>
    public TimeSpan InlineWait { get; set; } = TimeSpan.FromSeconds(Math.Max(0, configuration.GetValue("Import:InlineWaitSeconds", 1.5)));

    /// <summary>How long a lease holds without being renewed.</summary>
    public TimeSpan Lease => TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Import:LeaseSeconds", 60.0)));

    /// <summary>How often a running job writes its progress and renews its lease (PostgreSQL).</summary>
    public TimeSpan ProgressPeriod => TimeSpan.FromSeconds(Math.Clamp(configuration.GetValue("Import:ProgressSeconds", 1.0), 0.05, Lease.TotalSeconds / 3));

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
            _running.TryRemove(new KeyValuePair<Guid, Run>(pending.Id, existing));
        }
        var run = new Run(pending.Id, indicator.ProductId, indicator.Id, personId, personName);
        if (!db.IsSqlite)
        {
            // Claimed before the answer, so that the progress page finds it on whichever instance it is asked.
            var (claimed, current) = await ClaimNewAsync(db, run, ct);
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
        var now = time.GetUtcNow();
        var stale = await db.Set<ImportJobState>().AsNoTracking()
            .Where(j => (j.Stage == ImportStage.Reading || j.Stage == ImportStage.Writing) && j.LeaseUntil < now)
            .OrderBy(j => j.CreatedAt).Take(10).ToListAsync(ct);
        var taken = 0;
        foreach (var job in stale.Where(j => !_running.ContainsKey(j.Id)))
        {
            var leaseUntil = time.GetUtcNow() + Lease;
            var observed = job.LeaseUntil;
            var claimed = await db.Set<ImportJobState>()
                .Where(j => j.Id == job.Id && (j.Stage == ImportStage.Reading || j.Stage == ImportStage.Writing) && j.LeaseUntil == observed)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.Owner, InstanceId).SetProperty(j => j.LeaseUntil, leaseUntil)
                    .SetProperty(j => j.Attempts, j => j.Attempts + 1).SetProperty(j => j.Stage, ImportStage.Reading).SetProperty(j => j.Written, 0), ct);
            if (claimed == 0)
            {
                continue; // Another instance took it.
            }
            logger.LogWarning("Import {ImportId} was left unfinished by {Owner}: taken again by {Instance} (attempt {Attempt})", job.Id, job.Owner, InstanceId, job.Attempts + 1);
            var run = new Run(job.Id, job.ProductId, job.IndicatorId, job.PersonId, job.PersonName);
            var indicator = await db.Indicators.AsNoTracking().FirstOrDefaultAsync(i => i.Id == job.IndicatorId, ct);
            if (indicator is null || job.Attempts + 1 > MaxAttempts)
            {
                await FailAsync(db, run, indicator is null
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

    /// <summary>Inserts the job's row, or takes a failed one again; otherwise returns the job as it stands.</summary>
    private async Task<(bool Claimed, ImportJob? Current)> ClaimNewAsync(CapDbContext db, Run run, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var jobs = db.Set<ImportJobState>();
        // Finished jobs are kept a day for their progress page, then cleared as new ones start.
        var old = now.AddDays(-1);
        await jobs.Where(j => j.FinishedAt != null && j.FinishedAt < old).ExecuteDeleteAsync(ct);
        var row = await jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == run.Id, ct);
        if (row is null)
        {
            jobs.Add(new ImportJobState
            {
                Id = run.Id, ProductId = run.ProductId, IndicatorId = run.IndicatorId, PersonId = run.PersonId, PersonName = run.PersonName,
                Stage = ImportStage.Reading, Owner = InstanceId, LeaseUntil = now + Lease, Attempts = 1, CreatedAt = now,
            });
            try
            {
                await db.SaveChangesAsync(ct);
                return (true, null);
            }
            catch (DbUpdateException)
            {
                // The same confirmation on another instance at the same moment: its job stands.
                db.ChangeTracker.Clear();
                row = await jobs.AsNoTracking().FirstAsync(j => j.Id == run.Id, ct);
                return (false, ImportJob.Of(row));
            }
        }
        if (row.Stage != ImportStage.Failed)
        {
            return (false, ImportJob.Of(row));
        }
        var leaseUntil = now + Lease;
        var retaken = await jobs.Where(j => j.Id == run.Id && j.Stage == ImportStage.Failed)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Stage, ImportStage.Reading).SetProperty(j => j.Owner, InstanceId).SetProperty(j => j.LeaseUntil, leaseUntil)
                .SetProperty(j => j.Attempts, 1).SetProperty(j => j.Written, 0).SetProperty(j => j.Total, 0).SetProperty(j => j.Error, (string?)null)
                .SetProperty(j => j.FinishedAt, (DateTimeOffset?)null).SetProperty(j => j.PersonId, run.PersonId).SetProperty(j => j.PersonName, run.PersonName), ct);
        if (retaken == 1)
        {
            return (true, null);
        }
        return (false, ImportJob.Of(await jobs.AsNoTracking().FirstAsync(j => j.Id == run.Id, ct)));
    }

    private void Launch(Run run, Indicator indicator, bool claimedInDatabase)
    {
        // Not tied to the request: it goes on after the answer, without the request's context.
        using (ExecutionContext.SuppressFlow())
        {
            _ = Task.Run(() => RunAsync(run, indicator, claimedInDatabase));
        }
    }

    private async Task RunAsync(Run run, Indicator indicator, bool claimedInDatabase)
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
                heartbeat = HeartbeatAsync(run, lost, stopHeartbeat.Token);
            }
            var pending = await db.PendingImports.AsNoTracking().FirstOrDefaultAsync(p => p.Id == run.Id, ct);
            if (pending is null)
            {
                await FailAsync(db, run, ExpiredMessage);
                return;
            }
            var today = time.ParisToday();
            var preview = MeasurementFileReader.Read(new MemoryStream(pending.Content), pending.FileName, today, ImportLimits.From(configuration));
            if (!preview.CanCommit)
            {
                await FailAsync(db, run, "Le fichier ne peut plus être importé tel quel (une date est peut-être devenue invalide) : envoyez-le de nouveau pour voir les lignes en cause.");
                return;
            }
            var rows = preview.Rows.Select(r => new MeasurementRow(r.Date, r.Value, r.Comment)).ToList();
            run.Report(0, rows.Count);
            if (!claimedInDatabase)
            {
                // SQLite: after the first report, so that the page shows the count while this waits for the writer.
                await UpsertLocalAsync(db, run, ct);
            }
            var outcome = await MeasurementWriter.UpsertAsync(db, indicator, rows, MeasurementSource.Import, run.PersonId, run.PersonName, time.GetUtcNow(), ct, run.Report);
            await db.PendingImports.Where(p => p.Id == run.Id).ExecuteDeleteAsync(CancellationToken.None);
            await stopHeartbeat.CancelAsync();
            await (heartbeat ?? Task.CompletedTask);
            var finishedAt = time.GetUtcNow();
            await db.Set<ImportJobState>().Where(j => j.Id == run.Id && j.Owner == InstanceId)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.Stage, ImportStage.Done).SetProperty(j => j.Written, rows.Count).SetProperty(j => j.Total, rows.Count)
                    .SetProperty(j => j.Added, outcome.Added).SetProperty(j => j.Updated, outcome.Updated)
                    .SetProperty(j => j.FinishedAt, finishedAt).SetProperty(j => j.Owner, (string?)null), CancellationToken.None);
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
            await FailAsync(scope.ServiceProvider.GetRequiredService<CapDbContext>(), run,
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
                _running.TryRemove(new KeyValuePair<Guid, Run>(run.Id, run));
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
                _running.TryRemove(new KeyValuePair<Guid, Run>(id, run));
            }
        }
    }

    /// <summary>SQLite: the row written by the run itself (the request does not wait for the database's one writer).</summary>
    private async Task UpsertLocalAsync(CapDbContext db, Run run, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var leaseUntil = now + Lease;
        var jobs = db.Set<ImportJobState>();
        var old = now.AddDays(-1);
        await jobs.Where(j => j.FinishedAt != null && j.FinishedAt < old).ExecuteDeleteAsync(ct);
        var updated = await jobs.Where(j => j.Id == run.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Stage, ImportStage.Reading).SetProperty(j => j.Owner, InstanceId).SetProperty(j => j.LeaseUntil, leaseUntil)
                .SetProperty(j => j.Attempts, j => j.Attempts + 1).SetProperty(j => j.Written, 0).SetProperty(j => j.Error, (string?)null)
                .SetProperty(j => j.FinishedAt, (DateTimeOffset?)null), ct);
        if (updated == 0)
        {
            jobs.Add(new ImportJobState
            {
                Id = run.Id, ProductId = run.ProductId, IndicatorId = run.IndicatorId, PersonId = run.PersonId, PersonName = run.PersonName,
                Stage = ImportStage.Reading, Owner = InstanceId, LeaseUntil = leaseUntil, Attempts = 1, CreatedAt = now,
            });
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>PostgreSQL: writes the progress and renews the lease; a renewal refused means another instance took the job, and this run stops.</summary>
    private async Task HeartbeatAsync(Run run, CancellationTokenSource lost, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(ProgressPeriod);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                var (stage, written, total) = run.Progress();
                var leaseUntil = time.GetUtcNow() + Lease;
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var db = scope.ServiceProvider.GetRequiredService<CapDbContext>();
                    var renewed = await db.Set<ImportJobState>().Where(j => j.Id == run.Id && j.Owner == InstanceId && (j.Stage == ImportStage.Reading || j.Stage == ImportStage.Writing))
                        .ExecuteUpdateAsync(s => s.SetProperty(j => j.Stage, stage).SetProperty(j => j.Written, written).SetProperty(j => j.Total, total).SetProperty(j => j.LeaseUntil, leaseUntil), stop);
                    if (renewed == 0)
                    {
                        logger.LogWarning("Import {ImportId}: its lease went to another instance, {Instance} stops it", run.Id, InstanceId);
                        await lost.CancelAsync();
                        return;
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The database briefly unreachable: the lease lasts a few periods more.
                    logger.LogWarning(e, "Import {ImportId}: progress not written", run.Id);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    private async Task FailAsync(CapDbContext db, Run run, string message)
    {
        var at = time.GetUtcNow();
        try
        {
            await db.Set<ImportJobState>().Where(j => j.Id == run.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.Stage, ImportStage.Failed).SetProperty(j => j.Error, message)
                    .SetProperty(j => j.FinishedAt, at).SetProperty(j => j.Owner, (string?)null), CancellationToken.None);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.LogError(e, "Import {ImportId}: its failure could not be recorded", run.Id);
        }
        run.Fail(message);
    }

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];

    /// <summary>A job running in this instance: its live progress and its end, for the confirmation's short wait.</summary>
    private sealed class Run(Guid id, int productId, int indicatorId, int personId, string personName)
    {
        private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly Lock _gate = new();
        private ImportStage _stage = ImportStage.Reading;
        private int _written;
        private int _total;
        private MeasurementWriter.Outcome? _outcome;
        private string? _error;

        public Guid Id { get; } = id;
        public int ProductId { get; } = productId;
        public int IndicatorId { get; } = indicatorId;
        public int PersonId { get; } = personId;
        public string PersonName { get; } = personName;
        public Task Completion => _completion.Task;
        public DateTimeOffset? FinishedAt { get; private set; }
        public bool Abandoned { get; private set; }

        public (ImportStage Stage, int Written, int Total) Progress()
        {
            lock (_gate)
            {
                return (_stage == ImportStage.Writing ? ImportStage.Writing : ImportStage.Reading, _written, _total);
            }
        }

        public ImportJob Snapshot()
        {
            lock (_gate)
            {
                return new ImportJob(Id, ProductId, IndicatorId, PersonId, _stage, _written, _total, _outcome?.Added ?? 0, _outcome?.Updated ?? 0, _error);
            }
        }

        public void Report(int written, int total)
        {
            lock (_gate)
            {
                _written = written;
                _total = total;
                _stage = ImportStage.Writing;
            }
        }

        public void Finish(MeasurementWriter.Outcome outcome)
        {
            lock (_gate)
            {
                _outcome = outcome;
                _written = _total;
                FinishedAt = DateTimeOffset.UtcNow;
                _stage = ImportStage.Done;
            }
            _completion.TrySetResult();
        }

        public void Fail(string message)
        {
            lock (_gate)
            {
                _error = message;
                _stage = ImportStage.Failed;
                FinishedAt = DateTimeOffset.UtcNow;
            }
            _completion.TrySetResult();
        }

        /// <summary>Stopped before its end: the row says what happens next.</summary>
        public void Abandon()
        {
            Abandoned = true;
            _completion.TrySetResult();
        }
    }
}
