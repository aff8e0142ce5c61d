using Cap.Data.Saving;
using Cap.Domain.OpenData;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cap.Data.Configurations;

internal sealed class ProductOpenDataConfiguration : IEntityTypeConfiguration<ProductOpenData>, IAuditLabel<ProductOpenData>
{
    public string? Label(ProductOpenData entity) => "publication en données ouvertes";

    public void Configure(EntityTypeBuilder<ProductOpenData> builder)
    {
        builder.Property(o => o.Version).IsConcurrencyToken();
        builder.HasOne(o => o.Product).WithMany().HasForeignKey(o => o.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(o => o.Indicators).WithOne().HasForeignKey(i => i.ProductOpenDataId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(o => o.ProductId).IsUnique();
        // The public dataset's query: the published products.
        builder.HasIndex(o => o.IsPublished);
    }
}

internal sealed class OpenDataIndicatorConfiguration : IEntityTypeConfiguration<OpenDataIndicator>, IAuditLabel<OpenDataIndicator>
{
    public string? Label(OpenDataIndicator entity) =>
        entity.Indicator is { } indicator ? $"indicateur « {indicator.Name} » publié en données ouvertes" : "indicateur publié en données ouvertes";

    public void Configure(EntityTypeBuilder<OpenDataIndicator> builder)
    {
        builder.HasOne(i => i.Indicator).WithMany().HasForeignKey(i => i.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => new { i.ProductOpenDataId, i.IndicatorId }).IsUnique();
        builder.HasIndex(i => i.IndicatorId);
    }
}

internal sealed class OpenDataReleaseConfiguration : IEntityTypeConfiguration<OpenDataRelease>
{
    public void Configure(EntityTypeBuilder<OpenDataRelease> builder)
    {
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.ContentHash).HasMaxLength(OpenDataRelease.HashLength);
    }
}
