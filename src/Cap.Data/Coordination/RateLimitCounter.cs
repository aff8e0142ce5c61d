using Cap.Domain.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cap.Data.Coordination;

/// <summary>
/// A fixed-window counter shared by every instance (PostgreSQL): the permits handed out in one minute for one
/// partition of a rate limit (a client address, a placement key). Instances reserve permits from it in small blocks
/// (see <c>SharedRateLimiter</c>); rows of past windows are deleted as time goes by. Not audited: not a change of
/// anyone's data.
/// </summary>
public class RateLimitCounter : IAuditExempt
{
    public const int PartitionMaxLength = 200;

    /// <summary>The limit's name and the partition's value, e.g. <c>client:192.0.2.1</c>.</summary>
    public string Partition { get; set; } = string.Empty;

    /// <summary>The window's start, in seconds since the Unix epoch (a multiple of the window's length).</summary>
    public long WindowStart { get; set; }

    /// <summary>Permits reserved by the instances in this window (may exceed the limit: refused reservations count too).</summary>
    public int Count { get; set; }
}

internal sealed class RateLimitCounterConfiguration : IEntityTypeConfiguration<RateLimitCounter>
{
    public void Configure(EntityTypeBuilder<RateLimitCounter> builder)
    {
        builder.ToTable("RateLimitCounters");
        builder.HasKey(c => new { c.Partition, c.WindowStart });
        builder.Property(c => c.Partition).HasMaxLength(RateLimitCounter.PartitionMaxLength);
        // The clean-up deletes past windows.
        builder.HasIndex(c => c.WindowStart);
    }
}
