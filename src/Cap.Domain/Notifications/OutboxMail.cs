using Cap.Domain.Platform;

namespace Cap.Domain.Notifications;

/// <summary>
/// An e-mail waiting to be sent, written in the same transaction as the change that causes it so no notification
/// is lost; a background sender delivers it through SMTP and retries until it is accepted.
/// </summary>
public class OutboxMail : IAuditExempt
{
    public const int AddressMaxLength = 254;
    public const int SubjectMaxLength = 300;
    public const int BodyMaxLength = 20000;
    public const int ErrorMaxLength = 1000;
    public const int TopicMaxLength = 100;

    public long Id { get; set; }
    public string To { get; set; } = string.Empty;
    public string Subject { get; set; } = string.Empty;
    public const int UnsubscribeMaxLength = 2000;

    /// <summary>Plain-text body.</summary>
    public string Body { get; set; } = string.Empty;
    /// <summary>An HTML alternative of the same content (digests), sent with the text as multipart/alternative; null for text-only mails.</summary>
    public string? HtmlBody { get; set; }
    /// <summary>The one-click unsubscribe address (RFC 8058) sent as <c>List-Unsubscribe</c> with <c>List-Unsubscribe-Post</c>; null when the mail has none.</summary>
    public string? UnsubscribeUrl { get; set; }
    /// <summary>What caused it, for the outbox view and tests (e.g. "coaching-request:12").</summary>
    public string? Topic { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? LastError { get; set; }
}
