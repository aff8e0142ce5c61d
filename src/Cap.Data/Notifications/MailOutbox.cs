using Cap.Domain;
using Cap.Domain.Notifications;

namespace Cap.Data.Notifications;

/// <summary>
/// The one way to send an e-mail: add it to the outbox in the same unit of work as the change that causes it, then
/// save. The background sender (Cap.Web) delivers it and retries while the mail server refuses it.
/// </summary>
public static class MailOutbox
{
    public static OutboxMail EnqueueMail(this CapDbContext db, string to, string subject, string body, string? topic, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(to);
        var mail = new OutboxMail
        {
            To = to.Trim().ToLowerInvariant(),
            Subject = Text.Truncate(subject, OutboxMail.SubjectMaxLength),
            Body = Text.Truncate(body, OutboxMail.BodyMaxLength),
            Topic = topic is null ? null : Text.Truncate(topic, OutboxMail.TopicMaxLength),
            CreatedAt = now,
            NextAttemptAt = now,
        };
        db.OutboxMails.Add(mail);
        return mail;
    }

    /// <summary>A mail written by a template (<see cref="CoachingMails"/>…).</summary>
    public static OutboxMail EnqueueMail(this CapDbContext db, string to, MailText mail, string? topic, DateTimeOffset now)
    {
        var row = db.EnqueueMail(to, mail.Subject, mail.Body, topic, now);
        // HTML is never cut (a truncated document is not well formed): a template keeps its own size.
        row.HtmlBody = mail.Html;
        row.UnsubscribeUrl = mail.UnsubscribeUrl is { Length: <= OutboxMail.UnsubscribeMaxLength } url ? url : null;
        return row;
    }
}
