using Cap.Data.Saving;
using Cap.Domain.Compliance;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cap.Data.Configurations;

internal sealed class ProductComplianceConfiguration : IEntityTypeConfiguration<ProductCompliance>, IAuditLabel<ProductCompliance>
{
    public string? Label(ProductCompliance entity) => "fiche de conformité";

    public void Configure(EntityTypeBuilder<ProductCompliance> builder)
    {
        builder.Property(c => c.RgaaRate).HasPrecision(4, 1);
        builder.Property(c => c.RgesnScore).HasPrecision(4, 1);
        builder.Property(c => c.RgaaStatementUrl).HasMaxLength(ProductCompliance.UrlMaxLength);
        builder.Property(c => c.RgesnDeclarationUrl).HasMaxLength(ProductCompliance.UrlMaxLength);
        builder.Property(c => c.RgpdRegisterEntry).HasMaxLength(ProductCompliance.RegisterMaxLength);
        builder.Property(c => c.RgaaStatementStatus).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Dpia).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasOne(c => c.Product).WithMany().HasForeignKey(c => c.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => c.ProductId).IsUnique();
        // The flags' query: homologations ending before a date, and public products.
        builder.HasIndex(c => c.HomologationValidUntil);
        builder.HasIndex(c => new { c.IsPublic, c.RgaaRate });
    }
}

internal sealed class SigApprovalConfiguration : IEntityTypeConfiguration<SigApproval>, IAuditLabel<SigApproval>
{
    public string? Label(SigApproval entity) => $"agrément SIG n° {entity.Number}";

    public void Configure(EntityTypeBuilder<SigApproval> builder)
    {
        builder.Ignore(a => a.State);
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.PrincipleOutcome).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.FinalOutcome).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Note).HasMaxLength(SigApproval.NoteMaxLength);
        builder.Property(a => a.PrincipleReservations).HasMaxLength(SigApproval.ReservationsMaxLength);
        builder.Property(a => a.FinalReservations).HasMaxLength(SigApproval.ReservationsMaxLength);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasOne(a => a.Product).WithMany().HasForeignKey(a => a.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Checks).WithOne().HasForeignKey(c => c.SigApprovalId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.ProductId, a.Number }).IsUnique();
        // « Has an agrément de principe »: one lookup per product in the flags' query.
        builder.HasIndex(a => new { a.ProductId, a.PrincipleOutcome });
    }
}

internal sealed class SigApprovalCheckConfiguration : IEntityTypeConfiguration<SigApprovalCheck>, IAuditLabel<SigApprovalCheck>
{
    public string? Label(SigApprovalCheck entity) => $"vérification « {entity.Check.Label()} »";

    public void Configure(EntityTypeBuilder<SigApprovalCheck> builder)
    {
        builder.Property(c => c.Check).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.Note).HasMaxLength(SigApprovalCheck.NoteMaxLength);
        builder.HasIndex(c => new { c.SigApprovalId, c.Check }).IsUnique();
    }
}
