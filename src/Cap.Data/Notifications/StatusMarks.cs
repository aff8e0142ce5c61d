using Cap.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Cap.Data.Notifications;

/// <summary>
/// Rewrites the statuses the weekly digest saw (<see cref="IndicatorStatusMark"/>) in a few statements whatever the number
/// of indicators: one delete, then multi-row inserts of <see cref="RowsPerStatement"/> rows, in the caller's transaction.
/// (EF would send one INSERT per indicator on SQLite: 10,000 statements for 2,000 products.)
/// </summary>
public static class StatusMarks
{
    public const int RowsPerStatement = 500;

    public static async Task ReplaceAsync(CapDbContext db, IReadOnlyList<IndicatorStatusMark> marks, CancellationToken ct)
    {
        await db.IndicatorStatusMarks.ExecuteDeleteAsync(ct);
        if (marks.Count == 0)
        {
            return;
        }
        var columns = EntityColumns<IndicatorStatusMark>.Of(db, nameof(IndicatorStatusMark.IndicatorId), nameof(IndicatorStatusMark.Status), nameof(IndicatorStatusMark.MarkedOn));
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            foreach (var chunk in marks.Chunk(RowsPerStatement))
            {
                await using var command = connection.CreateCommand();
                command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
                command.CommandText = columns.InsertInto + " VALUES " +
                    string.Join(", ", chunk.Select((_, row) => columns.Row(i => $"@m{row}_{i}")));
                for (var row = 0; row < chunk.Length; row++)
                {
                    columns.Bind(command.Parameters, command.CreateParameter, chunk[row], $"@m{row}_");
                }
                await command.ExecuteNonQueryAsync(ct);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
