using Cap.Data.Saving;
using Cap.Domain.Catalogue;
using Cap.Domain.Committee;
using Cap.Domain.LifeCycle;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cap.Data.Configurations;

internal sealed class GateRequestConfiguration : IEntityTypeConfiguration<GateRequest>, IAuditLabel<GateRequest>
{
    public string? Label(GateRequest entity) => $"demande de passage {entity.FromPhase.Label()} → {entity.TargetPhase.Label()}";

    public void Configure(EntityTypeBuilder<GateRequest> builder)
    {
        builder.Ignore(r => r.IsOpen);
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.FromPhase).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.TargetPhase).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Context).HasMaxLength(GateRequest.ContextMaxLength).IsRequired();
        builder.Property(r => r.Ask).HasMaxLength(GateRequest.AskMaxLength).IsRequired();
        builder.Property(r => r.AuthorName).HasMaxLength(120).IsRequired();
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasOne(r => r.Product).WithMany().HasForeignKey(r => r.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.Session).WithMany(s => s.Agenda).HasForeignKey(r => r.SessionId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(r => new { r.ProductId, r.CreatedAt });
        builder.HasIndex(r => new { r.Status, r.SubmittedAt });
        builder.HasIndex(r => r.SessionId);
        // One open request per product, even when two are sent at the same time (same SQL on SQLite and PostgreSQL).
        builder.HasIndex(r => r.ProductId).IsUnique().HasFilter("\"Status\" IN ('Brouillon', 'Soumise', 'Inscrite')")
            .HasDatabaseName("IX_GateRequests_OneOpenPerProduct");
    }
}

internal sealed class CommitteeSessionConfiguration : IEntityTypeConfiguration<CommitteeSession>, IAuditLabel<CommitteeSession>
{
    public string? Label(CommitteeSession entity) => $"séance du comité du {entity.Date.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)}";

    public void Configure(EntityTypeBuilder<CommitteeSession> builder)
    {
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Notes).HasMaxLength(CommitteeSession.NotesMaxLength);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasIndex(s => s.Date);
    }
}

internal sealed class SessionMemberConfiguration : IEntityTypeConfiguration<SessionMember>
{
    public void Configure(EntityTypeBuilder<SessionMember> builder)
    {
        builder.HasOne(m => m.Session).WithMany(s => s.Members).HasForeignKey(m => m.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.Person).WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.SessionId, m.PersonId }).IsUnique();
        builder.HasIndex(m => m.PersonId);
    }
}

internal sealed class GateDecisionConfiguration : IEntityTypeConfiguration<GateDecision>, IAuditLabel<GateDecision>
{
    public string? Label(GateDecision entity) => $"décision « {CommitteeLabels.Label(entity.Outcome)} » ({CommitteeLabels.Subject(entity.Kind, entity.FromPhase, entity.TargetPhase)})";

    public void Configure(EntityTypeBuilder<GateDecision> builder)
    {
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.FromPhase).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.TargetPhase).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Outcome).HasConversion<string>().HasMaxLength(30);
        builder.Property(d => d.SupportNeeds).HasConversion<int>();
        builder.Property(d => d.Summary).HasMaxLength(GateDecision.SummaryMaxLength).IsRequired();
        builder.Property(d => d.DecidedByName).HasMaxLength(120).IsRequired();
        builder.HasOne(d => d.Product).WithMany().HasForeignKey(d => d.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(d => d.GateRequest).WithMany().HasForeignKey(d => d.GateRequestId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(d => d.Session).WithMany().HasForeignKey(d => d.SessionId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(d => d.CorrectsDecision).WithMany().HasForeignKey(d => d.CorrectsDecisionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(d => d.Assessments).WithOne().HasForeignKey(a => a.DecisionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(d => d.Conditions).WithOne(c => c.Decision).HasForeignKey(c => c.DecisionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => new { d.ProductId, d.DecidedAt });
        builder.HasIndex(d => d.DecidedAt);
        builder.HasIndex(d => d.GateRequestId);
        builder.HasIndex(d => d.SessionId);
        builder.HasIndex(d => d.CorrectsDecisionId);
    }
}

internal sealed class AspectAssessmentConfiguration : IEntityTypeConfiguration<AspectAssessment>, IAuditLabel<AspectAssessment>
{
    public string? Label(AspectAssessment entity) => CommitteeLabels.Label(entity.Aspect);

    public void Configure(EntityTypeBuilder<AspectAssessment> builder)
    {
        builder.Property(a => a.Aspect).HasConversion<string>().HasMaxLength(30);
        builder.Property(a => a.Rating).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Comment).HasMaxLength(AspectAssessment.CommentMaxLength);
        builder.HasIndex(a => new { a.DecisionId, a.Aspect }).IsUnique();
    }
}

internal sealed class GateConditionConfiguration : IEntityTypeConfiguration<GateCondition>, IAuditLabel<GateCondition>
{
    public string? Label(GateCondition entity) => $"condition « {entity.Description} »";

    public void Configure(EntityTypeBuilder<GateCondition> builder)
    {
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Description).HasMaxLength(GateCondition.DescriptionMaxLength).IsRequired();
        builder.Property(c => c.OwnerName).HasMaxLength(120).IsRequired();
        builder.Property(c => c.Evidence).HasMaxLength(GateCondition.EvidenceMaxLength);
        builder.Property(c => c.EvidenceLink).HasMaxLength(GateCondition.LinkMaxLength);
        builder.Property(c => c.DeclaredByName).HasMaxLength(120);
        builder.Property(c => c.ConfirmedByName).HasMaxLength(120);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasOne(c => c.Product).WithMany().HasForeignKey(c => c.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.Owner).WithMany().HasForeignKey(c => c.OwnerId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(c => new { c.Status, c.DueDate });
        builder.HasIndex(c => new { c.ProductId, c.Status });
        builder.HasIndex(c => c.OwnerId);
    }
}

/// <summary>The committee decision behind a phase change (the life cycle's foundation leaves the key unconstrained).</summary>
internal sealed class PhaseChangeDecisionConfiguration : IEntityTypeConfiguration<PhaseChange>
{
    public void Configure(EntityTypeBuilder<PhaseChange> builder)
    {
        builder.HasOne<GateDecision>().WithMany().HasForeignKey(c => c.GateDecisionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.GateDecisionId);
    }
}
