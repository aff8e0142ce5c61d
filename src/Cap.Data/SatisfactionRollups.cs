using System.Data.Common;
using Cap.Domain.Satisfaction;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Cap.Data;

/// <summary>
/// Keeps <see cref="FeedbackDailyRollup"/> current: every writer of answers adds their increments, in the transaction
/// that inserts them, by an atomic upsert per (placement, day):
/// <c>INSERT … ON CONFLICT ("PlacementId", "Day") DO UPDATE SET "Count" = "Count" + excluded."Count", …</c>
/// (SQLite and PostgreSQL). Two instances adding to the same row never lose an increment: the second waits for the
/// first's row lock (PostgreSQL) or for the database's write lock (SQLite). Rows are written in (placement, day)
/// order so that two transactions touching the same rows take their locks in the same order (no deadlock).
/// Answers never change once stored, so increments are all it takes.
/// </summary>
public static class SatisfactionRollups
{
    private static readonly string[] Columns =
    [
        nameof(FeedbackDailyRollup.ProductId), nameof(FeedbackDailyRollup.PlacementId), nameof(FeedbackDailyRollup.Day),
        nameof(FeedbackDailyRollup.Count), nameof(FeedbackDailyRollup.Points), nameof(FeedbackDailyRollup.ClarityCount),
        nameof(FeedbackDailyRollup.ClaritySum), nameof(FeedbackDailyRollup.HelpAsked), nameof(FeedbackDailyRollup.Reached),
    ];

    // Counts start at index 3: they are the ones added up on conflict.
    private const int FirstCount = 3;

    /// <summary>Adds the counts of these newly stored answers, in the current EF transaction (which must exist).</summary>
    public static Task AddAsync(CapDbContext db, IEnumerable<FeedbackAnswer> answers, CancellationToken ct) =>
        AddAsync(db, FeedbackDailyRollup.Of(answers), ct);

    /// <summary>Adds these increments, in the current EF transaction (which must exist).</summary>
    public static Task AddAsync(CapDbContext db, IReadOnlyCollection<FeedbackDailyRollup> increments, CancellationToken ct)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Rollups are added in the transaction that stores the answers.");
        return AddAsync(db, transaction, increments, ct);
    }

    /// <summary>Adds the counts of these newly stored answers in <paramref name="transaction"/>, opened on the context's connection.</summary>
    public static Task AddAsync(CapDbContext db, DbTransaction transaction, IEnumerable<FeedbackAnswer> answers, CancellationToken ct) =>
        AddAsync(db, transaction, FeedbackDailyRollup.Of(answers), ct);

    /// <summary>Adds these increments (one per placement and day) in <paramref name="transaction"/>, opened on the context's connection.</summary>
    public static async Task AddAsync(CapDbContext db, DbTransaction transaction, IReadOnlyCollection<FeedbackDailyRollup> increments, CancellationToken ct)
    {
        await using var upsert = new Upsert(db);
        await upsert.AddAsync(transaction, increments, ct);
    }

    /// <summary>
    /// The upsert kept by a long-lived writer (the intake engine, Intake/AnswerIntake): on SQLite its command and parameters are built
    /// once and the statement stays prepared between transactions; on PostgreSQL each call is one batch round trip.
    /// </summary>
    public sealed class Upsert(CapDbContext db) : IAsyncDisposable
    {
        private readonly Shape _shape = Shape.Of(db);
        private DbCommand? _command;

        /// <summary>Adds these increments in <paramref name="transaction"/>, in (placement, day) order.</summary>
        public async Task AddAsync(DbTransaction transaction, IReadOnlyCollection<FeedbackDailyRollup> increments, CancellationToken ct)
        {
            if (increments.Count == 0)
            {
                return;
            }
            var connection = transaction.Connection ?? db.Database.GetDbConnection();
            var ordered = increments.Count == 1 ? increments : increments.OrderBy(r => r.PlacementId).ThenBy(r => r.Day).ToList();
            if (connection.CanCreateBatch && ordered.Count > 1)
            {
                // PostgreSQL: one round trip for all the rows.
                await using var batch = connection.CreateBatch();
                batch.Transaction = transaction;
                foreach (var rollup in ordered)
                {
                    var command = batch.CreateBatchCommand();
                    command.CommandText = _shape.Sql;
                    _shape.Bind(command.Parameters, command.CreateParameter, rollup);
                    batch.BatchCommands.Add(command);
                }
                await batch.ExecuteNonQueryAsync(ct);
                return;
            }
            if (_command is null || _command.Connection != connection)
            {
                if (_command is not null)
                {
                    await _command.DisposeAsync();
                }
                _command = connection.CreateCommand();
                _command.CommandText = _shape.Sql;
            }
            _command.Transaction = transaction;
            foreach (var rollup in ordered)
            {
                _shape.Set(_command, rollup);
                await _command.ExecuteNonQueryAsync(ct);
            }
        }

        public ValueTask DisposeAsync() => _command?.DisposeAsync() ?? ValueTask.CompletedTask;
    }

    /// <summary>The upsert, its columns bound as the EF model maps them (<see cref="EntityColumns{T}"/>).</summary>
    private sealed class Shape
    {
        private static Shape? _sqlite;
        private static Shape? _other;

        private readonly EntityColumns<FeedbackDailyRollup> _columns;

        private Shape(EntityColumns<FeedbackDailyRollup> columns)
        {
            _columns = columns;
            var sums = string.Join(", ", Enumerable.Range(FirstCount, columns.Count - FirstCount)
                .Select(i => $"{columns.Name(i)} = {columns.Table}.{columns.Name(i)} + excluded.{columns.Name(i)}"));
            Sql = $"{columns.InsertInto} VALUES {columns.Row(i => "@r" + i)} ON CONFLICT ({columns.Name(1)}, {columns.Name(2)}) DO UPDATE SET {sums}";
        }

        public string Sql { get; }

        public static Shape Of(CapDbContext db)
        {
            if (db.IsSqlite)
            {
                return _sqlite ??= new Shape(EntityColumns<FeedbackDailyRollup>.Of(db, Columns));
            }
            return _other ??= new Shape(EntityColumns<FeedbackDailyRollup>.Of(db, Columns));
        }

        public void Set(DbCommand command, FeedbackDailyRollup rollup) => _columns.Set(command, rollup, "@r");

        public void Bind(DbParameterCollection parameters, Func<DbParameter> create, FeedbackDailyRollup rollup) =>
            _columns.Bind(parameters, create, rollup, "@r");
    }
}
