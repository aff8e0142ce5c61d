using System.Globalization;
using System.Net;
using Cap.Domain.Iterations;
using Cap.Web.Tests.Infrastructure;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Microsoft.EntityFrameworkCore;
using static Cap.Web.Tests.Infrastructure.CapWebFactory;
using static Cap.Web.Tests.Infrastructure.TestHttp;

namespace Cap.Web.Tests.Rituals;

public abstract class RitualsTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : CapWebFactory
{
    private const string Slug = Demo.JourneyProductSlug;
    private const string Page = $"/produits/{Slug}/rituels";
    /// <summary>The API tests write on the other product of Karim Benali, so the page tests' counts stay theirs.</summary>
    private const string ApiSlug = "alerte-canicule";
    private const string Api = $"/api/v1/products/{ApiSlug}/rituals";

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private Task<int> CountAsync(string slug) => QueryAsync(factory, db => db.Rituals.CountAsync(r => db.Products.Any(p => p.Id == r.ProductId && p.Slug == slug)));

    [Fact]
    public async Task Demo_team_rituals_are_listed_with_frequency_in_words_and_next_date_for_readers_without_actions()
    {
        using var reader = factory.CreateClientFor(Demo.Lecteur);
        using var response = await reader.GetAsync(Page);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await Html.ParseAsync(response);
        var text = Html.Text(document);
        Assert.Contains("Du lundi au vendredi à", text, StringComparison.Ordinal);
        Assert.Contains("Toutes les deux semaines, le", text, StringComparison.Ordinal);
        Assert.Contains("Rétrospective", text, StringComparison.Ordinal);
        // Every active ritual shows its next date in the future.
        var times = document.QuerySelectorAll("table time").Select(t => DateTimeOffset.Parse(t.GetAttribute("datetime")!, CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(times);
        Assert.All(times, t => Assert.True(t > DateTimeOffset.UtcNow));
        Assert.Empty(document.QuerySelectorAll("main form[method=post]"));
        Assert.DoesNotContain("Régénérer le lien", text, StringComparison.Ordinal);
        Assert.NotNull(document.QuerySelector("nav a[aria-current=page][href$='/rituels']"));
    }

    [Fact]
    public async Task Team_adds_a_ritual_from_the_suggested_defaults_edits_deactivates_and_deletes_it()
    {
        using var client = factory.CreateClientFor(Demo.ProductOwner);
        using var form = await client.GetAsync($"{Page}/nouveau?type=Daily");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var formDocument = await Html.ParseAsync(form);
        Assert.Equal("15", formDocument.QuerySelector("#Input_DurationMinutes")!.GetAttribute("value"));
        Assert.Equal("Daily", formDocument.QuerySelector("#Input_Frequency option[selected]")!.GetAttribute("value"));
        Assert.Contains("15 minutes suffisent", Html.Text(formDocument), StringComparison.Ordinal);

        var first = Demo.Today.AddDays(1);
        using var created = await PostFormAsync(client, $"{Page}/nouveau", new Dictionary<string, string>
        {
            ["Input.Kind"] = "Custom",
            ["Input.Name"] = "Atelier de conception avec les agents",
            ["Input.Frequency"] = "Monthly",
            ["Input.FirstDate"] = Iso(first),
            ["Input.StartTime"] = "10h",
            ["Input.DurationMinutes"] = "120",
            ["Input.Location"] = "Salle Condorcet",
            ["Input.IsActive"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var ritual = await QueryAsync(factory, db => db.Rituals.AsNoTracking().SingleAsync(r => r.Name == "Atelier de conception avec les agents"));
        Assert.Equal((RitualFrequency.Monthly, new TimeOnly(10, 0), 120, first), (ritual.Frequency, ritual.StartTime, ritual.DurationMinutes, ritual.FirstDate));

        using var list = await client.GetAsync(Page);
        var listText = Html.Text(await Html.ParseAsync(list));
        Assert.Contains("Le rituel « Atelier de conception avec les agents » est enregistré.", listText, StringComparison.Ordinal);
        Assert.Contains($"Chaque mois, le {(first.Day == 1 ? "1er" : first.Day.ToString(CultureInfo.InvariantCulture))}", listText, StringComparison.Ordinal);
        Assert.Contains($"{first:dd/MM/yyyy} à 10:00", listText, StringComparison.Ordinal);

        var edit = $"{Page}/{ritual.Id}/modifier";
        using var edited = await PostFormAsync(client, edit, new Dictionary<string, string>
        {
            ["Input.Kind"] = "Custom", ["Input.Name"] = "Atelier de conception avec les agents", ["Input.Frequency"] = "Weekly",
            ["Input.FirstDate"] = Iso(first), ["Input.StartTime"] = "14:30", ["Input.DurationMinutes"] = "90", ["Input.IsActive"] = "true",
            ["Input.Location"] = "",
        });
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Equal((RitualFrequency.Weekly, new TimeOnly(14, 30), (string?)null),
            await QueryAsync(factory, db => db.Rituals.Where(r => r.Id == ritual.Id).Select(r => new ValueTuple<RitualFrequency, TimeOnly, string?>(r.Frequency, r.StartTime, r.Location)).SingleAsync()));

        // The form as read before that edit, submitted again: refused, and the form says what it keeps.
        using var stale = await PostFormAsync(client, edit, new Dictionary<string, string>
        {
            ["Input.Kind"] = "Custom", ["Input.Name"] = "Atelier de conception avec les agents", ["Input.Frequency"] = "Daily",
            ["Input.FirstDate"] = Iso(first), ["Input.StartTime"] = "14:30", ["Input.DurationMinutes"] = "90", ["Input.IsActive"] = "true",
            ["Input.Version"] = ritual.Version.ToString(CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("Le rituel a été modifié par quelqu’un d’autre pendant votre saisie", (await Html.ParseAsync(stale)).QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(RitualFrequency.Weekly, await QueryAsync(factory, db => db.Rituals.Where(r => r.Id == ritual.Id).Select(r => r.Frequency).SingleAsync()));

        using var deactivated = await PostFormAsync(client, Page, new Dictionary<string, string>(), $"{Page}?handler=Deactivate&id={ritual.Id}");
        Assert.Equal(HttpStatusCode.Redirect, deactivated.StatusCode);
        Assert.False(await QueryAsync(factory, db => db.Rituals.Where(r => r.Id == ritual.Id).Select(r => r.IsActive).SingleAsync()));
        using var afterDeactivation = await client.GetAsync(Page);
        Assert.Contains("Désactivé", Html.Text(await Html.ParseAsync(afterDeactivation)), StringComparison.Ordinal);

        // The page as it was before the deletion, still open in another tab, is submitted again.
        var deleteForm = await RenderedForm.ReadAsync(client, Page, $"{Page}?handler=Delete&id={ritual.Id}");
        using var deleted = await deleteForm.SubmitAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(await QueryAsync(factory, db => db.Rituals.AnyAsync(r => r.Id == ritual.Id)));
        using var again = await deleteForm.SubmitAsync(client);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Contains(await QueryAsync(factory, db => db.AuditEntries.Where(a => a.EntityType == nameof(Ritual) && a.EntityId == ritual.Id.ToString(CultureInfo.InvariantCulture)).Select(a => a.Action).ToListAsync()),
            a => a.ToString() == "Deleted");
    }

    [Fact]
    public async Task Custom_ritual_without_name_and_a_duration_out_of_range_are_refused_in_french_and_nothing_is_saved()
    {
        using var client = factory.CreateClientFor(Demo.ProductOwner);
        var before = await CountAsync(Slug);

        using var response = await PostFormAsync(client, $"{Page}/nouveau", new Dictionary<string, string>
        {
            ["Input.Kind"] = "Custom", ["Input.Name"] = "  ", ["Input.Frequency"] = "Weekly", ["Input.FirstDate"] = Iso(Demo.Today),
            ["Input.StartTime"] = "25:00", ["Input.DurationMinutes"] = "481",
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var document = await Html.ParseAsync(response);
        var text = Html.Text(document);
        Assert.Contains("Nommez le rituel", text, StringComparison.Ordinal);
        Assert.Contains("entre 5 et 480 minutes", text, StringComparison.Ordinal);
        Assert.Contains("sous la forme hh:mm", text, StringComparison.Ordinal);
        Assert.Equal("481", document.QuerySelector("#Input_DurationMinutes")!.GetAttribute("value"));
        Assert.Equal(before, await CountAsync(Slug));

        using var text4 = await PostFormAsync(client, $"{Page}/nouveau", new Dictionary<string, string>
        {
            ["Input.Kind"] = "Daily", ["Input.Frequency"] = "Daily", ["Input.FirstDate"] = Iso(Demo.Today), ["Input.StartTime"] = "09:30", ["Input.DurationMinutes"] = "quatre",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, text4.StatusCode);
        Assert.Contains("Saisissez la durée en minutes", Html.Text(await Html.ParseAsync(text4)), StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync(Slug));
    }

    [Fact]
    public async Task Calendar_feed_lists_active_rituals_as_recurring_paris_events_and_stops_when_regenerated_or_disabled()
    {
        using var client = factory.CreateClientFor(Demo.ProductOwner);
        // A monthly ritual on the 31st: the feed says « the month's last day » as the page does.
        using var monthly = await PostFormAsync(client, $"{Page}/nouveau", new Dictionary<string, string>
        {
            ["Input.Kind"] = "Custom", ["Input.Name"] = "Bilan de fin de mois", ["Input.Frequency"] = "Monthly", ["Input.FirstDate"] = "2027-01-31",
            ["Input.StartTime"] = "16:00", ["Input.DurationMinutes"] = "30", ["Input.Location"] = "Salle 2.14, bâtiment Ségur", ["Input.IsActive"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, monthly.StatusCode);

        using var created = await PostFormAsync(client, Page, new Dictionary<string, string>(), $"{Page}?handler=RegenerateFeed");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        using var shown = await client.GetAsync(Page);
        var page = await Html.ParseAsync(shown);
        var url = new Uri(page.QuerySelector("#feed-url")!.GetAttribute("value")!);
        Assert.Matches("^/rituels/[A-Za-z0-9_-]{43}\\.ics$", url.AbsolutePath);
        Assert.Contains("Thunderbird", Html.Text(page), StringComparison.Ordinal);
        Assert.Contains("Outlook", Html.Text(page), StringComparison.Ordinal);

        using var anonymous = factory.CreateClientFor(null);
        using var feed = await anonymous.GetAsync(url.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Equal("text/calendar", feed.Content.Headers.ContentType!.MediaType);
        var ics = await feed.Content.ReadAsStringAsync();
        var calendar = Ical.Net.Calendar.Load(ics)!;

        var active = await QueryAsync(factory, db => db.Rituals.AsNoTracking().Where(r => db.Products.Any(p => p.Id == r.ProductId && p.Slug == Slug) && r.IsActive).ToListAsync());
        Assert.Equal(active.Count, calendar.Events.Count);
        Assert.Contains(calendar.TimeZones, tz => tz.TzId == "Europe/Paris");
        foreach (var ritual in active)
        {
            var e = Assert.Single(calendar.Events, x => x.Uid!.StartsWith($"ritual-{ritual.Id}@", StringComparison.Ordinal));
            Assert.Equal(ritual.Name, e.Summary);
            Assert.Equal(ritual.Location, e.Location);
            Assert.Equal("Europe/Paris", e.Start!.TzId);
            Assert.Equal(ritual.StartTime, TimeOnly.FromDateTime(e.Start.Value));
            Assert.NotNull(e.RecurrenceRule);
            // The feed's recurrence gives the same dates as Cap's schedule (month-end clamping and weekdays included).
            var expected = RitualSchedule.NextOccurrences(ritual.Frequency, ritual.FirstDate, ritual.StartTime, new DateTime(2027, 1, 1), 6);
            var actual = e.GetOccurrences(new CalDateTime(new DateTime(2027, 1, 1, 0, 1, 0), "Europe/Paris")).Take(6).Select(o => o.Period.StartTime.Value).ToList();
            Assert.Equal(expected, actual);
        }
        var endOfMonth = Assert.Single(calendar.Events, x => x.Summary == "Bilan de fin de mois");
        Assert.Contains("BYSETPOS=-1", ics, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromMinutes(30), endOfMonth.Duration!.Value.ToTimeSpanUnspecified());

        // The same UIDs on the next download, so calendars update instead of duplicating.
        using var second = await anonymous.GetAsync(url.AbsolutePath);
        Assert.Equal(calendar.Events.Select(e => e.Uid).Order(), Ical.Net.Calendar.Load(await second.Content.ReadAsStringAsync())!.Events.Select(e => e.Uid).Order());

        using var regenerated = await PostFormAsync(client, Page, new Dictionary<string, string>(), $"{Page}?handler=RegenerateFeed");
        Assert.Equal(HttpStatusCode.Redirect, regenerated.StatusCode);
        using var shownAgain = await client.GetAsync(Page);
        var newUrl = new Uri((await Html.ParseAsync(shownAgain)).QuerySelector("#feed-url")!.GetAttribute("value")!);
        using var revoked = await anonymous.GetAsync(url.AbsolutePath);
        Assert.Equal(HttpStatusCode.NotFound, revoked.StatusCode);
        using var fresh = await anonymous.GetAsync(newUrl.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);

        // Shown once: the next visit says a link is live, without its address.
        using var list = await client.GetAsync(Page);
        var listDocument = await Html.ParseAsync(list);
        Assert.Contains("Un lien d’agenda est actif depuis le", Html.Text(listDocument), StringComparison.Ordinal);
        Assert.Null(listDocument.QuerySelector("#feed-url"));
        using var disabled = await PostFormAsync(client, Page, new Dictionary<string, string>(), $"{Page}?handler=DisableFeed");
        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        using var gone = await anonymous.GetAsync(newUrl.AbsolutePath);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        using var unknown = await anonymous.GetAsync("/rituels/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.DoesNotContain(await QueryAsync(factory, db => db.RitualFeeds.Select(f => f.Hash).ToListAsync()), h => h.Contains(url.AbsolutePath[9..^4], StringComparison.Ordinal));
    }

    [Fact]
    public async Task Team_creates_updates_and_deletes_a_ritual_through_the_api_and_readers_only_read()
    {
        using var client = factory.CreateClientFor(Demo.ProductOwner);
        using var created = await client.PostAsync(Api, Json(new { kind = "refinement", frequency = "weekly", firstDate = Iso(Demo.Today), startTime = "11:00", durationMinutes = 45, location = "Visio" }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var json = await ReadJsonAsync(created);
        var id = json.RootElement.GetProperty("id").GetInt32();
        Assert.Equal("Priorisation et affinage", json.RootElement.GetProperty("name").GetString());
        Assert.StartsWith("Chaque semaine, le ", json.RootElement.GetProperty("frequencyText").GetString(), StringComparison.Ordinal);
        Assert.True(json.RootElement.GetProperty("nextOccurrence").GetDateTimeOffset() > DateTimeOffset.UtcNow);
        var version = json.RootElement.GetProperty("version").GetInt32();

        using var updated = await client.PutAsync($"{Api}/{id}", Json(new { kind = "refinement", frequency = "every-two-weeks", firstDate = Iso(Demo.Today), startTime = "11:00", durationMinutes = 60, version }));
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        using var stale = await client.PutAsync($"{Api}/{id}", Json(new { kind = "refinement", frequency = "weekly", firstDate = Iso(Demo.Today), startTime = "11:00", durationMinutes = 60, version }));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType!.MediaType);
        using var staleJson = await ReadJsonAsync(stale);
        using var updatedJson = await ReadJsonAsync(updated);
        Assert.Equal(updatedJson.RootElement.GetProperty("version").GetInt32(), staleJson.RootElement.GetProperty("currentVersion").GetInt32());

        using var reader = factory.CreateClientFor(Demo.Lecteur);
        using var read = await reader.GetAsync(Api);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        using var readJson = await ReadJsonAsync(read);
        Assert.Contains(readJson.RootElement.GetProperty("rituals").EnumerateArray(), r => r.GetProperty("id").GetInt32() == id && r.GetProperty("frequency").GetString() == "every-two-weeks");
        using var refused = await reader.PostAsync(Api, Json(new { kind = "daily", frequency = "daily", firstDate = Iso(Demo.Today), startTime = "09:30", durationMinutes = 15 }));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        using var deleted = await client.DeleteAsync($"{Api}/{id}");
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        using var remaining = await ReadJsonAsync(deleted);
        Assert.DoesNotContain(remaining.RootElement.GetProperty("rituals").EnumerateArray(), r => r.GetProperty("id").GetInt32() == id);
        using var again = await client.DeleteAsync($"{Api}/{id}");
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task Api_refuses_a_nameless_custom_ritual_and_a_too_short_one_with_422_and_saves_nothing()
    {
        using var client = factory.CreateClientFor(Demo.ProductOwner);
        var before = await CountAsync(ApiSlug);

        using var response = await client.PostAsync(Api, Json(new { kind = "custom", frequency = "weekly", firstDate = Iso(Demo.Today), startTime = "09:30", durationMinutes = 4 }));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var json = await ReadJsonAsync(response);
        var errors = json.RootElement.GetProperty("errors");
        Assert.Contains("Nommez le rituel", errors.GetProperty("name")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("entre 5 et 480 minutes", errors.GetProperty("durationMinutes")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync(ApiSlug));

        using var unknownProduct = await client.GetAsync("/api/v1/products/inexistant/rituals");
        Assert.Equal(HttpStatusCode.NotFound, unknownProduct.StatusCode);
    }
}

public sealed class RitualsTestsSqlite(SqliteCapFactory factory) : RitualsTests<SqliteCapFactory>(factory);

public sealed class RitualsTestsPostgres(PostgresCapFactory factory) : RitualsTests<PostgresCapFactory>(factory);
