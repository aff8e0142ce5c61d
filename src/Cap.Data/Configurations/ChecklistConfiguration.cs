using Cap.Data.Saving;
using Cap.Domain.Checklist;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cap.Data.Configurations;

internal sealed class ChecklistAssessmentConfiguration : IEntityTypeConfiguration<ChecklistAssessment>, IAuditLabel<ChecklistAssessment>
{
    public string? Label(ChecklistAssessment entity) => $"auto-évaluation n° {entity.Number}";

    public void Configure(EntityTypeBuilder<ChecklistAssessment> builder)
    {
        builder.Property(a => a.AuthorName).HasMaxLength(200).IsRequired();
        builder.HasOne(a => a.Product).WithMany().HasForeignKey(a => a.ProductId).OnDelete(DeleteBehavior.Cascade);
        // The latest assessment of a product is its highest number: the portfolio reads it through this index.
        builder.HasIndex(a => new { a.ProductId, a.Number }).IsUnique();
    }
}

internal sealed class ChecklistAnswerConfiguration : IEntityTypeConfiguration<ChecklistAnswer>, IAuditLabel<ChecklistAnswer>
{
    public string? Label(ChecklistAnswer entity) => entity.QuestionKey;

    public void Configure(EntityTypeBuilder<ChecklistAnswer> builder)
    {
        builder.Property(a => a.QuestionKey).HasMaxLength(ChecklistAnswer.KeyMaxLength).IsRequired();
        builder.Property(a => a.Value).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Comment).HasMaxLength(ChecklistAnswer.CommentMaxLength);
        builder.HasOne(a => a.Assessment).WithMany(x => x.Answers).HasForeignKey(a => a.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.AssessmentId, a.QuestionKey }).IsUnique();
    }
}
