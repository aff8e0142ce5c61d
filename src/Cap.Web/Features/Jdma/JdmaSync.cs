using Cap.Data;
using Cap.Data.Connectors;
using Cap.Domain.Connectors;
using Cap.Domain.Satisfaction;
using Cap.Web.Shared;
using Cap.Web.Shared.Connectors;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Jdma;

/// <summary>One mapped JDMA form and the Cap product it feeds.</summary>
public sealed record JdmaMappedForm(int ServiceId, int FormId, int ProductId);

/// <summary>
/// What both synchronisations (a product's connection, an organisation's) do: the days from a few before the last day
/// synced (or twelve months back the first time) to today (<see cref="JdmaRules.Range"/>), read by chunks of
/// <see cref="JdmaRules.DaysPerCall"/> days and pages of <see cref="JdmaRules.ProductsPerCall"/> JDMA services, with
/// <c>interval: day</c>; then the whole range replaces the connection's stored days in one transaction
/// (<see cref="ExternalSatisfactionDays.ReplaceAsync"/>): nothing is written until everything was read. Each product fed
/// has its portfolio line marked and its satisfaction indicator refreshed.
/// </summary>
public static class JdmaSyncRun
{
    public static async Task<ConnectorSyncOutcome> RunAsync(CapDbContext db, JdmaClient client, ISatisfactionIndicatorFeed feed, TimeProvider time,
        ConnectorKind kind, int connectionId, string baseUrl, string key, IReadOnlyList<JdmaMappedForm> forms, DateOnly? syncedThrough, CancellationToken ct)
    {
        var today = time.ParisToday();
        var (from, to) = JdmaRules.Range(syncedThrough, today);
        var mapped = forms.Select(f => (f.ServiceId, f.FormId)).ToHashSet();
        var productOf = forms.GroupBy(f => (f.ServiceId, f.FormId)).ToDictionary(g => g.Key, g => g.First().ProductId);
        var services = forms.Select(f => f.ServiceId).Distinct().Order().ToList();
        var hits = new List<JdmaHit>();
        foreach (var (chunkFrom, chunkTo) in JdmaRules.Chunks(from, to))
        {
            foreach (var page in services.Chunk(JdmaRules.ProductsPerCall))
            {
                var pageForms = forms.Where(f => page.Contains(f.ServiceId)).Select(f => f.FormId).Distinct().Order().ToList();
                hits.AddRange(await client.StatisticsAsync(baseUrl, key, page, pageForms, chunkFrom, chunkTo, ct));
            }
        }
        var days = JdmaRules.Days(hits, mapped);
        foreach (var day in days)
        {
            day.ProductId = productOf[(day.ServiceId, day.FormId)];
        }
        var written = await ExternalSatisfactionDays.ReplaceAsync(db, SatisfactionSource.Jdma, kind, connectionId, null, from, to, days, ct);
        var products = forms.Select(f => f.ProductId).Distinct().Order().ToList();
        await PortfolioChanges.MarkAsync(db, products, time.GetUtcNow(), ct);
        PortfolioChanges.Committed();
        foreach (var productId in products)
        {
            await feed.RefreshAsync(productId, from, ct);
        }
        return new ConnectorSyncOutcome(to, written);
    }

    public static string Key(ConnectorSecrets secrets, string protectedKey) =>
        secrets.Unprotect(ConnectorKind.Jdma, protectedKey)
            ?? throw new ConnectorException("La clé enregistrée ne peut plus être déchiffrée (clés de chiffrement de Cap changées) : enregistrez-la de nouveau.");
}

/// <summary>A product's JDMA connection's synchronisation (<see cref="JdmaSyncRun"/>): its forms feed its product.</summary>
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
        var key = JdmaSyncRun.Key(secrets, connection.ProtectedKey);
        return await JdmaSyncRun.RunAsync(db, client, feed, time, Kind, connection.Id, connection.BaseUrl, key,
            [.. connection.Forms.Select(f => new JdmaMappedForm(f.ServiceId, f.FormId, connection.ProductId))], syncedThrough, ct);
    }
}

/// <summary>An organisation's JDMA connection's synchronisation: one run for all its forms, each product's days written.</summary>
public sealed class JdmaOrganisationSync(CapDbContext db, JdmaClient client, ConnectorSecrets secrets, ISatisfactionIndicatorFeed feed, TimeProvider time) : IConnectorSync
{
    public ConnectorKind Kind => ConnectorKind.JdmaOrganisation;

    public async Task<ConnectorSyncOutcome> SyncAsync(int connectionId, DateOnly? syncedThrough, CancellationToken ct)
    {
        var connection = await db.JdmaOrganisationConnections.AsNoTracking().Include(c => c.Forms).FirstOrDefaultAsync(c => c.Id == connectionId, ct)
            ?? throw new ConnectorException("La connexion JDMA de l’organisation n’existe plus.");
        if (connection.Forms.Count == 0)
        {
            throw new ConnectorException("Aucun formulaire JDMA n’est encore associé à un produit : associez ceux à synchroniser.");
        }
        var key = JdmaSyncRun.Key(secrets, connection.ProtectedKey);
        return await JdmaSyncRun.RunAsync(db, client, feed, time, Kind, connection.Id, connection.BaseUrl, key,
            [.. connection.Forms.Select(f => new JdmaMappedForm(f.ServiceId, f.FormId, f.ProductId))], syncedThrough, ct);
    }
}
