using Cap.Data.Saving;
using Cap.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cap.Data.Configurations;

internal sealed class DigestRunConfiguration : IEntityTypeConfiguration<DigestRun>
{
    public void Configure(EntityTypeBuilder<DigestRun> builder)
    {
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.PeriodKey).HasMaxLength(DigestRun.PeriodKeyMaxLength).IsRequired();
        builder.Property(r => r.Trigger).HasMaxLength(DigestRun.TriggerMaxLength).IsRequired();
        // The claim: one run per kind, period and scope. A second instance's insert fails here and it enqueues nothing.
        builder.HasIndex(r => new { r.Kind, r.PeriodKey, r.ScopeId }).IsUnique();
        builder.HasIndex(r => r.GeneratedAt);
    }
}

internal sealed class DigestPreferenceConfiguration : IEntityTypeConfiguration<DigestPreference>, IAuditLabel<DigestPreference>
{
    public string? Label(DigestPreference entity) => $"abonnement « {entity.Kind.Label()} »";

    public void Configure(EntityTypeBuilder<DigestPreference> builder)
    {
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasOne(p => p.Person).WithMany().HasForeignKey(p => p.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.PersonId, p.Kind }).IsUnique();
    }
}

internal sealed class IndicatorStatusMarkConfiguration : IEntityTypeConfiguration<IndicatorStatusMark>
{
    public void Configure(EntityTypeBuilder<IndicatorStatusMark> builder)
    {
        builder.HasKey(m => m.IndicatorId);
        builder.Property(m => m.IndicatorId).ValueGeneratedNever();
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Cap.Domain.Steering.Indicator>().WithMany().HasForeignKey(m => m.IndicatorId).OnDelete(DeleteBehavior.Cascade);
    }
}
