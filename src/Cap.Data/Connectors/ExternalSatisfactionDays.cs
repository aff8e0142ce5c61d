using Cap.Domain.Satisfaction;
using Microsoft.EntityFrameworkCore;

namespace Cap.Data.Connectors;

/// <summary>Writes a connection's daily figures: the days read replace what was stored for them, whole.</summary>
public static class ExternalSatisfactionDays
{
    /// <summary>
    /// In one transaction: deletes every day of <paramref name="connectionId"/> from <paramref name="from"/> to
    /// <paramref name="to"/> (for the product and source), then inserts <paramref name="days"/> (the non-empty ones). A
    /// failure leaves the days as they were; a re-read day holds the new counts, never their sum with the old ones.
    /// </summary>
    public static async Task<int> ReplaceAsync(CapDbContext db, SatisfactionSource source, int connectionId, int productId, DateOnly from, DateOnly to,
        IReadOnlyCollection<ExternalSatisfactionDay> days, CancellationToken ct)
    {
        var kept = days.Where(d => !d.IsEmpty && d.Day >= from && d.Day <= to).ToList();
        foreach (var day in kept)
        {
            day.Id = 0;
            day.Source = source;
            day.ConnectionId = connectionId;
            day.ProductId = productId;
        }
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.ExternalSatisfactionDays
                .Where(d => d.ConnectionId == connectionId && d.Source == source && d.Day >= from && d.Day <= to)
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
}
