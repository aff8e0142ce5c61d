using Microsoft.EntityFrameworkCore;

namespace Cap.Data;

/// <summary>
/// Marks the portfolio's kept lines of products that changed (<see cref="Cap.Domain.Portfolio.PortfolioSummary"/>): their
/// change counter moves and their last activity is now, in the change's own transaction, so the refresher knows which
/// lines to recompute and « dernière activité » is read, not searched in the audit trail.
/// </summary>
public static class PortfolioChanges
{
    public static Task<int> MarkAsync(CapDbContext db, IReadOnlyCollection<int> productIds, DateTimeOffset now, CancellationToken ct) =>
        productIds.Count == 0
            ? Task.FromResult(0)
            : db.PortfolioSummaries.Where(s => productIds.Contains(s.ProductId)).ExecuteUpdateAsync(u => u
                .SetProperty(s => s.ChangeCount, s => s.ChangeCount + 1)
                .SetProperty(s => s.LastActivityAt, now), ct);
}
