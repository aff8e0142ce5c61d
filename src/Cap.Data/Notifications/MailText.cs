namespace Cap.Data.Notifications;

/// <summary>A mail's subject and body as a template writes them, ready for <see cref="MailOutbox.EnqueueMail(CapDbContext, string, MailText, string?, DateTimeOffset)"/>.</summary>
public sealed record MailText(string Subject, string Body);
