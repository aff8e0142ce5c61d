using Cap.Data;
using Cap.Data.Connectors;
using Cap.Domain.Connectors;
using Cap.Domain.Satisfaction;
using Cap.Web.Shared;
using Cap.Web.Shared.Connectors;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Jdma;

/// <summary>
/// One JDMA connection's synchronisation: the days from a few before the last day synced (or twelve months back the
/// first time) to today (<see cref="JdmaRules.Range"/>), read by chunks of <see cref="JdmaRules.DaysPerCall"/> days and
/// pages of <see cref="JdmaRules.ProductsPerCall"/> JDMA services, with <c>interval: day</c>; then the whole range
/// replaces the stored days in one transaction (<see cref="ExternalSatisfactionDays.ReplaceAsync"/>): nothing is written
/// until everything was read. The product's portfolio line is marked, its satisfaction indicator refreshed.
/// </summary>
public sealed class JdmaSync(CapDbContext db, JdmaClient client, ConnectorSecrets secrets, ISatisfactionIndicatorFeed feed, TimeProvider time) : IConnectorSync
{
    public ConnectorKind Kind => ConnectorKind.Jdma;

    public async Task<ConnectorSyncOutcome> SyncAsync(int connectionId, DateOnly? syncedThrough, CancellationToken ct)
    {
        var connection = await db.JdmaConnections.AsNoTracking().Include(c => c.Forms).FirstOrDefaultAsync(c => c.Id == connectionId, ct)
            ?? throw new ConnectorException("La connexion JDMA n’existe plus.");
        if (connection.Forms.Count == 0)
        {
            throw new ConnectorException("Aucun formulaire JDMA n’est encore associé au produit : choisissez ceux à synchroniser.");
        }
        var key = secrets.Unprotect(ConnectorKind.Jdma, connection.ProtectedKey)
            ?? throw new ConnectorException("La clé enregistrée ne peut plus être déchiffrée (clés de chiffrement de Cap changées) : enregistrez-la de nouveau.");
        var today = time.ParisToday();
        var (from, to) = JdmaRules.Range(syncedThrough, today);
        var mapped = connection.Forms.Select(f => (f.ServiceId, f.FormId)).ToHashSet();
        var services = connection.Forms.Select(f => f.ServiceId).Distinct().Order().ToList();
        var hits = new List<JdmaHit>();
        foreach (var (chunkFrom, chunkTo) in JdmaRules.Chunks(from, to))
        {
            foreach (var page in services.Chunk(JdmaRules.ProductsPerCall))
            {
                var pageForms = connection.Forms.Where(f => page.Contains(f.ServiceId)).Select(f => f.FormId).Distinct().Order().ToList();
                hits.AddRange(await client.StatisticsAsync(connection.BaseUrl, key, page, pageForms, chunkFrom, chunkTo, ct));
            }
        }
        var days = JdmaRules.Days(hits, mapped);
        var written = await ExternalSatisfactionDays.ReplaceAsync(db, SatisfactionSource.Jdma, connection.Id, connection.ProductId, from, to, days, ct);
        await PortfolioChanges.MarkAsync(db, [connection.ProductId], time.GetUtcNow(), ct);
        PortfolioChanges.Committed();
        await feed.RefreshAsync(connection.ProductId, from, ct);
        return new ConnectorSyncOutcome(to, written);
    }
}
