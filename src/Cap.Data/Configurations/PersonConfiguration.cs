using Cap.Data.Saving;
using Cap.Domain.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cap.Data.Configurations;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>, IAuditLabel<Person>
{
    public string? Label(Person entity) => entity.DisplayName;

    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.Property(p => p.DisplayName).HasMaxLength(Person.NameMaxLength).IsRequired();
        builder.Property(p => p.Email).HasMaxLength(Person.EmailMaxLength).IsRequired();
        builder.HasIndex(p => p.Email).IsUnique();
        builder.Property(p => p.ExternalSubject).HasMaxLength(255);
        builder.HasIndex(p => p.ExternalSubject).IsUnique();
        builder.Property(p => p.Organisation).HasMaxLength(120);
        builder.Property(p => p.Version).IsConcurrencyToken();
    }
}
