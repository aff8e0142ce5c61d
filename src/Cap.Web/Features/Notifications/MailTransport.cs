using Cap.Domain.Notifications;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Cap.Web.Features.Notifications;

/// <summary>Hands one mail to a mail server; throws when it is refused or unreachable.</summary>
public interface IMailTransport
{
    Task SendAsync(OutboxMail mail, CancellationToken ct);
}

/// <summary>SMTP delivery with MailKit: one connection per mail (notifications are few), plain-text body with an HTML alternative when the mail has one.</summary>
public sealed class SmtpMailTransport(IOptions<MailOptions> options) : IMailTransport
{
    public async Task SendAsync(OutboxMail mail, CancellationToken ct)
    {
        var smtp = options.Value.Smtp;
        if (string.IsNullOrWhiteSpace(smtp.Host) || string.IsNullOrWhiteSpace(smtp.From))
        {
            throw new InvalidOperationException("Mail:Smtp:Host et Mail:Smtp:From doivent être configurés pour envoyer les courriels.");
        }
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(smtp.From));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Subject = mail.Subject;
        // Stable per outbox row: a mail sent twice (crash after the server accepted it) can be recognised as one.
        message.MessageId = $"cap-outbox-{mail.Id}@{smtp.Host}";
        var text = new TextPart("plain") { Text = mail.Body };
        // A digest carries an HTML alternative of the same content: multipart/alternative, text first (RFC 2046: the
        // richest last). Other mails stay plain text.
        message.Body = mail.HtmlBody is null
            ? text
            : new MultipartAlternative { text, new TextPart("html") { Text = mail.HtmlBody } };
        if (mail.UnsubscribeUrl is { } unsubscribe)
        {
            // RFC 2369 and RFC 8058: mail clients offer « se désabonner », and POST to the address without opening a page.
            message.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        using var client = new SmtpClient { Timeout = smtp.TimeoutSeconds * 1000 };
        var security = smtp.Port == 465 ? SecureSocketOptions.SslOnConnect : smtp.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None;
        await client.ConnectAsync(smtp.Host, smtp.Port, security, ct);
        if (!string.IsNullOrEmpty(smtp.User))
        {
            await client.AuthenticateAsync(smtp.User, smtp.Password ?? string.Empty, ct);
        }
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
    }
}
