using System.Data.Common;
using System.Globalization;
using System.Numerics;
using System.Threading.Channels;
using Cap.Data;
using Cap.Domain.Satisfaction;
using Microsoft.Data.Sqlite;
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
    private readonly bool _isSqlite;
    private readonly SatisfactionChanges _changes;

    /// <summary>The insert, read from the EF model once.</summary>
    private InsertShape Shape { get; }

    public AnswerBatcher(IServiceScopeFactory scopes, SatisfactionChanges changes, IOptions<SatisfactionOptions> options, ILogger<AnswerBatcher> logger)
    {
        _scopes = scopes;
        _changes = changes;
        _logger = logger;
        var settings = options.Value;
        _batchSize = Math.Max(1, settings.IntakeBatchSize);
        _linger = TimeSpan.FromMilliseconds(Math.Max(0, settings.IntakeBatchLingerMilliseconds));
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CapDbContext>();
            Shape = InsertShape.Of(db);
            _isSqlite = db.IsSqlite;
        }
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
        // Completed by one work item per batch slice (Complete), which resumes the waiting requests inline.
        var pending = new Pending(answer, new TaskCompletionSource<StoreOutcome>());
        stored = pending.Done.Task;
        return _queue.Writer.TryWrite(pending);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Refuse new answers, then let the loop write what is queued (bounded by the host's shutdown timeout).
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    /// <summary>
    /// The loop runs on a thread of its own: SQLite's calls are synchronous (its "async" methods block until done,
    /// the commit's fsync included), so on the thread pool the writer would hold one of its few threads (two on a
    /// two-core machine) for every batch and starve the requests it is meant to serve.
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
        var reader = _queue.Reader;
        var batch = new List<Pending>(_batchSize);
        // Not bound to a stopping token: the loop ends when the queue is completed and empty, so a shutdown drains it.
        // WaitToReadAsync completes at once while answers are queued; only an empty queue blocks this thread.
        while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            Drain(reader, batch);
            if (batch.Count < _batchSize && _linger > TimeSpan.Zero && !reader.Completion.IsCompleted)
            {
                Thread.Sleep(_linger);
                Drain(reader, batch);
            }
            // On SQLite every step completes synchronously on this thread; on PostgreSQL this thread waits for the I/O.
            WriteAsync(batch).GetAwaiter().GetResult();
            batch.Clear();
        }
        ResetAsync().GetAwaiter().GetResult();
        _checkpointer?.Dispose();
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
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            await InsertAsync(batch, outcomes, () => committing = true);
            var took = System.Diagnostics.Stopwatch.GetElapsedTime(started);
            if (took > SlowBatch)
            {
                // Every answer of the batch waited this long for its acknowledgement: worth knowing in production.
                _logger.LogWarning("Lot de {Count} réponses écrit en {Milliseconds} ms.", batch.Count, (int)took.TotalMilliseconds);
            }
            var product = -1;
            for (var i = 0; i < batch.Count; i++)
            {
                // Batches mostly hold one product's answers: mark each product once per run of its answers.
                if (outcomes[i] == StoreOutcome.Stored && batch[i].Answer.ProductId != product)
                {
                    product = batch[i].Answer.ProductId;
                    _changes.Stored(product);
                }
            }
            Complete([.. batch], outcomes, null);
        }
        catch (ResentAnswerInBatchException)
        {
            foreach (var pending in batch)
            {
                await WriteAsync([pending]);
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
            Complete([.. batch], null, e);
        }
    }

    /// <summary>
    /// Resumes the requests of a written batch on thread-pool work items, so the writer goes on to the next batch at
    /// once. One work item per slice of at least <see cref="CompletionSlice"/> requests: a hand-off between threads per
    /// slice instead of per request, and a large batch (many connections) shared by the cores instead of one.
    /// </summary>
    private static void Complete(Pending[] batch, StoreOutcome[]? outcomes, Exception? failure)
    {
        var slice = Math.Max(CompletionSlice, (batch.Length + Environment.ProcessorCount - 1) / Environment.ProcessorCount);
        for (var start = 0; start < batch.Length; start += slice)
        {
            // Continuations run inline in the work item (the completion sources are not asynchronous): each request
            // resumes, writes its response and returns to this loop.
            ThreadPool.UnsafeQueueUserWorkItem(static state =>
            {
                var (batch, outcomes, failure, start, end) = state;
                for (var i = start; i < end; i++)
                {
                    if (failure is null)
                    {
                        batch[i].Done.TrySetResult(outcomes![i]);
                    }
                    else
                    {
                        batch[i].Done.TrySetException(new AnswerNotStoredException(failure));
                    }
                }
            }, (batch, outcomes, failure, start, Math.Min(batch.Length, start + slice)), preferLocal: false);
        }
    }

    /// <summary>A batch slower than this to write and commit is logged as a warning.</summary>
    private static readonly TimeSpan SlowBatch = TimeSpan.FromMilliseconds(100);

    /// <summary>The fewest requests resumed by one work item.</summary>
    private const int CompletionSlice = 16;

    // The writer's own context and connection, kept open between batches (and, on SQLite, its prepared statement);
    // thrown away after any failure so that the next batch starts on a fresh connection.
    private AsyncServiceScope? _scope;
    private CapDbContext? _db;
    private SqliteRowsInsert? _sqliteInsert;
    private SatisfactionRollups.Upsert? _rollups;
    private WalCheckpointer? _checkpointer;
    private int _batchesSinceLogCheck;

    private async Task<CapDbContext> ContextAsync()
    {
        if (_db is null)
        {
            _scope = _scopes.CreateAsyncScope();
            _db = _scope.Value.ServiceProvider.GetRequiredService<CapDbContext>();
            await _db.Database.OpenConnectionAsync();
            if (_isSqlite)
            {
                // The log's checkpoints run beside the writer (WalCheckpointer), not inside its commits. (Like every
                // connection of the application, this one has a busy timeout: SqliteBusyTimeout.)
                await _db.Database.ExecuteSqlRawAsync("PRAGMA wal_autocheckpoint=0;");
                _checkpointer ??= new WalCheckpointer(_db.Database.GetConnectionString()!, _logger);
            }
            _rollups = new SatisfactionRollups.Upsert(_db);
        }
        return _db;
    }

    private async Task ResetAsync()
    {
        try
        {
            // The statement is finalised before its connection goes back to the pool.
            _sqliteInsert?.Dispose();
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
            _logger.LogWarning(e, "Fermeture de la connexion d’écriture des réponses.");
        }
        _sqliteInsert = null;
        _rollups = null;
        _db = null;
        _scope = null;
    }

    private async Task InsertAsync(List<Pending> batch, StoreOutcome[] outcomes, Action committing)
    {
        var db = await ContextAsync();
        var shape = Shape;
        var connection = db.Database.GetDbConnection();
        if (_checkpointer is not null && (_checkpointer.TakeFinishRequest() || LogTooLong(_checkpointer)))
        {
            // Copies the few pages the checkpointer has not (or, as a safeguard, the whole log): the log restarts next.
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
            await checkpoint.ExecuteNonQueryAsync();
        }
        await using var transaction = await connection.BeginTransactionAsync();
        if (!_isSqlite)
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
            // SQLite: multi-row inserts prepared once (SqliteRowsInsert). Usually every answer is new and the count of
            // inserted rows says so; otherwise each answer is written alone.
            _sqliteInsert ??= new SqliteRowsInsert((SqliteConnection)connection, shape);
            var inserted = _sqliteInsert.Insert(batch);
            if (inserted == batch.Count)
            {
                Array.Fill(outcomes, StoreOutcome.Stored);
            }
            else if (batch.Count == 1)
            {
                outcomes[0] = StoreOutcome.AlreadyStored;
            }
            else
            {
                // A resent answer (a client key already stored): rolled back, then written answer by answer to tell which.
                throw new ResentAnswerInBatchException();
            }
        }
        // The statistics' daily rollups grow by the answers this batch actually stored, in the same transaction.
        await _rollups!.AddAsync(transaction, FeedbackDailyRollup.Of(batch.Where((_, i) => outcomes[i] == StoreOutcome.Stored).Select(p => p.Answer)), CancellationToken.None);
        committing();
        await transaction.CommitAsync();
    }

    /// <summary>Every 256 batches, whether the log has outgrown its limit (the checkpointer fell behind).</summary>
    private bool LogTooLong(WalCheckpointer checkpointer)
    {
        if (++_batchesSinceLogCheck < 256)
        {
            return false;
        }
        _batchesSinceLogCheck = 0;
        var log = new FileInfo(checkpointer.LogPath);
        return log.Exists && log.Length > WalCheckpointer.LogLimitBytes;
    }

    private sealed record Pending(FeedbackAnswer Answer, TaskCompletionSource<StoreOutcome> Done);

    /// <summary>
    /// SQLite: the batch in a few multi-row inserts (<c>INSERT … VALUES (…), (…), … ON CONFLICT DO NOTHING</c>) of 64,
    /// 32, …, 1 rows, each prepared once on the writer's open connection as a statement of SQLite's own (SQLitePCLRaw,
    /// the library under Microsoft.Data.Sqlite) and stepped within the batch's transaction. An answer costs its
    /// bindings: no command object, reader or parameter conversion per row, no JSON to write or parse, and a statement's
    /// fixed work (its cursors, the <c>AUTOINCREMENT</c> counter) is shared by up to 64 rows.
    /// </summary>
    private sealed class SqliteRowsInsert : IDisposable
    {
        /// <summary>The most rows in one statement (64 × the columns stays far below SQLite's parameter limit).</summary>
        private const int MaxRows = 64;

        private readonly SQLitePCL.sqlite3 _db;
        private readonly InsertShape _shape;
        private readonly SQLitePCL.sqlite3_stmt?[] _statements = new SQLitePCL.sqlite3_stmt?[MaxRows + 1];

        public SqliteRowsInsert(SqliteConnection connection, InsertShape shape)
        {
            _db = connection.Handle ?? throw new InvalidOperationException("La connexion d’écriture des réponses n’est pas ouverte.");
            _shape = shape;
        }

        /// <summary>Inserts the answers' rows; returns how many went in (a client key already stored is skipped).</summary>
        public int Insert(List<Pending> batch)
        {
            var inserted = 0;
            for (var start = 0; start < batch.Count;)
            {
                // The largest power of two that fits what is left: statements of 64 rows, then at most six smaller ones.
                var rows = Math.Min(MaxRows, (int)BitOperations.RoundUpToPowerOf2((uint)(batch.Count - start + 1)) / 2);
                inserted += Step(Statement(rows), batch, start, rows);
                start += rows;
            }
            return inserted;
        }

        private SQLitePCL.sqlite3_stmt Statement(int rows)
        {
            if (_statements[rows] is { } prepared)
            {
                return prepared;
            }
            Check(SQLitePCL.raw.sqlite3_prepare_v2(_db, _shape.SqliteRowsSql(rows), out var statement));
            return _statements[rows] = statement;
        }

        private int Step(SQLitePCL.sqlite3_stmt statement, List<Pending> batch, int start, int rows)
        {
            try
            {
                var columns = _shape.ColumnCount;
                for (var row = 0; row < rows; row++)
                {
                    var answer = batch[start + row].Answer;
                    for (var column = 0; column < columns; column++)
                    {
                        Check(Bind(statement, row * columns + column + 1, _shape.Value(column, answer)));
                    }
                }
                var done = SQLitePCL.raw.sqlite3_step(statement);
                if (done != SQLitePCL.raw.SQLITE_DONE)
                {
                    // The error and its message, as Microsoft.Data.Sqlite reports them.
                    SqliteException.ThrowExceptionForRC(done, _db);
                }
                return SQLitePCL.raw.sqlite3_changes(_db);
            }
            finally
            {
                SQLitePCL.raw.sqlite3_reset(statement);
            }
        }

        /// <summary>Binds a provider value the way Microsoft.Data.Sqlite would store it.</summary>
        private static int Bind(SQLitePCL.sqlite3_stmt statement, int index, object value) => value switch
        {
            DBNull => SQLitePCL.raw.sqlite3_bind_null(statement, index),
            string text => SQLitePCL.raw.sqlite3_bind_text(statement, index, text),
            int number => SQLitePCL.raw.sqlite3_bind_int64(statement, index, number),
            long number => SQLitePCL.raw.sqlite3_bind_int64(statement, index, number),
            bool flag => SQLitePCL.raw.sqlite3_bind_int64(statement, index, flag ? 1 : 0),
            DateOnly day => SQLitePCL.raw.sqlite3_bind_text(statement, index, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            _ => throw new NotSupportedException($"Paramètre {index} : type {value.GetType().Name} non prévu pour l’écriture des réponses."),
        };

        private void Check(int code)
        {
            if (code != SQLitePCL.raw.SQLITE_OK)
            {
                SqliteException.ThrowExceptionForRC(code, _db);
            }
        }

        public void Dispose()
        {
            foreach (var statement in _statements)
            {
                statement?.Dispose();
            }
        }
    }

    /// <summary>The insert statement and its columns, read once from the EF model so both providers store what EF reads.</summary>
    private sealed class InsertShape
    {
        private readonly (IProperty Property, RelationalTypeMapping Mapping)[] _columns;
        private readonly string _insertInto;

        private InsertShape(string insertInto, (IProperty, RelationalTypeMapping)[] columns)
        {
            _insertInto = insertInto;
            _columns = columns;
            Sql = $"{insertInto}({string.Join(", ", columns.Select((_, i) => "@p" + i))}) ON CONFLICT DO NOTHING";
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
            return new InsertShape($"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({names}) VALUES ", columns);
        }

        /// <summary>
        /// SQLite: the insert of <paramref name="rows"/> rows, its parameters numbered in order (row by row, column by
        /// column, from 1); a row whose client key is already stored is skipped.
        /// </summary>
        public string SqliteRowsSql(int rows)
        {
            var row = "(" + string.Join(", ", Enumerable.Repeat("?", _columns.Length)) + ")";
            return _insertInto + string.Join(", ", Enumerable.Repeat(row, rows)) + " ON CONFLICT DO NOTHING";
        }

        /// <summary>The number of columns of a row.</summary>
        public int ColumnCount => _columns.Length;

        public void Bind(DbParameterCollection parameters, Func<DbParameter> create, FeedbackAnswer answer)
        {
            for (var i = 0; i < _columns.Length; i++)
            {
                var parameter = create();
                parameter.ParameterName = "@p" + i;
                if (_columns[i].Mapping.DbType is { } dbType)
                {
                    parameter.DbType = dbType;
                }
                parameter.Value = Value(i, answer);
                parameters.Add(parameter);
            }
        }

        /// <summary>The value EF would store in column <paramref name="i"/> (its converter applied), or DBNull.</summary>
        public object Value(int i, FeedbackAnswer answer)
        {
            var (property, mapping) = _columns[i];
            var value = property.GetGetter().GetClrValue(answer);
            if (value is not null && mapping.Converter is { } converter)
            {
                value = converter.ConvertToProvider(value);
            }
            return value ?? DBNull.Value;
        }
    }
}

/// <summary>A batch held a resent answer: nothing of it was kept, and its answers are written one by one.</summary>
internal sealed class ResentAnswerInBatchException : Exception;

/// <summary>The batch holding an answer could not be committed: the request is told so, nothing is acknowledged.</summary>
public sealed class AnswerNotStoredException(Exception inner) : Exception("La réponse n’a pas pu être enregistrée.", inner);
