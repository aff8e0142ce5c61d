using System.Collections.Concurrent;
using Cap.Data;
using Cap.Domain.Steering;
using Cap.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Indicators.Import;

public enum ImportStage
{
    /// <summary>Reading the stored file again (the rows are not counted yet).</summary>
    Reading,
    Writing,
    Done,
    Failed,
}

/// <summary>One confirmed import running in the background, with its progress. Its id is the pending import's.</summary>
public sealed class ImportJob(Guid id, int productId, int indicatorId, int personId)
{
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile int _written;
    private volatile int _total;
    private volatile ImportStage _stage = ImportStage.Reading;

    public Guid Id { get; } = id;
    public int ProductId { get; } = productId;
    public int IndicatorId { get; } = indicatorId;
    public int PersonId { get; } = personId;
    public DateTimeOffset FinishedAt { get; private set; }

    public ImportStage Stage => _stage;
    public int Written => _written;
    public int Total => _total;
    public MeasurementWriter.Outcome? Outcome { get; private set; }
    /// <summary>The French message of a failure.</summary>
    public string? Error { get; private set; }
    public Task Completion => _completion.Task;

    /// <summary>0 to 100, or null while the file is read (an indeterminate bar).</summary>
    public int? Percent => _stage switch
    {
        ImportStage.Reading => null,
        ImportStage.Writing => _total == 0 ? 100 : (int)(100L * _written / _total),
        _ => 100,
    };

    public string SuccessMessage => Outcome is { } o
        ? $"Import terminé : {o.Added} mesure(s) ajoutée(s), {o.Updated} mise(s) à jour."
        : string.Empty;

    internal void Report(int written, int total)
    {
        _total = total;
        _written = written;
        _stage = ImportStage.Writing;
    }

    internal void Finish(MeasurementWriter.Outcome outcome, DateTimeOffset at)
    {
        Outcome = outcome;
        FinishedAt = at;
        _stage = ImportStage.Done;
        _completion.TrySetResult();
    }

    internal void Fail(string message, DateTimeOffset at)
    {
        Error = message;
        FinishedAt = at;
        _stage = ImportStage.Failed;
        _completion.TrySetResult();
    }
}

/// <summary>
/// Runs confirmed imports in the background so a long one shows a progress bar instead of a stalled page.
/// The job writes all or nothing (one transaction, see <see cref="MeasurementWriter"/>); the pending import
/// is removed only once committed, so an import cut short by a restart can be confirmed again. Progress lives
/// in this instance's memory: behind a load balancer, the progress page needs session affinity.
/// </summary>
public sealed class ImportJobs(IServiceScopeFactory scopes, TimeProvider time, IHostApplicationLifetime lifetime, ILogger<ImportJobs> logger)
{
    private readonly ConcurrentDictionary<Guid, ImportJob> _jobs = new();

    /// <summary>How long the confirmation waits for a job before showing the progress page: short imports just finish.</summary>
    public TimeSpan InlineWait { get; set; } = TimeSpan.FromSeconds(1.5);

    public ImportJob? Find(Guid id) => _jobs.TryGetValue(id, out var job) ? job : null;

    /// <summary>Starts the import of a pending file, or returns the job already running for it (a second click).</summary>
    public ImportJob Start(PendingImport pending, Indicator indicator, int personId, string personName)
    {
        Forget(time.GetUtcNow().AddHours(-1));
        var created = new ImportJob(pending.Id, indicator.ProductId, indicator.Id, personId);
        // A failed job may be confirmed again; a running or finished one is returned as is.
        var job = _jobs.AddOrUpdate(pending.Id, _ => created, (_, existing) => existing.Stage == ImportStage.Failed ? created : existing);
        if (!ReferenceEquals(job, created))
        {
            return job;
        }
        // Not tied to the request: it goes on after the answer, without the request's context.
        using (ExecutionContext.SuppressFlow())
        {
            _ = Task.Run(() => RunAsync(created, indicator, personName));
        }
        return created;
    }

    private async Task RunAsync(ImportJob job, Indicator indicator, string personName)
    {
        var ct = lifetime.ApplicationStopping;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CapDbContext>();
            var pending = await db.PendingImports.AsNoTracking().FirstOrDefaultAsync(p => p.Id == job.Id, ct);
            if (pending is null)
            {
                job.Fail("Cet aperçu a expiré ou a déjà été importé : envoyez le fichier de nouveau.", time.GetUtcNow());
                return;
            }
            var today = DateOnly.FromDateTime(Dates.ToParis(time.GetUtcNow()).DateTime);
            var preview = MeasurementFileReader.Read(new MemoryStream(pending.Content), pending.FileName, today);
            if (!preview.CanCommit)
            {
                job.Fail("Le fichier ne peut plus être importé tel quel (une date est peut-être devenue invalide) : envoyez-le de nouveau pour voir les lignes en cause.", time.GetUtcNow());
                return;
            }
            var rows = preview.Rows.Select(r => new MeasurementRow(r.Date, r.Value, r.Comment)).ToList();
            job.Report(0, rows.Count);
            var outcome = await MeasurementWriter.UpsertAsync(db, indicator, rows, MeasurementSource.Import, job.PersonId, personName, time.GetUtcNow(), ct, job.Report);
            await db.PendingImports.Where(p => p.Id == job.Id).ExecuteDeleteAsync(CancellationToken.None);
            job.Finish(outcome, time.GetUtcNow());
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.LogError(e, "Import {ImportId} of indicator {IndicatorId} failed", job.Id, job.IndicatorId);
            job.Fail("L’import a échoué et rien n’a été enregistré : confirmez-le de nouveau, ou envoyez le fichier de nouveau.", time.GetUtcNow());
        }
    }

    /// <summary>Drops finished jobs nobody looked at for an hour.</summary>
    private void Forget(DateTimeOffset before)
    {
        foreach (var (id, job) in _jobs)
        {
            if (job.Stage is ImportStage.Done or ImportStage.Failed && job.FinishedAt < before)
            {
                _jobs.TryRemove(id, out _);
            }
        }
    }
}
