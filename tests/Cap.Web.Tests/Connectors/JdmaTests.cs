using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Cap.Data;
using Cap.Domain.Connectors;
using Cap.Domain.Satisfaction;
using Cap.Web.Shared.Connectors;
using Cap.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static Cap.Web.Tests.Infrastructure.TestHttp;

namespace Cap.Web.Tests.Connectors;

/// <summary>
/// The JDMA connector against a JDMA-shaped HTTP server (<see cref="JdmaServer"/>, the published contract): the team
/// connects a product and chooses its forms through the pages' own forms, synchronisations read by day and page over
/// ten services, a re-read day is replaced whole, failures show and back off, the key is never given back.
/// </summary>
public abstract class JdmaTests<TFactory>(TFactory factory) : IClassFixture<TFactory>, IAsyncLifetime
    where TFactory : CapWebFactory
{
    private JdmaServer _server = default!;

    public async Task InitializeAsync() => _server = await JdmaServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static DateOnly Today => Demo.Today;

    private Task<(int Id, string Slug)> FreshProductAsync() => QueryAsync(factory, async db =>
    {
        var slug = $"jdma-{Guid.NewGuid():N}"[..20];
        var product = await TestProducts.AddWithJourneyTeamAsync(db, slug, $"Produit {slug}", "Produit de test du connecteur JDMA.");
        await db.SaveChangesAsync();
        return (product.Id, slug);
    });

    /// <summary>A service of its own on the server (ids unique per test), with two forms.</summary>
    private (int Service, int Form, int OtherForm) AddService(string title)
    {
        var service = Random.Shared.Next(100_000, 900_000);
        _server.AddService(service, title, "Ministère du Travail", (service * 10 + 1, "Formulaire usagers"), (service * 10 + 2, "Formulaire agents"));
        return (service, service * 10 + 1, service * 10 + 2);
    }

    /// <summary>Connects the product and maps <paramref name="formIds"/> through the API (the tests of the pages submit their forms).</summary>
    private async Task<string> ConnectByApiAsync(string slug, params int[] formIds)
    {
        var key = _server.AddKey();
        using var client = factory.CreateClientFor(Demo.ProductOwner);
        using var put = await client.PutAsync($"/api/v1/products/{slug}/jdma", Json(new { baseUrl = _server.BaseUrl.ToString(), apiKey = key, version = 0 }));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        using var forms = await client.PutAsync($"/api/v1/products/{slug}/jdma/forms", Json(new { formIds }));
        Assert.Equal(HttpStatusCode.OK, forms.StatusCode);
        return key;
    }

    private Task<List<ExternalSatisfactionDay>> DaysAsync(int productId) => QueryAsync(factory, db =>
        db.ExternalSatisfactionDays.AsNoTracking().Where(d => d.ProductId == productId).OrderBy(d => d.FormId).ThenBy(d => d.Day).ToListAsync());

    private Task<Cap.Data.Connectors.ConnectorSyncState> StateAsync(int productId) => QueryAsync(factory, db =>
        db.ConnectorSyncStates.AsNoTracking().SingleAsync(s => s.ProductId == productId && s.Kind == ConnectorKind.Jdma));

    private static async Task<HttpResponseMessage> SyncNowAsync(HttpClient client, string slug) =>
        await (await RenderedForm.ReadAsync(client, $"/produits/{slug}/satisfaction/jdma", $"/produits/{slug}/satisfaction/jdma?handler=Sync")).SubmitAsync(client);

    [Fact]
    public async Task Team_connects_chooses_forms_and_syncs_through_the_pages_and_the_figures_show_in_the_satisfaction_tab()
    {
        var (id, slug) = await FreshProductAsync();
        var (service, form, _) = AddService("Démarche de test");
        var (_, otherForm, _) = AddService("Autre démarche");
        _server.SetDay(form, Today.AddDays(-2), new DayCounts(6, 2, 2, [0, 0, 1, 2, 1], ReachedYes: 3, ReachedNo: 1));
        _server.SetDay(form, Today.AddDays(-300), new DayCounts(1, 0, 0));
        _server.SetDay(form, Today.AddDays(-400), new DayCounts(50, 0, 0));
        _server.SetDay(otherForm, Today.AddDays(-2), new DayCounts(0, 0, 40));
        var key = _server.AddKey();
        using var client = factory.CreateClientFor(Demo.ProductOwner);
        var page = $"/produits/{slug}/satisfaction/jdma";

        // Bad input: an address that is not https, no key: the messages beside the fields, nothing saved.
        using (var refused = await (await RenderedForm.ReadAsync(client, page)).Set("Input.BaseUrl", "http://jdma.example.org").SubmitAsync(client))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            var text = Html.Text(await Html.ParseAsync(refused));
            Assert.Contains("L’adresse doit commencer par https://", text, StringComparison.Ordinal);
            Assert.Contains("Saisissez la clé d’API créée dans JDMA.", text, StringComparison.Ordinal);
        }
        Assert.False(await QueryAsync(factory, db => db.JdmaConnections.AnyAsync(c => c.ProductId == id)));

        // Saved: the next step is the choice of forms, read from JDMA with the key.
        using (var saved = await (await RenderedForm.ReadAsync(client, page)).Set("Input.BaseUrl", _server.BaseUrl.ToString()).Set("Input.ApiKey", key).SubmitAsync(client))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            Assert.Equal($"/produits/{slug}/satisfaction/jdma/formulaires", saved.Headers.Location!.OriginalString);
        }
        var connection = await QueryAsync(factory, db => db.JdmaConnections.AsNoTracking().SingleAsync(c => c.ProductId == id));
        Assert.DoesNotContain(key, connection.ProtectedKey, StringComparison.Ordinal);
        Assert.Equal(_server.BaseUrl.ToString().TrimEnd('/'), connection.BaseUrl);

        var formsPage = $"/produits/{slug}/satisfaction/jdma/formulaires";
        var choose = await RenderedForm.ReadAsync(client, formsPage);
        Assert.Contains("Démarche de test", choose.Text, StringComparison.Ordinal);
        Assert.Contains("Autre démarche", choose.Text, StringComparison.Ordinal);
        using (var none = await choose.SubmitAsync(client))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, none.StatusCode);
            Assert.Contains("Cochez au moins un formulaire JDMA.", Html.Text(await Html.ParseAsync(none)), StringComparison.Ordinal);
        }
        using (var mapped = await (await RenderedForm.ReadAsync(client, formsPage)).SetAll("FormIds", [form.ToString(System.Globalization.CultureInfo.InvariantCulture)]).SubmitAsync(client))
        {
            Assert.Equal(HttpStatusCode.Redirect, mapped.StatusCode);
        }

        // « Synchroniser maintenant »: twelve months back, by chunks, the mapped service only.
        using (var synced = await SyncNowAsync(client, slug))
        {
            Assert.Equal(HttpStatusCode.Redirect, synced.StatusCode);
        }
        var calls = _server.Calls.ToList();
        Assert.NotEmpty(calls);
        Assert.All(calls, c => Assert.Equal(new List<int> { service }, c.ProductIds));
        Assert.Equal(Today.AddMonths(-12).AddDays(1), calls.Min(c => c.From));
        Assert.Equal(Today, calls.Max(c => c.To));
        Assert.True(calls.Count > 1, "a year is read in several chunks");
        var days = await DaysAsync(id);
        Assert.Equal(new[] { Today.AddDays(-300), Today.AddDays(-2) }, days.Select(d => d.Day));
        var recent = days[1];
        Assert.Equal((10L, 70L, 4L, 16L, 4L, 3L), (recent.Count, recent.Points, recent.ClarityCount, recent.ClaritySum, recent.HelpAsked, recent.Reached));
        Assert.All(days, d => Assert.Equal(SatisfactionSource.Jdma, d.Source));

        // The connection page shows the state, and never the key.
        using (var status = await client.GetAsync(page))
        {
            var html = await status.Content.ReadAsStringAsync();
            Assert.DoesNotContain(key, html, StringComparison.Ordinal);
            var doc = await new HtmlParser().ParseDocumentAsync(html);
            Assert.Contains("À jour", doc.QuerySelector("#etat-synchronisation")!.TextContent, StringComparison.Ordinal);
            Assert.Contains("Clé enregistrée le", Html.Text(doc), StringComparison.Ordinal);
            Assert.Contains("Formulaire usagers", doc.QuerySelector("#formulaires-jdma")!.TextContent, StringComparison.Ordinal);
        }

        // The Satisfaction tab: JDMA's figures, labelled, with the same index and colour rules (the product has no Cap form).
        using (var tab = await client.GetAsync($"/produits/{slug}/satisfaction"))
        {
            var doc = await Html.ParseAsync(tab);
            Assert.Contains("Source : JDMA", Html.Text(doc), StringComparison.Ordinal);
            var figures = doc.QuerySelector("#jdma-chiffres")!.TextContent.Replace('\u00A0', ' ');
            Assert.Contains("7,0 / 10", figures, StringComparison.Ordinal);
            Assert.Contains("Moyen", figures, StringComparison.Ordinal);
            Assert.Contains("4,0 / 5", figures, StringComparison.Ordinal);
            Assert.Contains("75 %", figures, StringComparison.Ordinal);
            Assert.Contains("Formulaire usagers", doc.QuerySelector("#jdma-par-emplacement")!.TextContent, StringComparison.Ordinal);
        }
        using (var year = await client.GetAsync($"/produits/{slug}/satisfaction?periode=12m"))
        {
            // (70 + 10) points over 11 answers.
            Assert.Contains("7,3 / 10", (await Html.ParseAsync(year)).QuerySelector("#jdma-chiffres")!.TextContent.Replace('\u00A0', ' '), StringComparison.Ordinal);
        }

        // The « Satisfaction usagers » indicator follows, as for the form's answers.
        var measurements = await QueryAsync(factory, db => db.Measurements.AsNoTracking()
            .Where(m => m.Indicator!.ProductId == id && m.Indicator.FedBySatisfactionForm).OrderBy(m => m.Date).Select(m => new { m.Date, m.Value, m.Comment }).ToListAsync());
        Assert.Contains(measurements, m => m.Date == new DateOnly(Today.AddDays(-2).Year, Today.AddDays(-2).Month, 1) && m.Comment!.Contains("JDMA", StringComparison.Ordinal));

        // The audit trail records the connection and its key's date, never the key nor its ciphertext.
        var audit = await QueryAsync(factory, db => db.AuditEntries.AsNoTracking().Where(a => a.ProductId == id).ToListAsync());
        Assert.Contains(audit, a => a.EntityType == nameof(JdmaConnection));
        Assert.Contains(audit, a => a.EntityType == nameof(JdmaFormMapping));
        Assert.All(audit, a =>
        {
            Assert.DoesNotContain(key, (a.Before ?? "") + (a.After ?? ""), StringComparison.Ordinal);
            Assert.DoesNotContain(nameof(JdmaConnection.ProtectedKey), (a.Before ?? "") + (a.After ?? ""), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_resync_reads_the_last_days_again_and_replaces_a_day_whole()
    {
        var (id, slug) = await FreshProductAsync();
        var (_, form, _) = AddService("Démarche relue");
        _server.SetDay(form, Today.AddDays(-1), new DayCounts(5, 5, 0));
        _server.SetDay(form, Today.AddDays(-200), new DayCounts(2, 0, 0));
        await ConnectByApiAsync(slug, form);
        using var client = factory.CreateClientFor(Demo.ProductOwner);
        using (var first = await client.PostAsync($"/api/v1/products/{slug}/jdma/sync", null))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            using var json = await ReadJsonAsync(first);
            Assert.Equal("up-to-date", json.RootElement.GetProperty("status").GetProperty("state").GetString());
        }
        Assert.Equal(10, (await DaysAsync(id)).Single(d => d.Day == Today.AddDays(-1)).Count);

        // JDMA's count of yesterday changed (late answers): the day holds the new counts, not their sum with the old ones.
        _server.SetDay(form, Today.AddDays(-1), new DayCounts(1, 0, 2));
        while (_server.Calls.TryDequeue(out _))
        {
        }
        using (var second = await client.PostAsync($"/api/v1/products/{slug}/jdma/sync", null))
        {
            Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        }
        var call = Assert.Single(_server.Calls);
        Assert.Equal(Today.AddDays(1 - JdmaRules.RefetchDays), call.From);
        Assert.Equal(Today, call.To);
        var days = await DaysAsync(id);
        var yesterday = days.Single(d => d.Day == Today.AddDays(-1));
        Assert.Equal((3L, 10L), (yesterday.Count, yesterday.Points));
        // The days outside the range read again are kept.
        Assert.Contains(days, d => d.Day == Today.AddDays(-200) && d.Count == 2);
        Assert.Equal(Today, (await StateAsync(id)).SyncedThrough);
    }

    [Fact]
    public async Task Failures_show_back_off_and_keep_the_figures_and_a_replaced_key_syncs_again()
    {
        var (id, slug) = await FreshProductAsync();
        var (_, form, _) = AddService("Démarche en panne");
        _server.SetDay(form, Today.AddDays(-3), new DayCounts(4, 0, 0));
        var key = await ConnectByApiAsync(slug, form);
        using var client = factory.CreateClientFor(Demo.ProductOwner);
        using (var ok = await SyncNowAsync(client, slug))
        {
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        }
        Assert.Single(await DaysAsync(id));

        // JDMA down: the error is shown, retried after 60 s, then 120 s; the figures stay as they were.
        _server.FailWith = 503;
        var before = DateTimeOffset.UtcNow;
        using (var failed = await SyncNowAsync(client, slug))
        {
            Assert.Equal(HttpStatusCode.Redirect, failed.StatusCode);
        }
        var state = await StateAsync(id);
        Assert.Equal(1, state.ConsecutiveFailures);
        Assert.Contains("erreur 503", state.LastError, StringComparison.Ordinal);
        Assert.InRange(state.NextAttemptAt, before.AddSeconds(59), DateTimeOffset.UtcNow.AddSeconds(61));
        await SyncNowAsync(client, slug);
        state = await StateAsync(id);
        Assert.Equal(2, state.ConsecutiveFailures);
        Assert.InRange(state.NextAttemptAt, before.AddSeconds(119), DateTimeOffset.UtcNow.AddSeconds(121));
        Assert.Single(await DaysAsync(id));
        Assert.NotNull(state.LastSuccessAt);

        // The key expired: JDMA answers 401, the page says what to do, and so does the administrators' list.
        _server.FailWith = null;
        _server.Revoke(key);
        await SyncNowAsync(client, slug);
        using (var page = await client.GetAsync($"/produits/{slug}/satisfaction/jdma"))
        {
            var status = (await Html.ParseAsync(page)).QuerySelector("#etat-synchronisation")!.TextContent;
            Assert.Contains("En erreur", status, StringComparison.Ordinal);
            Assert.Contains("JDMA refuse la clé d’API", status, StringComparison.Ordinal);
            Assert.Contains("3 échecs de suite", status, StringComparison.Ordinal);
        }
        using (var admin = factory.CreateClientFor(Demo.Administrateur))
        using (var list = await admin.GetAsync("/admin/connecteurs"))
        {
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
            var row = (await Html.ParseAsync(list)).QuerySelectorAll("#connexions tbody tr").Single(r => r.TextContent.Contains(slug, StringComparison.Ordinal));
            Assert.Contains("En erreur", row.TextContent, StringComparison.Ordinal);
            Assert.Contains("JDMA refuse la clé", row.TextContent, StringComparison.Ordinal);
        }
        Assert.Single(await DaysAsync(id));

        // The team replaces the key through the form (rotation): saved encrypted, the date moves, the next sync works.
        var savedAt = (await QueryAsync(factory, db => db.JdmaConnections.AsNoTracking().SingleAsync(c => c.ProductId == id))).KeySavedAt;
        var newKey = _server.AddKey();
        using (var replaced = await (await RenderedForm.ReadAsync(client, $"/produits/{slug}/satisfaction/jdma", fieldNames: ["Input.ApiKey"]))
            .Set("Input.ApiKey", newKey).SubmitAsync(client))
        {
            Assert.Equal(HttpStatusCode.Redirect, replaced.StatusCode);
        }
        Assert.True((await QueryAsync(factory, db => db.JdmaConnections.AsNoTracking().SingleAsync(c => c.ProductId == id))).KeySavedAt > savedAt);
        // A new key makes the connection due at once.
        Assert.True((await StateAsync(id)).NextAttemptAt <= DateTimeOffset.UtcNow);
        await SyncNowAsync(client, slug);
        state = await StateAsync(id);
        Assert.Null(state.LastError);
        Assert.Equal(0, state.ConsecutiveFailures);
        Assert.Equal(newKey, _server.SeenKeys.Last());
        var audit = await QueryAsync(factory, db => db.AuditEntries.AsNoTracking().Where(a => a.ProductId == id && a.EntityType == nameof(JdmaConnection)).ToListAsync());
        Assert.Contains(audit, a => a.After is { } after && after.Contains(nameof(JdmaConnection.KeySavedAt), StringComparison.Ordinal));
        Assert.All(audit, a => Assert.DoesNotContain(newKey, (a.Before ?? "") + (a.After ?? ""), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Services_are_read_ten_at_a_time_and_an_unknown_id_is_reported_in_french()
    {
        var (id, slug) = await FreshProductAsync();
        var forms = new List<int>();
        for (var i = 0; i < 12; i++)
        {
            var (_, form, _) = AddService($"Démarche {i}");
            _server.SetDay(form, Today.AddDays(-5), new DayCounts(1, 1, 0));
            forms.Add(form);
        }
        await ConnectByApiAsync(slug, [.. forms]);
        using var client = factory.CreateClientFor(Demo.ProductOwner);
        using (var synced = await client.PostAsync($"/api/v1/products/{slug}/jdma/sync", null))
        {
            Assert.Equal(HttpStatusCode.OK, synced.StatusCode);
        }
        var calls = _server.Calls.ToList();
        Assert.All(calls, c => Assert.InRange(c.ProductIds.Count, 1, JdmaServer.MaxProductsPerCall));
        Assert.Contains(calls, c => c.ProductIds.Count == JdmaServer.MaxProductsPerCall);
        Assert.Contains(calls, c => c.ProductIds.Count == 2);
        Assert.All(calls, c => Assert.Contains("satisfaction", c.FieldCodes, StringComparison.Ordinal));
        Assert.Equal(12, (await DaysAsync(id)).Count);

        // A service JDMA no longer knows: its 400 and French message are the error shown; nothing is half-written.
        var mapping = await QueryAsync(factory, db => db.JdmaFormMappings.FirstAsync(f => f.ProductId == id));
        await QueryAsync(factory, db => db.JdmaFormMappings.Where(f => f.Id == mapping.Id).ExecuteUpdateAsync(u => u.SetProperty(f => f.ServiceId, 999_999_999)));
        _server.SetDay(forms[^1], Today, new DayCounts(9, 0, 0));
        using (var failed = await client.PostAsync($"/api/v1/products/{slug}/jdma/sync", null))
        {
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
            using var json = await ReadJsonAsync(failed);
            var status = json.RootElement.GetProperty("status");
            Assert.Equal("failing", status.GetProperty("state").GetString());
            Assert.Contains("Le produit 999999999 n’existe pas", status.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        }
        Assert.DoesNotContain(await DaysAsync(id), d => d.Day == Today);
    }

    [Fact]
    public async Task Two_runners_on_one_database_never_sync_the_same_connection_at_once()
    {
        var (id, slug) = await FreshProductAsync();
        var (_, form, _) = AddService("Démarche partagée");
        _server.SetDay(form, Today.AddDays(-1), new DayCounts(3, 0, 0));
        await ConnectByApiAsync(slug, form);
        var connectionId = await QueryAsync(factory, db => db.JdmaConnections.Where(c => c.ProductId == id).Select(c => c.Id).SingleAsync());
        var first = factory.Services.GetRequiredService<ConnectorRunner>();
        // A second instance's runner: its own instance id, the same database.
        var second = new ConnectorRunner(factory.Services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System,
            factory.Services.GetRequiredService<IOptions<ConnectorOptions>>(), NullLogger<ConnectorRunner>.Instance);
        Assert.NotEqual(first.InstanceId, second.InstanceId);

        _server.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = first.RunNowAsync(ConnectorKind.Jdma, connectionId, default);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (_server.Calls.IsEmpty && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
        Assert.False(_server.Calls.IsEmpty, "the first runner reached JDMA");
        Assert.Equal(RunOutcome.Busy, (await second.RunNowAsync(ConnectorKind.Jdma, connectionId, default)).Outcome);
        // Due (never synced), but leased: the second instance's background pass leaves it.
        Assert.True((await StateAsync(id)).NextAttemptAt <= DateTimeOffset.UtcNow);
        var callsWhileHeld = _server.Calls.Count;
        await second.PassAsync(default);
        Assert.Equal(callsWhileHeld, _server.Calls.Count);

        _server.Gate.SetResult();
        _server.Gate = null;
        Assert.Equal(RunOutcome.Succeeded, (await running).Outcome);
        var state = await StateAsync(id);
        Assert.Null(state.Owner);
        Assert.Equal(JdmaRules.Chunks(Today.AddMonths(-12).AddDays(1), Today).Count(), _server.Calls.Count);
        Assert.Equal(3, (await DaysAsync(id)).Single().Count);

        // Once synced it is not due: a background pass does nothing until the interval has passed.
        Assert.Equal(0, await second.PassAsync(default));
    }

    [Fact]
    public async Task The_api_never_returns_the_key_and_refuses_bad_input_with_problem_details()
    {
        var (_, slug) = await FreshProductAsync();
        var (service, form, otherForm) = AddService("Démarche API");
        var key = _server.AddKey();
        using var client = factory.CreateClientFor(Demo.ProductOwner);
        using (var none = await client.GetAsync($"/api/v1/products/{slug}/jdma"))
        {
            Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        }
        using (var noKey = await client.PutAsync($"/api/v1/products/{slug}/jdma", Json(new { baseUrl = "ftp://jdma.example.org", version = 0 })))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noKey.StatusCode);
            using var json = await ReadJsonAsync(noKey);
            var errors = json.RootElement.GetProperty("errors");
            Assert.True(errors.TryGetProperty("baseUrl", out _));
            Assert.True(errors.TryGetProperty("apiKey", out _));
        }
        using (var saved = await client.PutAsync($"/api/v1/products/{slug}/jdma", Json(new { baseUrl = _server.BaseUrl.ToString(), apiKey = key, version = 0 })))
        {
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
            Assert.DoesNotContain(key, await saved.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using (var stale = await client.PutAsync($"/api/v1/products/{slug}/jdma", Json(new { baseUrl = _server.BaseUrl.ToString(), version = 0 })))
        {
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        }
        using (var services = await client.GetAsync($"/api/v1/products/{slug}/jdma/services"))
        {
            Assert.Equal(HttpStatusCode.OK, services.StatusCode);
            using var json = await ReadJsonAsync(services);
            var mine = json.RootElement.EnumerateArray().Single(s => s.GetProperty("id").GetInt32() == service);
            Assert.Equal(new[] { form, otherForm }, mine.GetProperty("forms").EnumerateArray().Select(f => f.GetProperty("id").GetInt32()));
        }
        using (var unknown = await client.PutAsync($"/api/v1/products/{slug}/jdma/forms", Json(new { formIds = new[] { 42 } })))
        {
            Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
            Assert.Contains("formulaire JDMA n° 42", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using (var read = await client.GetAsync($"/api/v1/products/{slug}/jdma"))
        {
            var body = await read.Content.ReadAsStringAsync();
            Assert.DoesNotContain(key, body, StringComparison.Ordinal);
            using var json = JsonDocument.Parse(body);
            Assert.Equal("never-synced", json.RootElement.GetProperty("status").GetProperty("state").GetString());
            Assert.False(json.RootElement.TryGetProperty("apiKey", out _));
        }
        // A reader of the product may read the connection, not change it.
        using var reader = factory.CreateClientFor(AuthorizationMatrixReader);
        using (var forbidden = await reader.PostAsync($"/api/v1/products/{slug}/jdma/sync", null))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        }
    }

    private const string AuthorizationMatrixReader = Platform.AuthorizationMatrixTests<SqliteCapFactory>.Julie;
}

public sealed class JdmaTestsSqlite(SqliteCapFactory factory) : JdmaTests<SqliteCapFactory>(factory);

public sealed class JdmaTestsPostgres(PostgresCapFactory factory) : JdmaTests<PostgresCapFactory>(factory);
