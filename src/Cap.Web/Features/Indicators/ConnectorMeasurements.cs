using Cap.Data;
using Cap.Domain.Steering;
using Cap.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Indicators;

/// <summary>A connector's measurements through <see cref="MeasurementWriter"/>, every indicator of a call in one transaction.</summary>
public sealed class ConnectorMeasurements(CapDbContext db, TimeProvider time) : IConnectorMeasurements
{
    public async Task<int> WriteAsync(IReadOnlyList<ConnectorMeasurementBatch> batches, MeasurementSource source, string authorName, CancellationToken ct)
    {
        var ids = batches.Select(b => b.IndicatorId).Distinct().ToList();
        var indicators = await db.Indicators.AsNoTracking().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        var now = time.GetUtcNow();
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            var written = 0;
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            foreach (var batch in batches)
            {
                // An indicator deleted since the connector read its mapping: nothing to write to.
                if (batch.Values.Count == 0 || !indicators.TryGetValue(batch.IndicatorId, out var indicator))
                {
                    continue;
                }
                var rows = batch.Values.Select(v => new MeasurementRow(v.Date, v.Value, null)).ToList();
                var outcome = await MeasurementWriter.UpsertAsync(db, indicator, rows, source, null, authorName, now, ct);
                written += outcome.Added + outcome.Updated;
            }
            await transaction.CommitAsync(ct);
            Cap.Data.PortfolioChanges.Committed();
            return written;
        });
    }
}
