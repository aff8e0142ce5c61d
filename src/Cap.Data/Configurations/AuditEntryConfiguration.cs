using Cap.Domain.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cap.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.ActorName).HasMaxLength(120).IsRequired();
        builder.Property(a => a.Action).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.EntityType).HasMaxLength(80).IsRequired();
        builder.Property(a => a.EntityId).HasMaxLength(80).IsRequired();
        builder.Property(a => a.EntityLabel).HasMaxLength(200);
        builder.HasIndex(a => a.At);
        builder.HasIndex(a => new { a.ProductId, a.At });
        builder.HasIndex(a => new { a.EntityType, a.At });
        builder.HasIndex(a => new { a.PersonId, a.At });
    }
}
