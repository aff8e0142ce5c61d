using System.Globalization;
using System.Net;
using Cap.Domain.Connectors;
using Cap.Domain.Platform;
using Cap.Domain.Satisfaction;
using Cap.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Cap.Web.Tests.Infrastructure.TestHttp;

namespace Cap.Web.Tests.Connectors;

/// <summary>
/// Organisations' JDMA connections (administrators) and the deletion of connections, against the JDMA-shaped server: one
/// synchronisation writes the days of two products, a key is replaced, a form feeds one product only (refused a second
/// time, page and API), a deleted connection takes its days with it and the Satisfaction tab falls back, a refused
/// address flags the address only. Forms are submitted as the pages render them.
/// </summary>
public abstract class JdmaOrganisationTests<TFactory>(TFactory factory) : IClassFixture<TFactory>, IAsyncLifetime
    where TFactory : CapWebFactory
{
    private JdmaServer _server = default!;

    public async Task InitializeAsync() => _server = await JdmaServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static DateOnly Today => Demo.Today;

    private static string S(int value) => value.ToString(CultureInfo.InvariantCulture);

    private Task<(int Id, string Slug)> FreshProductAsync() => QueryAsync(factory, async db =>
    {
        var slug = $"jdmo-{Guid.NewGuid():N}"[..20];
        var product = await TestProducts.AddWithJourneyTeamAsync(db, slug, $"Produit {slug}", "Produit de test des connexions JDMA d’organisation.");
        await db.SaveChangesAsync();
        return (product.Id, slug);
    });

    private (int Service, int Form, int OtherForm) AddService(string title)
    {
        var service = Random.Shared.Next(100_000, 900_000);
        _server.AddService(service, title, "Ministères sociaux", (service * 10 + 1, "Formulaire usagers"), (service * 10 + 2, "Formulaire agents"));
        return (service, service * 10 + 1, service * 10 + 2);
    }

    private Task<List<ExternalSatisfactionDay>> DaysAsync(int productId) => QueryAsync(factory, db =>
        db.ExternalSatisfactionDays.AsNoTracking().Where(d => d.ProductId == productId).OrderBy(d => d.FormId).ThenBy(d => d.Day).ToListAsync());

    /// <summary>Creates an organisation's connection through the API and maps its forms; returns its id and key.</summary>
    private async Task<(int Id, string Key)> OrganisationByApiAsync(HttpClient admin, params (int FormId, string Slug)[] forms)
    {
        var key = _server.AddKey();
        using var created = await admin.PostAsync("/api/v1/admin/connectors/jdma", Json(new { name = $"Organisation {Guid.NewGuid():N}"[..30], baseUrl = _server.BaseUrl.ToString(), apiKey = key }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var json = await ReadJsonAsync(created);
        var id = json.RootElement.GetProperty("id").GetInt32();
        if (forms.Length > 0)
        {
            using var mapped = await admin.PutAsync($"/api/v1/admin/connectors/jdma/{id}/forms", Json(new { forms = forms.Select(f => new { formId = f.FormId, product = f.Slug }) }));
            Assert.Equal(HttpStatusCode.OK, mapped.StatusCode);
        }
        return (id, key);
    }

    [Fact]
    public async Task An_administrator_connects_an_organisation_maps_its_forms_to_two_products_and_one_sync_writes_both()
    {
        var (a, slugA) = await FreshProductAsync();
        var (b, slugB) = await FreshProductAsync();
        var (serviceA, formA, _) = AddService("Démarche de l’organisation A");
        var (serviceB, formB, _) = AddService("Démarche de l’organisation B");
        _server.SetDay(formA, Today.AddDays(-2), new DayCounts(6, 2, 2));
        _server.SetDay(formB, Today.AddDays(-3), new DayCounts(1, 0, 3));
        var key = _server.AddKey();
        var name = $"DNUM {Guid.NewGuid():N}"[..20];
        using var admin = factory.CreateClientFor(Demo.Administrateur);

        // Only the address is refused: only the address is flagged, and the page says to type the key again.
        const string newPage = "/admin/connecteurs/jdma/nouvelle";
        using (var refused = await (await RenderedForm.ReadAsync(admin, newPage))
            .Set("Input.Name", name).Set("Input.BaseUrl", "http://jdma.example.org").Set("Input.ApiKey", key).SubmitAsync(admin))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            var doc = await Html.ParseAsync(refused);
            Assert.Equal("true", doc.QuerySelector("#Input_BaseUrl")!.GetAttribute("aria-invalid"));
            Assert.Null(doc.QuerySelector("#Input_ApiKey")!.GetAttribute("aria-invalid"));
            Assert.Null(doc.QuerySelector("#Input_Name")!.GetAttribute("aria-invalid"));
            Assert.NotNull(doc.QuerySelector("#cle-a-ressaisir"));
            Assert.Single(doc.QuerySelectorAll("#error-summary li"));
        }
        Assert.False(await QueryAsync(factory, db => db.JdmaOrganisationConnections.AnyAsync(c => c.Name == name)));

        int id;
        using (var saved = await (await RenderedForm.ReadAsync(admin, newPage))
            .Set("Input.Name", name).Set("Input.BaseUrl", _server.BaseUrl.ToString()).Set("Input.ApiKey", key).SubmitAsync(admin))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            id = await QueryAsync(factory, db => db.JdmaOrganisationConnections.Where(c => c.Name == name).Select(c => c.Id).SingleAsync());
            Assert.Equal($"/admin/connecteurs/jdma/{id}/formulaires", saved.Headers.Location!.OriginalString);
        }
        Assert.DoesNotContain(key, await QueryAsync(factory, db => db.JdmaOrganisationConnections.Where(c => c.Id == id).Select(c => c.ProtectedKey).SingleAsync()), StringComparison.Ordinal);

        // Each form mapped to its product, chosen in the page's selects.
        var formsPage = $"/admin/connecteurs/jdma/{id}/formulaires";
        using (var mapped = await (await RenderedForm.ReadAsync(admin, formsPage))
            .Set($"Produits[{formA}]", S(a)).Set($"Produits[{formB}]", S(b)).SubmitAsync(admin))
        {
            Assert.Equal(HttpStatusCode.Redirect, mapped.StatusCode);
        }
        var mappings = await QueryAsync(factory, db => db.JdmaOrganisationForms.AsNoTracking().Where(f => f.ConnectionId == id).OrderBy(f => f.FormId).ToListAsync());
        Assert.Equal(2, mappings.Count);
        Assert.Contains(mappings, m => m.FormId == formA && m.ProductId == a);
        Assert.Contains(mappings, m => m.FormId == formB && m.ProductId == b);

        // One synchronisation: every call carries both services; each product gets its own days.
        var page = $"/admin/connecteurs/jdma/{id}";
        using (var synced = await (await RenderedForm.ReadAsync(admin, page, $"{page}?handler=Sync")).SubmitAsync(admin))
        {
            Assert.Equal(HttpStatusCode.Redirect, synced.StatusCode);
        }
        var calls = _server.Calls.ToList();
        Assert.Equal(JdmaRules.Chunks(Today.AddMonths(-12).AddDays(1), Today).Count(), calls.Count);
        Assert.All(calls, c => Assert.Equal(new[] { serviceA, serviceB }.Order(), c.ProductIds.Order()));
        var daysA = await DaysAsync(a);
        var daysB = await DaysAsync(b);
        Assert.Equal((Today.AddDays(-2), 10L, ConnectorKind.JdmaOrganisation, id), (daysA.Single().Day, daysA.Single().Count, daysA.Single().Kind, daysA.Single().ConnectionId));
        Assert.Equal((Today.AddDays(-3), 4L), (daysB.Single().Day, daysB.Single().Count));
        using (var status = await admin.GetAsync(page))
        {
            var doc = await Html.ParseAsync(status);
            Assert.Contains("À jour", doc.QuerySelector("#etat-synchronisation")!.TextContent, StringComparison.Ordinal);
            Assert.Contains(slugA, doc.QuerySelector("#formulaires-organisation")!.InnerHtml, StringComparison.Ordinal);
            Assert.DoesNotContain(key, doc.DocumentElement.OuterHtml, StringComparison.Ordinal);
        }

        // The products' Satisfaction tab and JDMA page show it, read-only for their team.
        using var owner = factory.CreateClientFor(Demo.ProductOwner);
        using (var tab = await owner.GetAsync($"/produits/{slugA}/satisfaction"))
        {
            var text = Html.Text(await Html.ParseAsync(tab));
            Assert.Contains("Source : JDMA", text, StringComparison.Ordinal);
            Assert.Contains($"Connexion de l’organisation « {name} », gérée par les administrateurs", text, StringComparison.Ordinal);
        }
        // The product also gets a connection of its own: its status and the organisation's each keep their own id.
        using (var own = await owner.PutAsync($"/api/v1/products/{slugB}/jdma", Json(new { baseUrl = _server.BaseUrl.ToString(), apiKey = _server.AddKey(), version = 0 })))
        {
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        }
        using (var jdma = await owner.GetAsync($"/produits/{slugB}/satisfaction/jdma"))
        {
            var doc = await Html.ParseAsync(jdma);
            Assert.NotNull(doc.QuerySelector("#etat-synchronisation"));
            Assert.Contains("À jour", doc.QuerySelector($"#etat-organisation-{id}")!.TextContent, StringComparison.Ordinal);
            Assert.All(doc.QuerySelectorAll("[id]").GroupBy(e => e.Id), g => Assert.Single(g));
            Assert.Contains("gérée par les administrateurs", Html.Text(doc), StringComparison.Ordinal);
            Assert.Contains("Formulaire usagers", doc.QuerySelector(".formulaires-organisation")!.TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain(doc.QuerySelectorAll("a"), l => (l.GetAttribute("href") ?? "").StartsWith("/admin/connecteurs/jdma", StringComparison.Ordinal));
        }
        // The indicators of both products follow.
        var fed = await QueryAsync(factory, db => db.Measurements.AsNoTracking().Where(m => m.Indicator!.FedBySatisfactionForm && (m.Indicator.ProductId == a || m.Indicator.ProductId == b))
            .Select(m => m.Indicator!.ProductId).Distinct().CountAsync());
        Assert.Equal(2, fed);
        // The administrators' list names the organisation.
        using (var list = await admin.GetAsync("/admin/connecteurs"))
        {
            var row = (await Html.ParseAsync(list)).QuerySelectorAll("#connexions tbody tr").Single(r => r.TextContent.Contains(name, StringComparison.Ordinal));
            Assert.Contains("connexion d’organisation", row.TextContent, StringComparison.Ordinal);
            Assert.Equal(page, row.QuerySelector("a")!.GetAttribute("href"));
        }

        // Rotation: the key is revoked in JDMA, the sync fails; a new key saved through the form syncs again.
        _server.Revoke(key);
        await (await RenderedForm.ReadAsync(admin, page, $"{page}?handler=Sync")).SubmitAsync(admin);
        using (var failing = await admin.GetAsync(page))
        {
            Assert.Contains("JDMA refuse la clé d’API", (await Html.ParseAsync(failing)).QuerySelector("#etat-synchronisation")!.TextContent, StringComparison.Ordinal);
        }
        var newKey = _server.AddKey();
        using (var rotated = await (await RenderedForm.ReadAsync(admin, page, fieldNames: ["Input.ApiKey"])).Set("Input.ApiKey", newKey).SubmitAsync(admin))
        {
            Assert.Equal(HttpStatusCode.Redirect, rotated.StatusCode);
        }
        await (await RenderedForm.ReadAsync(admin, page, $"{page}?handler=Sync")).SubmitAsync(admin);
        Assert.Equal(newKey, _server.SeenKeys.Last());
        var state = await QueryAsync(factory, db => db.ConnectorSyncStates.AsNoTracking().SingleAsync(s => s.Kind == ConnectorKind.JdmaOrganisation && s.ConnectionId == id));
        Assert.Null(state.LastError);
        Assert.Null(state.ProductId);

        // Audited: the connection globally (never its key), each mapping in its product's history.
        var audit = await QueryAsync(factory, db => db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == nameof(JdmaOrganisationConnection) || (e.EntityType == nameof(JdmaOrganisationForm) && (e.ProductId == a || e.ProductId == b))).ToListAsync());
        Assert.Contains(audit, e => e.EntityType == nameof(JdmaOrganisationForm) && e.ProductId == a);
        Assert.Contains(audit, e => e.EntityType == nameof(JdmaOrganisationConnection) && e.After is { } after && after.Contains(name, StringComparison.Ordinal));
        Assert.All(audit, e => Assert.DoesNotContain(newKey, (e.Before ?? "") + (e.After ?? ""), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_form_feeds_one_product_a_second_mapping_is_refused_on_the_page_and_the_api()
    {
        var (_, slugP) = await FreshProductAsync();
        var (q, slugQ) = await FreshProductAsync();
        var (_, form, otherForm) = AddService("Démarche disputée");
        using var owner = factory.CreateClientFor(Demo.ProductOwner);
        var productKey = _server.AddKey();
        using (var put = await owner.PutAsync($"/api/v1/products/{slugP}/jdma", Json(new { baseUrl = _server.BaseUrl.ToString(), apiKey = productKey, version = 0 })))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }
        using (var forms = await owner.PutAsync($"/api/v1/products/{slugP}/jdma/forms", Json(new { formIds = new[] { form } })))
        {
            Assert.Equal(HttpStatusCode.OK, forms.StatusCode);
        }
        using var admin = factory.CreateClientFor(Demo.Administrateur);
        var (id, _) = await OrganisationByApiAsync(admin);

        // The API: 422, the message on « forms ».
        using (var twice = await admin.PutAsync($"/api/v1/admin/connectors/jdma/{id}/forms", Json(new { forms = new[] { new { formId = form, product = slugQ } } })))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, twice.StatusCode);
            Assert.Equal("application/problem+json", twice.Content.Headers.ContentType?.MediaType);
            using var json = await ReadJsonAsync(twice);
            Assert.Contains("alimente déjà la connexion JDMA du produit", json.RootElement.GetProperty("errors").GetProperty("forms")[0].GetString(), StringComparison.Ordinal);
        }
        // The page: 422, the message beside the form's select; nothing saved.
        using (var page = await (await RenderedForm.ReadAsync(admin, $"/admin/connecteurs/jdma/{id}/formulaires")).Set($"Produits[{form}]", S(q)).SubmitAsync(admin))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, page.StatusCode);
            var doc = await Html.ParseAsync(page);
            Assert.Equal("true", doc.QuerySelector($"#Produits_{form}_")!.GetAttribute("aria-invalid"));
            Assert.Contains("un formulaire n’alimente qu’un produit", Html.Text(doc), StringComparison.Ordinal);
        }
        Assert.False(await QueryAsync(factory, db => db.JdmaOrganisationForms.AnyAsync(f => f.ConnectionId == id)));

        // The other way round: a form the organisation maps cannot be chosen by a product's team.
        using (var other = await admin.PutAsync($"/api/v1/admin/connectors/jdma/{id}/forms", Json(new { forms = new[] { new { formId = otherForm, product = slugQ } } })))
        {
            Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        }
        using (var refused = await (await RenderedForm.ReadAsync(owner, $"/produits/{slugP}/satisfaction/jdma/formulaires"))
            .SetAll("FormIds", [S(form), S(otherForm)]).SubmitAsync(owner))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.Contains("alimente déjà la connexion de l’organisation", Html.Text(await Html.ParseAsync(refused)), StringComparison.Ordinal);
        }
        using (var api = await owner.PutAsync($"/api/v1/products/{slugP}/jdma/forms", Json(new { formIds = new[] { otherForm } })))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, api.StatusCode);
            using var json = await ReadJsonAsync(api);
            Assert.True(json.RootElement.GetProperty("errors").TryGetProperty("formIds", out _));
        }
    }

    [Fact]
    public async Task Deleting_a_connection_removes_its_forms_state_and_days_and_the_tab_falls_back()
    {
        var (p, slugP) = await FreshProductAsync();
        var (q, slugQ) = await FreshProductAsync();
        var (_, formP, _) = AddService("Démarche supprimée (produit)");
        var (_, formQ, _) = AddService("Démarche supprimée (organisation)");
        _server.SetDay(formP, Today.AddDays(-1), new DayCounts(3, 0, 0));
        _server.SetDay(formQ, Today.AddDays(-1), new DayCounts(0, 0, 2));
        using var owner = factory.CreateClientFor(Demo.ProductOwner);
        using (var put = await owner.PutAsync($"/api/v1/products/{slugP}/jdma", Json(new { baseUrl = _server.BaseUrl.ToString(), apiKey = _server.AddKey(), version = 0 })))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }
        using (await owner.PutAsync($"/api/v1/products/{slugP}/jdma/forms", Json(new { formIds = new[] { formP } })))
        using (await owner.PostAsync($"/api/v1/products/{slugP}/jdma/sync", null))
        {
        }
        using var admin = factory.CreateClientFor(Demo.Administrateur);
        var (id, _) = await OrganisationByApiAsync(admin, (formQ, slugQ));
        using (var sync = await admin.PostAsync($"/api/v1/admin/connectors/jdma/{id}/sync", null))
        {
            Assert.Equal(HttpStatusCode.OK, sync.StatusCode);
        }
        Assert.Single(await DaysAsync(p));
        Assert.Single(await DaysAsync(q));

        // The team deletes its product's connection: the confirmation says what goes, the form it renders deletes.
        using (var confirmation = await owner.GetAsync($"/produits/{slugP}/satisfaction/jdma/supprimer"))
        {
            Assert.Contains("les 1 jour(s) de chiffres synchronisés depuis JDMA", Html.Text(await Html.ParseAsync(confirmation)), StringComparison.Ordinal);
        }
        using (var deleted = await (await RenderedForm.ReadAsync(owner, $"/produits/{slugP}/satisfaction/jdma/supprimer")).SubmitAsync(owner))
        {
            Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
            Assert.Equal($"/produits/{slugP}/satisfaction", deleted.Headers.Location!.OriginalString);
        }
        Assert.Empty(await DaysAsync(p));
        Assert.False(await QueryAsync(factory, db => db.JdmaConnections.AnyAsync(c => c.ProductId == p)));
        Assert.False(await QueryAsync(factory, db => db.JdmaFormMappings.AnyAsync(f => f.ProductId == p)));
        Assert.False(await QueryAsync(factory, db => db.ConnectorSyncStates.AnyAsync(s => s.Kind == ConnectorKind.Jdma && s.ProductId == p)));
        using (var tab = await owner.GetAsync($"/produits/{slugP}/satisfaction"))
        {
            var text = Html.Text(await Html.ParseAsync(tab));
            Assert.DoesNotContain("Source : JDMA", text, StringComparison.Ordinal);
            Assert.Contains("Connecter le produit à JDMA", text, StringComparison.Ordinal);
        }
        Assert.Contains(await QueryAsync(factory, db => db.AuditEntries.AsNoTracking().Where(e => e.ProductId == p && e.EntityType == nameof(JdmaConnection)).ToListAsync()),
            e => e.Action == AuditAction.Deleted);
        using (var none = await owner.DeleteAsync($"/api/v1/products/{slugP}/jdma"))
        {
            Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        }

        // An administrator deletes the organisation's connection: the product it fed falls back too.
        using (var confirmation = await admin.GetAsync($"/admin/connecteurs/jdma/{id}/supprimer"))
        {
            Assert.Contains("les 1 jour(s) de chiffres qu’elle avait synchronisés pour 1 produit(s)", Html.Text(await Html.ParseAsync(confirmation)), StringComparison.Ordinal);
        }
        using (var deleted = await (await RenderedForm.ReadAsync(admin, $"/admin/connecteurs/jdma/{id}/supprimer")).SubmitAsync(admin))
        {
            Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        }
        Assert.Empty(await DaysAsync(q));
        Assert.False(await QueryAsync(factory, db => db.JdmaOrganisationForms.AnyAsync(f => f.ConnectionId == id)));
        Assert.False(await QueryAsync(factory, db => db.ConnectorSyncStates.AnyAsync(s => s.Kind == ConnectorKind.JdmaOrganisation && s.ConnectionId == id)));
        using (var tab = await owner.GetAsync($"/produits/{slugQ}/satisfaction"))
        {
            Assert.DoesNotContain("Source : JDMA", Html.Text(await Html.ParseAsync(tab)), StringComparison.Ordinal);
        }
        Assert.Contains(await QueryAsync(factory, db => db.AuditEntries.AsNoTracking().Where(e => e.EntityType == nameof(JdmaOrganisationConnection)).ToListAsync()),
            e => e.Action == AuditAction.Deleted);

        // The API: DELETE answers 204, then 404.
        var (other, _) = await OrganisationByApiAsync(admin);
        using (var gone = await admin.DeleteAsync($"/api/v1/admin/connectors/jdma/{other}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, gone.StatusCode);
        }
        using (var again = await admin.DeleteAsync($"/api/v1/admin/connectors/jdma/{other}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        }
    }

    [Fact]
    public async Task A_refused_address_on_a_products_connection_flags_the_address_only()
    {
        var (_, slug) = await FreshProductAsync();
        using var owner = factory.CreateClientFor(Demo.ProductOwner);
        var page = $"/produits/{slug}/satisfaction/jdma";
        using (var refused = await (await RenderedForm.ReadAsync(owner, page)).Set("Input.BaseUrl", "http://jdma.example.org").Set("Input.ApiKey", _server.AddKey()).SubmitAsync(owner))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            var doc = await Html.ParseAsync(refused);
            Assert.Equal("true", doc.QuerySelector("#Input_BaseUrl")!.GetAttribute("aria-invalid"));
            Assert.Null(doc.QuerySelector("#Input_ApiKey")!.GetAttribute("aria-invalid"));
            Assert.DoesNotContain("fr-input-group--error", doc.QuerySelector("#Input_ApiKey")!.ParentElement!.ClassName ?? "", StringComparison.Ordinal);
            Assert.NotNull(doc.QuerySelector("#cle-a-ressaisir"));
        }
        // A key refused alone flags the key only.
        using (var badKey = await (await RenderedForm.ReadAsync(owner, page)).Set("Input.BaseUrl", _server.BaseUrl.ToString()).Set("Input.ApiKey", "cle avec espace").SubmitAsync(owner))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, badKey.StatusCode);
            var doc = await Html.ParseAsync(badKey);
            Assert.Null(doc.QuerySelector("#Input_BaseUrl")!.GetAttribute("aria-invalid"));
            Assert.Equal("true", doc.QuerySelector("#Input_ApiKey")!.GetAttribute("aria-invalid"));
            Assert.Null(doc.QuerySelector("#cle-a-ressaisir"));
        }
    }
}

public sealed class JdmaOrganisationTestsSqlite(SqliteCapFactory factory) : JdmaOrganisationTests<SqliteCapFactory>(factory);

public sealed class JdmaOrganisationTestsPostgres(PostgresCapFactory factory) : JdmaOrganisationTests<PostgresCapFactory>(factory);
