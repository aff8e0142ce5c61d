using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Cap.Domain.Catalogue;
using Cap.Domain.Coaching;
using Cap.Domain.Satisfaction;
using Cap.Web.Features.Portfolio;
using Cap.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Cap.Web.Tests.Infrastructure.TestHttp;

namespace Cap.Web.Tests.Portfolio;

public abstract class PortfolioTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : CapWebFactory
{
    private Task<(int Id, string Slug)> FreshProductAsync(Phase phase) => QueryAsync(factory, async db =>
    {
        var slug = $"pil-{Guid.NewGuid():N}"[..20];
        var product = await TestProducts.AddWithJourneyTeamAsync(db, slug, $"Pilotage {slug}", "Produit de test du pilotage.", phase);
        await db.SaveChangesAsync();
        return (product.Id, slug);
    });

    private static async Task<JsonElement> ApiAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync("/api/v1/portfolio" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = await ReadJsonAsync(response);
        return json.RootElement.Clone();
    }

    private static JsonElement Only(JsonElement page)
    {
        Assert.Equal(1, page.GetProperty("total").GetInt32());
        return page.GetProperty("items")[0];
    }

    [Fact]
    public async Task Every_steered_product_has_its_line_with_the_figures_of_its_sources()
    {
        using var client = factory.CreateClientFor(Demo.Lecteur);
        var active = await QueryAsync(factory, db => db.Products.CountAsync(p => !p.IsArchived));
        var page = await ApiAsync(client, "?pageSize=200");
        Assert.Equal(active, page.GetProperty("total").GetInt32());
        Assert.Equal(0, page.GetProperty("refreshing").GetInt32());
        Assert.DoesNotContain(page.GetProperty("items").EnumerateArray(), i => i.GetProperty("slug").GetString() == "teleconsult-annuaire");

        // A demo product's line: its compliance alert, its checklist, its phase and the counts of its indicators.
        var signal = page.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("slug").GetString() == "signal-sante");
        Assert.Contains(signal.GetProperty("flags").EnumerateArray(), f => f.GetProperty("code").GetString() == "homologation-expired");
        Assert.True(signal.GetProperty("alertCount").GetInt32() >= 1);
        var (phase, indicators, since) = await QueryAsync(factory, db => db.Products.Where(p => p.Slug == "signal-sante")
            .Select(p => new ValueTuple<Phase, int, DateTimeOffset>(p.Phase, db.Indicators.Count(i => i.ProductId == p.Id), p.PhaseSince)).SingleAsync());
        Assert.Equal(Cap.Web.Shared.ApiNames.Name(phase), signal.GetProperty("phase").GetString());
        Assert.Equal(indicators, signal.GetProperty("indicators").GetProperty("total").GetInt32());
        Assert.Equal(since, signal.GetProperty("phaseSince").GetDateTimeOffset());

        // The page shows the same products, one row each, the export links keep the filters.
        using var screen = await client.GetAsync("/pilotage?phase=construction");
        var doc = await Html.ParseAsync(screen);
        var construction = await QueryAsync(factory, db => db.Products.CountAsync(p => !p.IsArchived && p.Phase == Phase.Construction));
        Assert.Equal(construction, doc.QuerySelectorAll("#produits tbody tr").Length);
        Assert.NotNull(doc.QuerySelector("a[href='/pilotage/csv?phase=construction']"));
        Assert.NotNull(doc.QuerySelector("#phase-sante"));
        Assert.NotNull(doc.QuerySelector("#grille"));
    }

    [Fact]
    public async Task A_change_in_a_product_shows_on_the_dashboard_at_once()
    {
        var (id, slug) = await FreshProductAsync(Phase.Mvp);
        using var client = factory.CreateClientFor(Demo.MembreComite);
        var before = Only(await ApiAsync(client, $"?q={slug}"));
        Assert.Equal("no-indicator", before.GetProperty("health").GetString());
        Assert.Equal(JsonValueKind.Null, before.GetProperty("weather").ValueKind);
        Assert.Contains(before.GetProperty("flags").EnumerateArray(), f => f.GetProperty("code").GetString() == "checklist-missing");

        await TestProducts.NewIndicatorAsync(factory, slug, "Taux de dossiers complets");
        await QueryAsync(factory, async db =>
        {
            db.ProductWeathers.Add(new ProductWeather { ProductId = id, Level = WeatherLevel.EnDifficulte, AuthorName = "Sophie Bernard", At = DateTimeOffset.UtcNow });
            // Answers arrive through the intake (no audited save): the refresher's satisfaction pass takes them.
            var placement = await db.Placements.Where(p => !db.FeedbackDailyRollups.Any(r => r.PlacementId == p.Id && r.Day == Demo.Today)).Select(p => p.Id).FirstAsync();
            db.FeedbackDailyRollups.Add(new FeedbackDailyRollup { ProductId = id, PlacementId = placement, Day = Demo.Today, Count = 4, Points = 30 });
            return await db.SaveChangesAsync();
        });

        var after = Only(await ApiAsync(client, $"?q={slug}"));
        Assert.Equal("watch", after.GetProperty("health").GetString());
        Assert.Equal(1, after.GetProperty("indicators").GetProperty("total").GetInt32());
        Assert.Equal("struggling", after.GetProperty("weather").GetString());
        Assert.True(after.GetProperty("lastActivityAt").GetDateTimeOffset() >= before.GetProperty("computedAt").GetDateTimeOffset());

        // The background pass recomputes products that received answers today.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PortfolioRefresher>().PassAsync(default);
        }
        var answered = Only(await ApiAsync(client, $"?q={slug}")).GetProperty("satisfaction");
        Assert.Equal(4, answered.GetProperty("answers").GetInt64());
        Assert.Equal(7.5m, answered.GetProperty("index").GetDecimal());
        Assert.Equal("amber", answered.GetProperty("colour").GetString());
    }

    [Fact]
    public async Task Filters_and_order_come_from_the_query_string_and_bad_values_are_said()
    {
        using var client = factory.CreateClientFor(Demo.Lecteur);
        var mvp = await ApiAsync(client, "?phase=mvp&pageSize=200");
        Assert.All(mvp.GetProperty("items").EnumerateArray(), i => Assert.Equal("mvp", i.GetProperty("phase").GetString()));
        Assert.Equal(await QueryAsync(factory, db => db.Products.CountAsync(p => !p.IsArchived && p.Phase == Phase.Mvp)), mvp.GetProperty("total").GetInt32());

        var flagged = await ApiAsync(client, "?flag=homologation-expired&pageSize=200");
        Assert.True(flagged.GetProperty("total").GetInt32() >= 1);
        Assert.All(flagged.GetProperty("items").EnumerateArray(), i =>
            Assert.Contains(i.GetProperty("flags").EnumerateArray(), f => f.GetProperty("code").GetString() == "homologation-expired"));

        // Lowest satisfaction first, products without answers last.
        var bySatisfaction = (await ApiAsync(client, "?sort=satisfaction&pageSize=200")).GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("satisfaction").GetProperty("index")).Select(e => e.ValueKind == JsonValueKind.Null ? (decimal?)null : e.GetDecimal()).ToList();
        var known = bySatisfaction.TakeWhile(x => x is not null).ToList();
        Assert.True(known.Count > 0);
        Assert.All(bySatisfaction.Skip(known.Count), x => Assert.Null(x));
        Assert.Equal(known.Order().ToList(), known);
        var reversed = (await ApiAsync(client, "?sort=satisfaction&order=desc&pageSize=200")).GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("satisfaction").GetProperty("index")).Where(e => e.ValueKind != JsonValueKind.Null).Select(e => e.GetDecimal()).ToList();
        Assert.Equal(known.OrderDescending().Select(x => x!.Value).ToList(), reversed);

        // Worst health first; paging keeps the order.
        var health = (await ApiAsync(client, "?sort=health&pageSize=200")).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("health").GetString()).ToList();
        var rank = new Dictionary<string, int> { ["off-track"] = 0, ["watch"] = 1, ["good"] = 2, ["no-indicator"] = 3 };
        Assert.Equal(health.OrderBy(h => rank[h!]).ToList(), health);

        using var bad = await client.GetAsync("/api/v1/portfolio?phase=banane&sort=poids&pageSize=0&flag=inconnu");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        using var problem = await ReadJsonAsync(bad);
        var errors = problem.RootElement.GetProperty("errors");
        foreach (var key in new[] { "phase", "sort", "pageSize", "flag" })
        {
            Assert.True(errors.TryGetProperty(key, out _), key);
        }

        // The page ignores an unknown value, says so, and still lists the products.
        using var screen = await client.GetAsync("/pilotage?phase=banane&tri=sante");
        Assert.Equal(HttpStatusCode.OK, screen.StatusCode);
        var doc = await Html.ParseAsync(screen);
        Assert.Contains("Phase inconnue", Html.Text(doc), StringComparison.Ordinal);
        Assert.Equal("descending", doc.QuerySelector("th[aria-sort]")?.GetAttribute("aria-sort"));
        Assert.True(doc.QuerySelectorAll("#produits tbody tr").Length > 0);
    }

    [Fact]
    public async Task The_filter_form_rendered_by_the_page_filters()
    {
        using var client = factory.CreateClientFor(Demo.MembreComite);
        using var empty = await client.GetAsync("/pilotage");
        var form = (await Html.ParseAsync(empty)).QuerySelector("form[role='search']")!;
        Assert.Equal("get", form.GetAttribute("method"));
        // The choices a person can make in the rendered form, submitted as the browser does (a GET with the form's names).
        // A phase and a health that some demo products have (the figures the API gives over every product).
        var combination = (await ApiAsync(client, "?pageSize=1")).GetProperty("phaseHealth").EnumerateArray()
            .Where(c => c.GetProperty("health").GetString() is "off-track" or "watch" && c.GetProperty("products").GetInt32() > 0)
            .OrderByDescending(c => c.GetProperty("products").GetInt32()).First();
        var phase = Enum.GetValues<Phase>().Single(p => Cap.Web.Shared.ApiNames.Name(p) == combination.GetProperty("phase").GetString());
        var health = combination.GetProperty("health").GetString()!;
        var healthLabel = health == "off-track" ? "Hors trajectoire" : "À surveiller";
        var fields = new Dictionary<string, string>();
        foreach (var (name, label) in new[] { ("phase", phase.Label()), ("sante", healthLabel) })
        {
            var option = form.QuerySelectorAll($"select[name='{name}'] option").Single(o => o.TextContent.Trim() == label);
            fields[name] = option.GetAttribute("value")!;
        }
        var names = form.QuerySelectorAll("input[name], select[name]").Select(e => e.GetAttribute("name")!).ToList();
        var query = string.Join("&", names.Select(n => $"{n}={Uri.EscapeDataString(fields.GetValueOrDefault(n, ""))}"));
        using var filtered = await client.GetAsync($"{form.GetAttribute("action")}?{query}");
        Assert.Equal(HttpStatusCode.OK, filtered.StatusCode);
        var doc = await Html.ParseAsync(filtered);
        var api = await ApiAsync(client, $"?phase={Cap.Web.Shared.ApiNames.Name(phase)}&health={health}&pageSize=200");
        Assert.True(api.GetProperty("total").GetInt32() > 0);
        Assert.Equal(api.GetProperty("total").GetInt32(), doc.QuerySelectorAll("#produits tbody tr").Length);
        Assert.All(doc.QuerySelectorAll("#produits tbody tr"), row => Assert.Contains(healthLabel, row.TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_export_holds_exactly_the_filtered_lines_in_the_shown_order()
    {
        using var client = factory.CreateClientFor(Demo.Lecteur);
        var shown = (await ApiAsync(client, "?directorate=DNUM&sort=time-in-phase&pageSize=200")).GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("slug").GetString()!).ToList();
        Assert.NotEmpty(shown);
        using var csv = await client.GetAsync("/pilotage/csv?direction=DNUM&tri=duree-phase");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF')
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\n')).SelectMany(l => l.Split('\n')).Where(l => l.Length > 0).ToList();
        Assert.StartsWith("Produit;Identifiant;Direction", lines[0], StringComparison.Ordinal);
        Assert.Equal(shown, lines.Skip(1).Select(l => l.Split(';')[1]).ToList());

        using var xlsx = await client.GetAsync("/pilotage/xlsx?direction=DNUM");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var bytes = await xlsx.Content.ReadAsByteArrayAsync();
        Assert.Equal((byte)'P', bytes[0]);
        Assert.Equal((byte)'K', bytes[1]);
    }

    [Fact]
    public async Task Lines_are_recomputed_when_stale_and_the_home_page_shows_my_products_flags()
    {
        // A new day or a missed change: the refresher's pass leaves no stale line.
        await QueryAsync(factory, db => db.PortfolioSummaries.ExecuteUpdateAsync(u => u.SetProperty(s => s.ComputedOn, s => s.ComputedOn.AddDays(-1))));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var computed = await scope.ServiceProvider.GetRequiredService<PortfolioRefresher>().PassAsync(default);
            Assert.True(computed > 0);
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<PortfolioRefresh>().CountStaleAsync(default));
        }

        using var karim = factory.CreateClientFor(Demo.ProductOwner);
        using var home = await karim.GetAsync("/");
        var doc = await Html.ParseAsync(home);
        Assert.NotNull(doc.QuerySelector("a[href='/pilotage']"));
        Assert.Contains("Points d’attention de mes produits", Html.Text(doc), StringComparison.Ordinal);
    }
}

public sealed class PortfolioTestsSqlite(SqliteCapFactory factory) : PortfolioTests<SqliteCapFactory>(factory);

public sealed class PortfolioTestsPostgres(PostgresCapFactory factory) : PortfolioTests<PostgresCapFactory>(factory);
