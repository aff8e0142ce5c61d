using Cap.Data.Saving;
using Cap.Domain.Steering;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cap.Data.Configurations;

internal sealed class VisionConfiguration : IEntityTypeConfiguration<Vision>, IAuditLabel<Vision>
{
    public string? Label(Vision entity) => $"version {entity.Number}";

    public void Configure(EntityTypeBuilder<Vision> builder)
    {
        builder.Property(v => v.Statement).HasMaxLength(Vision.StatementMaxLength).IsRequired();
        builder.Property(v => v.Users).HasMaxLength(Vision.PartMaxLength);
        builder.Property(v => v.Problems).HasMaxLength(Vision.PartMaxLength);
        builder.Property(v => v.ValueProposition).HasMaxLength(Vision.PartMaxLength);
        builder.Property(v => v.ExpectedImpact).HasMaxLength(Vision.PartMaxLength);
        builder.Property(v => v.ChangeNote).HasMaxLength(500);
        builder.Property(v => v.AuthorName).HasMaxLength(120).IsRequired();
        builder.Property(v => v.ReviewedByName).HasMaxLength(120);
        builder.HasOne(v => v.Product).WithMany().HasForeignKey(v => v.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(v => new { v.ProductId, v.Number }).IsUnique();
    }
}

internal sealed class VisionContributionConfiguration : IEntityTypeConfiguration<VisionContribution>
{
    public void Configure(EntityTypeBuilder<VisionContribution> builder)
    {
        builder.Property(c => c.Part).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Text).HasMaxLength(VisionContribution.TextMaxLength).IsRequired();
        builder.Property(c => c.Answer).HasMaxLength(VisionContribution.TextMaxLength);
        builder.Property(c => c.AuthorName).HasMaxLength(120).IsRequired();
        builder.Property(c => c.AnsweredByName).HasMaxLength(120);
        builder.HasOne(c => c.Vision).WithMany().HasForeignKey(c => c.VisionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.ProductId, c.Status });
    }
}

internal sealed class ObjectiveConfiguration : IEntityTypeConfiguration<Objective>, IAuditLabel<Objective>
{
    public string? Label(Objective entity) => entity.Title;

    public void Configure(EntityTypeBuilder<Objective> builder)
    {
        builder.Property(o => o.Title).HasMaxLength(Objective.TitleMaxLength).IsRequired();
        builder.Property(o => o.Description).HasMaxLength(Objective.DescriptionMaxLength);
        builder.Property(o => o.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.Version).IsConcurrencyToken();
        builder.HasOne(o => o.Product).WithMany().HasForeignKey(o => o.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(o => new { o.ProductId, o.Position });
    }
}

internal sealed class ObjectivePriorityConfiguration : IEntityTypeConfiguration<ObjectivePriority>
{
    public void Configure(EntityTypeBuilder<ObjectivePriority> builder)
    {
        builder.HasOne(p => p.Objective).WithMany(o => o.Priorities).HasForeignKey(p => p.ObjectiveId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(p => p.MinistryPriority).WithMany().HasForeignKey(p => p.MinistryPriorityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.ObjectiveId, p.MinistryPriorityId }).IsUnique();
        builder.HasIndex(p => p.MinistryPriorityId);
    }
}

internal sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>, IAuditLabel<Indicator>
{
    public string? Label(Indicator entity) => entity.Name;

    public void Configure(EntityTypeBuilder<Indicator> builder)
    {
        builder.Property(i => i.Name).HasMaxLength(Indicator.NameMaxLength).IsRequired();
        builder.Property(i => i.Definition).HasMaxLength(Indicator.DefinitionMaxLength);
        builder.Property(i => i.CustomUnit).HasMaxLength(Indicator.UnitMaxLength);
        builder.Property(i => i.DataSource).HasMaxLength(Indicator.SourceMaxLength);
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Unit).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Direction).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Frequency).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Family).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.ObservatoryMeasure).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Baseline).HasPrecision(18, 4);
        builder.Property(i => i.Target).HasPrecision(18, 4);
        builder.Property(i => i.TargetMax).HasPrecision(18, 4);
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.HasOne(i => i.Product).WithMany().HasForeignKey(i => i.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(i => i.Objective).WithMany().HasForeignKey(i => i.ObjectiveId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(i => new { i.ProductId, i.Position });
        // One indicator per product and observatory measure (indicators without one: NULL, never equal to another).
        builder.HasIndex(i => new { i.ProductId, i.ObservatoryMeasure }).IsUnique();
    }
}

internal sealed class MeasurementConfiguration : IEntityTypeConfiguration<Measurement>, IAuditLabel<Measurement>
{
    public string? Label(Measurement entity) => entity.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public void Configure(EntityTypeBuilder<Measurement> builder)
    {
        builder.Property(m => m.Value).HasPrecision(18, 4);
        builder.Property(m => m.Comment).HasMaxLength(Measurement.CommentMaxLength);
        builder.Property(m => m.Source).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.AuthorName).HasMaxLength(120).IsRequired();
        builder.HasOne(m => m.Indicator).WithMany(i => i.Measurements).HasForeignKey(m => m.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        // One value per indicator and date: a retried push updates instead of duplicating.
        builder.HasIndex(m => new { m.IndicatorId, m.Date }).IsUnique();
        builder.HasIndex(m => new { m.ProductId, m.Date });
    }
}

internal sealed class IndicatorTemplateConfiguration : IEntityTypeConfiguration<IndicatorTemplate>, IAuditLabel<IndicatorTemplate>
{
    public string? Label(IndicatorTemplate entity) => entity.Name;

    public void Configure(EntityTypeBuilder<IndicatorTemplate> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(Indicator.NameMaxLength).IsRequired();
        builder.Property(t => t.Definition).HasMaxLength(Indicator.DefinitionMaxLength);
        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Unit).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Direction).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Family).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasOne(t => t.Typology).WithMany().HasForeignKey(t => t.TypologyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => t.TypologyId);
    }
}

internal sealed class PendingImportConfiguration : IEntityTypeConfiguration<PendingImport>
{
    public void Configure(EntityTypeBuilder<PendingImport> builder)
    {
        builder.Property(p => p.FileName).HasMaxLength(255).IsRequired();
        builder.HasIndex(p => p.CreatedAt);
    }
}
