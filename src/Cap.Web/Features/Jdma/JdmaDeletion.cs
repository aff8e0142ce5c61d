using Cap.Data;
using Cap.Data.Connectors;
using Cap.Domain;
using Cap.Domain.Connectors;
using Cap.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Jdma;

/// <summary>
/// Deleting a connection (a product's or an organisation's), already marked removed in the context: under its
/// lease (refused while a synchronisation holds it, so nothing is written after the delete), in one transaction, the
/// connection and its forms (audited by the save), its synchronisation state and the days it wrote are removed; then
/// each product that lost days has its portfolio line marked and its satisfaction indicator recomputed.
/// </summary>
internal static class JdmaDeletion
{
    public static async Task<Result<int>> DeleteAsync(CapDbContext db, ISatisfactionIndicatorFeed feed, TimeProvider time, ConnectorKind kind, int connectionId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var stateId = await db.ConnectorSyncStates.Where(s => s.Kind == kind && s.ConnectionId == connectionId).Select(s => (int?)s.Id).FirstOrDefaultAsync(ct);
        if (stateId is { } id && !await ConnectorLeases.TryTakeAsync(db, id, $"suppression-{Guid.NewGuid():N}", now, TimeSpan.FromMinutes(5), evenIfNotDue: true, ct))
        {
            return Refusal.Conflict("Une synchronisation de cette connexion est en cours : réessayez la suppression dans un instant.");
        }
        Dictionary<int, DateOnly> touched = [];
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            touched = await ExternalSatisfactionDays.RemoveConnectionAsync(db, kind, connectionId, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        });
        if (touched.Count > 0)
        {
            await PortfolioChanges.MarkAsync(db, [.. touched.Keys], time.GetUtcNow(), ct);
            PortfolioChanges.Committed();
            foreach (var (productId, first) in touched)
            {
                await feed.RefreshAsync(productId, first, ct);
            }
        }
        return touched.Count;
    }
}
