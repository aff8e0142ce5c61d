using Cap.Domain.Connectors;
using Cap.Domain.Satisfaction;
using Microsoft.EntityFrameworkCore;

namespace Cap.Data.Connectors;

/// <summary>Writes a connection's daily figures: the days read replace what was stored for them, whole.</summary>
public static class ExternalSatisfactionDays
{
    /// <summary>
    /// In one transaction: deletes every day of the connection (<paramref name="kind"/>, <paramref name="connectionId"/>)
    /// from <paramref name="from"/> to <paramref name="to"/> (for the source), then inserts <paramref name="days"/> (the
    /// non-empty ones), all for <paramref name="productId"/> or, when it is null (an organisation's connection feeding
    /// several products), each for the product it carries. A failure leaves the days as they were; a re-read day holds
    /// the new counts, never their sum with the old ones.
    /// </summary>
    public static async Task<int> ReplaceAsync(CapDbContext db, SatisfactionSource source, ConnectorKind kind, int connectionId, int? productId, DateOnly from, DateOnly to,
        IReadOnlyCollection<ExternalSatisfactionDay> days, CancellationToken ct)
    {
        var kept = days.Where(d => !d.IsEmpty && d.Day >= from && d.Day <= to).ToList();
        foreach (var day in kept)
        {
            day.Id = 0;
            day.Source = source;
            day.Kind = kind;
            day.ConnectionId = connectionId;
            day.ProductId = productId ?? day.ProductId;
        }
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.ExternalSatisfactionDays
                .Where(d => d.Kind == kind && d.ConnectionId == connectionId && d.Source == source && d.Day >= from && d.Day <= to)
                .ExecuteDeleteAsync(ct);
            db.ExternalSatisfactionDays.AddRange(kept);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            foreach (var day in kept)
            {
                db.Entry(day).State = EntityState.Detached;
            }
            return kept.Count;
        });
    }

    /// <summary>
    /// Removes a connection's synced days and its synchronisation state (the connection is being deleted, in the caller's
    /// transaction); returns, per product whose days were removed, the first day removed (to refresh its indicator from).
    /// </summary>
    public static async Task<Dictionary<int, DateOnly>> RemoveConnectionAsync(CapDbContext db, ConnectorKind kind, int connectionId, CancellationToken ct)
    {
        var touched = await db.ExternalSatisfactionDays.Where(d => d.Kind == kind && d.ConnectionId == connectionId)
            .GroupBy(d => d.ProductId).Select(g => new { ProductId = g.Key, First = g.Min(d => d.Day) }).ToDictionaryAsync(x => x.ProductId, x => x.First, ct);
        await db.ExternalSatisfactionDays.Where(d => d.Kind == kind && d.ConnectionId == connectionId).ExecuteDeleteAsync(ct);
        await db.ConnectorSyncStates.Where(s => s.Kind == kind && s.ConnectionId == connectionId).ExecuteDeleteAsync(ct);
        return touched;
    }
}
