using Cap.Data.Saving;
using Cap.Domain.Catalogue;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cap.Data.Configurations;

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>, IAuditLabel<Product>
{
    public string? Label(Product entity) => entity.Name;

    public void Configure(EntityTypeBuilder<Product> builder)
    {
        builder.Property(p => p.Slug).HasMaxLength(Product.SlugMaxLength).IsRequired();
        builder.HasIndex(p => p.Slug).IsUnique();
        builder.Property(p => p.Name).HasMaxLength(Product.NameMaxLength).IsRequired();
        // The catalogue sorts by the folded text (accent-insensitive name order), archived or not.
        builder.HasIndex(p => p.SearchText);
        builder.Property(p => p.Summary).HasMaxLength(Product.SummaryMaxLength).IsRequired();
        builder.Property(p => p.Url).HasMaxLength(Product.UrlMaxLength);
        builder.Property(p => p.Users).HasMaxLength(Product.UsersMaxLength);
        builder.Property(p => p.KeyFigures).HasMaxLength(Product.KeyFiguresMaxLength);
        builder.Property(p => p.SearchText).HasMaxLength(Product.NameMaxLength + Product.SlugMaxLength + Product.SummaryMaxLength + 2).IsRequired();
        builder.Property(p => p.Phase).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasOne(p => p.Directorate).WithMany().HasForeignKey(p => p.DirectorateId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.Domain).WithMany().HasForeignKey(p => p.DomainId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.Typology).WithMany().HasForeignKey(p => p.TypologyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.IsArchived, p.SearchText });
        builder.HasIndex(p => new { p.DomainId, p.IsArchived });
        builder.HasIndex(p => new { p.DirectorateId, p.IsArchived });
        builder.HasIndex(p => new { p.Phase, p.IsArchived });
        // Products whose phase has lasted long (the committee's home): a range of this index, oldest first.
        builder.HasIndex(p => p.PhaseSince);
        builder.HasIndex(p => new { p.TypologyId, p.IsArchived });
    }
}

internal sealed class TeamMemberConfiguration : IEntityTypeConfiguration<TeamMember>, IAuditLabel<TeamMember>
{
    public string? Label(TeamMember entity) => entity.Person is null ? entity.Role.Label() : $"{entity.Person.DisplayName} ({entity.Role.Label()})";

    public void Configure(EntityTypeBuilder<TeamMember> builder)
    {
        builder.Property(m => m.Role).HasConversion<string>().HasMaxLength(30);
        // The guide's roles are a set of bits (decision 0019): stored as an integer, so that « holds a designer » is one
        // bitwise test in the flags' query on both databases; the audit trail writes them by name.
        builder.Property(m => m.ChosenRoles).HasConversion<int>();
        builder.HasOne(m => m.Product).WithMany(p => p.Team).HasForeignKey(m => m.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.Person).WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Restrict);
        // A person holds one role in a given team.
        builder.HasIndex(m => new { m.ProductId, m.PersonId }).IsUnique();
        builder.HasIndex(m => m.PersonId);
    }
}
