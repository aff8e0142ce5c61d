using System.Globalization;
using System.Net;
using Cap.Domain.Catalogue;
using Cap.Domain.LifeCycle;
using Cap.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Cap.Web.Tests.Infrastructure.CapWebFactory;
using static Cap.Web.Tests.Infrastructure.TestHttp;

namespace Cap.Web.Tests.LifeCycle;

/// <summary>
/// The « Cycle de vie » tab, the administrator's override and the life-cycle API. Each test that moves a phase uses a
/// demo product of its own, so that the tests of the class do not depend on their order.
/// </summary>
public abstract class LifeCycleTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : CapWebFactory
{
    private const string Slug = Demo.JourneyProductSlug;
    private const string Page = $"/produits/{Slug}/cycle-de-vie";
    private const string Julie = "julie.moreau@demo.cap.gouv.fr";

    private static string TabOf(string slug) => $"/produits/{slug}/cycle-de-vie";

    private Task<List<PhaseChange>> ChangesAsync(string slug) =>
        QueryAsync(factory, async db => (await db.PhaseChanges.AsNoTracking().Where(c => c.Product!.Slug == slug).ToListAsync())
            .OrderBy(c => c.At).ThenBy(c => c.Id).ToList());

    private Task<Phase> PhaseAsync(string slug) =>
        QueryAsync(factory, db => db.Products.Where(p => p.Slug == slug).Select(p => p.Phase).SingleAsync());

    private Task<DeliverableRecord?> RecordAsync(string slug, Phase phase, string key) =>
        QueryAsync(factory, db => db.DeliverableRecords.AsNoTracking().FirstOrDefaultAsync(d => d.Product!.Slug == slug && d.Phase == phase && d.Key == key));

    /// <param name="tokenPage">Null: the tab's own form is submitted. For someone the tab shows no form, the page whose
    /// antiforgery token a forged request carries (/compte).</param>
    private static Task<HttpResponseMessage> PostDeliverableAsync(HttpClient client, string slug, string key, bool provided, string? link, string? note, int version = 0, string? tokenPage = null) =>
        Submit(client, slug, tokenPage, new Dictionary<string, string>
        {
            ["Deliverable.Key"] = key,
            ["Deliverable.Provided"] = provided ? "true" : "false",
            ["Deliverable.Link"] = link ?? string.Empty,
            ["Deliverable.Note"] = note ?? string.Empty,
            ["Deliverable.Version"] = version.ToString(CultureInfo.InvariantCulture),
        }, $"{TabOf(slug)}?handler=Deliverable");

    private static Task<HttpResponseMessage> PostOverrideAsync(HttpClient client, string slug, string target, string reason, string? tokenPage = null) =>
        Submit(client, slug, tokenPage, new Dictionary<string, string>
        {
            ["Override.Target"] = target,
            ["Override.Reason"] = reason,
        }, $"{TabOf(slug)}?handler=Override");

    private static Task<HttpResponseMessage> Submit(HttpClient client, string slug, string? tokenPage, Dictionary<string, string> fields, string action) =>
        tokenPage is null ? PostFormAsync(client, TabOf(slug), fields, action) : PostForgedAsync(client, tokenPage, fields, action);

    [Fact]
    public async Task Tab_shows_the_phase_its_goal_the_deliverables_and_the_timeline()
    {
        using var client = factory.CreateClientFor(Demo.Lecteur);

        using var response = await client.GetAsync(Page);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await Html.ParseAsync(response);
        var text = Html.Text(document);
        Assert.Contains("Phase actuelle", text, StringComparison.Ordinal);
        Assert.Contains(Phase.Construction.Goal(), text, StringComparison.Ordinal);
        Assert.Matches(@"En phase Construction depuis le \d{2}/\d{2}/\d{4}, soit ", text);
        Assert.Contains("Livrables types de la phase Construction", text, StringComparison.Ordinal);
        foreach (var d in PhaseDeliverables.For(Phase.Construction))
        {
            Assert.Contains(d.Label, text, StringComparison.Ordinal);
        }
        // The timeline is an ordered list of the phases with dates in time elements.
        var periods = document.QuerySelectorAll("ol.cap-timeline > li");
        Assert.Equal((await ChangesAsync(Slug)).Count, periods.Length);
        Assert.Contains("Idée", periods[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("phase actuelle", periods[^1].TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(document.QuerySelectorAll("ol.cap-timeline time[datetime]"));
        Assert.Contains("Passage de la phase MVP à la phase Construction", text, StringComparison.Ordinal);
        Assert.Contains("Décision du comité produit", text, StringComparison.Ordinal);
        // Earlier phases' deliverables, collapsed.
        Assert.NotNull(document.QuerySelector("#livrables-idee.fr-collapse"));
        // A reader sees no form.
        Assert.Null(document.QuerySelector("input[name='Deliverable.Key']"));
        Assert.Null(document.QuerySelector("#changer-la-phase"));
    }

    [Fact]
    public async Task Owner_marks_a_deliverable_provided_with_a_link_and_the_tab_shows_who_and_when()
    {
        using var client = factory.CreateClientFor(Demo.ProductOwner);
        const string link = "https://wiki.exemple.gouv.fr/vaccin-suivi/feuille-de-route";

        using var response = await PostDeliverableAsync(client, Slug, "feuille-de-route", provided: true, link, note: null);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var record = await RecordAsync(Slug, Phase.Construction, "feuille-de-route");
        Assert.NotNull(record);
        Assert.True(record.IsProvided);
        Assert.Equal(link, record.Link);
        Assert.Equal("Karim Benali", record.UpdatedByName);
        var audited = await QueryAsync(factory, db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(DeliverableRecord) && a.EntityId == record.Id.ToString(CultureInfo.InvariantCulture)));
        Assert.True(audited);

        using var page = await client.GetAsync(Page);
        var item = (await Html.ParseAsync(page)).QuerySelector("#livrable-feuille-de-route")!;
        Assert.Contains("Fourni", item.TextContent, StringComparison.Ordinal);
        Assert.Contains("Mis à jour par Karim Benali", item.TextContent, StringComparison.Ordinal);
        Assert.Equal(link, item.QuerySelector("a.fr-link")!.GetAttribute("href"));

        // Saving again from the form read before is refused with a clear message.
        using var stale = await PostDeliverableAsync(client, Slug, "feuille-de-route", provided: false, null, "Ancienne saisie", version: 0);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("a modifié ce livrable", Html.Text(await Html.ParseAsync(stale)), StringComparison.Ordinal);
        Assert.Equal(link, (await RecordAsync(Slug, Phase.Construction, "feuille-de-route"))!.Link);
    }

    [Theory]
    [InlineData("javascript:alert(1)", "https://")]
    [InlineData("ftp://fichiers.exemple.gouv.fr/plan", "https://")]
    [InlineData("", "indiquez le lien")]
    public async Task Bad_or_missing_link_is_refused_in_french_next_to_the_field(string link, string message)
    {
        using var client = factory.CreateClientFor(Demo.ProductOwner);

        using var response = await PostDeliverableAsync(client, Slug, "declaration-accessibilite", provided: true, link, note: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await Html.ParseAsync(response);
        Assert.Contains(message, document.QuerySelector("#livrable-declaration-accessibilite-lien-messages")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(link, document.QuerySelector("#livrable-declaration-accessibilite-lien")!.GetAttribute("value") ?? string.Empty);
        Assert.NotNull(document.QuerySelector("#error-summary a[href='#livrable-declaration-accessibilite-lien']"));
        Assert.Null(await RecordAsync(Slug, Phase.Construction, "declaration-accessibilite"));
    }

    [Fact]
    public async Task Reader_and_outsider_cannot_mark_a_deliverable()
    {
        foreach (var email in new[] { Demo.Lecteur, Julie })
        {
            using var client = factory.CreateClientFor(email);
            using var response = await PostDeliverableAsync(client, Slug, "declaration-accessibilite", provided: true, "https://exemple.gouv.fr", null, tokenPage: "/compte");
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
        Assert.Null(await RecordAsync(Slug, Phase.Construction, "declaration-accessibilite"));
    }

    [Fact]
    public async Task Administrator_override_moves_the_phase_records_it_and_the_catalogue_filter_follows_at_once()
    {
        const string slug = "alerte-canicule";
        Assert.Equal(Phase.Mvp, await PhaseAsync(slug));
        var before = await ChangesAsync(slug);
        using var admin = factory.CreateClientFor(Demo.Administrateur);

        using var response = await PostOverrideAsync(admin, slug, nameof(Phase.Construction), "Go donné en comité hors séance le 3 novembre.");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Phase.Construction, await PhaseAsync(slug));
        var after = await ChangesAsync(slug);
        Assert.Equal(before.Count + 1, after.Count);
        var change = after[^1];
        Assert.Equal(PhaseChangeKind.AdministratorOverride, change.Kind);
        Assert.Equal(Phase.Mvp, change.From);
        Assert.Equal(Phase.Construction, change.To);
        Assert.Equal("Go donné en comité hors séance le 3 novembre.", change.Reason);
        Assert.Equal("Camille Martin", change.AuthorName);
        var audit = await QueryAsync(factory, db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(PhaseChange) && a.EntityId == change.Id.ToString(CultureInfo.InvariantCulture)).SingleAsync());
        Assert.Equal("Camille Martin", audit.ActorName);
        Assert.Equal(change.ProductId, audit.ProductId);

        using var tab = await admin.GetAsync(TabOf(slug));
        var document = await Html.ParseAsync(tab);
        Assert.Equal("Phase : Construction", document.QuerySelector("main .fr-badges-group .fr-badge")!.TextContent.Trim());
        var last = document.QuerySelectorAll("ol.cap-timeline > li")[^1].TextContent;
        Assert.Contains("Passage de la phase MVP à la phase Construction", last, StringComparison.Ordinal);
        Assert.Contains("Correction par un administrateur, par Camille Martin. Motif : Go donné en comité hors séance le 3 novembre.", last, StringComparison.Ordinal);

        using var construction = await admin.GetAsync("/produits?phase=construction&q=canicule");
        Assert.Contains("Alerte Canicule", Html.Text(await Html.ParseAsync(construction)), StringComparison.Ordinal);
        using var mvp = await admin.GetAsync("/produits?phase=mvp&q=canicule");
        Assert.DoesNotContain("Alerte Canicule", Html.Text(await Html.ParseAsync(mvp)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Override_without_reason_or_against_the_rules_is_refused_and_nothing_is_recorded()
    {
        const string slug = "eprouvette";
        Assert.Equal(Phase.Idee, await PhaseAsync(slug));
        var before = (await ChangesAsync(slug)).Count;
        using var admin = factory.CreateClientFor(Demo.Administrateur);

        using var noReason = await PostOverrideAsync(admin, slug, nameof(Phase.Poc), "  ");
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains("Indiquez le motif du changement de phase.", (await Html.ParseAsync(noReason)).QuerySelector("#Override_Reason-messages")!.TextContent, StringComparison.Ordinal);

        using var skip = await PostOverrideAsync(admin, slug, nameof(Phase.Construction), "Sauter des étapes");
        Assert.Equal(HttpStatusCode.OK, skip.StatusCode);
        var document = await Html.ParseAsync(skip);
        Assert.Contains(PhaseTransitions.Refusal(Phase.Idee, Phase.Construction, PhaseChangeKind.AdministratorOverride, "x")!, document.QuerySelector("#Override_Target-messages")!.TextContent, StringComparison.Ordinal);
        // Only the allowed targets are offered.
        var offered = document.QuerySelectorAll("#Override_Target option[value]").Select(o => o.GetAttribute("value")).Where(v => !string.IsNullOrEmpty(v)).ToList();
        Assert.Equal([nameof(Phase.Poc), nameof(Phase.Mvp), nameof(Phase.Arret)], offered);

        Assert.Equal(Phase.Idee, await PhaseAsync(slug));
        Assert.Equal(before, (await ChangesAsync(slug)).Count);
    }

    [Fact]
    public async Task Only_administrators_override_the_phase()
    {
        foreach (var email in new[] { Demo.ProductOwner, Demo.MembreComite, Demo.Lecteur })
        {
            using var client = factory.CreateClientFor(email);
            using var response = await PostOverrideAsync(client, Slug, nameof(Phase.Generalisation), "Je voudrais avancer.", tokenPage: "/compte");
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
        using var owner = factory.CreateClientFor(Demo.ProductOwner);
        using var tab = await owner.GetAsync(Page);
        Assert.Null((await Html.ParseAsync(tab)).QuerySelector("#changer-la-phase"));
        Assert.Equal(Phase.Construction, await PhaseAsync(Slug));
    }

    [Fact]
    public async Task Administrator_reopens_a_stopped_product_with_a_reason()
    {
        const string slug = "intranet-social";
        Assert.Equal(Phase.Arret, await PhaseAsync(slug));
        using var admin = factory.CreateClientFor(Demo.Administrateur);
        using (var tab = await admin.GetAsync(TabOf(slug)))
        {
            var document = await Html.ParseAsync(tab);
            Assert.Equal("Rouvrir le produit", document.QuerySelector("#override-title")!.TextContent.Trim());
            var last = document.QuerySelectorAll("ol.cap-timeline > li")[^1].TextContent;
            Assert.Contains("Arrêt du produit", last, StringComparison.Ordinal);
        }

        using var response = await PostOverrideAsync(admin, slug, nameof(Phase.Construction), "Le nouvel intranet est abandonné : l’ancien repart.");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Phase.Construction, await PhaseAsync(slug));
        var change = (await ChangesAsync(slug))[^1];
        Assert.Equal(PhaseChangeKind.Reopening, change.Kind);
        Assert.Equal(Phase.Arret, change.From);
        using var after = await admin.GetAsync(TabOf(slug));
        Assert.Contains("Produit rouvert en phase Construction", Html.Text(await Html.ParseAsync(after)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_reads_the_life_cycle_of_a_product()
    {
        using var client = factory.CreateClientFor(Demo.Lecteur);

        using var response = await client.GetAsync($"/api/v1/products/{Slug}/lifecycle");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = await ReadJsonAsync(response);
        var root = json.RootElement;
        Assert.Equal("construction", root.GetProperty("phase").GetString());
        Assert.Equal(Phase.Construction.Goal(), root.GetProperty("goal").GetString());
        Assert.Equal(PhaseDeliverables.For(Phase.Construction).Select(d => d.Key), root.GetProperty("deliverables").EnumerateArray().Select(d => d.GetProperty("key").GetString()));
        var changes = root.GetProperty("changes").EnumerateArray().ToList();
        Assert.Equal("creation", changes[0].GetProperty("kind").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, changes[0].GetProperty("from").ValueKind);
        Assert.Equal("construction", changes[^1].GetProperty("to").GetString());
        Assert.Equal("committee-decision", changes[^1].GetProperty("kind").GetString());
        Assert.True(changes[^1].TryGetProperty("gateDecisionId", out _));
        Assert.Equal(changes[^1].GetProperty("at").GetDateTimeOffset(), root.GetProperty("since").GetDateTimeOffset());

        using var missing = await client.GetAsync("/api/v1/products/inexistant/lifecycle");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Api_override_answers_403_422_or_200_with_the_new_state()
    {
        const string slug = "handicap-orientation";
        Assert.Equal(Phase.Mvp, await PhaseAsync(slug));
        var url = $"/api/v1/products/{slug}/lifecycle/override";
        using var owner = factory.CreateClientFor(await MemberEmailAsync(factory, slug, ProductRole.ResponsableProduit));
        using (var forbidden = await owner.PostAsync(url, Json(new { targetPhase = "construction", reason = "Go" })))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        }
        using var admin = factory.CreateClientFor(Demo.Administrateur);
        using (var noReason = await admin.PostAsync(url, Json(new { targetPhase = "construction" })))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
            Assert.Equal("application/problem+json", noReason.Content.Headers.ContentType?.MediaType);
            using var problem = await ReadJsonAsync(noReason);
            Assert.Equal("Indiquez le motif du changement de phase.", problem.RootElement.GetProperty("detail").GetString());
        }
        using (var skip = await admin.PostAsync(url, Json(new { targetPhase = "mvp", reason = "Déjà en MVP" })))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, skip.StatusCode);
            using var problem = await ReadJsonAsync(skip);
            Assert.Equal("mvp", problem.RootElement.GetProperty("currentPhase").GetString());
        }
        using (var unknown = await admin.PostAsync(url, Json(new { targetPhase = "beta", reason = "?" })))
        {
            Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        }
        Assert.Equal(Phase.Mvp, await PhaseAsync(slug));

        using var ok = await admin.PostAsync(url, Json(new { targetPhase = "construction", reason = "Go du comité du 12 novembre." }));

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        using var json = await ReadJsonAsync(ok);
        Assert.Equal("construction", json.RootElement.GetProperty("phase").GetString());
        var last = json.RootElement.GetProperty("changes").EnumerateArray().Last();
        Assert.Equal("administrator-override", last.GetProperty("kind").GetString());
        Assert.Equal("mvp", last.GetProperty("from").GetString());
        Assert.Equal("Go du comité du 12 novembre.", last.GetProperty("reason").GetString());
        Assert.Equal("Camille Martin", last.GetProperty("author").GetString());
        Assert.Equal(Phase.Construction, await PhaseAsync(slug));
    }

    [Fact]
    public async Task Product_edit_no_longer_changes_the_phase()
    {
        const string slug = "data-catalogue";
        Assert.Equal(Phase.Mvp, await PhaseAsync(slug));
        var changes = (await ChangesAsync(slug)).Count;
        using var admin = factory.CreateClientFor(Demo.Administrateur);

        // The edit page shows the phase read-only, with a link to the life-cycle tab.
        using (var form = await admin.GetAsync($"/produits/{slug}/modifier"))
        {
            var document = await Html.ParseAsync(form);
            Assert.Null(document.QuerySelector("select[name='Input.Phase']"));
            Assert.NotNull(document.QuerySelector($"a[href='/produits/{slug}/cycle-de-vie']"));
        }
        var p = await QueryAsync(factory, db => db.Products.AsNoTracking().SingleAsync(x => x.Slug == slug));
        var fields = new Dictionary<string, string>
        {
            ["Version"] = p.Version.ToString(CultureInfo.InvariantCulture),
            ["Input.Name"] = p.Name, ["Input.Slug"] = p.Slug, ["Input.Summary"] = p.Summary,
            ["Input.DirectorateId"] = p.DirectorateId.ToString(CultureInfo.InvariantCulture),
            ["Input.DomainId"] = p.DomainId.ToString(CultureInfo.InvariantCulture),
            ["Input.TypologyId"] = p.TypologyId.ToString(CultureInfo.InvariantCulture),
            ["Input.Phase"] = nameof(Phase.Generalisation),
        };
        using (var forged = await PostForgedAsync(admin, $"/produits/{slug}/modifier", fields, $"/produits/{slug}/modifier"))
        {
            Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
            Assert.Contains("onglet « Cycle de vie »", Html.Text(await Html.ParseAsync(forged)), StringComparison.Ordinal);
        }
        Assert.Equal(Phase.Mvp, await PhaseAsync(slug));

        // Through the API: a different phase answers 422 pointing to the life cycle; the same phase is accepted.
        var version = await QueryAsync(factory, db => db.Products.Where(x => x.Slug == slug).Select(x => x.Version).SingleAsync());
        object Body(string phase) => new { name = p.Name, slug, summary = p.Summary, directorate = "DNUM", domain = "TRANSVERSE", typology = "DONNEES", phase, version };
        using (var put = await admin.PutAsync($"/api/v1/products/{slug}", Json(Body("generalisation"))))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, put.StatusCode);
            using var problem = await ReadJsonAsync(put);
            Assert.Equal($"/api/v1/products/{slug}/lifecycle", problem.RootElement.GetProperty("lifecycle").GetString());
        }
        using (var same = await admin.PutAsync($"/api/v1/products/{slug}", Json(Body("mvp"))))
        {
            Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        }
        Assert.Equal(Phase.Mvp, await PhaseAsync(slug));
        Assert.Equal(changes, (await ChangesAsync(slug)).Count);
    }

    [Fact]
    public async Task Creating_a_product_records_its_first_phase_change()
    {
        using var client = factory.CreateClientFor(Demo.ProductOwner);

        using var created = await client.PostAsync("/api/v1/products", Json(new { name = "Cycle de vie créé", summary = "Test.", directorate = "DGS", domain = "SANTE", typology = "DOSSIER", phase = "poc" }));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var change = Assert.Single(await ChangesAsync("cycle-de-vie-cree"));
        Assert.Equal(PhaseChangeKind.Creation, change.Kind);
        Assert.Null(change.From);
        Assert.Equal(Phase.Poc, change.To);
        Assert.Equal("Karim Benali", change.AuthorName);
        var audit = await QueryAsync(factory, db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.EntityType == nameof(PhaseChange) && a.EntityId == change.Id.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal(change.ProductId, audit.ProductId);

        using var stopped = await client.PostAsync("/api/v1/products", Json(new { name = "Cycle de vie arrêté", summary = "Test.", directorate = "DGS", domain = "SANTE", typology = "DOSSIER", phase = "stopped" }));
        Assert.Equal(HttpStatusCode.BadRequest, stopped.StatusCode);
        Assert.Empty(await ChangesAsync("cycle-de-vie-arrete"));
    }

    [Fact]
    public async Task Demo_histories_follow_the_rules_and_end_at_each_product_phase()
    {
        var products = await QueryAsync(factory, db => db.Products.AsNoTracking().Select(p => new { p.Id, p.Slug, p.Phase }).ToListAsync());
        var changes = (await QueryAsync(factory, db => db.PhaseChanges.AsNoTracking().ToListAsync())).ToLookup(c => c.ProductId);
        var now = DateTimeOffset.UtcNow;
        foreach (var product in products)
        {
            var history = changes[product.Id].OrderBy(c => c.At).ThenBy(c => c.Id).ToList();
            Assert.True(history.Count >= 1, product.Slug);
            Assert.Equal(PhaseChangeKind.Creation, history[0].Kind);
            for (var i = 1; i < history.Count; i++)
            {
                var c = history[i];
                Assert.True(c.At > history[i - 1].At, $"{product.Slug}: dates strictly increasing");
                Assert.Equal(history[i - 1].To, c.From);
                Assert.Null(PhaseTransitions.Refusal(c.From!.Value, c.To, c.Kind, c.Reason));
            }
            Assert.True(history[^1].At <= now, product.Slug);
        }
        // Tests of this class move some phases: the untouched demo products end where they are.
        foreach (var product in products.Where(p => p.Slug is "vaccin-suivi" or "signal-sante" or "teleconsult-annuaire"))
        {
            Assert.Equal(product.Phase, changes[product.Id].OrderBy(c => c.At).ThenBy(c => c.Id).Last().To);
        }
        Assert.Contains(products, p => p.Phase == Phase.Arret && changes[p.Id].Count() > 2);
        Assert.True(await QueryAsync(factory, db => db.DeliverableRecords.CountAsync()) > products.Count);

        // The demo's committee decisions that moved a product are the moves of its history, same phases and date.
        var linked = await QueryAsync(factory, db => db.PhaseChanges.AsNoTracking().Where(c => c.GateDecisionId != null)
            .Join(db.GateDecisions, c => c.GateDecisionId, d => d.Id, (c, d) => new { c.From, c.To, c.At, d.FromPhase, d.TargetPhase, d.DecidedAt, c.ProductId, DecisionProduct = d.ProductId })
            .ToListAsync());
        Assert.NotEmpty(linked);
        Assert.All(linked, l =>
        {
            Assert.Equal(l.DecisionProduct, l.ProductId);
            Assert.Equal(l.FromPhase, l.From);
            Assert.Equal(l.TargetPhase, l.To);
            Assert.Equal(l.DecidedAt, l.At);
        });
    }
}

public sealed class LifeCycleTestsSqlite(SqliteCapFactory factory) : LifeCycleTests<SqliteCapFactory>(factory);

public sealed class LifeCycleTestsPostgres(PostgresCapFactory factory) : LifeCycleTests<PostgresCapFactory>(factory);
