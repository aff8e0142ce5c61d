using Cap.Data.Saving;
using Cap.Domain.Satisfaction;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cap.Data.Configurations;

internal sealed class FeedbackFormConfiguration : IEntityTypeConfiguration<FeedbackForm>, IAuditLabel<FeedbackForm>
{
    public string? Label(FeedbackForm entity) => $"formulaire de satisfaction, version {entity.ConfigVersion}";

    public void Configure(EntityTypeBuilder<FeedbackForm> builder)
    {
        builder.Ignore(f => f.Questions);
        builder.Property(f => f.Version).IsConcurrencyToken();
        builder.HasOne(f => f.Product).WithMany().HasForeignKey(f => f.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => f.ProductId).IsUnique();
    }
}

internal sealed class FeedbackFormVersionConfiguration : IEntityTypeConfiguration<FeedbackFormVersion>, IAuditLabel<FeedbackFormVersion>
{
    public string? Label(FeedbackFormVersion entity) => $"questions du formulaire, version {entity.Number}";

    public void Configure(EntityTypeBuilder<FeedbackFormVersion> builder)
    {
        builder.Property(v => v.AuthorName).HasMaxLength(120).IsRequired();
        builder.HasOne(v => v.Form).WithMany().HasForeignKey(v => v.FormId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(v => new { v.FormId, v.Number }).IsUnique();
    }
}

internal sealed class PlacementConfiguration : IEntityTypeConfiguration<Placement>, IAuditLabel<Placement>
{
    public string? Label(Placement entity) => entity.Label;

    public void Configure(EntityTypeBuilder<Placement> builder)
    {
        builder.Ignore(p => p.Origins);
        builder.Property(p => p.Label).HasMaxLength(Placement.LabelMaxLength).IsRequired();
        builder.Property(p => p.PublicKey).HasMaxLength(Placement.KeyLength).IsRequired();
        builder.Property(p => p.AllowedOrigins).HasMaxLength(Placement.OriginsMaxLength).IsRequired();
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasOne(p => p.Form).WithMany().HasForeignKey(p => p.FormId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => p.PublicKey).IsUnique();
        builder.HasIndex(p => p.ProductId);
    }
}

/// <summary>
/// Append-only: no concurrency token, no timestamps to stamp, no audit. One index serves the reads (product and day:
/// verbatims, export, the naive statistics; a product has few placements, so a placement filter reads within it) and
/// one unique index makes a resent answer (same client key) a no-op and serves the placement foreign key. No more:
/// every index is one more B-tree written per answer on the intake's hot path (the statistics read the rollups).
/// </summary>
internal sealed class FeedbackAnswerConfiguration : IEntityTypeConfiguration<FeedbackAnswer>
{
    public void Configure(EntityTypeBuilder<FeedbackAnswer> builder)
    {
        builder.Property(a => a.Comment).HasMaxLength(FeedbackAnswer.CommentMaxLength);
        builder.Property(a => a.ClientKey).HasMaxLength(FeedbackAnswer.ClientKeyMaxLength);
        builder.Property(a => a.HelpChannels).HasConversion<int>();
        // Products and placements are never deleted in practice (archived instead); answers go with them if they are.
        builder.HasOne<Cap.Domain.Catalogue.Product>().WithMany().HasForeignKey(a => a.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Placement>().WithMany().HasForeignKey(a => a.PlacementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.ProductId, a.Day });
        builder.HasIndex(a => new { a.PlacementId, a.ClientKey }).IsUnique();
    }
}

/// <summary>
/// Daily totals per placement, kept by atomic upserts (<c>INSERT … ON CONFLICT (PlacementId, Day) DO UPDATE</c>, see
/// <c>SatisfactionRollups</c>): the unique index is the conflict target; the (product, day) index serves the statistics.
/// </summary>
internal sealed class FeedbackDailyRollupConfiguration : IEntityTypeConfiguration<FeedbackDailyRollup>
{
    public void Configure(EntityTypeBuilder<FeedbackDailyRollup> builder)
    {
        builder.HasOne<Cap.Domain.Catalogue.Product>().WithMany().HasForeignKey(r => r.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Placement>().WithMany().HasForeignKey(r => r.PlacementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.PlacementId, r.Day }).IsUnique();
        builder.HasIndex(r => new { r.ProductId, r.Day });
    }
}

internal sealed class VerbatimModerationConfiguration : IEntityTypeConfiguration<VerbatimModeration>, IAuditLabel<VerbatimModeration>
{
    public string? Label(VerbatimModeration entity) => $"verbatim n° {entity.AnswerId}";

    public void Configure(EntityTypeBuilder<VerbatimModeration> builder)
    {
        builder.Property(m => m.Reason).HasMaxLength(VerbatimModeration.ReasonMaxLength).IsRequired();
        builder.Property(m => m.ModeratorName).HasMaxLength(120).IsRequired();
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.HasOne<FeedbackAnswer>().WithMany().HasForeignKey(m => m.AnswerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => m.AnswerId).IsUnique();
        builder.HasIndex(m => new { m.ProductId, m.IsHidden });
    }
}
