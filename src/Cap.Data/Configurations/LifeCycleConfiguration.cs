using Cap.Domain.LifeCycle;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cap.Data.Configurations;

internal sealed class PhaseChangeConfiguration : IEntityTypeConfiguration<PhaseChange>
{
    public void Configure(EntityTypeBuilder<PhaseChange> builder)
    {
        builder.Property(c => c.From).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.To).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.Reason).HasMaxLength(PhaseTransitions.ReasonMaxLength);
        builder.Property(c => c.AuthorName).HasMaxLength(120).IsRequired();
        builder.HasOne(c => c.Product).WithMany().HasForeignKey(c => c.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.ProductId, c.At });
    }
}

internal sealed class DeliverableRecordConfiguration : IEntityTypeConfiguration<DeliverableRecord>
{
    public void Configure(EntityTypeBuilder<DeliverableRecord> builder)
    {
        builder.Property(d => d.Phase).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Key).HasMaxLength(DeliverableRecord.KeyMaxLength).IsRequired();
        builder.Property(d => d.Link).HasMaxLength(DeliverableRecord.LinkMaxLength);
        builder.Property(d => d.Note).HasMaxLength(DeliverableRecord.NoteMaxLength);
        builder.Property(d => d.UpdatedByName).HasMaxLength(120).IsRequired();
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.HasOne(d => d.Product).WithMany().HasForeignKey(d => d.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => new { d.ProductId, d.Phase, d.Key }).IsUnique();
    }
}
