using Cap.Data;
using Cap.Domain.Connectors;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Shared.Connectors;

/// <summary>
/// A connection's synchronisation as screens and the API show it. <see cref="ProductName"/> names what the connection
/// feeds: its product, or for an organisation's connection (no <see cref="ProductId"/>, no slug) the organisation.
/// </summary>
public sealed record ConnectorStatus(
    ConnectorKind Kind, int ConnectionId, int? ProductId, string ProductName, string? ProductSlug,
    DateTimeOffset? LastSuccessAt, DateTimeOffset? LastErrorAt, string? LastError, DateTimeOffset NextAttemptAt,
    int ConsecutiveFailures, DateOnly? SyncedThrough, int LastDays, bool Running)
{
    public static string KindLabel(ConnectorKind kind) => kind switch
    {
        ConnectorKind.Jdma => "JDMA (Je donne mon avis)",
        ConnectorKind.JdmaOrganisation => "JDMA (Je donne mon avis), connexion d’organisation",
        ConnectorKind.Matomo => "Matomo (audience)",
        _ => kind.ToString(),
    };

    /// <summary>The state in a word: never synced, in error, up to date.</summary>
    public string StateLabel => Running ? "En cours" : LastError is not null ? "En erreur" : LastSuccessAt is null ? "Jamais synchronisée" : "À jour";

    public BadgeTone Tone => LastError is not null ? BadgeTone.Error : LastSuccessAt is null ? BadgeTone.Neutral : BadgeTone.Success;
}

/// <summary>Reads connections' synchronisation states, for a product's connection page and the administrators' list.</summary>
public sealed class ConnectorStatuses(CapDbContext db, TimeProvider time)
{
    public async Task<ConnectorStatus?> ForConnectionAsync(ConnectorKind kind, int connectionId, CancellationToken ct) =>
        (await QueryAsync(db.ConnectorSyncStates.Where(s => s.Kind == kind && s.ConnectionId == connectionId), ct)).FirstOrDefault();

    public Task<List<ConnectorStatus>> AllAsync(CancellationToken ct) => QueryAsync(db.ConnectorSyncStates, ct);

    private async Task<List<ConnectorStatus>> QueryAsync(IQueryable<Cap.Data.Connectors.ConnectorSyncState> states, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var rows = await (from s in states.AsNoTracking()
                          join p in db.Products on s.ProductId equals (int?)p.Id into products
                          from p in products.DefaultIfEmpty()
                          select new { s, Name = p == null ? null : p.Name, Slug = p == null ? null : p.Slug })
            .ToListAsync(ct);
        // A connection that feeds no one product (an organisation's) is named by its connection.
        var organisationIds = rows.Where(r => r.s.Kind == ConnectorKind.JdmaOrganisation).Select(r => r.s.ConnectionId).ToList();
        var organisations = organisationIds.Count == 0 ? new Dictionary<int, string>() : await db.JdmaOrganisationConnections.AsNoTracking()
            .Where(c => organisationIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        return rows
            .Select(r => new ConnectorStatus(r.s.Kind, r.s.ConnectionId, r.s.ProductId,
                r.Name ?? (r.s.Kind == ConnectorKind.JdmaOrganisation && organisations.TryGetValue(r.s.ConnectionId, out var name) ? name : "—"), r.Slug,
                r.s.LastSuccessAt, r.s.LastErrorAt, r.s.LastError,
                r.s.NextAttemptAt, r.s.ConsecutiveFailures, r.s.SyncedThrough, r.s.LastDays, r.s.Owner is not null && r.s.LeaseUntil > now))
            .OrderBy(r => r.LastError is null).ThenBy(r => r.ProductName, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), true))
            .ToList();
    }
}
