using System.Globalization;
using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Cap.Domain.Connectors;
using Cap.Domain.Steering;
using Cap.Web.Shared.Connectors;
using Cap.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Cap.Web.Tests.Infrastructure.TestHttp;

namespace Cap.Web.Tests.Connectors;

/// <summary>
/// The Matomo connector against a Matomo-shaped HTTP server (<see cref="MatomoServer"/>, the published Reporting API): the
/// team connects a product and maps Matomo figures to its indicators through the page's own forms, synchronisations read
/// whole periods at each indicator's frequency and write measurements (source « Matomo ») through the imports' writer, a
/// re-read period replaces its measurement, errors returned with HTTP 200 show and back off, nothing is half-written, the
/// token is never given back nor sent in a URL.
/// </summary>
public abstract class MatomoTests<TFactory>(TFactory factory) : IClassFixture<TFactory>, IAsyncLifetime
    where TFactory : CapWebFactory
{
    private MatomoServer _server = default!;

    public async Task InitializeAsync() => _server = await MatomoServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static DateOnly Today => Demo.Today;

    private Task<(int Id, string Slug)> FreshProductAsync() => QueryAsync(factory, async db =>
    {
        var slug = $"matomo-{Guid.NewGuid():N}"[..20];
        var product = await TestProducts.AddWithJourneyTeamAsync(db, slug, $"Produit {slug}", "Produit de test du connecteur Matomo.");
        await db.SaveChangesAsync();
        return (product.Id, slug);
    });

    private Task<int> IndicatorAsync(int productId, string name, IndicatorUnit unit, UpdateFrequency frequency) => QueryAsync(factory, async db =>
    {
        var indicator = new Indicator
        {
            ProductId = productId, Kind = IndicatorKind.Direction, Name = name, Unit = unit, Direction = WantedDirection.Up,
            Baseline = 10, BaselineDate = Today.AddMonths(-12), Target = 20, TargetDate = Today.AddMonths(6), Frequency = frequency,
        };
        db.Indicators.Add(indicator);
        await db.SaveChangesAsync();
        return indicator.Id;
    });

    /// <summary>A site of its own on the server (ids unique per test) with a figure every day of the last 400 days.</summary>
    private int AddSite(params int[] goals)
    {
        var site = Random.Shared.Next(1000, 1_000_000);
        _server.AddSite(site, goals);
        for (var d = 1; d <= 400; d++)
        {
            var day = Today.AddDays(-d);
            _server.SetDay(site, day, new MatomoDay(100 + day.Day, 80 + day.Day, 40, 100 * (100 + day.Day) * 2, 5));
        }
        return site;
    }

    /// <summary>Connects through the API and maps the metrics (the page tests submit the page's forms).</summary>
    private async Task<string> ConnectByApiAsync(string slug, int site, params (string Metric, int? Goal, int Indicator)[] mappings)
    {
        var token = _server.AddToken();
        using var client = factory.CreateClientFor(Demo.ProductOwner);
        using var put = await client.PutAsync($"/api/v1/products/{slug}/matomo", Json(new { baseUrl = _server.BaseUrl.ToString(), siteId = site, token, version = 0 }));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        foreach (var (metric, goal, indicator) in mappings)
        {
            using var mapped = await client.PostAsync($"/api/v1/products/{slug}/matomo/mappings", Json(new { metric, goalId = goal, indicatorId = indicator }));
            Assert.Equal(HttpStatusCode.OK, mapped.StatusCode);
        }
        return token;
    }

    private Task<List<Measurement>> MeasurementsAsync(int indicatorId) => QueryAsync(factory, db =>
        db.Measurements.AsNoTracking().Where(m => m.IndicatorId == indicatorId).OrderBy(m => m.Date).ToListAsync());

    private Task<Cap.Data.Connectors.ConnectorSyncState> StateAsync(int productId) => QueryAsync(factory, db =>
        db.ConnectorSyncStates.AsNoTracking().SingleAsync(s => s.ProductId == productId && s.Kind == ConnectorKind.Matomo));

    private static string Page(string slug) => $"/produits/{slug}/indicateurs/matomo";

    private static async Task<HttpResponseMessage> SyncNowAsync(HttpClient client, string slug) =>
        await (await RenderedForm.ReadAsync(client, Page(slug), $"{Page(slug)}?handler=Sync")).SubmitAsync(client);

    /// <summary>The sum of the figures the server holds for the site over a period (what Matomo adds up).</summary>
    private static int Sum(DateOnly from, DateOnly to, Func<DateOnly, int> figure) =>
        Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Sum(i => figure(from.AddDays(i)));

    [Fact]
    public async Task Team_connects_maps_metrics_and_syncs_through_the_page_and_the_measurements_come_from_matomo()
    {
        var (id, slug) = await FreshProductAsync();
        var visitors = await IndicatorAsync(id, "Visiteurs uniques", IndicatorUnit.Number, UpdateFrequency.Weekly);
        var bounce = await IndicatorAsync(id, "Taux de rebond", IndicatorUnit.Percent, UpdateFrequency.Monthly);
        var time = await IndicatorAsync(id, "Durée de visite", IndicatorUnit.Minutes, UpdateFrequency.Quarterly);
        var site = AddSite();
        var token = _server.AddToken();
        using var client = factory.CreateClientFor(Demo.ProductOwner);
        var page = Page(slug);

        // Bad input: an address that is not https, a site id that is not a number, no token: messages beside the fields, nothing saved.
        using (var refused = await (await RenderedForm.ReadAsync(client, page)).Set("Input.BaseUrl", "http://matomo.example.org").Set("Input.SiteId", "douze").SubmitAsync(client))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            var text = Html.Text(await Html.ParseAsync(refused));
            Assert.Contains("L’adresse doit commencer par https://", text, StringComparison.Ordinal);
            Assert.Contains("Indiquez le numéro du site dans Matomo (idSite)", text, StringComparison.Ordinal);
            Assert.Contains("Saisissez le jeton d’authentification (token_auth) créé dans Matomo.", text, StringComparison.Ordinal);
        }
        Assert.False(await QueryAsync(factory, db => db.MatomoConnections.AnyAsync(c => c.ProductId == id)));

        // Saved (the address pasted with its /index.php): the page now offers the mappings.
        using (var saved = await (await RenderedForm.ReadAsync(client, page)).Set("Input.BaseUrl", _server.BaseUrl + "index.php")
            .Set("Input.SiteId", site.ToString(CultureInfo.InvariantCulture)).Set("Input.Token", token).SubmitAsync(client))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            Assert.Equal(page, saved.Headers.Location!.OriginalString);
        }
        var connection = await QueryAsync(factory, db => db.MatomoConnections.AsNoTracking().SingleAsync(c => c.ProductId == id));
        Assert.DoesNotContain(token, connection.ProtectedToken, StringComparison.Ordinal);
        Assert.Equal(_server.BaseUrl.ToString().TrimEnd('/'), connection.BaseUrl);

        // A metric whose unit does not fit the indicator is refused, beside the field.
        var mappingAction = $"{page}?handler=Mapping";
        using (var unfit = await (await RenderedForm.ReadAsync(client, page, mappingAction)).Set("Mapping.Metric", nameof(MatomoMetric.BounceRate))
            .Set("Mapping.IndicatorId", visitors.ToString(CultureInfo.InvariantCulture)).SubmitAsync(client))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, unfit.StatusCode);
            Assert.Contains("« Taux de rebond » ne peut alimenter qu’un indicateur en %", Html.Text(await Html.ParseAsync(unfit)), StringComparison.Ordinal);
        }
        foreach (var (metric, indicator) in new[] { (MatomoMetric.UniqueVisitors, visitors), (MatomoMetric.BounceRate, bounce), (MatomoMetric.AverageTimeOnSite, time) })
        {
            using var mapped = await (await RenderedForm.ReadAsync(client, page, mappingAction)).Set("Mapping.Metric", metric.ToString())
                .Set("Mapping.IndicatorId", indicator.ToString(CultureInfo.InvariantCulture)).SubmitAsync(client);
            Assert.Equal(HttpStatusCode.Redirect, mapped.StatusCode);
        }

        // « Synchroniser maintenant »: whole periods of twelve months at each indicator's frequency, the token in the body only.
        using (var synced = await SyncNowAsync(client, slug))
        {
            Assert.Equal(HttpStatusCode.Redirect, synced.StatusCode);
        }
        Assert.Empty(_server.TokensInQuery);
        Assert.All(_server.SeenTokens, t => Assert.Equal(token, t));
        var calls = _server.Calls.ToList();
        Assert.Contains(calls, c => c.Method == "VisitsSummary.get" && c.Period == "week");
        Assert.Contains(calls, c => c.Method == "VisitsSummary.get" && c.Period == "month");
        Assert.Contains(calls, c => c.Method == "VisitsSummary.get" && c.Period == "range");
        var weeks = MatomoRules.Periods(UpdateFrequency.Weekly, null, Today);
        var weekly = await MeasurementsAsync(visitors);
        Assert.Equal(weeks.Select(w => w.To), weekly.Select(m => m.Date));
        Assert.All(weekly, m => Assert.Equal(MeasurementSource.Matomo, m.Source));
        var lastWeek = weeks[^1];
        Assert.Equal(Sum(lastWeek.From, lastWeek.To, d => 80 + d.Day), weekly[^1].Value);
        var months = MatomoRules.Periods(UpdateFrequency.Monthly, null, Today);
        var monthly = await MeasurementsAsync(bounce);
        Assert.Equal(months.Select(p => p.To), monthly.Select(m => m.Date));
        var lastMonth = months[^1];
        Assert.Equal(Math.Round(100m * 40 * (lastMonth.To.DayNumber - lastMonth.From.DayNumber + 1) / Sum(lastMonth.From, lastMonth.To, d => 100 + d.Day)), monthly[^1].Value);
        // The time on site in minutes (the server's 200 s a visit).
        Assert.All(await MeasurementsAsync(time), m => Assert.Equal(3.33m, m.Value));

        // Status and summary as for any import: the indicator's last value is the last week's.
        var summary = await QueryAsync(factory, db => db.Indicators.AsNoTracking().Where(i => i.Id == visitors).Select(i => new { i.LastDate, i.LastValue }).SingleAsync());
        Assert.Equal((lastWeek.To, weekly[^1].Value), (summary.LastDate!.Value, summary.LastValue!.Value));

        // The page shows the state and the mappings, never the token; the indicator shows the source.
        using (var status = await client.GetAsync(page))
        {
            var html = await status.Content.ReadAsStringAsync();
            Assert.DoesNotContain(token, html, StringComparison.Ordinal);
            var doc = await new HtmlParser().ParseDocumentAsync(html);
            Assert.Contains("À jour", doc.QuerySelector("#etat-synchronisation")!.TextContent, StringComparison.Ordinal);
            Assert.Contains("Jeton enregistré le", Html.Text(doc), StringComparison.Ordinal);
            Assert.Contains("Visiteurs uniques", doc.QuerySelector("#mesures-matomo")!.TextContent, StringComparison.Ordinal);
        }
        using (var details = await client.GetAsync($"/produits/{slug}/indicateurs/{visitors}"))
        {
            Assert.Contains("Matomo, Synchronisation Matomo", Html.Text(await Html.ParseAsync(details)), StringComparison.Ordinal);
        }
        using (var tab = await client.GetAsync($"/produits/{slug}/indicateurs"))
        {
            Assert.NotNull((await Html.ParseAsync(tab)).QuerySelector($"a[href='{page}']"));
        }

        // The audit trail records the connection and its token's date, never the token nor its ciphertext; the sync as measurements.
        var audit = await QueryAsync(factory, db => db.AuditEntries.AsNoTracking().Where(a => a.ProductId == id).ToListAsync());
        Assert.Contains(audit, a => a.EntityType == nameof(MatomoConnection) && (a.After ?? "").Contains(nameof(MatomoConnection.TokenSavedAt), StringComparison.Ordinal));
        Assert.Contains(audit, a => a.EntityType == nameof(MatomoMetricMapping));
        Assert.Contains(audit, a => a.EntityType == nameof(Measurement) && (a.EntityLabel ?? "").Contains("depuis Matomo", StringComparison.Ordinal));
        Assert.All(audit, a =>
        {
            Assert.DoesNotContain(token, (a.Before ?? "") + (a.After ?? ""), StringComparison.Ordinal);
            Assert.DoesNotContain(nameof(MatomoConnection.ProtectedToken), (a.Before ?? "") + (a.After ?? ""), StringComparison.Ordinal);
        });

        // Removing a mapping keeps the indicator's measurements.
        var mappingId = await QueryAsync(factory, db => db.MatomoMetricMappings.Where(m => m.IndicatorId == time).Select(m => m.Id).SingleAsync());
        using (var removed = await (await RenderedForm.ReadAsync(client, page, $"{page}?handler=Remove&mappingId={mappingId}")).SubmitAsync(client))
        {
            Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        }
        Assert.False(await QueryAsync(factory, db => db.MatomoMetricMappings.AnyAsync(m => m.IndicatorId == time)));
        Assert.NotEmpty(await MeasurementsAsync(time));
    }

    [Fact]
    public async Task A_resync_is_idempotent_and_a_period_read_again_replaces_its_measurement()
    {
        var (id, slug) = await FreshProductAsync();
        var visits = await IndicatorAsync(id, "Visites", IndicatorUnit.Number, UpdateFrequency.Monthly);
        var conversions = await IndicatorAsync(id, "Inscriptions", IndicatorUnit.Number, UpdateFrequency.Weekly);
        var site = AddSite(3);
        await ConnectByApiAsync(slug, site, ("visits", null, visits), ("goal-conversions", 3, conversions));
        using var client = factory.CreateClientFor(Demo.ProductOwner);
        using (var first = await client.PostAsync($"/api/v1/products/{slug}/matomo/sync", null))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            using var json = await ReadJsonAsync(first);
            Assert.Equal("up-to-date", json.RootElement.GetProperty("status").GetProperty("state").GetString());
        }
        Assert.Contains(_server.Calls, c => c.Method == "Goals.get" && c.GoalId == 3 && c.Period == "week");
        var before = await MeasurementsAsync(visits);
        Assert.Equal(MatomoRules.Periods(UpdateFrequency.Monthly, null, Today).Count, before.Count);
        Assert.All(await MeasurementsAsync(conversions), m => Assert.Equal(35m, m.Value));
        Assert.Equal(Today.AddDays(-1), (await StateAsync(id)).SyncedThrough);

        // The same periods read again (as after a new mapping): one measurement per date still, nothing rewritten.
        await QueryAsync(factory, db => db.ConnectorSyncStates.Where(s => s.ProductId == id).ExecuteUpdateAsync(u => u.SetProperty(s => s.SyncedThrough, (DateOnly?)null)));
        var runner = factory.Services.GetRequiredService<ConnectorRunner>();
        var connectionId = await QueryAsync(factory, db => db.MatomoConnections.Where(c => c.ProductId == id).Select(c => c.Id).SingleAsync());
        var again = await runner.RunNowAsync(ConnectorKind.Matomo, connectionId, default);
        Assert.Equal((RunOutcome.Succeeded, 0), (again.Outcome, again.Days));
        Assert.Equal(before.Select(m => (m.Date, m.Value)), (await MeasurementsAsync(visits)).Select(m => (m.Date, m.Value)));

        // Matomo's figure of a month changed (re-archived): its measurement is replaced, not added; an empty month writes nothing.
        var month = MatomoRules.Periods(UpdateFrequency.Monthly, null, Today)[^2];
        _server.SetDay(site, month.From, new MatomoDay(100_000, 1));
        var firstMonth = MatomoRules.Periods(UpdateFrequency.Monthly, null, Today)[0];
        for (var d = firstMonth.From; d <= firstMonth.To; d = d.AddDays(1))
        {
            _server.RemoveDay(site, d);
        }
        await QueryAsync(factory, db => db.ConnectorSyncStates.Where(s => s.ProductId == id).ExecuteUpdateAsync(u => u.SetProperty(s => s.SyncedThrough, (DateOnly?)null)));
        var third = await runner.RunNowAsync(ConnectorKind.Matomo, connectionId, default);
        Assert.Equal(RunOutcome.Succeeded, third.Outcome);
        var after = await MeasurementsAsync(visits);
        Assert.Equal(before.Count, after.Count);
        Assert.Equal(before.Single(m => m.Date == month.To).Value - (100 + month.From.Day) + 100_000, after.Single(m => m.Date == month.To).Value);
        // The empty month keeps what was written before (no measurement is deleted by an empty period).
        Assert.Equal(before[0].Value, after[0].Value);
    }

    [Fact]
    public async Task Errors_returned_with_http_200_show_back_off_and_nothing_is_half_written_and_a_new_token_syncs_again()
    {
        var (id, slug) = await FreshProductAsync();
        var visits = await IndicatorAsync(id, "Visites", IndicatorUnit.Number, UpdateFrequency.Monthly);
        var conversions = await IndicatorAsync(id, "Conversions", IndicatorUnit.Number, UpdateFrequency.Monthly);
        var site = AddSite(1);
        var token = await ConnectByApiAsync(slug, site, ("visits", null, visits), ("goal-conversions", 1, conversions));
        // The goal deleted in Matomo: Goals.get answers HTTP 200 with result: error, after VisitsSummary.get was read.
        _server.AddSite(site);
        using var client = factory.CreateClientFor(Demo.ProductOwner);
        var before = DateTimeOffset.UtcNow;
        using (var failed = await SyncNowAsync(client, slug))
        {
            Assert.Equal(HttpStatusCode.Redirect, failed.StatusCode);
        }
        var state = await StateAsync(id);
        Assert.Equal(1, state.ConsecutiveFailures);
        Assert.Contains("Matomo a refusé la demande : « The goal id 1 is not valid for this website. »", state.LastError, StringComparison.Ordinal);
        Assert.InRange(state.NextAttemptAt, before.AddSeconds(59), DateTimeOffset.UtcNow.AddSeconds(61));
        Assert.Contains(_server.Calls, c => c.Method == "VisitsSummary.get");
        // Read but not written: nothing of the visits either.
        Assert.Empty(await MeasurementsAsync(visits));
        Assert.Null(state.LastSuccessAt);

        // Matomo down (503), then answering an HTML page: each shown, the delay doubles.
        _server.AddSite(site, 1);
        _server.FailWith = 503;
        await SyncNowAsync(client, slug);
        state = await StateAsync(id);
        Assert.Equal(2, state.ConsecutiveFailures);
        Assert.Contains("erreur 503", state.LastError, StringComparison.Ordinal);
        Assert.InRange(state.NextAttemptAt, before.AddSeconds(119), DateTimeOffset.UtcNow.AddSeconds(121));
        _server.FailWith = null;
        _server.AnswerHtml = true;
        await SyncNowAsync(client, slug);
        Assert.Contains("pas du JSON", (await StateAsync(id)).LastError, StringComparison.Ordinal);
        _server.AnswerHtml = false;

        // The token revoked: Matomo's HTTP-200 refusal becomes what to do, on the page and in the administrators' list.
        _server.Revoke(token);
        await SyncNowAsync(client, slug);
        using (var page = await client.GetAsync(Page(slug)))
        {
            var status = (await Html.ParseAsync(page)).QuerySelector("#etat-synchronisation")!.TextContent;
            Assert.Contains("En erreur", status, StringComparison.Ordinal);
            Assert.Contains("Matomo refuse le jeton d’authentification", status, StringComparison.Ordinal);
            Assert.Contains("4 échecs de suite", status, StringComparison.Ordinal);
        }
        using (var admin = factory.CreateClientFor(Demo.Administrateur))
        using (var list = await admin.GetAsync("/admin/connecteurs"))
        {
            var row = (await Html.ParseAsync(list)).QuerySelectorAll("#connexions tbody tr").Single(r => r.TextContent.Contains(slug, StringComparison.Ordinal));
            Assert.Contains("Matomo", row.TextContent, StringComparison.Ordinal);
            Assert.Contains("Matomo refuse le jeton", row.TextContent, StringComparison.Ordinal);
            Assert.Equal(Page(slug), row.QuerySelector("a")!.GetAttribute("href"));
        }
        Assert.Empty(await MeasurementsAsync(visits));

        // The team replaces the token through the form (rotation): saved encrypted, due at once, the next sync works.
        var newToken = _server.AddToken();
        using (var replaced = await (await RenderedForm.ReadAsync(client, Page(slug), fieldNames: ["Input.Token"])).Set("Input.Token", newToken).SubmitAsync(client))
        {
            Assert.Equal(HttpStatusCode.Redirect, replaced.StatusCode);
        }
        Assert.True((await StateAsync(id)).NextAttemptAt <= DateTimeOffset.UtcNow);
        await SyncNowAsync(client, slug);
        state = await StateAsync(id);
        Assert.Null(state.LastError);
        Assert.Equal(0, state.ConsecutiveFailures);
        Assert.Equal(newToken, _server.SeenTokens.Last());
        Assert.NotEmpty(await MeasurementsAsync(visits));
        Assert.NotEmpty(await MeasurementsAsync(conversions));
        Assert.Empty(_server.TokensInQuery);
    }

    [Fact]
    public async Task The_api_never_returns_the_token_refuses_bad_input_with_problem_details_and_answers_409_while_another_instance_syncs()
    {
        var (id, slug) = await FreshProductAsync();
        var visits = await IndicatorAsync(id, "Visites", IndicatorUnit.Number, UpdateFrequency.Monthly);
        var rate = await IndicatorAsync(id, "Taux", IndicatorUnit.Percent, UpdateFrequency.Monthly);
        var site = AddSite();
        var token = _server.AddToken();
        using var client = factory.CreateClientFor(Demo.ProductOwner);
        var api = $"/api/v1/products/{slug}/matomo";
        using (var none = await client.GetAsync(api))
        {
            Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        }
        using (var bad = await client.PutAsync(api, Json(new { baseUrl = "ftp://matomo.example.org", siteId = 0, version = 0 })))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            using var json = await ReadJsonAsync(bad);
            var errors = json.RootElement.GetProperty("errors");
            Assert.True(errors.TryGetProperty("baseUrl", out _));
            Assert.True(errors.TryGetProperty("siteId", out _));
            Assert.True(errors.TryGetProperty("token", out _));
        }
        using (var saved = await client.PutAsync(api, Json(new { baseUrl = _server.BaseUrl.ToString(), siteId = site, token, version = 0 })))
        {
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
            Assert.DoesNotContain(token, await saved.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using (var stale = await client.PutAsync(api, Json(new { baseUrl = _server.BaseUrl.ToString(), siteId = site, version = 0 })))
        {
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        }
        using (var noGoal = await client.PostAsync($"{api}/mappings", Json(new { metric = "goal-conversions", indicatorId = visits })))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noGoal.StatusCode);
            Assert.Contains("goalId", await noGoal.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using (var unfit = await client.PostAsync($"{api}/mappings", Json(new { metric = "average-time-on-site", indicatorId = rate })))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, unfit.StatusCode);
        }
        using (var mapped = await client.PostAsync($"{api}/mappings", Json(new { metric = "visits", indicatorId = visits })))
        {
            Assert.Equal(HttpStatusCode.OK, mapped.StatusCode);
            using var json = await ReadJsonAsync(mapped);
            var mapping = json.RootElement.GetProperty("mappings").EnumerateArray().Single();
            Assert.Equal("visits", mapping.GetProperty("metric").GetString());
            Assert.Equal("nb_visits", mapping.GetProperty("matomoField").GetString());
        }
        using (var twice = await client.PostAsync($"{api}/mappings", Json(new { metric = "unique-visitors", indicatorId = visits })))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, twice.StatusCode);
        }
        using (var read = await client.GetAsync(api))
        {
            var body = await read.Content.ReadAsStringAsync();
            Assert.DoesNotContain(token, body, StringComparison.Ordinal);
            using var json = JsonDocument.Parse(body);
            Assert.Equal("never-synced", json.RootElement.GetProperty("status").GetProperty("state").GetString());
            Assert.False(json.RootElement.TryGetProperty("token", out _));
        }

        // Another instance holds the lease (its call held by the server): « sync now » answers 409.
        var connectionId = await QueryAsync(factory, db => db.MatomoConnections.Where(c => c.ProductId == id).Select(c => c.Id).SingleAsync());
        _server.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = factory.Services.GetRequiredService<ConnectorRunner>().RunNowAsync(ConnectorKind.Matomo, connectionId, default);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (_server.Calls.IsEmpty && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
        using (var busy = await client.PostAsync($"{api}/sync", null))
        {
            Assert.Equal(HttpStatusCode.Conflict, busy.StatusCode);
            Assert.Equal("application/problem+json", busy.Content.Headers.ContentType?.MediaType);
        }
        _server.Gate.SetResult();
        _server.Gate = null;
        Assert.Equal(RunOutcome.Succeeded, (await running).Outcome);

        var mappingId = await QueryAsync(factory, db => db.MatomoMetricMappings.Where(m => m.IndicatorId == visits).Select(m => m.Id).SingleAsync());
        using (var removed = await client.DeleteAsync($"{api}/mappings/{mappingId}"))
        {
            Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        }
        using (var gone = await client.DeleteAsync($"{api}/mappings/{mappingId}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        }
        // A reader of the product may read the connection, not change it.
        using var reader = factory.CreateClientFor(Platform.AuthorizationMatrixTests<SqliteCapFactory>.Julie);
        using (var forbidden = await reader.PostAsync($"{api}/sync", null))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        }
        using (var readable = await reader.GetAsync(api))
        {
            Assert.Equal(HttpStatusCode.OK, readable.StatusCode);
            Assert.DoesNotContain(token, await readable.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }
}

public sealed class MatomoTestsSqlite(SqliteCapFactory factory) : MatomoTests<SqliteCapFactory>(factory);

public sealed class MatomoTestsPostgres(PostgresCapFactory factory) : MatomoTests<PostgresCapFactory>(factory);
