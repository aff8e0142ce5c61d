using Cap.Domain.Iterations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cap.Data.Configurations;

internal sealed class RitualFeedConfiguration : IEntityTypeConfiguration<RitualFeed>
{
    public void Configure(EntityTypeBuilder<RitualFeed> builder)
    {
        builder.Property(f => f.Hash).HasMaxLength(64).IsRequired();
        builder.Property(f => f.CreatedByName).HasMaxLength(120).IsRequired();
        builder.HasOne<Cap.Domain.Catalogue.Product>().WithMany().HasForeignKey(f => f.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => f.Hash).IsUnique();
        builder.HasIndex(f => f.ProductId);
    }
}
