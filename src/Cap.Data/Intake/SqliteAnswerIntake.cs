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
    private readonly Func<SQLitePCL.sqlite3_stmt, int, FeedbackAnswer, int>[] _binders;

    internal SqliteAnswerIntake(IServiceScopeFactory scopes, SatisfactionChanges changes, IntakeOptions options, EntityColumns<FeedbackAnswer> columns, ILogger logger)
        : base(scopes, changes, options, columns, logger)
    {
        _cacheMebibytes = options.SqliteWriterCacheMebibytes;
        _binders = [.. Enumerable.Range(0, columns.Count).Select(i => Binder(columns, i))];
    }

    protected override async Task OpenedAsync(CapDbContext db)
    {
        // The log's checkpoints run beside the writer, not inside its commits. (Like every connection of the application,
        // this one has a busy timeout: SqliteBusyTimeout.)
        await db.Database.ExecuteSqlRawAsync("PRAGMA wal_autocheckpoint=0;");
        // A multi-row insert keeps a statement journal (the pages it changes, to undo the statement alone); past 64 KiB
        // SQLite spills it to a temporary file, opened, written and deleted within the batch. In memory it costs no I/O.
        await db.Database.ExecuteSqlRawAsync("PRAGMA temp_store=MEMORY;");
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
                    Check(_binders[column](statement, row * columns + column + 1, answer));
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

    /// <summary>
    /// Binds column <paramref name="i"/> of an answer the way Microsoft.Data.Sqlite would store it (integers, text, a day as
    /// <c>yyyy-MM-dd</c>), its value read by a compiled reader: no boxing, no type test per value.
    /// </summary>
    private static Func<SQLitePCL.sqlite3_stmt, int, FeedbackAnswer, int> Binder(EntityColumns<FeedbackAnswer> columns, int i)
    {
        var type = Nullable.GetUnderlyingType(columns.ProviderType(i)) ?? columns.ProviderType(i);
        if (type == typeof(string))
        {
            var read = columns.Reader<string?>(i);
            return (statement, index, answer) => read(answer) is { } text
                ? SQLitePCL.raw.sqlite3_bind_text(statement, index, text)
                : SQLitePCL.raw.sqlite3_bind_null(statement, index);
        }
        if (type == typeof(long) || type == typeof(int))
        {
            // An int column read as a long: the reader's conversion widens it.
            var read = columns.Reader<long?>(i);
            return (statement, index, answer) => read(answer) is { } number
                ? SQLitePCL.raw.sqlite3_bind_int64(statement, index, number)
                : SQLitePCL.raw.sqlite3_bind_null(statement, index);
        }
        if (type == typeof(bool))
        {
            var read = columns.Reader<bool?>(i);
            return (statement, index, answer) => read(answer) is { } flag
                ? SQLitePCL.raw.sqlite3_bind_int64(statement, index, flag ? 1 : 0)
                : SQLitePCL.raw.sqlite3_bind_null(statement, index);
        }
        if (type == typeof(DateOnly))
        {
            var read = columns.Reader<DateOnly?>(i);
            return (statement, index, answer) => read(answer) is { } day
                ? BindDay(statement, index, day)
                : SQLitePCL.raw.sqlite3_bind_null(statement, index);
        }
        throw new NotSupportedException($"Colonne {columns.Name(i)} : type {type.Name} non prévu pour l’écriture des réponses.");
    }

    private static int BindDay(SQLitePCL.sqlite3_stmt statement, int index, DateOnly day)
    {
        Span<byte> text = stackalloc byte[10];
        day.TryFormat(text, out var length, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return SQLitePCL.raw.sqlite3_bind_text(statement, index, text[..length]);
    }

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
