using Cap.Domain.Steering;

namespace Cap.Web.Shared;

/// <summary>The values a connector read for one indicator, one per date.</summary>
public sealed record ConnectorMeasurementBatch(int IndicatorId, IReadOnlyList<(DateOnly Date, decimal Value)> Values);

/// <summary>
/// The seam through which a connector (Matomo) writes indicators' measurements: Indicators implements it with the
/// measurement writer the imports use (one value per date, an existing date updated, summaries and statuses refreshed,
/// one audit entry per indicator), every indicator of the call in one transaction.
/// </summary>
public interface IConnectorMeasurements
{
    /// <summary>Writes every batch or none; returns the measurements added or changed.</summary>
    Task<int> WriteAsync(IReadOnlyList<ConnectorMeasurementBatch> batches, MeasurementSource source, string authorName, CancellationToken ct);
}
