using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Cap.Data;
using Cap.Data.Coordination;
using Cap.Data.Notifications;
using Cap.Domain.Steering;
using Cap.Web.Tests.Infrastructure;
using Cap.Web.Tests.Notifications;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Cap.Web.Tests.Platform;

/// <summary>
/// Two real Cap processes (the built Cap.Web.dll) on one PostgreSQL database, as behind a load balancer: a session
/// opened on one is honoured by the other, a write on one is read on the other, the intake's rate limit is shared, an
/// import started on one shows its progress on the other, an import whose instance dies is finished by another, and a
/// mail of the outbox is sent once. Everything a person does goes through the pages' own forms.
/// </summary>
public sealed class TwoInstancesTests(TwoInstancesTests.Instances instances, ITestOutputHelper output) : IClassFixture<TwoInstancesTests.Instances>, IDisposable
{
    private const int PerClientPerMinute = 5;

    public void Dispose()
    {
        while (instances.Logs.TryDequeue(out var line))
        {
            try
            {
                output.WriteLine(line);
            }
            catch (InvalidOperationException)
            {
                return;
            }
        }
    }

    [Fact]
    public async Task A_session_opened_on_one_instance_is_honoured_by_the_other_and_a_write_on_one_is_read_on_the_other()
    {
        using var http = Instances.NewBrowser();
        var indicatorId = await instances.NewIndicatorAsync("Délai de réponse (deux instances)");
        var details = $"/produits/{Demo.JourneyProductSlug}/indicateurs/{indicatorId}";

        // Not signed in, the other instance sends to the sign-in page.
        using (var anonymous = await http.GetAsync(new Uri(instances.B, details)))
        {
            Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
            Assert.Contains("/connexion", anonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
        await instances.SignInAsync(http, instances.A);
        using (var page = await http.GetAsync(new Uri(instances.B, details)))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            // The header's account link names the person signed in on A.
            var account = (await Html.ParseAsync(page)).QuerySelector("a[href='/compte']");
            Assert.Equal(await instances.OwnerNameAsync(), account?.TextContent.Trim());
        }

        // The measurement form as instance A renders it, submitted to A; the antiforgery token of A is B's too.
        var comment = $"Saisie sur l’instance A ({Guid.NewGuid():N})";
        var onA = (await RenderedForm.AllAsync(http, new Uri(instances.A, details).ToString())).Single(f => f.Text.Contains("Enregistrer la mesure", StringComparison.Ordinal));
        using (var saved = await onA.Set("Measurement.Date", "2025-06-15").Set("Measurement.Value", "42,5").Set("Measurement.Comment", comment).SubmitAsync(http))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }
        using (var read = await http.GetAsync(new Uri(instances.B, details)))
        {
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
            Assert.Contains(comment, Html.Text(await Html.ParseAsync(read)), StringComparison.Ordinal);
        }
        // A form rendered by B and submitted to A is accepted as well (same antiforgery keys).
        var second = $"Saisie sur l’instance B ({Guid.NewGuid():N})";
        var onB = (await RenderedForm.AllAsync(http, new Uri(instances.B, details).ToString())).Single(f => f.Text.Contains("Enregistrer la mesure", StringComparison.Ordinal));
        using (var form = await onB.Set("Measurement.Date", "2025-07-15").Set("Measurement.Value", "40").Set("Measurement.Comment", second).SubmitAsync(http, site: instances.A))
        {
            Assert.Equal(HttpStatusCode.Redirect, form.StatusCode);
        }
        await using var db = instances.NewDb();
        Assert.Equal(new[] { comment, second }, await db.Measurements.Where(m => m.IndicatorId == indicatorId).OrderBy(m => m.Date).Select(m => m.Comment!).ToListAsync());
    }

    [Fact]
    public async Task The_intake_limit_per_client_holds_across_both_instances()
    {
        string key;
        int placementId;
        await using (var db = instances.NewDb())
        {
            var placement = await db.Placements.AsNoTracking()
                .Where(p => p.IsEnabled && db.FeedbackForms.Any(f => f.Id == p.FormId && f.IsEnabled))
                .OrderBy(p => p.Id).FirstAsync();
            (key, placementId) = (placement.PublicKey, placement.Id);
        }
        using var http = Instances.NewBrowser();
        async Task<HttpResponseMessage> AnswerAsync(Uri instance)
        {
            using var body = new StringContent("""{"experience":3}""", Encoding.UTF8, "application/json");
            return await http.PostAsync(new Uri(instance, $"/api/v1/satisfaction/{key}/answers"), body);
        }
        static long Minute() => DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 60;

        // The windows are minutes of the clock: a sequence that straddles two of them proves nothing and is run again,
        // in a minute of its own (a loaded machine may take seconds per answer).
        List<HttpResponseMessage> responses = [];
        var before = 0;
        for (var attempt = 1; ; attempt++)
        {
            if (DateTime.UtcNow.Second > 30 || attempt > 1)
            {
                await Task.Delay(TimeSpan.FromSeconds(60.5 - DateTime.UtcNow.Second - (DateTime.UtcNow.Millisecond / 1000.0)));
            }
            before = await AnswersAsync(placementId);
            var minute = Minute();
            foreach (var response in responses)
            {
                response.Dispose();
            }
            responses = [];
            // Five answers alternately on A and B, then three more on A, B, A.
            for (var n = 0; n < PerClientPerMinute + 3; n++)
            {
                responses.Add(await AnswerAsync(n < PerClientPerMinute ? (n % 2 == 0 ? instances.A : instances.B) : (n % 2 == 1 ? instances.A : instances.B)));
            }
            if (Minute() == minute)
            {
                break;
            }
            output.WriteLine($"Attempt {attempt} straddled two minutes: run again.");
            Assert.True(attempt < 3, "Three attempts straddled two minutes.");
        }
        Assert.All(responses.Take(PerClientPerMinute), r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        foreach (var refused in responses.Skip(PerClientPerMinute))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            var retryAfter = int.Parse(refused.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture);
            Assert.InRange(retryAfter, 1, 60);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        }
        foreach (var response in responses)
        {
            response.Dispose();
        }
        Assert.Equal(before + PerClientPerMinute, await AnswersAsync(placementId));
        await using (var db = instances.NewDb())
        {
            // One shared counter for the client in this minute, whatever instance counted.
            var counters = await db.Set<RateLimitCounter>().AsNoTracking().Where(c => c.Partition.StartsWith($"client/{PerClientPerMinute}:")).ToListAsync();
            var counter = counters.OrderByDescending(c => c.WindowStart).First();
            Assert.InRange(counter.Count, PerClientPerMinute, PerClientPerMinute + 2);
        }
    }

    [Fact]
    public async Task An_import_confirmed_on_one_instance_shows_its_progress_on_the_other()
    {
        const int rows = 5_000;
        using var http = Instances.NewBrowser();
        await instances.SignInAsync(http, instances.A);
        var indicatorId = await instances.NewIndicatorAsync("Demandes traitées (import sur deux instances)");
        var progress = await ConfirmImportAsync(http, instances.A, indicatorId, rows);

        // The other instance follows the job: its status, then its page, which leads to the outcome.
        var seen = new List<(string Stage, int Written, int Total)>();
        var clock = Stopwatch.StartNew();
        while (true)
        {
            using var status = await http.GetAsync(new Uri(instances.B, progress + "?handler=Status"));
            Assert.Equal(HttpStatusCode.OK, status.StatusCode);
            using var json = JsonDocument.Parse(await status.Content.ReadAsStringAsync());
            var state = (json.RootElement.GetProperty("stage").GetString()!, json.RootElement.GetProperty("written").GetInt32(), json.RootElement.GetProperty("total").GetInt32());
            seen.Add(state);
            if (state.Item1 is "Done" or "Failed")
            {
                break;
            }
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(5), "The import did not end within five minutes.");
            await Task.Delay(50);
        }
        output.WriteLine($"Seen on B: {string.Join(", ", seen.Distinct().Select(s => $"{s.Stage} {s.Written}/{s.Total}"))}");
        Assert.Equal(("Done", rows, rows), seen[^1]);
        Assert.Contains(seen, s => s.Stage == "Writing" && s.Total == rows && s.Written < rows);
        // The written count only grows, as instance A reports it.
        var writing = seen.Where(s => s.Stage == "Writing").Select(s => s.Written).ToList();
        Assert.Equal(writing.Order(), writing);

        using (var page = await http.GetAsync(new Uri(instances.B, progress)))
        {
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            using var outcome = await http.GetAsync(new Uri(instances.B, page.Headers.Location!.OriginalString));
            Assert.Contains($"Import terminé : {rows} mesure(s) ajoutée(s)", Html.Text(await Html.ParseAsync(outcome)), StringComparison.Ordinal);
        }
        await using var db = instances.NewDb();
        Assert.Equal(rows, await db.Measurements.CountAsync(m => m.IndicatorId == indicatorId));
        var job = await db.Set<ImportJobState>().AsNoTracking().SingleAsync(j => j.IndicatorId == indicatorId);
        Assert.Equal((ImportStage.Done, 1, (string?)null), (job.Stage, job.Attempts, job.Owner));
    }

    [Fact]
    public async Task An_import_whose_instance_dies_is_finished_once_by_another()
    {
        const int rows = 10_000;
        var third = await instances.StartAsync("c");
        try
        {
            using var http = Instances.NewBrowser();
            await instances.SignInAsync(http, third.Url);
            var indicatorId = await instances.NewIndicatorAsync("Demandes traitées (instance arrêtée)");
            var progress = await ConfirmImportAsync(http, third.Url, indicatorId, rows);
            // Killed in the middle of its transaction, as soon as the job reports rows written.
            var clock = Stopwatch.StartNew();
            while (true)
            {
                await using var db = instances.NewDb();
                var row = await db.Set<ImportJobState>().AsNoTracking().SingleAsync(j => j.IndicatorId == indicatorId);
                Assert.NotEqual(ImportStage.Done, row.Stage);
                if (row.Stage == ImportStage.Writing && row.Written > 0)
                {
                    break;
                }
                Assert.True(clock.Elapsed < TimeSpan.FromMinutes(3), "The import did not start writing within three minutes.");
                await Task.Delay(20);
            }
            third.Process.Kill(entireProcessTree: true);
            await third.Process.WaitForExitAsync();

            // Its lease runs out and one of the two others takes the job again; both keep showing it.
            clock.Restart();
            string stage;
            do
            {
                await Task.Delay(200);
                using var status = await http.GetAsync(new Uri(clock.Elapsed.TotalSeconds % 2 < 1 ? instances.A : instances.B, progress + "?handler=Status"));
                Assert.Equal(HttpStatusCode.OK, status.StatusCode);
                using var json = JsonDocument.Parse(await status.Content.ReadAsStringAsync());
                stage = json.RootElement.GetProperty("stage").GetString()!;
                Assert.True(clock.Elapsed < TimeSpan.FromMinutes(5), "The import was not finished by another instance within five minutes.");
            }
            while (stage != "Done");

            await using var check = instances.NewDb();
            Assert.Equal(rows, await check.Measurements.CountAsync(m => m.IndicatorId == indicatorId));
            var job = await check.Set<ImportJobState>().AsNoTracking().SingleAsync(j => j.IndicatorId == indicatorId);
            Assert.Equal((ImportStage.Done, 2, rows, rows), (job.Stage, job.Attempts, job.Added, job.Total));
            // Written once: the killed run's transaction rolled back, the second one committed (one audit entry).
            var id = indicatorId.ToString(CultureInfo.InvariantCulture);
            Assert.Equal(1, await check.AuditEntries.CountAsync(a => a.EntityType == nameof(Measurement) && a.EntityId == id && a.EntityLabel!.StartsWith("Import de")));
        }
        finally
        {
            third.Stop();
        }
    }

    [Fact]
    public async Task Each_mail_of_the_outbox_is_sent_once_by_the_two_senders()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var recipients = Enumerable.Range(0, 30).Select(n => $"deux-instances-{run}-{n}@cap.test").ToList();
        await using (var db = instances.NewDb())
        {
            foreach (var to in recipients)
            {
                db.EnqueueMail(to, "Test de deux instances", "Bonjour,\nun courriel envoyé une seule fois.", "test:two-instances", DateTimeOffset.UtcNow.AddSeconds(-1));
            }
            await db.SaveChangesAsync();
        }
        var clock = Stopwatch.StartNew();
        while (true)
        {
            await using var db = instances.NewDb();
            if (await db.OutboxMails.CountAsync(m => m.Topic == "test:two-instances" && recipients.Contains(m.To) && m.SentAt != null) == recipients.Count)
            {
                break;
            }
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(3), "The mails were not all sent within three minutes.");
            await Task.Delay(100);
        }
        // Both senders poll ten times a second: a second delivery would have happened by now.
        await Task.Delay(TimeSpan.FromSeconds(1));
        var delivered = instances.Smtp.Accepted.SelectMany(d => d.Recipients).Where(recipients.Contains).ToList();
        Assert.Equal(recipients.Order(), delivered.Order());
        await using (var db = instances.NewDb())
        {
            Assert.All(await db.OutboxMails.AsNoTracking().Where(m => recipients.Contains(m.To)).ToListAsync(), m => Assert.Equal(1, m.Attempts));
        }
    }

    [Fact]
    public async Task The_weekly_digest_is_generated_once_by_the_two_instances_and_each_person_receives_it_once()
    {
        var key = Cap.Domain.Notifications.DigestRules.IsoWeekKey(Demo.Today);
        var topic = DigestMails.Topic(Cap.Domain.Notifications.DigestKind.Weekly, key);
        var clock = Stopwatch.StartNew();
        List<string> recipients;
        while (true)
        {
            await using var db = instances.NewDb();
            recipients = await db.OutboxMails.Where(m => m.Topic == topic).Select(m => m.To).ToListAsync();
            if (recipients.Count > 0 && !await db.OutboxMails.AnyAsync(m => m.Topic == topic && m.SentAt == null))
            {
                break;
            }
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(3), "The weekly digest was not generated and sent within three minutes.");
            await Task.Delay(100);
        }
        // Both schedulers have looked several times since (twice a second each).
        await Task.Delay(TimeSpan.FromSeconds(2));
        await using (var db = instances.NewDb())
        {
            var runs = await db.DigestRuns.AsNoTracking().Where(r => r.Kind == Cap.Domain.Notifications.DigestKind.Weekly && r.PeriodKey == key).ToListAsync();
            var run = Assert.Single(runs);
            var mails = await db.OutboxMails.AsNoTracking().Where(m => m.Topic == topic).Select(m => m.To).ToListAsync();
            Assert.Equal(run.MailCount, mails.Count);
            Assert.Equal(mails.Count, mails.Distinct().Count());
        }
        var received = instances.Smtp.Accepted
            .Select(d => MimeKit.MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(d.Data))))
            .Where(m => m.Subject?.StartsWith("[Cap] Résumé de la semaine", StringComparison.Ordinal) == true)
            .Select(m => m.To.Mailboxes.Single().Address).ToList();
        Assert.Equal(recipients.Order(), received.Order());
    }

    /// <summary>Uploads a CSV of <paramref name="rows"/> daily measurements through the import page's form, confirms it with the preview's form, and returns the progress page's path.</summary>
    private static async Task<string> ConfirmImportAsync(HttpClient http, Uri instance, int indicatorId, int rows)
    {
        var csv = new StringBuilder("date;valeur\n");
        var first = new DateOnly(1920, 1, 1);
        for (var day = 0; day < rows; day++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{first.AddDays(day):yyyy-MM-dd};{day % 100},5\n");
        }
        var page = new Uri(instance, $"/produits/{Demo.JourneyProductSlug}/indicateurs/{indicatorId}/import");
        var upload = (await RenderedForm.AllAsync(http, page.ToString())).Single(f => f.Enctype == "multipart/form-data");
        using var preview = await upload.Attach("file", "mesures.csv", Encoding.UTF8.GetBytes(csv.ToString())).SubmitAsync(http);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var html = await preview.Content.ReadAsStringAsync();
        Assert.Contains($"{rows} mesure(s) lisible(s)", html, StringComparison.Ordinal);
        using var confirm = await (await RenderedForm.InAsync(preview, page.ToString(), "handler=Commit")).SubmitAsync(http);
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        var progress = confirm.Headers.Location!.OriginalString;
        Assert.Matches($"^/produits/{Demo.JourneyProductSlug}/indicateurs/{indicatorId}/import/[0-9a-f-]{{36}}$", progress);
        return progress;
    }

    private async Task<int> AnswersAsync(int placementId)
    {
        await using var db = instances.NewDb();
        return await db.FeedbackAnswers.CountAsync(a => a.PlacementId == placementId);
    }

    /// <summary>The database (a copy of the seeded demo template), a small SMTP server, and the two instances A and B.</summary>
    public sealed class Instances : IAsyncLifetime
    {
        private readonly PostgresCapFactory _database = new();
        private readonly List<Instance> _started = [];
        private string _connectionString = string.Empty;

        public ConcurrentQueue<string> Logs { get; } = new();
        internal TinySmtpServer Smtp { get; } = new([]);
        public Uri A { get; private set; } = default!;
        public Uri B { get; private set; } = default!;

        public sealed record Instance(Uri Url, Process Process)
        {
            public void Stop()
            {
                if (!Process.HasExited)
                {
                    Process.Kill(entireProcessTree: true);
                    Process.WaitForExit(10_000);
                }
                Process.Dispose();
            }
        }

        public async Task InitializeAsync()
        {
            _connectionString = _database.ConnectionString;
            // One after the other: the first finds the copy migrated and seeded, as a rolling deployment would.
            A = (await StartAsync("a")).Url;
            B = (await StartAsync("b")).Url;
        }

        public async Task DisposeAsync()
        {
            foreach (var instance in _started)
            {
                try
                {
                    instance.Stop();
                }
                catch (InvalidOperationException)
                {
                    // already gone
                }
            }
            await Smtp.DisposeAsync();
            await _database.DisposeAsync();
        }

        /// <summary>Starts one more Cap process on the database and waits until it answers.</summary>
        public async Task<Instance> StartAsync(string name)
        {
            var port = CapProcess.FreePort();
            var url = new Uri($"http://127.0.0.1:{port}");
            var process = CapProcess.Start(url,
            [
                "--environment", "Testing",
                "--Database:Provider", "Postgres", "--ConnectionStrings:Cap", _connectionString, "--Database:SeedDemoData", "true",
                "--Authentication:DemoSignIn:Enabled", "true",
                "--Satisfaction:PerClientPerMinute", PerClientPerMinute.ToString(CultureInfo.InvariantCulture),
                "--Satisfaction:PlacementCacheSeconds", "0",
                "--Mail:Mode", "Smtp", "--Mail:PollSeconds", "0.1", "--Mail:Smtp:Host", "127.0.0.1",
                "--Mail:Smtp:Port", Smtp.Port.ToString(CultureInfo.InvariantCulture), "--Mail:Smtp:UseStartTls", "false",
                "--Mail:Smtp:From", "Cap <ne-pas-repondre@cap.test>",
                // Both instances generate the digests due at start-up, then look at the schedule twice a second.
                "--Digests:RunAtStartup", "true", "--Digests:PollSeconds", "0.5",
                "--Import:InlineWaitSeconds", "0", "--Import:ProgressSeconds", "0.1", "--Import:LeaseSeconds", "5", "--Import:RecoverySeconds", "0.5",
                "--Logging:LogLevel:Default", "Warning",
            ], (line, error) => Logs.Enqueue($"{name}{(error ? "!" : ">")} {line}"));
            var instance = new Instance(url, process);
            _started.Add(instance);
            await CapProcess.WaitHealthyAsync(url, process, TimeSpan.FromMinutes(5));
            return instance;
        }

        /// <summary>A browser of its own: cookies kept (they go to both instances, as to one address behind a load balancer), redirects not followed.</summary>
        public static HttpClient NewBrowser() =>
            new(new HttpClientHandler { CookieContainer = new CookieContainer(), UseCookies = true, AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(60) };

        public CapDbContext NewDb() =>
            new(new DbContextOptionsBuilder<CapDbContext>().UseNpgsql(_connectionString).Options, SystemActor.Instance, TimeProvider.System);

        public async Task<string> OwnerNameAsync()
        {
            await using var db = NewDb();
            return await db.People.Where(p => p.Email == Demo.ProductOwner).Select(p => p.DisplayName).SingleAsync();
        }

        /// <summary>Signs in as the journey product's owner with the demo sign-in form that <paramref name="instance"/> renders.</summary>
        public async Task SignInAsync(HttpClient http, Uri instance)
        {
            var name = await OwnerNameAsync();
            using var response = await RenderedForm.SignInAsDemoAsync(http, name, instance.ToString().TrimEnd('/'));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/", response.Headers.Location?.OriginalString);
        }

        public async Task<int> NewIndicatorAsync(string name)
        {
            await using var db = NewDb();
            var product = await db.Products.SingleAsync(p => p.Slug == Demo.JourneyProductSlug);
            var indicator = new Indicator
            {
                ProductId = product.Id, Kind = IndicatorKind.Success, Name = name, Unit = IndicatorUnit.Number, Direction = WantedDirection.Up,
                Baseline = 10, BaselineDate = new DateOnly(2025, 1, 1), Target = 80, TargetDate = new DateOnly(2027, 12, 31), Frequency = UpdateFrequency.Monthly,
            };
            db.Indicators.Add(indicator);
            await db.SaveChangesAsync();
            return indicator.Id;
        }
    }
}
