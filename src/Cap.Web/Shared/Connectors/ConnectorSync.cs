using Cap.Domain.Connectors;

namespace Cap.Web.Shared.Connectors;

/// <summary>A connector's failure, with a French message safe to show (no key, no raw answer of the tool beyond its own message).</summary>
public sealed class ConnectorException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>What one synchronisation did.</summary>
public sealed record ConnectorSyncOutcome(DateOnly SyncedThrough, int Days);

/// <summary>
/// One connector's synchronisation of one connection, registered by its feature
/// (<c>services.AddScoped&lt;IConnectorSync, JdmaSync&gt;()</c>); <see cref="ConnectorRunner"/> calls it under the
/// connection's lease and records its outcome. It throws <see cref="ConnectorException"/> for a failure to show.
/// </summary>
public interface IConnectorSync
{
    ConnectorKind Kind { get; }

    Task<ConnectorSyncOutcome> SyncAsync(int connectionId, DateOnly? syncedThrough, CancellationToken ct);
}
