using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Cap.Data;
using Cap.Data.Notifications;
using Cap.Domain.Catalogue;
using Cap.Domain.Committee;
using Cap.Domain.Notifications;
using Cap.Domain.Steering;
using Cap.Web.Features.Digests;
using Cap.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Cap.Web.Tests.Infrastructure.TestHttp;

namespace Cap.Web.Tests.Notifications;

/// <summary>
/// The weekly and committee digests (decision 0022): generated once per period, one mail per person, HTML and text
/// saying the same, sent through a real SMTP server, and stopped by the mail's own signed link.
/// Each test generates weeks of its own (a day far ahead), so the tests of a class never take each other's period.
/// </summary>
public abstract partial class DigestTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : CapWebFactory
{
    private const string OddName = "Démarche <b>test</b> & « co »";

    private async Task<DigestOutcome> WeeklyAsync(IServiceProvider services, DateOnly day)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WeeklyDigest>().GenerateAsync(day, "test", CancellationToken.None);
    }

    /// <summary>Two products of Karim Benali's team: one with a late indicator, one whose indicator changed status since the last digest.</summary>
    private Task<(string Late, int LateId, string Changed, int ChangedId)> TwoProductsAsync(DateOnly day) => QueryAsync(factory, async db =>
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var late = await TestProducts.AddWithJourneyTeamAsync(db, $"resume-a-{suffix}", $"{OddName} {suffix}", "Produit de test des résumés.", Phase.Mvp);
        var changed = await TestProducts.AddWithJourneyTeamAsync(db, $"resume-b-{suffix}", $"Suivi des résumés {suffix}", "Produit de test des résumés.", Phase.Mvp);
        await db.SaveChangesAsync();
        Indicator New(Product p, string name) => new()
        {
            ProductId = p.Id, Kind = IndicatorKind.Success, Name = name, Unit = IndicatorUnit.Percent, Direction = WantedDirection.Up,
            Baseline = 40, BaselineDate = day.AddYears(-1), Target = 80, TargetDate = day.AddYears(1), Frequency = UpdateFrequency.Monthly,
        };
        var lateIndicator = New(late, "Taux de dossiers <complets>");
        var changedIndicator = New(changed, "Délai moyen de réponse");
        db.Indicators.AddRange(lateIndicator, changedIndicator);
        await db.SaveChangesAsync();
        // Monthly, last measured 60 days before the digest's day: late (more than 46 days).
        db.Measurements.Add(new Measurement { IndicatorId = lateIndicator.Id, ProductId = late.Id, Date = day.AddDays(-60), Value = 55, Source = MeasurementSource.Entry, AuthorName = "Test" });
        // The last digest saw it on track; it has no measurement: « Pas de données » now.
        db.IndicatorStatusMarks.Add(new IndicatorStatusMark { IndicatorId = changedIndicator.Id, Status = IndicatorStatus.OnTrack, MarkedOn = day.AddDays(-7) });
        await db.SaveChangesAsync();
        return (late.Name, lateIndicator.Id, changed.Name, changedIndicator.Id);
    });

    [Fact]
    public async Task Weekly_digest_reaches_the_smtp_server_once_per_person_in_html_and_text_and_its_link_unsubscribes()
    {
        var day = Demo.Today.AddDays(7 * 30);
        var (lateName, lateId, changedName, changedId) = await TwoProductsAsync(day);
        await using var server = new TinySmtpServer([]);
        await using var app = factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("Mail:Mode", "Smtp");
            b.UseSetting("Mail:PollSeconds", "0.1");
            b.UseSetting("Mail:BatchSize", "200");
            b.UseSetting("Mail:Smtp:Host", "127.0.0.1");
            b.UseSetting("Mail:Smtp:Port", server.Port.ToString(CultureInfo.InvariantCulture));
            b.UseSetting("Mail:Smtp:UseStartTls", "false");
            b.UseSetting("Mail:Smtp:From", "Cap <ne-pas-repondre@cap.test>");
        });

        var outcome = await WeeklyAsync(app.Services, day);
        Assert.True(outcome.Generated);
        Assert.True(outcome.Mails > 0);
        var topic = DigestMails.Topic(DigestKind.Weekly, DigestRules.IsoWeekKey(day));
        var owner = Demo.ProductOwner;
        // One mail for Karim Benali although he is in several teams with something to say.
        Assert.Equal(1, await QueryAsync(factory, db => db.OutboxMails.CountAsync(m => m.Topic == topic && m.To == owner)));
        var recipients = await QueryAsync(factory, db => db.OutboxMails.Where(m => m.Topic == topic).Select(m => m.To).ToListAsync());
        Assert.Equal(recipients.Count, recipients.Distinct().Count());
        Assert.Equal(outcome.Mails, recipients.Count);

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await QueryAsync(factory, db => db.OutboxMails.AnyAsync(m => m.Topic == topic && m.SentAt == null)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
        // The outbox row's Message-ID tells this week's mail from the other tests' weeks the sender also delivered.
        var rowId = await QueryAsync(factory, db => db.OutboxMails.Where(m => m.Topic == topic && m.To == owner).Select(m => m.Id).SingleAsync());
        var delivery = Assert.Single(server.Accepted, d => d.Recipients.Contains(owner) && MessageId(d) == $"cap-outbox-{rowId}@127.0.0.1");
        using var message = MimeKit.MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(delivery.Data)));
        Assert.IsType<MimeKit.MultipartAlternative>(message.Body);
        Assert.Matches("produits$", message.Subject);
        var text = message.TextBody;
        var html = message.HtmlBody;
        Assert.NotNull(text);
        Assert.NotNull(html);

        // RFC 8058: the one-click address in the headers.
        var listUnsubscribe = message.Headers["List-Unsubscribe"];
        Assert.Matches("^<https?://[^>]+/courriels/desabonnement/un-clic\\?jeton=[^>]+>$", listUnsubscribe);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);

        // Well-formed, accessible HTML that encodes what it shows.
        var document = new HtmlParser(new HtmlParserOptions { IsStrictMode = true }).ParseDocument(html);
        Assert.Equal("fr", document.DocumentElement.GetAttribute("lang"));
        Assert.Single(document.QuerySelectorAll("h1"));
        var products = document.QuerySelectorAll("h2").Select(h => h.TextContent).ToList();
        Assert.Contains(lateName, products);
        Assert.Contains(changedName, products);
        Assert.DoesNotContain("<b>test</b>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<complets>", html, StringComparison.Ordinal);
        Assert.All(document.QuerySelectorAll("table"), t =>
        {
            Assert.NotNull(t.QuerySelector("caption"));
            Assert.All(t.QuerySelectorAll("thead th"), th => Assert.Equal("col", th.GetAttribute("scope")));
        });
        var changedRow = document.QuerySelectorAll("tr").Single(r => r.TextContent.Contains("Délai moyen de réponse", StringComparison.Ordinal) && r.TextContent.Contains(changedName, StringComparison.Ordinal));
        Assert.Equal(["En bonne voie", "Pas de données"], changedRow.QuerySelectorAll("td").Select(c => c.TextContent).ToArray());
        Assert.EndsWith($"/indicateurs/{changedId}", changedRow.QuerySelector("a")!.GetAttribute("href"), StringComparison.Ordinal);
        var lateLink = document.QuerySelectorAll("li a").Single(a => a.GetAttribute("href")!.EndsWith($"/indicateurs/{lateId}", StringComparison.Ordinal));
        Assert.Equal($"Taux de dossiers <complets> ({lateName})", lateLink.TextContent);
        // Every link is absolute and named for where it goes; the text part carries the same addresses and words.
        foreach (var anchor in document.QuerySelectorAll("a"))
        {
            var href = anchor.GetAttribute("href")!;
            Assert.Matches("^https?://", href);
            Assert.DoesNotMatch("^(ici|cliquez|lien)$", anchor.TextContent.Trim().ToLowerInvariant());
            Assert.Contains(href, text, StringComparison.Ordinal);
        }
        foreach (var words in new[] { lateName, changedName, "Taux de dossiers <complets>", "Délai moyen de réponse", "En bonne voie → Pas de données", "Données en retard" })
        {
            Assert.Contains(words, text, StringComparison.Ordinal);
        }
        Assert.Contains("Données en retard", document.Body!.TextContent, StringComparison.Ordinal);

        // The text's unsubscribe link opens a page that changes nothing until its button is pressed.
        var link = new Uri(Regex.Match(text, @"https?://\S+/courriels/desabonnement\?jeton=\S+").Value);
        using var visitor = factory.CreateClientFor(null);
        using (var page = await visitor.GetAsync(link.PathAndQuery))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("Ne plus recevoir « Résumé hebdomadaire de mes produits »", Html.Text(await Html.ParseAsync(page)), StringComparison.Ordinal);
        }
        var ownerId = await PersonIdAsync(factory, owner);
        Assert.False(await QueryAsync(factory, db => db.DigestPreferences.AnyAsync(p => p.PersonId == ownerId)));
        var form = (await RenderedForm.AllAsync(visitor, link.PathAndQuery)).Single(f => f.Text.Contains("Confirmer le désabonnement", StringComparison.Ordinal));
        using (var confirmed = await form.Set("submit", "confirmer").SubmitAsync(visitor))
        {
            Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
            Assert.Contains("Désabonnement confirmé", Html.Text(await Html.ParseAsync(confirmed)), StringComparison.Ordinal);
        }
        Assert.False(await QueryAsync(factory, db => db.DigestPreferences.Where(p => p.PersonId == ownerId && p.Kind == DigestKind.Weekly).Select(p => p.Receives).SingleAsync()));
        var audit = await QueryAsync(factory, db => db.AuditEntries.Where(a => a.EntityType == nameof(DigestPreference)).OrderByDescending(a => a.Id).FirstAsync());
        Assert.Contains("lien de désabonnement", audit.ActorName, StringComparison.Ordinal);

        // The next week's digest does not mail him; his teammates still get theirs.
        var next = await WeeklyAsync(app.Services, day.AddDays(7));
        Assert.True(next.Generated);
        var nextTopic = DigestMails.Topic(DigestKind.Weekly, DigestRules.IsoWeekKey(day.AddDays(7)));
        Assert.False(await QueryAsync(factory, db => db.OutboxMails.AnyAsync(m => m.Topic == nextTopic && m.To == owner)));
        Assert.True(await QueryAsync(factory, db => db.OutboxMails.AnyAsync(m => m.Topic == nextTopic)));
    }

    private static string MessageId(TinySmtpServer.Delivery delivery)
    {
        using var message = MimeKit.MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(delivery.Data)));
        return message.MessageId ?? string.Empty;
    }

    [Fact]
    public async Task A_period_is_generated_once_when_two_runs_race_and_again_never()
    {
        // A Monday, so that « later in the same week » stays in it whatever day the suite runs (a Sunday + 1 is next week).
        var day = Demo.Today.AddDays(7 * 40);
        day = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        var outcomes = await Task.WhenAll(WeeklyAsync(factory.Services, day), WeeklyAsync(factory.Services, day));
        var winner = Assert.Single(outcomes, o => o.Generated);
        Assert.Single(outcomes, o => !o.Generated);
        Assert.True(winner.Mails > 0);
        var key = DigestRules.IsoWeekKey(day);
        var topic = DigestMails.Topic(DigestKind.Weekly, key);
        Assert.Equal(1, await QueryAsync(factory, db => db.DigestRuns.CountAsync(r => r.Kind == DigestKind.Weekly && r.PeriodKey == key)));
        var mails = await QueryAsync(factory, db => db.OutboxMails.Where(m => m.Topic == topic).Select(m => m.To).ToListAsync());
        Assert.Equal(winner.Mails, mails.Count);
        Assert.Equal(mails.Count, mails.Distinct().Count());

        // Later in the same week: nothing more.
        var again = await WeeklyAsync(factory.Services, day.AddDays(1));
        Assert.False(again.Generated);
        Assert.Equal(mails.Count, await QueryAsync(factory, db => db.OutboxMails.CountAsync(m => m.Topic == topic)));
    }

    [Fact]
    public async Task Committee_digest_mails_the_agenda_and_dossier_links_to_the_committee_members_only()
    {
        var sessionDay = Demo.Today.AddDays(2);
        var (sessionId, requestId, productName) = await QueryAsync(factory, async db =>
        {
            var slug = $"comite-{Guid.NewGuid():N}"[..18];
            var product = await TestProducts.AddWithJourneyTeamAsync(db, slug, $"Comité <i>{slug}</i>", "Produit de test de l’ordre du jour.", Phase.Mvp);
            var session = new CommitteeSession { Date = sessionDay };
            db.CommitteeSessions.Add(session);
            await db.SaveChangesAsync();
            var request = new GateRequest
            {
                ProductId = product.Id, Kind = GateRequestKind.PassagePhase, FromPhase = Phase.Mvp, TargetPhase = Phase.Construction,
                Context = "Contexte.", Ask = "Passer en construction.", Status = GateRequestStatus.Inscrite, SessionId = session.Id, AuthorName = "Test",
            };
            db.GateRequests.Add(request);
            await db.SaveChangesAsync();
            return (session.Id, request.Id, product.Name);
        });

        await using var scope = factory.Services.CreateAsyncScope();
        var committee = scope.ServiceProvider.GetRequiredService<CommitteeDigest>();
        Assert.Contains(sessionId, await committee.DueSessionsAsync(2, TimeOnly.MinValue, CancellationToken.None));
        Assert.DoesNotContain(sessionId, await committee.DueSessionsAsync(1, TimeOnly.MinValue, CancellationToken.None));
        var outcome = await committee.GenerateAsync(sessionId, "test", CancellationToken.None);
        Assert.NotNull(outcome);
        Assert.True(outcome.Generated);

        var topic = DigestMails.Topic(DigestKind.Committee, sessionDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var mails = await QueryAsync(factory, db => db.OutboxMails.AsNoTracking().Where(m => m.Topic == topic).ToListAsync());
        // The committee's members, but those who said no to its digest (another test may have).
        var members = await QueryAsync(factory, db => db.People.Where(p => p.IsActive && (p.Roles & Cap.Domain.Platform.GlobalRoles.MembreComite) != 0
            && !db.DigestPreferences.Any(d => d.PersonId == p.Id && d.Kind == DigestKind.Committee && !d.Receives)).Select(p => p.Email).ToListAsync());
        Assert.Contains(Demo.MembreComite, members);
        Assert.Equal(members.Order(), mails.Select(m => m.To).Order());
        Assert.DoesNotContain(mails, m => m.To == Demo.ProductOwner);
        var jean = mails.Single(m => m.To == Demo.MembreComite);
        var document = new HtmlParser(new HtmlParserOptions { IsStrictMode = true }).ParseDocument(jean.HtmlBody!);
        var row = document.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent == productName);
        var dossier = row.QuerySelector("a")!;
        Assert.EndsWith($"/comite/demandes/{requestId}/dossier", dossier.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Equal($"Dossier de {productName}", dossier.TextContent);
        Assert.Contains("MVP → Construction", row.TextContent, StringComparison.Ordinal);
        Assert.Contains($"/comite/demandes/{requestId}/dossier", jean.Body, StringComparison.Ordinal);
        Assert.Contains(productName, jean.Body, StringComparison.Ordinal);
        Assert.NotNull(jean.UnsubscribeUrl);

        var again = await committee.GenerateAsync(sessionId, "test", CancellationToken.None);
        Assert.False(again!.Generated);
        Assert.DoesNotContain(sessionId, await committee.DueSessionsAsync(2, TimeOnly.MinValue, CancellationToken.None));
        Assert.Equal(mails.Count, await QueryAsync(factory, db => db.OutboxMails.CountAsync(m => m.Topic == topic)));
    }

    [Fact]
    public async Task Account_form_chooses_the_digests_and_the_api_reads_and_writes_the_same_choices()
    {
        using var jean = factory.CreateClientFor(Demo.MembreComite);
        var form = await RenderedForm.ReadAsync(jean, "/compte", "/compte?handler=Digests");
        // Opt-out: both boxes checked until he says otherwise.
        Assert.Equal(["Committee", "Weekly"], form.Values.Where(v => v.Key == "Receive").Select(v => v.Value).Order().ToArray());
        using (var saved = await form.SetAll("Receive", ["Weekly"]).Set("submit", "courriels").SubmitAsync(jean))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }
        using (var read = await jean.GetAsync("/api/v1/me/digests"))
        {
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
            using var json = await ReadJsonAsync(read);
            var byKind = json.RootElement.EnumerateArray().ToDictionary(e => e.GetProperty("kind").GetString()!, e => e.GetProperty("receives").GetBoolean());
            Assert.Equal(new Dictionary<string, bool> { ["weekly"] = true, ["committee"] = false }, byKind);
        }
        var again = await RenderedForm.ReadAsync(jean, "/compte", "/compte?handler=Digests");
        Assert.Equal(["Weekly"], again.Values.Where(v => v.Key == "Receive").Select(v => v.Value).ToArray());
        Assert.Contains("abonnement « Ordre du jour du comité produit »",
            await QueryAsync(factory, db => db.AuditEntries.OrderByDescending(a => a.Id).Select(a => a.EntityLabel).FirstAsync()), StringComparison.Ordinal);

        // A reader is no committee member: one box only, and the API refuses the committee's digest.
        using var reader = factory.CreateClientFor(Demo.Lecteur);
        var theirs = await RenderedForm.ReadAsync(reader, "/compte", "/compte?handler=Digests");
        Assert.Equal(["Weekly"], theirs.Values.Where(v => v.Key == "Receive").Select(v => v.Value).ToArray());
        using (var refused = await reader.PutAsync("/api/v1/me/digests", Json(new { committee = true })))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        }
        using (var empty = await reader.PutAsync("/api/v1/me/digests", Json(new { })))
        {
            Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        }
        using (var off = await reader.PutAsync("/api/v1/me/digests", Json(new { weekly = false })))
        {
            Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        }
        var none = await RenderedForm.ReadAsync(reader, "/compte", "/compte?handler=Digests");
        Assert.DoesNotContain(none.Values, v => v.Key == "Receive");

        // Jean takes the committee's digest back through the API.
        using (var back = await jean.PutAsync("/api/v1/me/digests", Json(new { committee = true })))
        {
            Assert.Equal(HttpStatusCode.OK, back.StatusCode);
            using var json = await ReadJsonAsync(back);
            Assert.True(json.RootElement.EnumerateArray().Single(e => e.GetProperty("kind").GetString() == "committee").GetProperty("receives").GetBoolean());
        }
    }

    [Fact]
    public async Task Tampered_expired_or_foreign_tokens_get_a_french_message_and_change_nothing_while_a_good_one_click_unsubscribes()
    {
        using var visitor = factory.CreateClientFor(null);
        var coachId = await PersonIdAsync(factory, Demo.Coach);
        await using var scope = factory.Services.CreateAsyncScope();
        var tokens = scope.ServiceProvider.GetRequiredService<UnsubscribeTokens>();
        var provider = scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>();
        var good = tokens.Create(coachId, DigestKind.Weekly);
        var expired = provider.CreateProtector(UnsubscribeTokens.Purpose).ToTimeLimitedDataProtector()
            .Protect($"{coachId}|1", DateTimeOffset.UtcNow.AddMinutes(-1));
        var foreign = provider.CreateProtector("Cap.Autre.Usage").ToTimeLimitedDataProtector().Protect($"{coachId}|1", DateTimeOffset.UtcNow.AddDays(1));
        var tampered = good[..^3] + (good[^3] == 'A' ? "B" : "A") + good[^2..];
        foreach (var token in new[] { "", "abc", tampered, expired, foreign })
        {
            using var page = await visitor.GetAsync($"/courriels/desabonnement?jeton={Uri.EscapeDataString(token)}");
            Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
            var body = Html.Text(await Html.ParseAsync(page));
            Assert.Contains("Lien de désabonnement invalide", body, StringComparison.Ordinal);
            Assert.Contains("Rien n’a été changé", body, StringComparison.Ordinal);
            using var click = await visitor.PostAsync($"/courriels/desabonnement/un-clic?jeton={Uri.EscapeDataString(token)}",
                new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
            Assert.Equal(HttpStatusCode.BadRequest, click.StatusCode);
        }
        Assert.False(await QueryAsync(factory, db => db.DigestPreferences.AnyAsync(p => p.PersonId == coachId)));

        // What a mail client sends for the List-Unsubscribe-Post header (RFC 8058), without cookie or page.
        using (var click = await visitor.PostAsync($"/courriels/desabonnement/un-clic?jeton={Uri.EscapeDataString(good)}",
            new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")])))
        {
            Assert.Equal(HttpStatusCode.OK, click.StatusCode);
        }
        Assert.False(await QueryAsync(factory, db => db.DigestPreferences.Where(p => p.PersonId == coachId && p.Kind == DigestKind.Weekly).Select(p => p.Receives).SingleAsync()));
    }

    [Fact]
    public async Task Administrators_generate_now_once_per_period_and_read_the_runs()
    {
        using var admin = factory.CreateClientFor(Demo.Administrateur);
        var key = DigestRules.IsoWeekKey(Demo.Today);
        var form = await RenderedForm.ReadAsync(admin, "/admin/courriels/resumes");
        using (var first = await form.Set("Kind", DigestKind.Weekly.Slug()).Set("submit", "generer").SubmitAsync(admin))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }
        using (var page = await admin.GetAsync("/admin/courriels/resumes"))
        {
            var text = Html.Text(await Html.ParseAsync(page));
            Assert.Contains("courriels mis dans la boîte d’envoi", text, StringComparison.Ordinal);
            Assert.Contains(key, text, StringComparison.Ordinal);
            Assert.Contains("(générer maintenant)", text, StringComparison.Ordinal);
        }
        var again = await RenderedForm.ReadAsync(admin, "/admin/courriels/resumes");
        using (var second = await again.Set("Kind", DigestKind.Weekly.Slug()).Set("submit", "generer").SubmitAsync(admin))
        {
            Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        }
        using (var page = await admin.GetAsync("/admin/courriels/resumes"))
        {
            Assert.Contains("déjà généré pour cette période", Html.Text(await Html.ParseAsync(page)), StringComparison.Ordinal);
        }
        Assert.Equal(1, await QueryAsync(factory, db => db.DigestRuns.CountAsync(r => r.Kind == DigestKind.Weekly && r.PeriodKey == key)));

        // No kind chosen: refused beside the field, nothing generated.
        var empty = await RenderedForm.ReadAsync(admin, "/admin/courriels/resumes");
        using (var refused = await empty.Set("submit", "generer").SubmitAsync(admin))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.Contains("Choisissez le résumé à générer.", Html.Text(await Html.ParseAsync(refused)), StringComparison.Ordinal);
        }

        // The outbox shows a generated digest, its HTML version beside the text.
        var mailId = await QueryAsync(factory, db => db.OutboxMails.Where(m => m.Topic == DigestMails.Topic(DigestKind.Weekly, key)).OrderBy(m => m.Id).Select(m => m.Id).FirstAsync());
        using var mail = await admin.GetAsync($"/admin/courriels/{mailId}");
        Assert.Equal(HttpStatusCode.OK, mail.StatusCode);
        var mailPage = await Html.ParseAsync(mail);
        Assert.NotNull(mailPage.QuerySelector("iframe[sandbox][title]"));

        using var coach = factory.CreateClientFor(Demo.Coach);
        using var forbidden = await coach.GetAsync("/admin/courriels/resumes");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }
}

public sealed class DigestTestsSqlite(SqliteCapFactory factory) : DigestTests<SqliteCapFactory>(factory);

public sealed class DigestTestsPostgres(PostgresCapFactory factory) : DigestTests<PostgresCapFactory>(factory);
