using System.Data.Common;
using System.Diagnostics;
using System.Threading.Channels;
using Cap.Data.Telemetry;
using Cap.Domain.Satisfaction;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cap.Data.Intake;

/// <summary>
/// The intake's group commit, common to both databases: callers queue a validated answer and wait; one writer loop takes
/// what has arrived (up to <see cref="IntakeOptions.BatchSize"/>, lingering <see cref="IntakeOptions.LingerMilliseconds"/>
/// for more), inserts it in one transaction with <c>INSERT … ON CONFLICT DO NOTHING RETURNING</c> — the rows the
/// database returns are the answers stored; the others had a client key already stored — adds the stored answers' counts
/// to the statistics' daily rollups in the same transaction (<see cref="SatisfactionRollups"/>), commits, and only then
/// completes the waiting callers. A resent answer never costs its batch anything. If a batch fails before its commit,
/// each of its answers is tried alone (one the database refuses must not sink the others); if it fails otherwise, every
/// waiting caller fails (nothing is acknowledged). The queue is bounded; at shutdown it stops accepting and what it holds
/// is written before the process ends. The database's own part (the insert) is <see cref="InsertRowsAsync"/>.
/// </summary>
public abstract class AnswerIntake : BackgroundService, IAnswerIntake
{
    /// <summary>A batch slower than this to write and commit is logged as a warning.</summary>
    private static readonly TimeSpan SlowBatch = TimeSpan.FromMilliseconds(100);

    private readonly IntakeQueue _queue;
    private readonly IServiceScopeFactory _scopes;
    private readonly SatisfactionChanges _changes;
    private readonly List<FeedbackAnswer> _answers = [];
    private readonly InsertedRows _inserted = new();

    // The writer's own context and connection, kept open between batches; thrown away after any failure so that the
    // next batch starts on a fresh connection.
    private AsyncServiceScope? _scope;
    private CapDbContext? _db;
    private SatisfactionRollups.Upsert? _rollups;
    private long _stored;
    private CapMetrics? _metrics;

    protected AnswerIntake(IServiceScopeFactory scopes, SatisfactionChanges changes, IntakeOptions options, EntityColumns<FeedbackAnswer> columns, ILogger logger)
    {
        _scopes = scopes;
        _changes = changes;
        Columns = columns;
        Logger = logger;
        _queue = new IntakeQueue(options);
    }

    /// <summary>The SQLite or PostgreSQL intake, as the application's <see cref="CapDbContext"/> is configured.</summary>
    public static AnswerIntake Create(IServiceScopeFactory scopes, SatisfactionChanges changes, IntakeOptions options, ILoggerFactory loggers, CapMetrics? metrics = null)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CapDbContext>();
        var columns = EntityColumns<FeedbackAnswer>.Of(db);
        var logger = loggers.CreateLogger<AnswerIntake>();
        AnswerIntake intake = db.IsSqlite
            ? new SqliteAnswerIntake(scopes, changes, options, columns, logger)
            : new PostgresAnswerIntake(scopes, changes, options, columns, logger);
        if (metrics is not null)
        {
            intake._metrics = metrics;
            metrics.ObserveIntakeQueue(() => intake.Waiting);
        }
        return intake;
    }

    /// <summary>The answers' columns, as the EF model maps them.</summary>
    protected EntityColumns<FeedbackAnswer> Columns { get; }

    protected ILogger Logger { get; }

    /// <summary><c> RETURNING "PlacementId", "ClientKey"</c>: what tells the answers stored from those already stored.</summary>
    protected string Returning => $" RETURNING {Columns.NameOf(nameof(FeedbackAnswer.PlacementId))}, {Columns.NameOf(nameof(FeedbackAnswer.ClientKey))}";

    public int Waiting => _queue.Waiting;

    /// <summary>Answers this intake has stored (committed, not already stored) since it started.</summary>
    public long Stored => Interlocked.Read(ref _stored);

    public bool TrySubmit(FeedbackAnswer answer, out Task<StoreOutcome> stored)
    {
        // Completed by one work item per batch slice (PendingAnswer.Complete), which resumes the waiting callers inline.
        var pending = new PendingAnswer(answer, new TaskCompletionSource<StoreOutcome>());
        stored = pending.Done.Task;
        return _queue.TryAdd(pending);
    }

    public async Task<StoreOutcome> SubmitAsync(FeedbackAnswer answer, CancellationToken ct)
    {
        var pending = new PendingAnswer(answer, new TaskCompletionSource<StoreOutcome>());
        try
        {
            await _queue.AddAsync(pending, ct);
        }
        catch (ChannelClosedException e)
        {
            throw new AnswerNotStoredException(e);
        }
        // Once queued, the answer is written whatever the caller does: its outcome is awaited to the end.
        return await pending.Done.Task;
    }

    /// <summary>
    /// Inserts <paramref name="answers"/> in <paramref name="transaction"/> with <c>ON CONFLICT DO NOTHING</c> and
    /// <see cref="Returning"/>, and reports each row the database returns to <paramref name="inserted"/>.
    /// </summary>
    protected abstract Task InsertRowsAsync(DbConnection connection, DbTransaction transaction, List<FeedbackAnswer> answers, InsertedRows inserted);

    /// <summary>Once the writer's connection is open (SQLite: its checkpoints are set up).</summary>
    protected virtual Task OpenedAsync(CapDbContext db) => Task.CompletedTask;

    /// <summary>Before each batch's transaction (SQLite: finishes a checkpoint when asked).</summary>
    protected virtual Task BeforeBatchAsync(DbConnection connection) => Task.CompletedTask;

    /// <summary>Before the writer's connection is thrown away: what was prepared on it is released.</summary>
    protected virtual void Reset()
    {
    }

    /// <summary>When the writer loop ends.</summary>
    protected virtual void Stopped()
    {
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Refuse new answers, then let the loop write what is queued (bounded by the host's shutdown timeout).
        _queue.Complete();
        await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _queue.Dispose();
        base.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// The loop runs on a thread of its own: SQLite's calls are synchronous (its "async" methods block until done, the
    /// commit's fsync included), so on the thread pool the writer would hold one of its few threads for every batch.
    /// </summary>
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                Run();
                finished.SetResult();
            }
            catch (Exception e)
            {
                finished.SetException(e);
            }
        })
        {
            Name = "Intake writer",
            IsBackground = true,
        };
        thread.Start();
        return finished.Task;
    }

    private void Run()
    {
        var batch = new List<PendingAnswer>(_queue.BatchSize);
        // Not bound to a stopping token: the loop ends when the queue is completed and empty, so a shutdown drains it.
        while (_queue.TakeBatch(batch))
        {
            // On SQLite every step completes synchronously on this thread; on PostgreSQL this thread waits for the I/O.
            WriteAsync(batch).GetAwaiter().GetResult();
            batch.Clear();
        }
        ResetAsync().GetAwaiter().GetResult();
        Stopped();
    }

    private async Task WriteAsync(List<PendingAnswer> batch)
    {
        var outcomes = new StoreOutcome[batch.Count];
        var committing = false;
        var started = Stopwatch.GetTimestamp();
        try
        {
            await InsertAsync(batch, outcomes, () => committing = true);
            var took = Stopwatch.GetElapsedTime(started);
            if (took > SlowBatch)
            {
                Logger.LogWarning("Lot de {Count} réponses écrit en {Milliseconds} ms.", batch.Count, (int)took.TotalMilliseconds);
            }
            var product = -1;
            var stored = 0;
            for (var i = 0; i < batch.Count; i++)
            {
                if (outcomes[i] != StoreOutcome.Stored)
                {
                    continue;
                }
                stored++;
                // Batches mostly hold one product's answers: mark each product once per run of its answers.
                if (batch[i].Answer.ProductId != product)
                {
                    product = batch[i].Answer.ProductId;
                    _changes.Stored(product);
                }
            }
            Interlocked.Add(ref _stored, stored);
            _metrics?.IntakeBatchDuration.Record(took.TotalMilliseconds);
            _metrics?.IntakeAnswersStored.Add(stored);
            PendingAnswer.Complete([.. batch], outcomes, null);
        }
        catch (Exception e) when (!committing && batch.Count > 1)
        {
            await ResetAsync();
            // Failed before the commit, so nothing of it is stored: one answer the database refuses (say its placement was
            // deleted meanwhile) must not sink the others, so each is tried in a transaction of its own.
            Logger.LogWarning(e, "Lot de {Count} réponses refusé avant validation : nouvel essai réponse par réponse.", batch.Count);
            foreach (var pending in batch)
            {
                await WriteAsync([pending]);
            }
        }
        catch (Exception e)
        {
            await ResetAsync();
            Logger.LogError(e, "Lot de {Count} réponses non enregistré.", batch.Count);
            _metrics?.IntakeBatchesFailed.Add(1);
            PendingAnswer.Complete([.. batch], null, e);
        }
    }

    private async Task InsertAsync(List<PendingAnswer> batch, StoreOutcome[] outcomes, Action committing)
    {
        var db = await ContextAsync();
        var connection = db.Database.GetDbConnection();
        await BeforeBatchAsync(connection);
        await using var transaction = await connection.BeginTransactionAsync();
        _answers.Clear();
        foreach (var pending in batch)
        {
            _answers.Add(pending.Answer);
        }
        _inserted.Clear();
        await InsertRowsAsync(connection, transaction, _answers, _inserted);
        _inserted.Settle(_answers, outcomes);
        // The statistics' daily rollups grow by the answers this batch actually stored, in the same transaction.
        await _rollups!.AddAsync(transaction, FeedbackDailyRollup.Of(_answers.Where((_, i) => outcomes[i] == StoreOutcome.Stored)), CancellationToken.None);
        committing();
        await transaction.CommitAsync();
    }

    private async Task<CapDbContext> ContextAsync()
    {
        if (_db is null)
        {
            _scope = _scopes.CreateAsyncScope();
            _db = _scope.Value.ServiceProvider.GetRequiredService<CapDbContext>();
            await _db.Database.OpenConnectionAsync();
            await OpenedAsync(_db);
            _rollups = new SatisfactionRollups.Upsert(_db);
        }
        return _db;
    }

    private async Task ResetAsync()
    {
        try
        {
            // Prepared statements are finalised before their connection goes back to the pool.
            Reset();
            if (_rollups is not null)
            {
                await _rollups.DisposeAsync();
            }
            if (_scope is { } scope)
            {
                await scope.DisposeAsync();
            }
        }
        catch (Exception e)
        {
            Logger.LogWarning(e, "Fermeture de la connexion d’écriture des réponses.");
        }
        _rollups = null;
        _db = null;
        _scope = null;
    }
}
