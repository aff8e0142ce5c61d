using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Cap.Data;
using Cap.Data.Notifications;
using Cap.Domain.Notifications;
using Cap.Web.Features.Notifications;
using Cap.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Cap.Web.Tests.Infrastructure.TestHttp;

namespace Cap.Web.Tests.Notifications;

public sealed class OutboxBackoffTests
{
    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(7, 1920)]
    [InlineData(8, 3600)]
    [InlineData(500, 3600)]
    public void Retry_delay_doubles_from_30_seconds_and_stops_at_one_hour(int attempts, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), OutboxSender.Backoff(attempts, 30, 3600));
}

public abstract class OutboxTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : CapWebFactory
{
    private async Task<long> EnqueueAsync(string to, string subject, string body = "Bonjour,\nune demande d’accompagnement attend votre réponse.")
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CapDbContext>();
        var mail = db.EnqueueMail(to, subject, body, "test:outbox", DateTimeOffset.UtcNow.AddSeconds(-1));
        await db.SaveChangesAsync();
        return mail.Id;
    }

    private async Task<OutboxMail> MailAsync(WebApplicationFactory<Program> app, long id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CapDbContext>().OutboxMails.AsNoTracking().SingleAsync(m => m.Id == id);
    }

    [Fact]
    public async Task Refused_mail_is_retried_until_the_smtp_server_accepts_it_and_is_received_once()
    {
        // First delivery: 451 at RCPT; second: 554 after DATA; then the server accepts.
        await using var server = new TinySmtpServer(["451 4.3.0 Réessayez plus tard", "554 5.6.0 Transaction refusée"]);
        await using var app = factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("Mail:Mode", "Smtp");
            b.UseSetting("Mail:PollSeconds", "0.1");
            b.UseSetting("Mail:RetryBaseSeconds", "0.2");
            b.UseSetting("Mail:Smtp:Host", "127.0.0.1");
            b.UseSetting("Mail:Smtp:Port", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            b.UseSetting("Mail:Smtp:UseStartTls", "false");
            b.UseSetting("Mail:Smtp:From", "Cap <ne-pas-repondre@cap.test>");
        });
        var id = await EnqueueAsync("Sophie.Bernard@demo.cap.gouv.fr", "Nouvelle demande d’accompagnement");
        using (app.CreateClient())
        {
            // Starting the host starts the sender.
        }

        var deadline = DateTime.UtcNow.AddSeconds(30);
        OutboxMail mail;
        while ((mail = await MailAsync(app, id)).SentAt is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.NotNull(mail.SentAt);
        Assert.Equal(3, mail.Attempts);
        Assert.Contains("554", mail.LastError, StringComparison.Ordinal);
        var received = Assert.Single(server.Accepted);
        Assert.Equal(["sophie.bernard@demo.cap.gouv.fr"], received.Recipients);
        using var message = MimeKit.MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(received.Data)));
        Assert.Equal("Nouvelle demande d’accompagnement", message.Subject);
        Assert.Equal("sophie.bernard@demo.cap.gouv.fr", Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal(3, server.Sessions);
        await Task.Delay(500);
        Assert.Single(server.Accepted);
    }

    [Fact]
    public async Task Two_senders_at_once_deliver_each_mail_exactly_once()
    {
        var ids = new List<long>();
        for (var i = 0; i < 6; i++)
        {
            ids.Add(await EnqueueAsync($"equipe{i}@demo.cap.gouv.fr", $"Concurrence {i}"));
        }
        var transport = new CountingTransport();
        await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var sender = ActivatorUtilities.CreateInstance<OutboxSender>(scope.ServiceProvider, transport);
            await sender.SendDueAsync(CancellationToken.None);
        }));

        Assert.All(ids, id => Assert.Equal(1, transport.Count(id)));
        foreach (var id in ids)
        {
            var mail = await MailAsync(factory, id);
            Assert.NotNull(mail.SentAt);
            Assert.Equal(1, mail.Attempts);
        }
    }

    [Fact]
    public async Task Unreachable_server_keeps_the_mail_with_its_error_and_a_later_attempt()
    {
        var id = await EnqueueAsync("karim.benali@demo.cap.gouv.fr", "Changement de statut");
        await using var scope = factory.Services.CreateAsyncScope();
        var sender = ActivatorUtilities.CreateInstance<OutboxSender>(scope.ServiceProvider, new FailingTransport());
        var before = DateTimeOffset.UtcNow;

        await sender.SendDueAsync(CancellationToken.None);

        var mail = await MailAsync(factory, id);
        Assert.Null(mail.SentAt);
        Assert.Equal(1, mail.Attempts);
        Assert.Contains("Connexion refusée", mail.LastError, StringComparison.Ordinal);
        Assert.InRange(mail.NextAttemptAt, before.AddSeconds(29), DateTimeOffset.UtcNow.AddSeconds(31));
    }

    [Fact]
    public async Task Administrators_read_the_outbox_filter_unsent_mails_and_open_one()
    {
        var id = await EnqueueAsync("helene.petit@demo.cap.gouv.fr", "Nouveau message de l’équipe", "Bonjour Hélène,\n\nL’équipe a répondu.");
        using var admin = factory.CreateClientFor(Demo.Administrateur);

        using var list = await admin.GetAsync("/admin/courriels?etat=en-attente");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var text = Html.Text(await Html.ParseAsync(list));
        Assert.Contains("Mode boîte d’envoi", text, StringComparison.Ordinal);
        Assert.Contains("Nouveau message de l’équipe", text, StringComparison.Ordinal);
        Assert.Contains("helene.petit@demo.cap.gouv.fr", text, StringComparison.Ordinal);

        using var alias = await admin.GetAsync("/administration/courriels");
        Assert.Equal(HttpStatusCode.OK, alias.StatusCode);

        using var one = await admin.GetAsync($"/admin/courriels/{id}");
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        var document = await Html.ParseAsync(one);
        Assert.Equal("Bonjour Hélène,\n\nL’équipe a répondu.", document.QuerySelector(".cap-mail-body")!.TextContent);

        // Sent mails leave the « Non envoyés » filter.
        await QueryAsync(factory, db => db.OutboxMails.Where(m => m.Id == id).ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, DateTimeOffset.UtcNow)));
        using var after = await admin.GetAsync("/admin/courriels?etat=en-attente");
        Assert.DoesNotContain("Nouveau message de l’équipe", Html.Text(await Html.ParseAsync(after)), StringComparison.Ordinal);
        using var all = await admin.GetAsync("/admin/courriels");
        Assert.Contains("Nouveau message de l’équipe", Html.Text(await Html.ParseAsync(all)), StringComparison.Ordinal);

        using var coach = factory.CreateClientFor(Demo.Coach);
        using var refused = await coach.GetAsync($"/admin/courriels/{id}");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    private sealed class CountingTransport : IMailTransport
    {
        private readonly ConcurrentDictionary<long, int> _counts = new();

        public int Count(long id) => _counts.GetValueOrDefault(id);

        public async Task SendAsync(OutboxMail mail, CancellationToken ct)
        {
            _counts.AddOrUpdate(mail.Id, 1, (_, n) => n + 1);
            await Task.Delay(20, ct);
        }
    }

    private sealed class FailingTransport : IMailTransport
    {
        public Task SendAsync(OutboxMail mail, CancellationToken ct) => throw new SocketException((int)SocketError.ConnectionRefused, "Connexion refusée");
    }
}

/// <summary>
/// A minimal SMTP server on a free local port: answers the scripted refusals to the first deliveries (a 4xx at RCPT
/// for the first, a 5xx after DATA for the next), then accepts; records what it accepted.
/// </summary>
internal sealed class TinySmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Queue<string> _refusals;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _sessions;

    public sealed record Delivery(IReadOnlyList<string> Recipients, string Data);

    public ConcurrentQueue<Delivery> Accepted { get; } = new();
    public int Sessions => _sessions;
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public TinySmtpServer(IEnumerable<string> refusals)
    {
        _refusals = new Queue<string>(refusals);
        _listener.Start();
        _loop = Task.Run(AcceptLoopAsync);
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            using (client)
            {
                try
                {
                    await SessionAsync(client);
                }
                catch (IOException)
                {
                    // The client closed the connection after a refusal.
                }
            }
        }
    }

    private async Task SessionAsync(TcpClient client)
    {
        var session = Interlocked.Increment(ref _sessions);
        string? refusal;
        lock (_refusals)
        {
            _refusals.TryDequeue(out refusal);
        }
        var refuseAtRcpt = refusal is not null && refusal.StartsWith('4');
        await using var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.UTF8);
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 localhost ESMTP test");
        var recipients = new List<string>();
        while (await reader.ReadLineAsync(_stop.Token) is { } line)
        {
            var command = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
            switch (command)
            {
                case "EHLO":
                    await writer.WriteLineAsync("250-localhost");
                    await writer.WriteLineAsync("250 8BITMIME");
                    break;
                case "HELO" or "NOOP" or "RSET":
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "MAIL":
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "RCPT":
                    if (refuseAtRcpt)
                    {
                        await writer.WriteLineAsync(refusal);
                    }
                    else
                    {
                        var start = line.IndexOf('<', StringComparison.Ordinal) + 1;
                        recipients.Add(line[start..line.IndexOf('>', start)]);
                        await writer.WriteLineAsync("250 OK");
                    }
                    break;
                case "DATA":
                    await writer.WriteLineAsync("354 Fin par <CRLF>.<CRLF>");
                    var data = new StringBuilder();
                    while (await reader.ReadLineAsync(_stop.Token) is { } dataLine && dataLine != ".")
                    {
                        data.Append(dataLine).Append("\r\n");
                    }
                    if (refusal is not null)
                    {
                        await writer.WriteLineAsync(refusal);
                    }
                    else
                    {
                        Accepted.Enqueue(new Delivery(recipients.ToList(), data.ToString()));
                        await writer.WriteLineAsync($"250 OK message {session}");
                    }
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 Au revoir");
                    return;
                default:
                    await writer.WriteLineAsync("502 Commande non prise en charge");
                    break;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }
        _stop.Dispose();
    }
}

public sealed class OutboxTestsSqlite(SqliteCapFactory factory) : OutboxTests<SqliteCapFactory>(factory);

public sealed class OutboxTestsPostgres(PostgresCapFactory factory) : OutboxTests<PostgresCapFactory>(factory);
