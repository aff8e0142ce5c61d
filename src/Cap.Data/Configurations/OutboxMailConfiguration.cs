using Cap.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cap.Data.Configurations;

internal sealed class OutboxMailConfiguration : IEntityTypeConfiguration<OutboxMail>
{
    public void Configure(EntityTypeBuilder<OutboxMail> builder)
    {
        builder.ToTable("OutboxMails");
        builder.Property(m => m.To).HasMaxLength(OutboxMail.AddressMaxLength).IsRequired();
        builder.Property(m => m.Subject).HasMaxLength(OutboxMail.SubjectMaxLength).IsRequired();
        builder.Property(m => m.Body).HasMaxLength(OutboxMail.BodyMaxLength).IsRequired();
        builder.Property(m => m.UnsubscribeUrl).HasMaxLength(OutboxMail.UnsubscribeMaxLength);
        builder.Property(m => m.Topic).HasMaxLength(OutboxMail.TopicMaxLength);
        builder.Property(m => m.LastError).HasMaxLength(OutboxMail.ErrorMaxLength);
        // The sender's query: unsent mails whose next attempt is due.
        builder.HasIndex(m => new { m.SentAt, m.NextAttemptAt });
        builder.HasIndex(m => m.Topic);
    }
}
