using Cap.Domain.Retrospectives;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cap.Data.Configurations;

internal sealed class RetrospectiveConfiguration : IEntityTypeConfiguration<Retrospective>
{
    public void Configure(EntityTypeBuilder<Retrospective> builder)
    {
        builder.Property(r => r.Title).HasMaxLength(Retrospective.TitleMaxLength).IsRequired();
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasOne(r => r.Product).WithMany().HasForeignKey(r => r.ProductId).OnDelete(DeleteBehavior.Cascade);
        // Deleting an iteration keeps its retrospective, which becomes free-standing.
        builder.HasOne(r => r.Iteration).WithMany().HasForeignKey(r => r.IterationId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(r => r.IterationId).IsUnique();
        builder.HasIndex(r => new { r.ProductId, r.HeldOn });
    }
}

internal sealed class RetroItemConfiguration : IEntityTypeConfiguration<RetroItem>
{
    public void Configure(EntityTypeBuilder<RetroItem> builder)
    {
        builder.Property(i => i.Text).HasMaxLength(RetroItem.TextMaxLength).IsRequired();
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(20);
        builder.HasOne(i => i.Retrospective).WithMany(r => r.Items).HasForeignKey(i => i.RetrospectiveId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(i => i.Author).WithMany().HasForeignKey(i => i.AuthorPersonId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(i => new { i.RetrospectiveId, i.Id });
        builder.HasIndex(i => i.AuthorPersonId);
    }
}

internal sealed class RetroActionConfiguration : IEntityTypeConfiguration<RetroAction>
{
    public void Configure(EntityTypeBuilder<RetroAction> builder)
    {
        builder.Property(a => a.Title).HasMaxLength(RetroAction.TitleMaxLength).IsRequired();
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasOne(a => a.Retrospective).WithMany(r => r.Actions).HasForeignKey(a => a.RetrospectiveId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.Owner).WithMany().HasForeignKey(a => a.OwnerPersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Retrospective>().WithMany().HasForeignKey(a => a.CarriedToRetrospectiveId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.ProductId, a.Status });
        builder.HasIndex(a => a.RetrospectiveId);
        builder.HasIndex(a => a.OwnerPersonId);
        builder.HasIndex(a => a.CarriedToRetrospectiveId);
    }
}
