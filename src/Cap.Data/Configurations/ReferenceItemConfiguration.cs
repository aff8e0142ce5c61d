using Cap.Data.Saving;
using Cap.Domain.Catalogue;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cap.Data.Configurations;

/// <summary>Each reference list is its own table with the same columns.</summary>
internal abstract class ReferenceItemConfiguration<T> : IEntityTypeConfiguration<T>, IAuditLabel<T> where T : ReferenceItem
{
    public string? Label(T entity) => entity.Name;

    protected abstract string Table { get; }

    public void Configure(EntityTypeBuilder<T> builder)
    {
        builder.ToTable(Table);
        builder.Property(r => r.Code).HasMaxLength(ReferenceItem.CodeMaxLength).IsRequired();
        builder.HasIndex(r => r.Code).IsUnique();
        builder.Property(r => r.Name).HasMaxLength(ReferenceItem.NameMaxLength).IsRequired();
        builder.HasIndex(r => r.Name).IsUnique();
        builder.Property(r => r.Description).HasMaxLength(ReferenceItem.DescriptionMaxLength);
        builder.Property(r => r.Version).IsConcurrencyToken();
    }
}

internal sealed class DirectorateConfiguration : ReferenceItemConfiguration<Directorate>
{
    protected override string Table => "Directorates";
}

internal sealed class BusinessDomainConfiguration : ReferenceItemConfiguration<BusinessDomain>
{
    protected override string Table => "Domains";
}

internal sealed class MinistryPriorityConfiguration : ReferenceItemConfiguration<MinistryPriority>
{
    protected override string Table => "MinistryPriorities";
}

internal sealed class TypologyConfiguration : ReferenceItemConfiguration<Typology>
{
    protected override string Table => "Typologies";
}
