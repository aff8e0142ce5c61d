using Cap.Data.Saving;
using Cap.Domain.Connectors;
using Cap.Domain.Satisfaction;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cap.Data.Configurations;

internal sealed class JdmaConnectionConfiguration : IEntityTypeConfiguration<JdmaConnection>, IAuditLabel<JdmaConnection>
{
    public string? Label(JdmaConnection entity) => "connexion JDMA";

    public void Configure(EntityTypeBuilder<JdmaConnection> builder)
    {
        builder.Property(c => c.BaseUrl).HasMaxLength(JdmaConnection.BaseUrlMaxLength).IsRequired();
        builder.Property(c => c.ProtectedKey).HasMaxLength(JdmaConnection.ProtectedKeyMaxLength).IsRequired();
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasOne(c => c.Product).WithMany().HasForeignKey(c => c.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Forms).WithOne().HasForeignKey(f => f.JdmaConnectionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => c.ProductId).IsUnique();
    }
}

internal sealed class JdmaFormMappingConfiguration : IEntityTypeConfiguration<JdmaFormMapping>, IAuditLabel<JdmaFormMapping>
{
    public string? Label(JdmaFormMapping entity) => $"formulaire JDMA « {entity.FormTitle} »";

    public void Configure(EntityTypeBuilder<JdmaFormMapping> builder)
    {
        builder.Property(f => f.ServiceTitle).HasMaxLength(JdmaFormMapping.TitleMaxLength).IsRequired();
        builder.Property(f => f.FormTitle).HasMaxLength(JdmaFormMapping.TitleMaxLength).IsRequired();
        builder.HasIndex(f => new { f.JdmaConnectionId, f.FormId }).IsUnique();
    }
}

internal sealed class JdmaOrganisationConnectionConfiguration : IEntityTypeConfiguration<JdmaOrganisationConnection>, IAuditLabel<JdmaOrganisationConnection>
{
    public string? Label(JdmaOrganisationConnection entity) => $"connexion JDMA de l’organisation « {entity.Name} »";

    public void Configure(EntityTypeBuilder<JdmaOrganisationConnection> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(JdmaOrganisationConnection.NameMaxLength).IsRequired();
        builder.Property(c => c.BaseUrl).HasMaxLength(JdmaConnection.BaseUrlMaxLength).IsRequired();
        builder.Property(c => c.ProtectedKey).HasMaxLength(JdmaConnection.ProtectedKeyMaxLength).IsRequired();
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasMany(c => c.Forms).WithOne().HasForeignKey(f => f.ConnectionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => c.Name).IsUnique();
    }
}

internal sealed class JdmaOrganisationFormConfiguration : IEntityTypeConfiguration<JdmaOrganisationForm>, IAuditLabel<JdmaOrganisationForm>
{
    public string? Label(JdmaOrganisationForm entity) => $"formulaire JDMA « {entity.FormTitle} » (connexion d’organisation)";

    public void Configure(EntityTypeBuilder<JdmaOrganisationForm> builder)
    {
        builder.Property(f => f.ServiceTitle).HasMaxLength(JdmaFormMapping.TitleMaxLength).IsRequired();
        builder.Property(f => f.FormTitle).HasMaxLength(JdmaFormMapping.TitleMaxLength).IsRequired();
        builder.HasOne(f => f.Product).WithMany().HasForeignKey(f => f.ProductId).OnDelete(DeleteBehavior.Cascade);
        // A form feeds one product: once per organisation connection (across connections, JdmaFormOwnership checks it).
        builder.HasIndex(f => new { f.ConnectionId, f.FormId }).IsUnique();
        builder.HasIndex(f => f.ProductId);
        builder.HasIndex(f => f.FormId);
    }
}

internal sealed class MatomoConnectionConfiguration : IEntityTypeConfiguration<MatomoConnection>, IAuditLabel<MatomoConnection>
{
    public string? Label(MatomoConnection entity) => "connexion Matomo";

    public void Configure(EntityTypeBuilder<MatomoConnection> builder)
    {
        builder.Property(c => c.BaseUrl).HasMaxLength(MatomoConnection.BaseUrlMaxLength).IsRequired();
        builder.Property(c => c.ProtectedToken).HasMaxLength(MatomoConnection.ProtectedTokenMaxLength).IsRequired();
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasOne(c => c.Product).WithMany().HasForeignKey(c => c.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Mappings).WithOne().HasForeignKey(m => m.MatomoConnectionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => c.ProductId).IsUnique();
    }
}

internal sealed class MatomoMetricMappingConfiguration : IEntityTypeConfiguration<MatomoMetricMapping>, IAuditLabel<MatomoMetricMapping>
{
    public string? Label(MatomoMetricMapping entity) => $"métrique Matomo « {entity.Metric.Label()} »";

    public void Configure(EntityTypeBuilder<MatomoMetricMapping> builder)
    {
        builder.Property(m => m.Metric).HasConversion<string>().HasMaxLength(30);
        // An indicator is fed by one Matomo figure at most; deleting the indicator removes its mapping.
        builder.HasOne(m => m.Indicator).WithMany().HasForeignKey(m => m.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => m.IndicatorId).IsUnique();
        builder.HasIndex(m => m.MatomoConnectionId);
    }
}

internal sealed class ExternalSatisfactionDayConfiguration : IEntityTypeConfiguration<ExternalSatisfactionDay>
{
    public void Configure(EntityTypeBuilder<ExternalSatisfactionDay> builder)
    {
        builder.Ignore(d => d.IsEmpty);
        builder.Property(d => d.Source).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Cap.Domain.Catalogue.Product>().WithMany().HasForeignKey(d => d.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => new { d.Kind, d.ConnectionId, d.Source, d.ServiceId, d.FormId, d.Day }).IsUnique();
        // The statistics, the indicator feed and the portfolio read a product's days.
        builder.HasIndex(d => new { d.ProductId, d.Day });
    }
}
