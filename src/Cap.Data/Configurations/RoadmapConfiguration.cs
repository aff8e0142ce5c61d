using Cap.Domain.Roadmap;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cap.Data.Configurations;

internal sealed class ProductRoadmapConfiguration : IEntityTypeConfiguration<ProductRoadmap>
{
    public void Configure(EntityTypeBuilder<ProductRoadmap> builder)
    {
        builder.ToTable("Roadmaps");
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasOne(r => r.Product).WithMany().HasForeignKey(r => r.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => r.ProductId).IsUnique();
    }
}

internal sealed class RoadmapPriorityConfiguration : IEntityTypeConfiguration<RoadmapPriority>
{
    public void Configure(EntityTypeBuilder<RoadmapPriority> builder)
    {
        builder.HasOne(p => p.Roadmap).WithMany(r => r.Priorities).HasForeignKey(p => p.RoadmapId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(p => p.Objective).WithMany().HasForeignKey(p => p.ObjectiveId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.RoadmapId, p.ObjectiveId }).IsUnique();
        builder.HasIndex(p => p.ObjectiveId);
    }
}

internal sealed class InitiativeConfiguration : IEntityTypeConfiguration<Initiative>
{
    public void Configure(EntityTypeBuilder<Initiative> builder)
    {
        builder.Property(i => i.Title).HasMaxLength(Initiative.TitleMaxLength).IsRequired();
        builder.Property(i => i.Description).HasMaxLength(Initiative.TextMaxLength);
        builder.Property(i => i.ExpectedEffect).HasMaxLength(Initiative.EffectMaxLength);
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.PeriodUnit).HasConversion<string>().HasMaxLength(10);
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.HasOne<Cap.Domain.Catalogue.Product>().WithMany().HasForeignKey(i => i.ProductId).OnDelete(DeleteBehavior.Cascade);
        // An objective with initiatives is not deleted silently: the team moves or deletes them first.
        builder.HasOne(i => i.Objective).WithMany().HasForeignKey(i => i.ObjectiveId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.Indicator).WithMany().HasForeignKey(i => i.IndicatorId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(i => new { i.ProductId, i.Start });
        builder.HasIndex(i => i.ObjectiveId);
        builder.HasIndex(i => i.IndicatorId);
    }
}

internal sealed class RoadmapDependencyConfiguration : IEntityTypeConfiguration<RoadmapDependency>
{
    public void Configure(EntityTypeBuilder<RoadmapDependency> builder)
    {
        builder.ToTable("RoadmapDependencies");
        builder.Property(d => d.Target).HasMaxLength(RoadmapDependency.NameMaxLength).IsRequired();
        builder.Property(d => d.Description).HasMaxLength(RoadmapDependency.TextMaxLength);
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.HasOne<Cap.Domain.Catalogue.Product>().WithMany().HasForeignKey(d => d.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(d => d.TargetProduct).WithMany().HasForeignKey(d => d.TargetProductId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(d => d.ProductId);
        builder.HasIndex(d => d.TargetProductId);
    }
}

internal sealed class RiskConfiguration : IEntityTypeConfiguration<Risk>
{
    public void Configure(EntityTypeBuilder<Risk> builder)
    {
        builder.Property(r => r.Title).HasMaxLength(Risk.TitleMaxLength).IsRequired();
        builder.Property(r => r.Description).HasMaxLength(Risk.TextMaxLength);
        builder.Property(r => r.Mitigation).HasMaxLength(Risk.TextMaxLength);
        builder.Property(r => r.OwnerName).HasMaxLength(Risk.OwnerMaxLength);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Ignore(r => r.Score);
        builder.HasOne<Cap.Domain.Catalogue.Product>().WithMany().HasForeignKey(r => r.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Cap.Domain.Platform.Person>().WithMany().HasForeignKey(r => r.OwnerPersonId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(r => r.ProductId);
        builder.HasIndex(r => r.OwnerPersonId);
        builder.ToTable(t => t.HasCheckConstraint("CK_Risks_Scales", "\"Probability\" BETWEEN 1 AND 3 AND \"Impact\" BETWEEN 1 AND 3"));
    }
}

internal sealed class RoadmapRevisionConfiguration : IEntityTypeConfiguration<RoadmapRevision>
{
    public void Configure(EntityTypeBuilder<RoadmapRevision> builder)
    {
        builder.Property(r => r.AuthorName).HasMaxLength(120).IsRequired();
        builder.Property(r => r.Summary).HasMaxLength(RoadmapRevision.SummaryMaxLength).IsRequired();
        builder.Property(r => r.Snapshot).IsRequired();
        builder.HasOne<Cap.Domain.Catalogue.Product>().WithMany().HasForeignKey(r => r.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.ProductId, r.Number }).IsUnique();
    }
}

internal sealed class RoadmapShareLinkConfiguration : IEntityTypeConfiguration<RoadmapShareLink>
{
    public void Configure(EntityTypeBuilder<RoadmapShareLink> builder)
    {
        builder.Property(l => l.Label).HasMaxLength(RoadmapShareLink.LabelMaxLength).IsRequired();
        builder.Property(l => l.Hash).HasMaxLength(64).IsRequired();
        builder.Property(l => l.CreatedByName).HasMaxLength(120).IsRequired();
        builder.HasOne<Cap.Domain.Catalogue.Product>().WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => l.Hash).IsUnique();
        builder.HasIndex(l => l.ProductId);
    }
}
