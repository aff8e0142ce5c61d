using Cap.Domain.Iterations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cap.Data.Configurations;

internal sealed class IterationConfiguration : IEntityTypeConfiguration<Iteration>
{
    public void Configure(EntityTypeBuilder<Iteration> builder)
    {
        builder.Property(i => i.Goal).HasMaxLength(Iteration.GoalMaxLength).IsRequired();
        builder.Property(i => i.ReviewDelivered).HasMaxLength(Iteration.TextMaxLength);
        builder.Property(i => i.ReviewLearned).HasMaxLength(Iteration.TextMaxLength);
        builder.Property(i => i.ReviewFeedback).HasMaxLength(Iteration.TextMaxLength);
        builder.Property(i => i.DemoAudience).HasMaxLength(Iteration.AudienceMaxLength);
        builder.Property(i => i.Phase).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.HasOne(i => i.Product).WithMany().HasForeignKey(i => i.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => new { i.ProductId, i.Number }).IsUnique();
        builder.HasIndex(i => new { i.ProductId, i.Start });
    }
}

internal sealed class IterationInitiativeConfiguration : IEntityTypeConfiguration<IterationInitiative>
{
    public void Configure(EntityTypeBuilder<IterationInitiative> builder)
    {
        builder.Property(w => w.Outcome).HasConversion<string>().HasMaxLength(20);
        builder.HasOne(w => w.Iteration).WithMany(i => i.Initiatives).HasForeignKey(w => w.IterationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(w => w.Initiative).WithMany().HasForeignKey(w => w.InitiativeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<IterationInitiative>().WithMany().HasForeignKey(w => w.CarriedFromId).OnDelete(DeleteBehavior.NoAction);
        builder.HasIndex(w => new { w.IterationId, w.InitiativeId }).IsUnique();
        builder.HasIndex(w => w.InitiativeId);
        builder.HasIndex(w => w.CarriedFromId);
    }
}

internal sealed class IterationFeedbackLinkConfiguration : IEntityTypeConfiguration<IterationFeedbackLink>
{
    public void Configure(EntityTypeBuilder<IterationFeedbackLink> builder)
    {
        builder.Property(l => l.Note).HasMaxLength(IterationFeedbackLink.NoteMaxLength);
        builder.HasOne(l => l.Iteration).WithMany(i => i.FeedbackLinks).HasForeignKey(l => l.IterationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Cap.Domain.Satisfaction.FeedbackAnswer>().WithMany().HasForeignKey(l => l.FeedbackAnswerId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(l => l.IterationId);
        builder.HasIndex(l => l.FeedbackAnswerId);
    }
}

internal sealed class RitualConfiguration : IEntityTypeConfiguration<Ritual>
{
    public void Configure(EntityTypeBuilder<Ritual> builder)
    {
        builder.Property(r => r.Name).HasMaxLength(Ritual.NameMaxLength).IsRequired();
        builder.Property(r => r.Location).HasMaxLength(Ritual.LocationMaxLength);
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Frequency).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasOne<Cap.Domain.Catalogue.Product>().WithMany().HasForeignKey(r => r.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => r.ProductId);
    }
}
