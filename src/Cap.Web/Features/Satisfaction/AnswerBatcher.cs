using System.Data.Common;
using System.Threading.Channels;
using Cap.Data;
using Cap.Domain.Satisfaction;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace Cap.Web.Features.Satisfaction;

/// <summary>
/// Group commit of the JSON intake: requests enqueue a validated answer and wait; one background loop takes what
/// has arrived (up to <see cref="SatisfactionOptions.IntakeBatchSize"/>, lingering
/// <see cref="SatisfactionOptions.IntakeBatchLingerMilliseconds"/> for more), inserts it in one transaction with
/// <c>INSERT … ON CONFLICT DO NOTHING</c> (a resent client key is "already stored", never a failure of the batch),
/// adds the answers' counts to the daily rollups of the statistics in the same transaction (<see cref="SatisfactionRollups"/>),
/// commits, and only then completes every waiting request. If the batch fails, every waiting request fails
/// (nothing is acknowledged). The queue is bounded: when it is full <see cref="TryEnqueue"/> refuses at once.
/// At shutdown the queue stops accepting and what it holds is written before the process ends.
/// </summary>
public sealed class AnswerBatcher : BackgroundService
{
    private readonly Channel<Pending> _queue;
    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger<AnswerBatcher> _logger;
    private readonly int _batchSize;
    private readonly TimeSpan _linger;
    private InsertShape? _shape;

    public AnswerBatcher(IServiceScopeFactory scopes, IOptions<SatisfactionOptions> options, ILogger<AnswerBatcher> logger)
    {
        _scopes = scopes;
        _logger = logger;
        var settings = options.Value;
        _batchSize = Math.Max(1, settings.IntakeBatchSize);
        _linger = TimeSpan.FromMilliseconds(Math.Max(0, settings.IntakeBatchLingerMilliseconds));
        _queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(Math.Max(1, settings.IntakeQueueCapacity))
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    /// <summary>Answers waiting for their transaction (for health and benchmarks).</summary>
    public int Waiting => _queue.Reader.Count;

    /// <summary>
    /// Queues an answer; <paramref name="stored"/> completes once it is committed (or already was, same client key),
    /// or faults if its batch could not be written. False when the queue is full or the application is stopping.
    /// </summary>
    public bool TryEnqueue(FeedbackAnswer answer, out Task<StoreOutcome> stored)
    {
        var pending = new Pending(answer, new TaskCompletionSource<StoreOutcome>(TaskCreationOptions.RunContinuationsAsynchronously));
        stored = pending.Done.Task;
        return _queue.Writer.TryWrite(pending);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Refuse new answers, then let the loop write what is queued (bounded by the host's shutdown timeout).
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var checkpointsStop = new CancellationTokenSource();
        var checkpoints = CheckpointLoopAsync(checkpointsStop.Token);
        var reader = _queue.Reader;
        var batch = new List<Pending>(_batchSize);
        // Not bound to stoppingToken: the loop ends when the queue is completed and empty, so a shutdown drains it.
        while (await reader.WaitToReadAsync(CancellationToken.None))
        {
            Drain(reader, batch);
            if (batch.Count < _batchSize && _linger > TimeSpan.Zero && !reader.Completion.IsCompleted)
            {
                await Task.Delay(_linger, CancellationToken.None);
                Drain(reader, batch);
            }
            await WriteAsync(batch);
            batch.Clear();
        }
        await ResetAsync();
        await checkpointsStop.CancelAsync();
        await checkpoints;
    }

    /// <summary>
    /// SQLite: the writer does not checkpoint the write-ahead log inside its commits (a checkpoint copies pages and
    /// syncs the database file, stalling every waiting answer); this loop runs a passive checkpoint once a second on
    /// a connection of its own instead, beside the writer. Durability is unchanged: a commit is in the log, synced.
    /// </summary>
    private async Task CheckpointLoopAsync(CancellationToken stop)
    {
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CapDbContext>();
            if (!db.IsSqlite)
            {
                return;
            }
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
            while (await timer.WaitForNextTickAsync(stop))
            {
                try
                {
                    await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(PASSIVE);", stop);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    _logger.LogWarning(e, "Point de contrôle du journal SQLite en échec ; nouvel essai dans une seconde.");
                }
            }
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
        catch (Exception e)
        {
            _logger.LogWarning(e, "Points de contrôle du journal SQLite arrêtés.");
        }
    }

    private void Drain(ChannelReader<Pending> reader, List<Pending> batch)
    {
        while (batch.Count < _batchSize && reader.TryRead(out var pending))
        {
            batch.Add(pending);
        }
    }

    private async Task WriteAsync(List<Pending> batch)
    {
        var outcomes = new StoreOutcome[batch.Count];
        var committing = false;
        try
        {
            await InsertAsync(batch, outcomes, () => committing = true);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Done.TrySetResult(outcomes[i]);
            }
        }
        catch (Exception e) when (!committing && batch.Count > 1)
        {
            await ResetAsync();
            // Failed before the commit, so nothing of it is stored: one answer the database refuses (say its placement
            // was deleted meanwhile) must not sink the others, so each is retried in a transaction of its own.
            _logger.LogWarning(e, "Lot de {Count} réponses refusé avant validation : nouvel essai réponse par réponse.", batch.Count);
            foreach (var pending in batch)
            {
                await WriteAsync([pending]);
            }
        }
        catch (Exception e)
        {
            await ResetAsync();
            _logger.LogError(e, "Lot de {Count} réponses non enregistré.", batch.Count);
            foreach (var pending in batch)
            {
                pending.Done.TrySetException(new AnswerNotStoredException(e));
            }
        }
    }

    // The writer's own context and connection, kept open between batches (and, on SQLite, its prepared statement);
    // thrown away after any failure so that the next batch starts on a fresh connection.
    private AsyncServiceScope? _scope;
    private CapDbContext? _db;
    private DbCommand? _command;

    private async Task<CapDbContext> ContextAsync()
    {
        if (_db is null)
        {
            _scope = _scopes.CreateAsyncScope();
            _db = _scope.Value.ServiceProvider.GetRequiredService<CapDbContext>();
            await _db.Database.OpenConnectionAsync();
            if (_db.IsSqlite)
            {
                // Checkpoints run beside the writer (CheckpointLoopAsync), not inside its commits.
                await _db.Database.ExecuteSqlRawAsync("PRAGMA wal_autocheckpoint=0;");
            }
        }
        return _db;
    }

    private async Task ResetAsync()
    {
        try
        {
            if (_command is not null)
            {
                await _command.DisposeAsync();
            }
            if (_scope is { } scope)
            {
                await scope.DisposeAsync();
            }
        }
        catch (Exception e)
        {
            _logger.LogWarning(e, "Fermeture de la connexion d’écriture des réponses.");
        }
        _command = null;
        _db = null;
        _scope = null;
    }

    private async Task InsertAsync(List<Pending> batch, StoreOutcome[] outcomes, Action committing)
    {
        var db = await ContextAsync();
        var shape = _shape ??= InsertShape.Of(db);
        var connection = db.Database.GetDbConnection();
        await using var transaction = await connection.BeginTransactionAsync();
        if (connection.CanCreateBatch)
        {
            // PostgreSQL: one round trip for the whole batch, each statement reporting whether it inserted.
            await using var dbBatch = connection.CreateBatch();
            dbBatch.Transaction = transaction;
            foreach (var pending in batch)
            {
                var command = dbBatch.CreateBatchCommand();
                command.CommandText = shape.Sql;
                shape.Bind(command.Parameters, () => command.CreateParameter(), pending.Answer);
                dbBatch.BatchCommands.Add(command);
            }
            await dbBatch.ExecuteNonQueryAsync();
            for (var i = 0; i < batch.Count; i++)
            {
                outcomes[i] = dbBatch.BatchCommands[i].RecordsAffected > 0 ? StoreOutcome.Stored : StoreOutcome.AlreadyStored;
            }
        }
        else
        {
            // SQLite: one prepared statement executed per answer, in the same transaction (no round trips in-process).
            if (_command is null)
            {
                _command = connection.CreateCommand();
                _command.CommandText = shape.Sql;
            }
            var command = _command;
            command.Transaction = transaction;
            for (var i = 0; i < batch.Count; i++)
            {
                command.Parameters.Clear();
                shape.Bind(command.Parameters, command.CreateParameter, batch[i].Answer);
                outcomes[i] = await command.ExecuteNonQueryAsync() > 0 ? StoreOutcome.Stored : StoreOutcome.AlreadyStored;
            }
        }
        // The statistics' daily rollups grow by the answers this batch actually stored, in the same transaction.
        await SatisfactionRollups.AddAsync(db, transaction, batch.Where((_, i) => outcomes[i] == StoreOutcome.Stored).Select(p => p.Answer), CancellationToken.None);
        committing();
        await transaction.CommitAsync();
    }

    private sealed record Pending(FeedbackAnswer Answer, TaskCompletionSource<StoreOutcome> Done);

    /// <summary>The insert statement and its columns, read once from the EF model so both providers store what EF reads.</summary>
    private sealed class InsertShape
    {
        private readonly (IProperty Property, RelationalTypeMapping Mapping)[] _columns;

        private InsertShape(string sql, (IProperty, RelationalTypeMapping)[] columns)
        {
            Sql = sql;
            _columns = columns;
        }

        public string Sql { get; }

        public static InsertShape Of(CapDbContext db)
        {
            var entity = db.Model.FindEntityType(typeof(FeedbackAnswer))!;
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var sql = db.GetService<ISqlGenerationHelper>();
            var columns = entity.GetProperties()
                .Where(p => p.ValueGenerated == ValueGenerated.Never)
                .Select(p => (p, (RelationalTypeMapping)p.GetTypeMapping()))
                .ToArray();
            var names = string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.p.GetColumnName(table)!)));
            var values = string.Join(", ", columns.Select((_, i) => "@p" + i));
            return new InsertShape(
                $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({names}) VALUES ({values}) ON CONFLICT DO NOTHING",
                columns);
        }

        public void Bind(DbParameterCollection parameters, Func<DbParameter> create, FeedbackAnswer answer)
        {
            for (var i = 0; i < _columns.Length; i++)
            {
                var (property, mapping) = _columns[i];
                var value = property.GetGetter().GetClrValue(answer);
                if (value is not null && mapping.Converter is { } converter)
                {
                    value = converter.ConvertToProvider(value);
                }
                var parameter = create();
                parameter.ParameterName = "@p" + i;
                if (mapping.DbType is { } dbType)
                {
                    parameter.DbType = dbType;
                }
                parameter.Value = value ?? DBNull.Value;
                parameters.Add(parameter);
            }
        }
    }
}

/// <summary>The batch holding an answer could not be committed: the request is told so, nothing is acknowledged.</summary>
public sealed class AnswerNotStoredException(Exception inner) : Exception("La réponse n’a pas pu être enregistrée.", inner);
