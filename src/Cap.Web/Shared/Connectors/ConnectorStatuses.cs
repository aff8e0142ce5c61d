using Cap.Data;
using Cap.Domain.Connectors;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Shared.Connectors;

/// <summary>A connection's synchronisation as screens and the API show it.</summary>
public sealed record ConnectorStatus(
    ConnectorKind Kind, int ConnectionId, int ProductId, string ProductName, string ProductSlug,
    DateTimeOffset? LastSuccessAt, DateTimeOffset? LastErrorAt, string? LastError, DateTimeOffset NextAttemptAt,
    int ConsecutiveFailures, DateOnly? SyncedThrough, int LastDays, bool Running)
{
    public static string KindLabel(ConnectorKind kind) => kind switch
    {
        ConnectorKind.Jdma => "JDMA (Je donne mon avis)",
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
        var rows = await states.AsNoTracking()
            .Join(db.Products, s => s.ProductId, p => p.Id, (s, p) => new { s, p.Name, p.Slug })
            .ToListAsync(ct);
        return rows
            .Select(r => new ConnectorStatus(r.s.Kind, r.s.ConnectionId, r.s.ProductId, r.Name, r.Slug, r.s.LastSuccessAt, r.s.LastErrorAt, r.s.LastError,
                r.s.NextAttemptAt, r.s.ConsecutiveFailures, r.s.SyncedThrough, r.s.LastDays, r.s.Owner is not null && r.s.LeaseUntil > now))
            .OrderBy(r => r.LastError is null).ThenBy(r => r.ProductName, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), true))
            .ToList();
    }
}
