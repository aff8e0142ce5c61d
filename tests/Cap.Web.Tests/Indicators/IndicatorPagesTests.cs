using System.Globalization;
using System.Net;
using Cap.Domain.Steering;
using Cap.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Cap.Web.Tests.Infrastructure.TestHttp;

namespace Cap.Web.Tests.Indicators;

public abstract class IndicatorPagesTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : CapWebFactory
{
    private const string Tab = $"/produits/{Demo.JourneyProductSlug}/indicateurs";
    private static DateOnly Today => Demo.Today;

    private static Dictionary<string, string> Fields(string name, string baseline = "12,5", string target = "40.5") => new()
    {
        ["Input.Kind"] = nameof(IndicatorKind.Success),
        ["Input.Name"] = name,
        ["Input.Unit"] = nameof(IndicatorUnit.Percent),
        ["Input.Direction"] = nameof(WantedDirection.Up),
        ["Input.Baseline"] = baseline,
        ["Input.BaselineDate"] = Today.AddMonths(-3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["Input.Target"] = target,
        ["Input.TargetDate"] = Today.AddMonths(9).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["Input.Frequency"] = nameof(UpdateFrequency.Monthly),
    };

    private async Task<int> CreateAsync(HttpClient client, string name)
    {
        using var response = await CapWebFactory.PostFormAsync(client, $"{Tab}/nouveau", Fields(name));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
    }

    private static string Message(AngleSharp.Dom.IDocument page, string field) =>
        page.QuerySelector($"#{field.Replace('.', '_')}-messages")?.TextContent.Trim() ?? string.Empty;

    [Fact]
    public async Task Demo_products_show_indicators_grouped_with_status_badges()
    {
        var slug = await QueryAsync(factory, db => db.Indicators.Where(i => i.Measurements.Any()).Select(i => i.Product!.Slug).FirstAsync());
        using var client = factory.CreateClientFor(Demo.Lecteur);
        using var response = await client.GetAsync($"/produits/{slug}/indicateurs");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.NotEmpty(page.QuerySelectorAll("table caption"));
        var badges = page.QuerySelectorAll("td .fr-badge").Select(b => b.TextContent).ToList();
        Assert.NotEmpty(badges);
        Assert.All(badges, b => Assert.Contains(b, Enum.GetValues<IndicatorStatus>().Select(s => s.Label())));
        Assert.DoesNotContain("Ajouter un indicateur", Html.Text(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_portfolio_holds_every_status()
    {
        var statuses = await QueryAsync(factory, async db =>
        {
            var indicators = await db.Indicators.AsNoTracking().Include(i => i.Measurements).ToListAsync();
            return indicators.Select(i => IndicatorStatusRule.Assess(i.Spec, i.Measurements.Select(m => new Point(m.Date, m.Value)).ToList(), Today).Status).ToHashSet();
        });
        foreach (var status in new[] { IndicatorStatus.Reached, IndicatorStatus.OnTrack, IndicatorStatus.Watch, IndicatorStatus.OffTrack, IndicatorStatus.Late, IndicatorStatus.NoData })
        {
            Assert.Contains(status, statuses);
        }
    }

    [Fact]
    public async Task Kept_summaries_of_the_demo_match_the_measurements()
    {
        var mismatches = await QueryAsync(factory, async db =>
        {
            var indicators = await db.Indicators.AsNoTracking().Include(i => i.Measurements).ToListAsync();
            return indicators.Where(i => IndicatorStatusRule.Summarise(i.Measurements.Select(m => new Point(m.Date, m.Value)).ToList()) is var expected
                    && (expected?.Last != i.Summary?.Last
                        || IndicatorStatusRule.Assess(i.Spec, expected, Today) != IndicatorStatusRule.Assess(i.Spec, i.Summary, Today)))
                .Select(i => i.Name).ToList();
        });
        Assert.Empty(mismatches);
    }

    [Fact]
    public async Task Indicator_is_created_from_the_form_with_french_decimals()
    {
        using var client = factory.CreateClientFor(Demo.ProductOwner);
        var id = await CreateAsync(client, "Taux formulaire");
        var stored = await QueryAsync(factory, db => db.Indicators.SingleAsync(i => i.Id == id));
        Assert.Equal(12.5m, stored.Baseline);
        Assert.Equal(40.5m, stored.Target);

        using var page = await client.GetAsync($"{Tab}/{id}");
        var text = Html.Text(await Html.ParseAsync(page));
        Assert.Contains("Pas de données", text, StringComparison.Ordinal);
        Assert.Contains("12,5 %", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_indicator_form_shows_french_messages_beside_the_fields_and_keeps_the_input()
    {
        using var client = factory.CreateClientFor(Demo.ProductOwner);
        var fields = Fields("Taux invalide", baseline: "douze", target: "30");
        fields["Input.TargetDate"] = Today.AddMonths(-6).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        fields["Input.Unit"] = nameof(IndicatorUnit.Free);
        using var response = await CapWebFactory.PostFormAsync(client, $"{Tab}/nouveau", fields);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("Saisissez un nombre, par exemple 12,5 ou 12.5.", Message(page, "Input.Baseline"));
        Assert.Equal("La date cible doit être postérieure à la date de la valeur de référence.", Message(page, "Input.TargetDate"));
        Assert.Contains("unité libre", Message(page, "Input.CustomUnit"), StringComparison.Ordinal);
        Assert.Equal("douze", page.QuerySelector("#Input_Baseline")!.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector("#error-summary"));

        fields = Fields("Taux égal", baseline: "30", target: "30,0");
        using var equal = await CapWebFactory.PostFormAsync(client, $"{Tab}/nouveau", fields);
        Assert.Equal("La cible doit être différente de la valeur de référence.", Message(await Html.ParseAsync(equal), "Input.Target"));
    }

    [Fact]
    public async Task A_field_that_does_not_parse_saves_nothing_even_when_the_rules_would_accept_the_rest()
    {
        using var client = factory.CreateClientFor(Demo.ProductOwner);
        var name = $"Indicateur non lu {Guid.NewGuid():N}"[..30];
        var form = await RenderedForm.ReadAsync(client, $"{Tab}/nouveau");
        foreach (var (field, value) in Fields(name))
        {
            form.Set(field, value);
        }
        // The upper bound only matters for a range: the rules accept the rest, but "douze" is not a number.
        using var response = await form.Set("Input.TargetMax", "douze").SubmitAsync(client);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("Saisissez un nombre, par exemple 12,5 ou 12.5.", Message(await Html.ParseAsync(response), "Input.TargetMax"));
        Assert.Equal(0, await QueryAsync(factory, db => db.Indicators.CountAsync(i => i.Name == name)));
    }

    [Fact]
    public async Task Suggested_indicators_come_from_the_typology_and_are_flagged_to_complete()
    {
        using var client = factory.CreateClientFor(Demo.ProductOwner);
        using var suggestions = await client.GetAsync($"{Tab}/suggestions");
        var page = await Html.ParseAsync(suggestions);
        var ids = page.QuerySelectorAll("input[name=TemplateIds]").Select(i => i.GetAttribute("value")!).ToList();
        Assert.Equal(4, ids.Count);
        var before = await QueryAsync(factory, db => db.Indicators.CountAsync(i => i.Product!.Slug == Demo.JourneyProductSlug));

        using var response = await CapWebFactory.PostFormAsync(client, $"{Tab}/suggestions", ids.Take(2).Select(id => ("TemplateIds", id)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var added = await QueryAsync(factory, db => db.Indicators.AsNoTracking().Where(i => i.Product!.Slug == Demo.JourneyProductSlug).OrderByDescending(i => i.Id).Take(2).ToListAsync());
        Assert.Equal(before + 2, await QueryAsync(factory, db => db.Indicators.CountAsync(i => i.Product!.Slug == Demo.JourneyProductSlug)));
        Assert.All(added, i =>
        {
            Assert.True(IndicatorRules.IsPending(i));
            Assert.Equal(Today.AddMonths(12), i.TargetDate);
            Assert.NotEqual(i.Baseline, i.Target);
        });
        using var tab = await client.GetAsync(Tab);
        Assert.Contains("À compléter", Html.Text(await Html.ParseAsync(tab)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Measurements_are_added_edited_and_deleted_with_an_audit_trail()
    {
        using var client = factory.CreateClientFor(Demo.ProductOwner);
        var id = await CreateAsync(client, "Taux mesures");
        var url = $"{Tab}/{id}";
        string Day(int offset) => Today.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        using (var ok = await CapWebFactory.PostFormAsync(client, url, new Dictionary<string, string> { ["Measurement.Date"] = Day(-10), ["Measurement.Value"] = "20,5", ["Measurement.Comment"] = "Première" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        }
        using (var ok = await CapWebFactory.PostFormAsync(client, url, new Dictionary<string, string> { ["Measurement.Date"] = Day(-1), ["Measurement.Value"] = "21.5" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        }
        using (var bad = await CapWebFactory.PostFormAsync(client, url, new Dictionary<string, string> { ["Measurement.Date"] = Day(3), ["Measurement.Value"] = "abc" }))
        {
            Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
            var page = await Html.ParseAsync(bad);
            Assert.Equal("La date de la mesure ne peut pas dépasser demain.", Message(page, "Measurement.Date"));
            Assert.Equal("Saisissez un nombre, par exemple 12,5 ou 12.5.", Message(page, "Measurement.Value"));
        }
        using (var duplicate = await CapWebFactory.PostFormAsync(client, url, new Dictionary<string, string> { ["Measurement.Date"] = Day(-1), ["Measurement.Value"] = "3" }))
        {
            Assert.Contains("existe déjà", Message(await Html.ParseAsync(duplicate), "Measurement.Date"), StringComparison.Ordinal);
        }
        var measurements = await QueryAsync(factory, db => db.Measurements.AsNoTracking().Where(m => m.IndicatorId == id).OrderBy(m => m.Date).ToListAsync());
        Assert.Equal([20.5m, 21.5m], measurements.Select(m => m.Value));
        Assert.Equal(new Point(Today.AddDays(-1), 21.5m), (await QueryAsync(factory, db => db.Indicators.SingleAsync(i => i.Id == id))).Summary?.Last);
        Assert.All(measurements, m => Assert.Equal(MeasurementSource.Entry, m.Source));
        Assert.All(measurements, m => Assert.Equal("Karim Benali", m.AuthorName));

        using (var page = await client.GetAsync(url))
        {
            var document = await Html.ParseAsync(page);
            Assert.NotNull(document.QuerySelector("line-chart"));
            Assert.Contains("20,5 %", document.QuerySelector("#mesures")!.TextContent, StringComparison.Ordinal);
        }

        var edit = $"{url}/mesures/{measurements[0].Id}";
        using (var edited = await CapWebFactory.PostFormAsync(client, edit, new Dictionary<string, string> { ["Measurement.Date"] = Day(-10), ["Measurement.Value"] = "19,25" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        }
        using (var deleted = await CapWebFactory.PostFormAsync(client, edit, new Dictionary<string, string>(), $"{edit}?handler=Delete"))
        {
            Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        }
        Assert.Equal(1, await QueryAsync(factory, db => db.Measurements.CountAsync(m => m.IndicatorId == id)));
        // Deleting a measurement refreshes the indicator's kept summary in the same transaction.
        using (var last = await CapWebFactory.PostFormAsync(client, $"{url}/mesures/{measurements[1].Id}", new Dictionary<string, string>(), $"{url}/mesures/{measurements[1].Id}?handler=Delete"))
        {
            Assert.Equal(HttpStatusCode.Redirect, last.StatusCode);
        }
        Assert.Null((await QueryAsync(factory, db => db.Indicators.SingleAsync(i => i.Id == id))).Summary);
        var audit = await QueryAsync(factory, db => db.AuditEntries.Where(a => a.EntityType == "Measurement" && a.EntityId == measurements[0].Id.ToString(CultureInfo.InvariantCulture)).Select(a => a.Action).ToListAsync());
        Assert.Equal(3, audit.Count);
    }

    [Fact]
    public async Task Measurements_table_is_paginated_newest_first()
    {
        using var client = factory.CreateClientFor(Demo.ProductOwner);
        var id = await CreateAsync(client, "Taux quotidien paginé");
        var first = Today.AddDays(-249);
        await QueryAsync(factory, async db =>
        {
            var indicator = await db.Indicators.SingleAsync(i => i.Id == id);
            for (var day = 0; day < 250; day++)
            {
                db.Measurements.Add(new Measurement
                {
                    IndicatorId = id, ProductId = indicator.ProductId, Date = first.AddDays(day), Value = 20 + day % 10,
                    Source = MeasurementSource.Entry, AuthorName = "Test", CreatedAt = DateTimeOffset.UtcNow,
                });
            }
            return await db.SaveChangesAsync();
        });
        static List<string> Dates(AngleSharp.Dom.IDocument page) =>
            page.QuerySelectorAll("#mesures tbody th[scope=row]").Select(c => c.TextContent.Trim()[..10]).ToList();

        using var pageOne = await client.GetAsync($"{Tab}/{id}");
        var one = await Html.ParseAsync(pageOne);
        var dates = Dates(one);
        Assert.Equal(100, dates.Count);
        // The target date (in the future) comes first, then the measurements from the newest.
        Assert.Equal(Today.AddMonths(9).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), dates[0]);
        Assert.Equal(Today.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), dates[1]);
        Assert.Contains("page 1 sur 3", one.QuerySelector("#mesures caption, caption")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(one.QuerySelector("nav.fr-pagination[aria-label='Pages du tableau des mesures']"));

        using var pageThree = await client.GetAsync($"{Tab}/{id}?page=3");
        var three = Dates(await Html.ParseAsync(pageThree));
        // 250 measurement dates (the baseline date is one of them) + the target date = 251 rows: 51 on the last page, ending with the oldest.
        Assert.Equal(51, three.Count);
        Assert.Equal(first.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), three[^1]);

        using var beyond = await client.GetAsync($"{Tab}/{id}?page=99");
        Assert.Equal(three, Dates(await Html.ParseAsync(beyond)));
    }

    [Fact]
    public async Task Indicator_is_edited_then_deleted_after_confirmation()
    {
        using var client = factory.CreateClientFor(Demo.ProductOwner);
        var id = await CreateAsync(client, "Taux à supprimer");
        var fields = Fields("Taux renommé");
        using (var edited = await CapWebFactory.PostFormAsync(client, $"{Tab}/{id}/modifier", fields))
        {
            Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        }
        Assert.Equal("Taux renommé", await QueryAsync(factory, db => db.Indicators.Where(i => i.Id == id).Select(i => i.Name).SingleAsync()));
        using (var confirm = await client.GetAsync($"{Tab}/{id}/supprimer"))
        {
            Assert.Contains("Taux renommé", Html.Text(await Html.ParseAsync(confirm)), StringComparison.Ordinal);
        }
        using (var deleted = await CapWebFactory.PostFormAsync(client, $"{Tab}/{id}/supprimer", new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        }
        Assert.False(await QueryAsync(factory, db => db.Indicators.AnyAsync(i => i.Id == id)));
    }

    [Fact]
    public async Task Lecteur_and_outsiders_cannot_write()
    {
        using var owner = factory.CreateClientFor(Demo.ProductOwner);
        var id = await CreateAsync(owner, "Taux protégé");
        foreach (var email in new[] { Demo.Lecteur, "julie.moreau@demo.cap.gouv.fr" })
        {
            using var client = factory.CreateClientFor(email);
            using (var read = await client.GetAsync($"{Tab}/{id}"))
            {
                Assert.Equal(HttpStatusCode.OK, read.StatusCode);
                Assert.DoesNotContain("Ajouter une mesure", Html.Text(await Html.ParseAsync(read)), StringComparison.Ordinal);
            }
            var fields = await CapWebFactory.FormFieldsAsync(client, "/compte");
            fields["Measurement.Date"] = Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            fields["Measurement.Value"] = "1";
            using var content = new FormUrlEncodedContent(fields);
            using var post = await client.PostAsync($"{Tab}/{id}", content);
            Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
            using var edit = await client.GetAsync($"{Tab}/{id}/modifier");
            Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
        }
    }
}

public sealed class IndicatorPagesTestsSqlite(SqliteCapFactory factory) : IndicatorPagesTests<SqliteCapFactory>(factory);

public sealed class IndicatorPagesTestsPostgres(PostgresCapFactory factory) : IndicatorPagesTests<PostgresCapFactory>(factory);
