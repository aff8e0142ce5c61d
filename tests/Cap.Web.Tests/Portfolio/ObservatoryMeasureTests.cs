using System.Globalization;
using System.Net;
using System.Text.Json;
using Cap.Domain.Catalogue;
using Cap.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Cap.Web.Tests.Infrastructure.TestHttp;

namespace Cap.Web.Tests.Portfolio;

/// <summary>
/// Availability and page load on the portfolio's observatory scorecard: a team marks an indicator as the observatory's measure on
/// the indicator's form, its measurements (entered on the indicator's page, or pushed by the API) show on /pilotage and in the API
/// with their level and the change since a month earlier; a second indicator for the same measure is refused beside the field and
/// by the API.
/// </summary>
public abstract class ObservatoryMeasureTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : CapWebFactory
{
    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private Task<string> FreshProductAsync() => QueryAsync(factory, async db =>
    {
        var slug = $"obs-{Guid.NewGuid():N}"[..20];
        await TestProducts.AddWithJourneyTeamAsync(db, slug, $"Observatoire {slug}", "Produit de test de l’observatoire.", Phase.Generalisation);
        await db.SaveChangesAsync();
        return slug;
    });

    /// <summary>Fills the rendered « nouvel indicateur » form and submits it.</summary>
    private static async Task<HttpResponseMessage> SubmitNewAsync(HttpClient client, string slug, string name, string unit, string measure, string baseline, string target, string direction)
    {
        var form = await RenderedForm.ReadAsync(client, $"/produits/{slug}/indicateurs/nouveau");
        return await form.Set("Input.Kind", "Direction").Set("Input.Name", name).Set("Input.Unit", unit).Set("Input.Direction", direction)
            .Set("Input.Baseline", baseline).Set("Input.BaselineDate", Iso(Demo.Today.AddMonths(-3))).Set("Input.Target", target)
            .Set("Input.TargetDate", Iso(Demo.Today.AddMonths(6))).Set("Input.Frequency", "Monthly")
            .Set("Input.ObservatoryMeasure", measure).SubmitAsync(client);
    }

    private static int IdOf(HttpResponseMessage created)
    {
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        return int.Parse(created.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
    }

    private static async Task<JsonElement> PortfolioAsync(HttpClient client, string slug)
    {
        using var response = await client.GetAsync($"/api/v1/portfolio?q={slug}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = await ReadJsonAsync(response);
        return json.RootElement.Clone();
    }

    private static JsonElement Measure(JsonElement portfolio, string measure) =>
        portfolio.GetProperty("scorecard").GetProperty("measures").EnumerateArray().Single(m => m.GetProperty("measure").GetString() == measure);

    private static (int Green, int Amber, int Red, int Insufficient) Levels(JsonElement levels) =>
        (levels.GetProperty("green").GetInt32(), levels.GetProperty("amber").GetInt32(), levels.GetProperty("red").GetInt32(), levels.GetProperty("insufficient").GetInt32());

    [Fact]
    public async Task Marked_indicators_feed_the_scorecard_with_their_level_and_last_month()
    {
        var slug = await FreshProductAsync();
        using var team = factory.CreateClientFor(Demo.ProductOwner);
        using var committee = factory.CreateClientFor(Demo.MembreComite);

        // Not measured yet: the product counts as « non mesuré » for both.
        var before = await PortfolioAsync(committee, slug);
        Assert.Equal((0, 0, 0, 1), Levels(Measure(before, "availability").GetProperty("now")));
        Assert.Equal("Non mesuré", Measure(before, "page-load").GetProperty("insufficientLabel").GetString());

        // The team marks two indicators on the indicator form (the page load in milliseconds).
        var availability = IdOf(await SubmitNewAsync(team, slug, "Disponibilité", "Percent", "Availability", "99", "99,95", "Up"));
        var pageLoad = IdOf(await SubmitNewAsync(team, slug, "Temps de chargement", "Milliseconds", "PageLoad", "900", "300", "Down"));
        using (var details = await team.GetAsync($"/produits/{slug}/indicateurs/{availability}"))
        {
            var text = (await Html.ParseAsync(details)).QuerySelector("#mesure-observatoire")!.TextContent;
            Assert.Contains("Disponibilité (observatoire)", text, StringComparison.Ordinal);
            Assert.Contains("non mesuré", text, StringComparison.Ordinal);
        }

        // Availability measured on the indicator's page: green a month ago, amber now (99,9 exactly is amber).
        foreach (var (date, value) in new[] { (Demo.Today.AddMonths(-1), "99,95"), (Demo.Today, "99.9") })
        {
            var form = await RenderedForm.ReadAsync(team, $"/produits/{slug}/indicateurs/{availability}");
            using var saved = await form.Set("Measurement.Date", Iso(date)).Set("Measurement.Value", value).SubmitAsync(team);
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }
        // Page load pushed by the API (the bulk writer): 900 ms a month ago (red), 350 ms now (green).
        using (var body = Json(new object[] { new { date = Iso(Demo.Today.AddMonths(-1).AddDays(-3)), value = 900 }, new { date = Iso(Demo.Today), value = 350 } }))
        using (var pushed = await team.PostAsync($"/api/v1/products/{slug}/indicators/{pageLoad}/measurements", body))
        {
            Assert.Equal(HttpStatusCode.OK, pushed.StatusCode);
        }

        var after = await PortfolioAsync(committee, slug);
        Assert.Equal((0, 1, 0, 0), Levels(Measure(after, "availability").GetProperty("now")));
        Assert.Equal((1, 0, 0, 0), Levels(Measure(after, "availability").GetProperty("before")));
        Assert.Equal((1, 0, 0, 0), Levels(Measure(after, "page-load").GetProperty("now")));
        Assert.Equal((0, 0, 1, 0), Levels(Measure(after, "page-load").GetProperty("before")));
        var item = after.GetProperty("items")[0].GetProperty("observatory");
        Assert.Equal(99.9m, item.GetProperty("availability").GetDecimal());
        Assert.Equal("amber", item.GetProperty("availabilityLevel").GetString());
        Assert.Equal(0.35m, item.GetProperty("pageLoadSeconds").GetDecimal());
        Assert.Equal(0.9m, item.GetProperty("pageLoadSecondsPrevious").GetDecimal());
        Assert.Equal("green", item.GetProperty("pageLoadLevel").GetString());
        var byDirectorate = after.GetProperty("scorecardByDirectorate").EnumerateArray().Single();
        Assert.Equal((0, 1, 0, 0), Levels(byDirectorate.GetProperty("measures").EnumerateArray().Single(m => m.GetProperty("measure").GetString() == "availability").GetProperty("now")));

        // The scorecard on /pilotage: the two rows with their thresholds, the counts per level and the change since last month.
        using (var screen = await committee.GetAsync($"/pilotage?q={slug}"))
        {
            var doc = await Html.ParseAsync(screen);
            var rows = doc.QuerySelectorAll("#grille tbody tr").ToDictionary(r => r.QuerySelector("th")!.TextContent.Trim());
            var uptime = rows["Disponibilité"].QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
            Assert.Contains("vert > 99,9 %", uptime[0], StringComparison.Ordinal);
            Assert.StartsWith("0", uptime[1], StringComparison.Ordinal); // vert
            Assert.StartsWith("1", uptime[2], StringComparison.Ordinal); // orange
            Assert.Contains("100 %", uptime[5], StringComparison.Ordinal); // en vert le mois précédent
            Assert.Contains("-100 points", uptime[5], StringComparison.Ordinal);
            var load = rows["Temps de chargement"].QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
            Assert.Contains("vert < 0,4 s", load[0], StringComparison.Ordinal);
            Assert.StartsWith("1", load[1], StringComparison.Ordinal);
            Assert.Contains("+100 points", load[5], StringComparison.Ordinal);
            Assert.NotNull(doc.QuerySelector("#grille-directions"));
            Assert.Contains("Temps de chargement", doc.QuerySelector("#grille-directions thead")!.TextContent, StringComparison.Ordinal);
        }

        // Unmarking the indicator on its edit form marks the line stale: availability is « non mesuré » again.
        var edit = await RenderedForm.ReadAsync(team, $"/produits/{slug}/indicateurs/{availability}/modifier");
        Assert.Equal("Availability", edit["Input.ObservatoryMeasure"]);
        using (var unmarked = await edit.Set("Input.ObservatoryMeasure", "").SubmitAsync(team))
        {
            Assert.Equal(HttpStatusCode.Redirect, unmarked.StatusCode);
        }
        Assert.Equal((0, 0, 0, 1), Levels(Measure(await PortfolioAsync(committee, slug), "availability").GetProperty("now")));
    }

    [Fact]
    public async Task A_second_indicator_for_the_same_measure_is_refused_beside_the_field_and_by_the_api()
    {
        var slug = await FreshProductAsync();
        using var team = factory.CreateClientFor(Demo.ProductOwner);
        IdOf(await SubmitNewAsync(team, slug, "Disponibilité", "Percent", "Availability", "99", "99,95", "Up"));

        using (var refused = await SubmitNewAsync(team, slug, "Disponibilité bis", "Percent", "Availability", "98", "99,9", "Up"))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            var doc = await Html.ParseAsync(refused);
            var message = doc.QuerySelector("#Input_ObservatoryMeasure-messages")!.TextContent;
            Assert.Contains("« Disponibilité » est déjà la mesure « Disponibilité (observatoire) »", message, StringComparison.Ordinal);
        }
        // A unit that does not fit the measure is said beside the field too.
        using (var wrongUnit = await SubmitNewAsync(team, slug, "Chargement", "Percent", "PageLoad", "90", "40", "Down"))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, wrongUnit.StatusCode);
            Assert.Contains("secondes ou en millisecondes", (await Html.ParseAsync(wrongUnit)).QuerySelector("#Input_ObservatoryMeasure-messages")!.TextContent, StringComparison.Ordinal);
        }
        Assert.Equal(1, await QueryAsync(factory, db => db.Indicators.CountAsync(i => i.Product!.Slug == slug)));

        object Body(string name, string unit, string? measure) => new
        {
            kind = "direction", name, unit, direction = "up", baseline = 98, baselineDate = Iso(Demo.Today.AddMonths(-3)), target = 99.95,
            targetDate = Iso(Demo.Today.AddMonths(6)), frequency = "monthly", observatoryMeasure = measure,
        };
        using (var body = Json(Body("Disponibilité API", "percent", "availability")))
        using (var taken = await team.PostAsync($"/api/v1/products/{slug}/indicators", body))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, taken.StatusCode);
            Assert.Equal("application/problem+json", taken.Content.Headers.ContentType?.MediaType);
            using var problem = await ReadJsonAsync(taken);
            Assert.Contains("est déjà la mesure", problem.RootElement.GetProperty("errors").GetProperty("observatoryMeasure")[0].GetString(), StringComparison.Ordinal);
        }
        using (var body = Json(Body("Note", "percent", "satisfaction")))
        using (var unknown = await team.PostAsync($"/api/v1/products/{slug}/indicators", body))
        {
            Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
            using var problem = await ReadJsonAsync(unknown);
            Assert.Contains("page-load", problem.RootElement.GetProperty("errors").GetProperty("observatoryMeasure")[0].GetString(), StringComparison.Ordinal);
        }
        using (var body = Json(Body("Chargement API", "milliseconds", "page-load")))
        using (var created = await team.PostAsync($"/api/v1/products/{slug}/indicators", body))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            using var json = await ReadJsonAsync(created);
            Assert.Equal("page-load", json.RootElement.GetProperty("observatoryMeasure").GetString());
            Assert.Equal("milliseconds", json.RootElement.GetProperty("unit").GetString());
        }
    }
}

public sealed class ObservatoryMeasureTestsSqlite(SqliteCapFactory factory) : ObservatoryMeasureTests<SqliteCapFactory>(factory);

public sealed class ObservatoryMeasureTestsPostgres(PostgresCapFactory factory) : ObservatoryMeasureTests<PostgresCapFactory>(factory);
