namespace Cap.Web.Features.Notifications;

/// <summary>How notification e-mails leave the outbox.</summary>
public enum MailMode
{
    /// <summary>Mails stay in the outbox, read by administrators at /admin/courriels (the embedded demo).</summary>
    Outbox,
    /// <summary>The background sender delivers them through the SMTP server of <see cref="MailOptions.Smtp"/>.</summary>
    Smtp,
}

/// <summary>Configuration section <c>Mail</c>.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    public MailMode Mode { get; set; } = MailMode.Outbox;
    /// <summary>Seconds between two looks at the outbox.</summary>
    public double PollSeconds { get; set; } = 5;
    /// <summary>Mails taken per look.</summary>
    public int BatchSize { get; set; } = 20;
    /// <summary>First retry delay; it doubles with each failed attempt (30 s, 1 min, 2 min…).</summary>
    public double RetryBaseSeconds { get; set; } = 30;
    /// <summary>Longest delay between two attempts.</summary>
    public double RetryMaxSeconds { get; set; } = 3600;
    /// <summary>How long a claimed mail is left to the instance sending it before another may take it.</summary>
    public double ClaimSeconds { get; set; } = 300;
    public SmtpOptions Smtp { get; set; } = new();
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    /// <summary>STARTTLS required on the connection (port 587). On port 465 the connection is TLS from the start.</summary>
    public bool UseStartTls { get; set; } = true;
    public string? User { get; set; }
    /// <summary>From the environment (<c>Mail__Smtp__Password</c>) or a secret store, never in a committed file.</summary>
    public string? Password { get; set; }
    /// <summary>Sender address, e.g. <c>Cap &lt;ne-pas-repondre@cap.example.gouv.fr&gt;</c>.</summary>
    public string? From { get; set; }
    public int TimeoutSeconds { get; set; } = 30;
}
