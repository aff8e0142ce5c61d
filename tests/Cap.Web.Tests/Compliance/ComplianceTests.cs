using System.Globalization;
using System.Net;
using Cap.Domain.Catalogue;
using Cap.Domain.Compliance;
using Cap.Web.Shared;
using Cap.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Cap.Web.Tests.Infrastructure.TestHttp;

namespace Cap.Web.Tests.Compliance;

public abstract class ComplianceTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : CapWebFactory
{
    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A product of its own, in <paramref name="phase"/>, with the journey product's team (Karim Benali, Responsable produit).</summary>
    private Task<(int Id, string Slug)> FreshProductAsync(Phase phase) => QueryAsync(factory, async db =>
    {
        var slug = $"conf-{Guid.NewGuid():N}"[..20];
        var product = await TestProducts.AddWithJourneyTeamAsync(db, slug, $"Produit {slug}", "Produit de test de la conformité.", phase);
        await db.SaveChangesAsync();
        return (product.Id, slug);
    });

    private static readonly string[] ComplianceCodes = ["homologation-", "rgaa-", "agrement-"];

    private async Task<IReadOnlyList<string>> FlagCodesAsync(int productId, bool all = false)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var flags = scope.ServiceProvider.GetRequiredService<ProductFlags>();
        var found = all ? (await flags.ForProductsAsync(null, default))[productId] : await flags.ForProductAsync(productId, default);
        // Only this capability's flags: the vision's and the checklist's have their own tests.
        return [.. found.Select(f => f.Code).Where(c => ComplianceCodes.Any(p => c.StartsWith(p, StringComparison.Ordinal))).Order(StringComparer.Ordinal)];
    }

    private Task<int> SetAsync(int productId, Action<ProductCompliance> set) => QueryAsync(factory, async db =>
    {
        var record = await db.ProductCompliances.FirstOrDefaultAsync(c => c.ProductId == productId);
        if (record is null)
        {
            record = new ProductCompliance { ProductId = productId };
            db.ProductCompliances.Add(record);
        }
        set(record);
        return await db.SaveChangesAsync();
    });

    [Fact]
    public async Task Team_fills_the_record_through_its_form_and_the_flags_follow()
    {
        var (id, slug) = await FreshProductAsync(Phase.Mvp);
        using var client = factory.CreateClientFor(Demo.ProductOwner);
        var page = $"/produits/{slug}/conformite/modifier";

        // Bad input: a rate that is not a number, a statement address that is not a web address, no exposure chosen.
        var form = await RenderedForm.ReadAsync(client, page);
        using var refused = await form.Set("Input.RgaaRate", "beaucoup").Set("Input.RgaaAuditDate", Iso(Demo.Today.AddDays(-3)))
            .Set("Input.RgaaStatementUrl", "javascript:alert(1)").SubmitAsync(client);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var text = Html.Text(await Html.ParseAsync(refused));
        Assert.Contains("Saisissez un pourcentage entre 0 et 100", text, StringComparison.Ordinal);
        Assert.Empty(await QueryAsync(factory, db => db.ProductCompliances.Where(c => c.ProductId == id).ToListAsync()));

        // The form shown again carries what was typed; corrected, it saves.
        var again = await RenderedForm.InAsync(refused, page, "/conformite/modifier");
        Assert.Equal("beaucoup", again["Input.RgaaRate"]);
        using var saved = await again.Set("Input.IsPublic", "oui").Set("Input.RgaaRate", "62,5").Set("Input.RgaaStatementUrl", "https://service.gouv.fr/accessibilite")
            .Set("Input.RgaaStatementStatus", "Partiellement").Set("Input.HomologationDecisionDate", Iso(Demo.Today.AddYears(-3).AddDays(30)))
            .Set("Input.HomologationValidUntil", Iso(Demo.Today.AddDays(30))).Set("Input.Dpia", "Done").SubmitAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var record = await QueryAsync(factory, db => db.ProductCompliances.AsNoTracking().SingleAsync(c => c.ProductId == id));
        Assert.True(record.IsPublic);
        Assert.Equal(62.5m, record.RgaaRate);
        Assert.Equal(DpiaStatus.Done, record.Dpia);

        Assert.Equal(["agrement-principe-missing", "homologation-expiring", "rgaa-below-80"], await FlagCodesAsync(id));
        Assert.Equal(["agrement-principe-missing", "homologation-expiring", "rgaa-below-80"], await FlagCodesAsync(id, all: true));

        using var tab = await client.GetAsync($"/produits/{slug}/conformite");
        var tabText = Html.Text(await Html.ParseAsync(tab));
        Assert.Contains("Accessibilité sous 80 %", tabText, StringComparison.Ordinal);
        Assert.Contains("62,5 %", tabText, StringComparison.Ordinal);
        Assert.Contains("Homologation bientôt expirée", tabText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stale_form_is_refused_with_409_and_keeps_what_was_typed()
    {
        var (id, slug) = await FreshProductAsync(Phase.Construction);
        using var client = factory.CreateClientFor(Demo.ProductOwner);
        var page = $"/produits/{slug}/conformite/modifier";
        var first = await RenderedForm.ReadAsync(client, page);
        var second = await RenderedForm.ReadAsync(client, page);
        using var ok = await first.Set("Input.IsPublic", "non").SubmitAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        using var stale = await second.Set("Input.IsPublic", "oui").Set("Input.RgpdRegisterEntry", "Fiche 42").SubmitAsync(client);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("modifiée par quelqu’un d’autre", Html.Text(await Html.ParseAsync(stale)), StringComparison.Ordinal);
        Assert.False((await QueryAsync(factory, db => db.ProductCompliances.AsNoTracking().SingleAsync(c => c.ProductId == id))).IsPublic);
        // Submitted again, the form shown with the conflict saves over the version now read.
        var retry = await RenderedForm.InAsync(stale, page, "/conformite/modifier");
        Assert.Equal("Fiche 42", retry["Input.RgpdRegisterEntry"]);
        using var saved = await retry.SubmitAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("Fiche 42", (await QueryAsync(factory, db => db.ProductCompliances.AsNoTracking().SingleAsync(c => c.ProductId == id))).RgpdRegisterEntry);
    }

    [Fact]
    public async Task The_homologation_window_is_inclusive_and_products_in_poc_or_internal_raise_no_public_flag()
    {
        var (expiring, _) = await FreshProductAsync(Phase.Construction);
        var (beyond, _) = await FreshProductAsync(Phase.Construction);
        var (expired, _) = await FreshProductAsync(Phase.Poc);
        var (poc, _) = await FreshProductAsync(Phase.Poc);
        var (inside, _) = await FreshProductAsync(Phase.Generalisation);
        await SetAsync(expiring, c => { c.HomologationDecisionDate = Demo.Today.AddYears(-3); c.HomologationValidUntil = Demo.Today.AddDays(90); });
        await SetAsync(beyond, c => { c.HomologationDecisionDate = Demo.Today.AddYears(-3); c.HomologationValidUntil = Demo.Today.AddDays(91); });
        await SetAsync(expired, c => { c.HomologationDecisionDate = Demo.Today.AddYears(-3); c.HomologationValidUntil = Demo.Today.AddDays(-1); });
        await SetAsync(poc, c => { c.IsPublic = true; c.RgaaRate = 10m; });
        await SetAsync(inside, c => { c.IsPublic = false; c.RgaaRate = 10m; });

        Assert.Equal(["homologation-expiring"], await FlagCodesAsync(expiring));
        Assert.Empty(await FlagCodesAsync(beyond));
        Assert.Equal(["homologation-expired"], await FlagCodesAsync(expired));
        Assert.Empty(await FlagCodesAsync(poc));
        Assert.Empty(await FlagCodesAsync(inside));

        // Every product at once: the same answers, in the one query the source makes.
        await using var scope = factory.Services.CreateAsyncScope();
        var all = await scope.ServiceProvider.GetRequiredService<ProductFlags>().ForProductsAsync(null, default);
        Assert.Contains(all[expiring], f => f is { Code: "homologation-expiring", Level: FlagLevel.Warning, Url: not null });
        Assert.Contains(all[expired], f => f is { Code: "homologation-expired", Level: FlagLevel.Alert });
        Assert.DoesNotContain(all[beyond], f => f.Code.StartsWith("homologation", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_api_reads_and_replaces_the_record_against_its_version()
    {
        var (_, slug) = await FreshProductAsync(Phase.Mvp);
        using var owner = factory.CreateClientFor(Demo.ProductOwner);
        var url = $"/api/v1/products/{slug}/compliance";

        using (var empty = await owner.GetAsync(url))
        using (var json = await ReadJsonAsync(empty))
        {
            Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
            Assert.False(json.RootElement.GetProperty("recorded").GetBoolean());
            Assert.Equal(0, json.RootElement.GetProperty("version").GetInt32());
        }

        using (var bad = await owner.PutAsync(url, Json(new { isPublic = true, rgaaRate = 101, rgaaAuditDate = Iso(Demo.Today), rgaaStatementUrl = "ftp://x", rgaaStatementStatus = "totalement", version = 0 })))
        using (var json = await ReadJsonAsync(bad))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            var errors = json.RootElement.GetProperty("errors");
            Assert.True(errors.TryGetProperty("rgaaStatementStatus", out _));
            Assert.True(errors.TryGetProperty("rgaaRate", out _));
            Assert.True(errors.TryGetProperty("rgaaStatementUrl", out _));
        }
        using (var noVersion = await owner.PutAsync(url, Json(new { isPublic = true })))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noVersion.StatusCode);
        }
        using (var badDate = await owner.PutAsync(url, RawJson("""{ "isPublic": true, "rgaaAuditDate": "31/02/2026", "version": 0 }""")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        }

        using (var created = await owner.PutAsync(url, Json(new
        {
            isPublic = true, rgaaAuditDate = Iso(Demo.Today.AddDays(-5)), rgaaRate = 79.9, rgaaStatementUrl = "https://service.gouv.fr/accessibilite",
            rgaaStatementStatus = "partial", homologationDecisionDate = Iso(Demo.Today.AddDays(-10)), homologationValidUntil = Iso(Demo.Today.AddYears(3)),
            dpia = "not-required", version = 0,
        })))
        using (var json = await ReadJsonAsync(created))
        {
            Assert.Equal(HttpStatusCode.OK, created.StatusCode);
            Assert.Equal("partial", json.RootElement.GetProperty("rgaaStatementStatus").GetString());
            Assert.Equal("Partiellement conforme", json.RootElement.GetProperty("rgaaStatementStatusLabel").GetString());
            Assert.Equal(79.9m, json.RootElement.GetProperty("rgaaRate").GetDecimal());
            var codes = json.RootElement.GetProperty("flags").EnumerateArray().Select(f => f.GetProperty("code").GetString()).ToList();
            Assert.Equal(["agrement-principe-missing", "rgaa-below-80"], codes.Order(StringComparer.Ordinal));
        }

        using (var stale = await owner.PutAsync(url, Json(new { isPublic = false, version = 0 })))
        using (var json = await ReadJsonAsync(stale))
        {
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
            Assert.Equal(1, json.RootElement.GetProperty("currentVersion").GetInt32());
        }
        using (var updated = await owner.PutAsync(url, Json(new { isPublic = true, rgaaAuditDate = Iso(Demo.Today.AddDays(-1)), rgaaRate = 80, homologationDecisionDate = Iso(Demo.Today.AddDays(-10)), homologationValidUntil = Iso(Demo.Today.AddYears(3)), version = 1 })))
        using (var json = await ReadJsonAsync(updated))
        {
            Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
            Assert.Equal(2, json.RootElement.GetProperty("version").GetInt32());
            Assert.Equal(["agrement-principe-missing"], json.RootElement.GetProperty("flags").EnumerateArray().Select(f => f.GetProperty("code").GetString()));
        }

        using var reader = factory.CreateClientFor(Demo.Lecteur);
        using var forbidden = await reader.PutAsync(url, Json(new { isPublic = true, version = 2 }));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public async Task The_agrement_SIG_goes_from_framing_to_principle_to_final_through_the_api()
    {
        var (id, slug) = await FreshProductAsync(Phase.Mvp);
        using var owner = factory.CreateClientFor(Demo.ProductOwner);
        var url = $"/api/v1/products/{slug}/sig-approvals";

        // Not public yet: the agrément does not apply.
        using (var internalTool = await owner.PostAsync(url, Json(new { kind = "creation", framingSentOn = Iso(Demo.Today.AddDays(-20)) })))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, internalTool.StatusCode);
        }
        await SetAsync(id, c => { c.IsPublic = true; c.RgaaRate = 90m; c.RgaaAuditDate = Demo.Today; c.HomologationDecisionDate = Demo.Today; c.HomologationValidUntil = Demo.Today.AddYears(3); });
        Assert.Equal(["agrement-principe-missing"], await FlagCodesAsync(id));

        using (var unknown = await owner.PostAsync(url, Json(new { kind = "creation-majeure", framingSentOn = Iso(Demo.Today) })))
        {
            Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        }
        int requestId;
        using (var opened = await owner.PostAsync(url, Json(new { kind = "creation", framingSentOn = Iso(Demo.Today.AddDays(-20)), note = "Adresse envisagée : service.gouv.fr" })))
        using (var json = await ReadJsonAsync(opened))
        {
            Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
            Assert.Equal("framing-sent", json.RootElement.GetProperty("state").GetString());
            requestId = json.RootElement.GetProperty("id").GetInt32();
        }
        using (var second = await owner.PostAsync(url, Json(new { kind = "redesign", framingSentOn = Iso(Demo.Today) })))
        {
            Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        }
        using (var tooEarly = await owner.PostAsync($"{url}/{requestId}/final", Json(new { outcome = "granted", decidedOn = Iso(Demo.Today), version = 0 })))
        {
            Assert.Equal(HttpStatusCode.Conflict, tooEarly.StatusCode);
        }
        using (var noReservations = await owner.PostAsync($"{url}/{requestId}/principle", Json(new { outcome = "granted-with-reservations", decidedOn = Iso(Demo.Today.AddDays(-10)), version = 0 })))
        using (var json = await ReadJsonAsync(noReservations))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noReservations.StatusCode);
            Assert.True(json.RootElement.GetProperty("errors").TryGetProperty("reservations", out _));
        }
        using (var principle = await owner.PostAsync($"{url}/{requestId}/principle", Json(new { outcome = "granted-with-reservations", decidedOn = Iso(Demo.Today.AddDays(-10)), reservations = "Présenter la maquette.", version = 0 })))
        using (var json = await ReadJsonAsync(principle))
        {
            Assert.Equal(HttpStatusCode.OK, principle.StatusCode);
            Assert.Equal("principle-granted", json.RootElement.GetProperty("state").GetString());
        }
        Assert.Empty(await FlagCodesAsync(id));

        using (var staleVersion = await owner.PostAsync($"{url}/{requestId}/final", Json(new { outcome = "refused", decidedOn = Iso(Demo.Today), version = 0 })))
        {
            Assert.Equal(HttpStatusCode.Conflict, staleVersion.StatusCode);
        }
        var five = Enum.GetValues<SigCheck>().Select(c => Cap.Web.Shared.ApiNames.Name(c)).Where(c => c != "user-tests")
            .Select(c => new { check = c, isMet = true, note = (string?)null }).ToList();
        using (var missingCheck = await owner.PostAsync($"{url}/{requestId}/final", Json(new { outcome = "granted", decidedOn = Iso(Demo.Today), checks = five, version = 1 })))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, missingCheck.StatusCode);
        }
        using (var badCheck = await owner.PostAsync($"{url}/{requestId}/final", Json(new { outcome = "granted", decidedOn = Iso(Demo.Today), checks = new[] { new { check = "rgaa", isMet = true } }, version = 1 })))
        {
            Assert.Equal(HttpStatusCode.BadRequest, badCheck.StatusCode);
        }
        var six = five.Append(new { check = "user-tests", isMet = true, note = (string?)"6 personnes par profil" }).ToList();
        using (var final = await owner.PostAsync($"{url}/{requestId}/final", Json(new { outcome = "granted", decidedOn = Iso(Demo.Today), checks = six, version = 1 })))
        using (var json = await ReadJsonAsync(final))
        {
            Assert.Equal(HttpStatusCode.OK, final.StatusCode);
            Assert.Equal("final-granted", json.RootElement.GetProperty("state").GetString());
            Assert.Equal(6, json.RootElement.GetProperty("checks").GetArrayLength());
            Assert.True(json.RootElement.GetProperty("isClosed").GetBoolean());
        }

        // Closed: a new request opens; a major change declared while it is open supersedes it.
        using (var redesign = await owner.PostAsync(url, Json(new { kind = "redesign", framingSentOn = Iso(Demo.Today) })))
        {
            Assert.Equal(HttpStatusCode.Created, redesign.StatusCode);
        }
        using (var major = await owner.PostAsync(url, Json(new { kind = "major-change", framingSentOn = Iso(Demo.Today) })))
        {
            Assert.Equal(HttpStatusCode.Created, major.StatusCode);
        }
        using var list = await owner.GetAsync(url);
        using var listed = await ReadJsonAsync(list);
        Assert.Equal(["framing-sent", "superseded", "final-granted"], listed.RootElement.EnumerateArray().Select(a => a.GetProperty("state").GetString()));
        using var missing = await owner.GetAsync($"{url}/999999");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        using var missingStep = await owner.PostAsync($"{url}/999999/principle", Json(new { outcome = "granted", decidedOn = Iso(Demo.Today), version = 0 }));
        Assert.Equal(HttpStatusCode.NotFound, missingStep.StatusCode);

        // The timeline of the « Cycle de vie » tab shows the steps.
        using var timeline = await owner.GetAsync($"/produits/{slug}/cycle-de-vie");
        var timelineText = Html.Text(await Html.ParseAsync(timeline));
        Assert.Contains("Agrément SIG", timelineText, StringComparison.Ordinal);
        Assert.Contains("Agrément définitif : accordé", timelineText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Team_opens_a_request_and_records_its_decisions_through_the_forms()
    {
        var (id, slug) = await FreshProductAsync(Phase.Construction);
        await SetAsync(id, c => c.IsPublic = true);
        using var client = factory.CreateClientFor(Demo.ProductOwner);
        var open = await RenderedForm.ReadAsync(client, $"/produits/{slug}/conformite/agrement-sig/nouvelle");
        using (var refused = await open.Set("Input.FramingSentOn", Iso(Demo.Today.AddDays(3))).SubmitAsync(client))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            var text = Html.Text(await Html.ParseAsync(refused));
            Assert.Contains("Choisissez le motif de la demande", text, StringComparison.Ordinal);
            Assert.Contains("ne peut pas être dans le futur", text, StringComparison.Ordinal);
        }
        using (var opened = await open.Set("Input.Kind", "Creation").Set("Input.FramingSentOn", Iso(Demo.Today.AddDays(-30))).SubmitAsync(client))
        {
            Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        }
        var request = await QueryAsync(factory, db => db.SigApprovals.AsNoTracking().SingleAsync(a => a.ProductId == id));

        var principle = await RenderedForm.ReadAsync(client, $"/produits/{slug}/conformite/agrement-sig/{request.Id}/principe");
        using (var saved = await principle.Set("Input.Outcome", "Accorde").Set("Input.DecidedOn", Iso(Demo.Today.AddDays(-20))).SubmitAsync(client))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var final = await RenderedForm.ReadAsync(client, $"/produits/{slug}/conformite/agrement-sig/{request.Id}/definitif");
        var allButUserTests = Enum.GetValues<SigCheck>().Where(c => c != SigCheck.UserTests).Select(c => c.ToString()).ToList();
        using (var refused = await final.Set("Input.Outcome", "Accorde").SetAll("Input.Met", allButUserTests).SubmitAsync(client))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.Contains("il en manque 1", Html.Text(await Html.ParseAsync(refused)), StringComparison.Ordinal);
        }
        using (var saved = await final.Set("Input.Outcome", "SousReserve").Set("Input.Reservations", "Rapport de tests utilisateurs à transmettre.")
            .Set("Input.Notes[3]", "Tests prévus en janvier").SubmitAsync(client))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }
        var stored = await QueryAsync(factory, db => db.SigApprovals.AsNoTracking().Include(a => a.Checks).SingleAsync(a => a.ProductId == id));
        Assert.Equal(SigState.FinalWithReservations, stored.State);
        Assert.Equal(6, stored.Checks.Count);
        Assert.Equal("Tests prévus en janvier", stored.Checks.Single(c => c.Check == SigCheck.UserTests).Note);
        Assert.False(stored.Checks.Single(c => c.Check == SigCheck.UserTests).IsMet);

        using var tab = await client.GetAsync($"/produits/{slug}/conformite");
        var doc = await Html.ParseAsync(tab);
        Assert.NotNull(doc.QuerySelector(".fr-stepper"));
        Assert.Contains("Étape 4 sur 4", Html.Text(doc), StringComparison.Ordinal);
        Assert.Contains("Rapport de tests utilisateurs à transmettre.", Html.Text(doc), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_demo_portfolio_shows_each_compliance_flag()
    {
        async Task<IReadOnlyList<string>> Of(string slug) => await FlagCodesAsync(await QueryAsync(factory, db => db.Products.Where(p => p.Slug == slug).Select(p => p.Id).SingleAsync()));
        Assert.Equal(["homologation-expiring"], await Of("code-travail-numerique"));
        Assert.Equal(["rgaa-below-80"], await Of("autorisations-activites-soins"));
        Assert.Equal(["agrement-principe-missing"], await Of("data-catalogue"));
        Assert.Equal(["homologation-expired"], await Of("signal-sante"));
        Assert.Empty(await Of("index-egalite"));

        // The committee's evidence pack of a demo request shows them among its points of attention.
        var request = await QueryAsync(factory, db => db.GateRequests.Where(r => r.Product!.Slug == "signal-sante").Select(r => r.Id).FirstAsync());
        using var client = factory.CreateClientFor(Demo.MembreComite);
        using var pack = await client.GetAsync($"/comite/demandes/{request}/dossier");
        var attention = (await Html.ParseAsync(pack)).QuerySelector("section[aria-labelledby='attention']");
        Assert.Contains("Homologation expirée", attention?.TextContent, StringComparison.Ordinal);
        Assert.NotNull(attention!.QuerySelector("a[href='/produits/signal-sante/conformite']"));
    }
}

public sealed class ComplianceTestsSqlite(SqliteCapFactory factory) : ComplianceTests<SqliteCapFactory>(factory);

public sealed class ComplianceTestsPostgres(PostgresCapFactory factory) : ComplianceTests<PostgresCapFactory>(factory);
