namespace Cap.Data.Notifications;

/// <summary>
/// A mail's subject and body as a template writes them, ready for <see cref="MailOutbox.EnqueueMail(CapDbContext, string, MailText, string?, DateTimeOffset)"/>:
/// plain text always, an HTML alternative of the same content when the template writes one (digests), and the
/// one-click unsubscribe address when the mail offers one.
/// </summary>
public sealed record MailText(string Subject, string Body, string? Html = null, string? UnsubscribeUrl = null);
