using Cap.Data;
using Cap.Data.Coordination;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Indicators.Import;

/// <summary>
/// The rows of <c>ImportJobs</c> as this instance holds them: a job claimed (inserted, or a failed one taken again), its
/// lease renewed with its progress, a stale one taken over by recovery, its end or its failure written. A lease is only
/// ever taken by a conditional update that one instance wins.
/// </summary>
public sealed class ImportJobLeases(IServiceScopeFactory scopes, TimeProvider time, IConfiguration configuration, ILogger<ImportJobLeases> logger)
{
    /// <summary>This instance, as the owner of its leases.</summary>
    public string InstanceId { get; } = $"{Truncate(Environment.MachineName, 60)}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>How long a lease holds without being renewed.</summary>
    public TimeSpan Lease => TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Import:LeaseSeconds", 60.0)));

    /// <summary>How often a running job writes its progress and renews its lease (PostgreSQL).</summary>
    public TimeSpan ProgressPeriod => TimeSpan.FromSeconds(Math.Clamp(configuration.GetValue("Import:ProgressSeconds", 1.0), 0.05, Lease.TotalSeconds / 3));

    /// <summary>Inserts the job's row, or takes a failed one again; otherwise returns the job as it stands.</summary>
    public async Task<(bool Claimed, ImportJob? Current)> ClaimNewAsync(CapDbContext db, ImportRun run, CancellationToken ct)
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

    /// <summary>Recovery: the unfinished jobs whose lease ran out, oldest first.</summary>
    public Task<List<ImportJobState>> StaleAsync(CapDbContext db, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        return db.Set<ImportJobState>().AsNoTracking()
            .Where(j => (j.Stage == ImportStage.Reading || j.Stage == ImportStage.Writing) && j.LeaseUntil < now)
            .OrderBy(j => j.CreatedAt).Take(10).ToListAsync(ct);
    }

    /// <summary>Recovery: takes a stale job when its lease is still the one read; only one instance wins it.</summary>
    public async Task<bool> TryTakeStaleAsync(CapDbContext db, ImportJobState job, CancellationToken ct)
    {
        var leaseUntil = time.GetUtcNow() + Lease;
        var observed = job.LeaseUntil;
        var claimed = await db.Set<ImportJobState>()
            .Where(j => j.Id == job.Id && (j.Stage == ImportStage.Reading || j.Stage == ImportStage.Writing) && j.LeaseUntil == observed)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Owner, InstanceId).SetProperty(j => j.LeaseUntil, leaseUntil)
                .SetProperty(j => j.Attempts, j => j.Attempts + 1).SetProperty(j => j.Stage, ImportStage.Reading).SetProperty(j => j.Written, 0), ct);
        return claimed == 1;
    }

    /// <summary>SQLite: the row written by the run itself (the request does not wait for the database's one writer).</summary>
    public async Task UpsertLocalAsync(CapDbContext db, ImportRun run, CancellationToken ct)
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
    public async Task HeartbeatAsync(ImportRun run, CancellationTokenSource lost, CancellationToken stop)
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

    /// <summary>The run's end, written only while this instance still owns the job.</summary>
    public Task MarkDoneAsync(CapDbContext db, ImportRun run, int rows, MeasurementWriter.Outcome outcome)
    {
        var finishedAt = time.GetUtcNow();
        return db.Set<ImportJobState>().Where(j => j.Id == run.Id && j.Owner == InstanceId)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Stage, ImportStage.Done).SetProperty(j => j.Written, rows).SetProperty(j => j.Total, rows)
                .SetProperty(j => j.Added, outcome.Added).SetProperty(j => j.Updated, outcome.Updated)
                .SetProperty(j => j.FinishedAt, finishedAt).SetProperty(j => j.Owner, (string?)null), CancellationToken.None);
    }

    public async Task FailAsync(CapDbContext db, ImportRun run, string message)
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
}
