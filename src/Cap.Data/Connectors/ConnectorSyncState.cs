using Cap.Domain.Connectors;
using Cap.Domain.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cap.Data.Connectors;

/// <summary>
/// Where one connection's synchronisation stands, for any connector (JDMA today, Matomo next): the last success, the
/// last failure's French message (safe to show: written by Cap, never the source's raw answer nor a key), the next
/// attempt, the failures in a row (the backoff's exponent) and the last day the figures are synced through. The instance
/// syncing it holds a lease (<see cref="Owner"/> until <see cref="LeaseUntil"/>, <see cref="ConnectorLeases"/>), so that
/// with several instances only one syncs a connection at a time. Not audited: it changes at every attempt; the
/// connection itself is.
/// </summary>
public class ConnectorSyncState : IAuditExempt
{
    public const int ErrorMaxLength = 500;
    public const int OwnerMaxLength = 100;

    public int Id { get; set; }
    public ConnectorKind Kind { get; set; }

    /// <summary>The connection's id in its connector's table.</summary>
    public int ConnectionId { get; set; }

    /// <summary>The product the connection feeds (for the lists), null for a connection feeding several (an organisation's).</summary>
    public int? ProductId { get; set; }

    public DateTimeOffset? LastSuccessAt { get; set; }
    public DateTimeOffset? LastAttemptAt { get; set; }
    public DateTimeOffset? LastErrorAt { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public int ConsecutiveFailures { get; set; }

    /// <summary>The last day whose figures were read (the next synchronisation starts a few days before it).</summary>
    public DateOnly? SyncedThrough { get; set; }

    /// <summary>Days written by the last successful synchronisation.</summary>
    public int LastDays { get; set; }

    public string? Owner { get; set; }
    public DateTimeOffset LeaseUntil { get; set; }
}

internal sealed class ConnectorSyncStateConfiguration : IEntityTypeConfiguration<ConnectorSyncState>
{
    public void Configure(EntityTypeBuilder<ConnectorSyncState> builder)
    {
        builder.ToTable("ConnectorSyncStates");
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.LastError).HasMaxLength(ConnectorSyncState.ErrorMaxLength);
        builder.Property(s => s.Owner).HasMaxLength(ConnectorSyncState.OwnerMaxLength);
        builder.HasOne<Cap.Domain.Catalogue.Product>().WithMany().HasForeignKey(s => s.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.Kind, s.ConnectionId }).IsUnique();
        // The worker's pass: connections due.
        builder.HasIndex(s => s.NextAttemptAt);
        builder.HasIndex(s => s.ProductId);
    }
}
