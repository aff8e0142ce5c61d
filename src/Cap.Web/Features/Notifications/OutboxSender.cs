using Cap.Data;
using Cap.Domain;
using Cap.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

using Cap.Web.Shared.Hosting;

namespace Cap.Web.Features.Notifications;

/// <summary>
/// Delivers due mails of the outbox. Each mail is first claimed by moving its next attempt forward with an update
/// that only succeeds if nobody changed it since it was read, so several instances never send the same mail at
/// the same time. A mail is marked sent only once the server accepted it; a refusal or an unreachable server
/// counts an attempt, keeps the error and schedules the next one (30 s × 2ⁿ, at most 1 h): no mail is dropped.
/// </summary>
public sealed class OutboxSender(CapDbContext db, IMailTransport transport, TimeProvider time, IOptions<MailOptions> options, ILogger<OutboxSender> logger)
{
    /// <summary>Sends the due mails of one batch; returns how many were accepted by the server.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var due = await db.OutboxMails.AsNoTracking()
            .Where(m => m.SentAt == null && m.NextAttemptAt <= now)
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)
            .Take(Math.Max(1, settings.BatchSize))
            .ToListAsync(ct);
        var sent = 0;
        foreach (var mail in due)
        {
            var observed = mail.NextAttemptAt;
            var claimedUntil = time.GetUtcNow().AddSeconds(settings.ClaimSeconds);
            var claimed = await db.OutboxMails
                .Where(m => m.Id == mail.Id && m.SentAt == null && m.NextAttemptAt == observed)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, claimedUntil), ct);
            if (claimed == 0)
            {
                continue; // Another instance took it.
            }
            try
            {
                await transport.SendAsync(mail, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                var attempts = mail.Attempts + 1;
                var error = Text.Truncate(e is MailKit.Net.Smtp.SmtpCommandException refused
                    ? $"SMTP {(int)refused.StatusCode} : {refused.Message}"
                    : $"{e.GetType().Name} : {e.Message}", OutboxMail.ErrorMaxLength);
                var next = time.GetUtcNow() + Backoff(attempts, settings.RetryBaseSeconds, settings.RetryMaxSeconds);
                await db.OutboxMails.Where(m => m.Id == mail.Id && m.SentAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.Attempts, attempts).SetProperty(m => m.LastError, error).SetProperty(m => m.NextAttemptAt, next), CancellationToken.None);
                logger.LogWarning("Courriel {MailId} refusé (tentative {Attempts}), nouvel essai le {Next:O} : {Error}", mail.Id, attempts, next, error);
                continue;
            }
            var sentAt = time.GetUtcNow();
            await db.OutboxMails.Where(m => m.Id == mail.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Attempts, mail.Attempts + 1).SetProperty(m => m.SentAt, sentAt), CancellationToken.None);
            sent++;
        }
        return sent;
    }

    /// <summary>The delay before the next attempt after <paramref name="attempts"/> failed ones: base × 2^(attempts−1), capped.</summary>
    public static TimeSpan Backoff(int attempts, double baseSeconds, double maxSeconds) =>
        Cap.Data.Coordination.Backoff.Delay(attempts, baseSeconds, maxSeconds);
}

/// <summary>In <see cref="MailMode.Smtp"/>, looks at the outbox every few seconds and sends what is due.</summary>
public sealed class OutboxSenderService(IServiceScopeFactory scopes, IOptions<MailOptions> options, ILogger<OutboxSenderService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (settings.Mode != MailMode.Smtp)
        {
            logger.LogInformation("Courriels en mode boîte d’envoi : ils restent lisibles dans /admin/courriels et ne sont pas envoyés.");
            return;
        }
        await PeriodicPasses.RunAsync(TimeSpan.FromSeconds(Math.Max(0.05, settings.PollSeconds)), runFirst: true, async ct =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var sender = scope.ServiceProvider.GetRequiredService<OutboxSender>();
            // Go on while full batches are sent, then wait for the next tick.
            while (await sender.SendDueAsync(ct) >= settings.BatchSize && !ct.IsCancellationRequested)
            {
            }
        },
        // The database may be briefly unreachable: the mails wait in the outbox for the next tick.
        (e, _) => logger.LogError(e, "Lecture de la boîte d’envoi impossible ; nouvel essai au prochain passage."), stoppingToken);
    }
}
