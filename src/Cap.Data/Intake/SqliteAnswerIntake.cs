using System.Data.Common;
using System.Globalization;
using System.Numerics;
using Cap.Domain.Satisfaction;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cap.Data.Intake;

/// <summary>
/// SQLite: a batch in a few multi-row inserts (<c>INSERT … VALUES (…), (…), … ON CONFLICT DO NOTHING RETURNING …</c>) of
/// 64, 32, …, 1 rows, each prepared once on the writer's open connection as a statement of SQLite's own (SQLitePCLRaw,
/// the library under Microsoft.Data.Sqlite) and stepped within the batch's transaction. An answer costs its bindings and
/// its returned row: no command object, reader or parameter conversion per row, and a statement's fixed work is shared by
/// up to 64 rows. A resent client key is simply not returned (SQLite ≥ 3.35). The log's checkpoints run beside the
/// writer (<see cref="WalCheckpointer"/>), not inside its commits.
/// </summary>
public sealed class SqliteAnswerIntake : AnswerIntake
{
    /// <summary>The most rows in one statement (64 × the columns stays far below SQLite's parameter limit).</summary>
    private const int MaxRows = 64;

    private readonly SQLitePCL.sqlite3_stmt?[] _statements = new SQLitePCL.sqlite3_stmt?[MaxRows + 1];
    private SQLitePCL.sqlite3? _handle;
    private WalCheckpointer? _checkpointer;
    private int _batchesSinceLogCheck;
    private readonly int _cacheMebibytes;

    internal SqliteAnswerIntake(IServiceScopeFactory scopes, SatisfactionChanges changes, IntakeOptions options, EntityColumns<FeedbackAnswer> columns, ILogger logger)
        : base(scopes, changes, options, columns, logger)
    {
        _cacheMebibytes = options.SqliteWriterCacheMebibytes;
    }

    protected override async Task OpenedAsync(CapDbContext db)
    {
        // The log's checkpoints run beside the writer, not inside its commits. (Like every connection of the application,
        // this one has a busy timeout: SqliteBusyTimeout.)
        await db.Database.ExecuteSqlRawAsync("PRAGMA wal_autocheckpoint=0;");
        // A larger page cache for this connection only (IntakeOptions.SqliteWriterCacheMebibytes; negative: in KiB).
        await using (var cache = db.Database.GetDbConnection().CreateCommand())
        {
            cache.CommandText = "PRAGMA cache_size=-" + (Math.Max(2, _cacheMebibytes) * 1024).ToString(CultureInfo.InvariantCulture);
            await cache.ExecuteNonQueryAsync();
        }
        _checkpointer ??= new WalCheckpointer(db.Database.GetConnectionString()!, Logger);
    }

    protected override async Task BeforeBatchAsync(DbConnection connection)
    {
        if (_checkpointer is not null && (_checkpointer.TakeFinishRequest() || LogTooLong(_checkpointer)))
        {
            // Copies the few pages the checkpointer has not (or, as a safeguard, the whole log): the log restarts next.
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
            await checkpoint.ExecuteNonQueryAsync();
        }
    }

    protected override Task InsertRowsAsync(DbConnection connection, DbTransaction transaction, List<FeedbackAnswer> answers, InsertedRows inserted)
    {
        _handle ??= ((SqliteConnection)connection).Handle ?? throw new InvalidOperationException("La connexion d’écriture des réponses n’est pas ouverte.");
        for (var start = 0; start < answers.Count;)
        {
            // The largest power of two that fits what is left: statements of 64 rows, then at most six smaller ones.
            var rows = Math.Min(MaxRows, (int)BitOperations.RoundUpToPowerOf2((uint)(answers.Count - start + 1)) / 2);
            Step(Statement(rows), answers, start, rows, inserted);
            start += rows;
        }
        return Task.CompletedTask;
    }

    private SQLitePCL.sqlite3_stmt Statement(int rows)
    {
        if (_statements[rows] is { } prepared)
        {
            return prepared;
        }
        var row = Columns.Row(_ => "?");
        var sql = $"{Columns.InsertInto} VALUES {string.Join(", ", Enumerable.Repeat(row, rows))} ON CONFLICT DO NOTHING{Returning}";
        Check(SQLitePCL.raw.sqlite3_prepare_v2(_handle, sql, out var statement));
        return _statements[rows] = statement;
    }

    private void Step(SQLitePCL.sqlite3_stmt statement, List<FeedbackAnswer> answers, int start, int rows, InsertedRows inserted)
    {
        try
        {
            var columns = Columns.Count;
            for (var row = 0; row < rows; row++)
            {
                var answer = answers[start + row];
                for (var column = 0; column < columns; column++)
                {
                    Check(Bind(statement, row * columns + column + 1, Columns.Value(column, answer)));
                }
            }
            int step;
            while ((step = SQLitePCL.raw.sqlite3_step(statement)) == SQLitePCL.raw.SQLITE_ROW)
            {
                // One row per answer inserted: (placement, client key); a resent key returns none.
                var key = SQLitePCL.raw.sqlite3_column_type(statement, 1) == SQLitePCL.raw.SQLITE_NULL
                    ? null
                    : SQLitePCL.raw.sqlite3_column_text(statement, 1).utf8_to_string();
                inserted.Add(SQLitePCL.raw.sqlite3_column_int(statement, 0), key);
            }
            if (step != SQLitePCL.raw.SQLITE_DONE)
            {
                // The error and its message, as Microsoft.Data.Sqlite reports them.
                SqliteException.ThrowExceptionForRC(step, _handle!);
            }
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
            SqliteException.ThrowExceptionForRC(code, _handle!);
        }
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

    protected override void Reset()
    {
        for (var i = 0; i < _statements.Length; i++)
        {
            _statements[i]?.Dispose();
            _statements[i] = null;
        }
        _handle = null;
    }

    protected override void Stopped() => _checkpointer?.Dispose();
}
