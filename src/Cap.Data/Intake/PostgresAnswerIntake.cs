using System.Data.Common;
using System.Numerics;
using Cap.Domain.Satisfaction;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cap.Data.Intake;

/// <summary>
/// PostgreSQL: a batch in one round trip — a <see cref="DbBatch"/> of multi-row inserts
/// (<c>INSERT … VALUES ($1, …), (…), … ON CONFLICT DO NOTHING RETURNING …</c>) of 64, 32, …, 1 rows, with positional
/// parameters bound as the EF model maps the columns. The rows returned are the answers stored; a resent client key
/// returns none. Two answers of one statement with the same key: the first is stored, the second is already stored
/// (<c>DO NOTHING</c> skips a row that conflicts with one the same statement inserted).
/// </summary>
public sealed class PostgresAnswerIntake : AnswerIntake
{
    /// <summary>The most rows in one statement (64 × the columns stays far below PostgreSQL's parameter limit).</summary>
    private const int MaxRows = 64;

    private readonly string?[] _sql = new string?[MaxRows + 1];

    internal PostgresAnswerIntake(IServiceScopeFactory scopes, SatisfactionChanges changes, IntakeOptions options, EntityColumns<FeedbackAnswer> columns, ILogger logger)
        : base(scopes, changes, options, columns, logger)
    {
    }

    protected override async Task InsertRowsAsync(DbConnection connection, DbTransaction transaction, List<FeedbackAnswer> answers, InsertedRows inserted)
    {
        await using var batch = connection.CreateBatch();
        batch.Transaction = transaction;
        for (var start = 0; start < answers.Count;)
        {
            // The largest power of two that fits what is left, as on SQLite: the same few statement texts every time.
            var rows = Math.Min(MaxRows, (int)BitOperations.RoundUpToPowerOf2((uint)(answers.Count - start + 1)) / 2);
            var command = batch.CreateBatchCommand();
            command.CommandText = Sql(rows);
            for (var row = 0; row < rows; row++)
            {
                Columns.Bind(command.Parameters, command.CreateParameter, answers[start + row], prefix: null);
            }
            batch.BatchCommands.Add(command);
            start += rows;
        }
        // Prepared on the writer's connection, which lives across batches: Npgsql keeps each statement text prepared, so a
        // batch is bound and executed, not parsed and planned again (64 rows × the columns are many parameters to plan).
        await batch.PrepareAsync();
        await using var reader = await batch.ExecuteReaderAsync();
        do
        {
            while (await reader.ReadAsync())
            {
                inserted.Add(reader.GetInt32(0), reader.IsDBNull(1) ? null : reader.GetString(1));
            }
        }
        while (await reader.NextResultAsync());
    }

    private string Sql(int rows)
    {
        if (_sql[rows] is { } sql)
        {
            return sql;
        }
        var columns = Columns.Count;
        var values = string.Join(", ", Enumerable.Range(0, rows).Select(row => Columns.Row(column => "$" + (row * columns + column + 1))));
        return _sql[rows] = $"{Columns.InsertInto} VALUES {values} ON CONFLICT DO NOTHING{Returning}";
    }
}
