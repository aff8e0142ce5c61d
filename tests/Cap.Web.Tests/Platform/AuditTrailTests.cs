using System.Net;
using System.Text.Json;
using Cap.Domain.Catalogue;
using Cap.Domain.Platform;
using Cap.Web.Shared;
using Cap.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Cap.Web.Tests.Infrastructure.TestHttp;

namespace Cap.Web.Tests.Platform;

public abstract class AuditTrailTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : CapWebFactory
{
    private async Task<(string Slug, int Id)> CreateAsync(string name)
    {
        using var client = factory.CreateClientFor(Demo.ProductOwner);
        using var body = Json(new { name, summary = "Résumé initial.", directorate = "DGS", domain = "SANTE", typology = "DOSSIER", phase = "idea" });
        using var response = await client.PostAsync("/api/v1/products", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var json = await ReadJsonAsync(response);
        var slug = json.RootElement.GetProperty("slug").GetString()!;
        return (slug, await QueryAsync(factory, db => db.Products.Where(p => p.Slug == slug).Select(p => p.Id).SingleAsync()));
    }

    private Task<long> LastAuditIdAsync() =>
        QueryAsync(factory, async db => await db.AuditEntries.MaxAsync(a => (long?)a.Id) ?? 0);

    private async Task<HttpResponseMessage> PutSummaryAsync(string slug, string summary, string? newSlug = null)
    {
        using var client = factory.CreateClientFor(Demo.ProductOwner);
        var stored = await QueryAsync(factory, db => db.Products.Where(p => p.Slug == slug).Select(p => new { p.Version, p.Name }).SingleAsync());
        var version = stored.Version;
        using var body = Json(new { name = stored.Name, slug = newSlug ?? slug, summary, directorate = "DGS", domain = "SANTE", typology = "DOSSIER", phase = "idea", version });
        return await client.PutAsync($"/api/v1/products/{slug}", body);
    }

    /// <summary>A new product whose summary is then changed through the API: two journaled changes.</summary>
    private async Task<string> CreateWithSummaryAsync(string name, string summary)
    {
        var (slug, _) = await CreateAsync(name);
        using var response = await PutSummaryAsync(slug, summary);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return slug;
    }

    [Fact]
    public async Task Each_entry_is_named_by_the_label_its_entity_configuration_declares()
    {
        var name = $"Produit libellé {Guid.NewGuid():N}"[..28];
        var (_, id) = await CreateAsync(name);
        var labels = await QueryAsync(factory, db => db.AuditEntries.AsNoTracking()
            .Where(a => a.ProductId == id).Select(a => new { a.EntityType, a.EntityLabel }).ToListAsync());
        // The product by its name; its first team member by its role (the person is not loaded at creation).
        Assert.Contains(labels, l => l.EntityType == nameof(Product) && l.EntityLabel == name);
        Assert.Contains(labels, l => l.EntityType == nameof(TeamMember) && l.EntityLabel == "Responsable produit");
    }

    [Fact]
    public async Task Api_update_writes_one_product_entry_with_only_the_changed_fields()
    {
        var (slug, id) = await CreateAsync("Audit mise à jour");
        Assert.Equal("audit-mise-a-jour", slug);
        var before = await LastAuditIdAsync();
        var karim = await PersonIdAsync(factory, Demo.ProductOwner);

        using (var response = await PutSummaryAsync(slug, "Résumé audité."))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var entries = await QueryAsync(factory, db => db.AuditEntries.AsNoTracking().Where(a => a.Id > before).ToListAsync());
        var entry = Assert.Single(entries);
        Assert.Equal("Product", entry.EntityType);
        Assert.Equal(AuditAction.Updated, entry.Action);
        Assert.Equal(karim, entry.PersonId);
        Assert.Equal(id, entry.ProductId);
        Assert.Equal("Karim Benali", entry.ActorName);
        using var old = JsonDocument.Parse(entry.Before!);
        using var now = JsonDocument.Parse(entry.After!);
        Assert.Equal("Résumé initial.", old.RootElement.GetProperty("Summary").GetString());
        Assert.Equal("Résumé audité.", now.RootElement.GetProperty("Summary").GetString());
        var keys = now.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(keys, old.RootElement.EnumerateObject().Select(p => p.Name));
        foreach (var unchanged in new[] { "Name", "Slug", "DirectorateId", "DomainId", "TypologyId", "Phase", "Url", "Version", "UpdatedAt", "CreatedAt" })
        {
            Assert.False(keys.Contains(unchanged), $"{unchanged} is unchanged but journaled: {entry.After}");
        }
    }

    [Fact]
    public async Task Team_member_added_on_the_page_is_journaled_with_its_product()
    {
        var (slug, id) = await CreateAsync("Audit équipe");
        var newcomer = await OutsiderAsync(factory, slug);
        var before = await LastAuditIdAsync();
        using var client = factory.CreateClientFor(Demo.ProductOwner);

        using var response = await CapWebFactory.PostFormAsync(client, $"/produits/{slug}/equipe", new Dictionary<string, string>
        {
            ["Input.PersonId"] = newcomer.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Role"] = nameof(ProductRole.MembreEquipe),
        }, $"/produits/{slug}/equipe?handler=Add");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var entries = await QueryAsync(factory, db => db.AuditEntries.AsNoTracking().Where(a => a.Id > before).ToListAsync());
        var entry = Assert.Single(entries);
        Assert.Equal("TeamMember", entry.EntityType);
        Assert.Equal(AuditAction.Created, entry.Action);
        Assert.Equal(id, entry.ProductId);
        Assert.Equal(await PersonIdAsync(factory, Demo.ProductOwner), entry.PersonId);
        Assert.Null(entry.Before);
        Assert.Contains(newcomer.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), entry.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Product_history_page_shows_the_author_and_the_new_value()
    {
        var slug = await CreateWithSummaryAsync("Audit historique", "Valeur visible dans l’historique.");
        using var client = factory.CreateClientFor(Demo.Lecteur);

        using var page = await client.GetAsync($"/produits/{slug}/historique");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var text = Html.Text(await Html.ParseAsync(page));
        Assert.Contains("Karim Benali", text, StringComparison.Ordinal);
        Assert.Contains("Valeur visible dans l’historique.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Administration_journal_shows_changes_and_filters_by_kind()
    {
        _ = await CreateWithSummaryAsync("Audit journal", "Valeur visible dans le journal.");
        using var admin = factory.CreateClientFor(Demo.Administrateur);

        using var all = await admin.GetAsync("/admin/journal");
        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        var allText = Html.Text(await Html.ParseAsync(all));
        Assert.Contains("Valeur visible dans le journal.", allText, StringComparison.Ordinal);
        Assert.Contains("Karim Benali", allText, StringComparison.Ordinal);

        using var filtered = await admin.GetAsync("/admin/journal?type=TeamMember");
        Assert.Equal(HttpStatusCode.OK, filtered.StatusCode);
        using var document = await Html.ParseAsync(filtered);
        var kinds = document.QuerySelectorAll("main table tbody tr")
            .Select(r => r.QuerySelectorAll("td").ElementAtOrDefault(3)?.TextContent.Trim())
            .Where(k => k is not null).ToList();
        Assert.NotEmpty(kinds);
        Assert.All(kinds, k => Assert.StartsWith("Membre d’équipe", k, StringComparison.Ordinal));
        Assert.DoesNotContain("Valeur visible dans le journal.", Html.Text(document), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Administration_journal_shows_an_unreadable_date_beside_its_field_and_filters_by_the_other()
    {
        _ = await CreateWithSummaryAsync("Audit période", "Valeur du filtre par période.");
        using var admin = factory.CreateClientFor(Demo.Administrateur);
        using (var page = await admin.GetAsync("/admin/journal"))
        {
            // The filter form the page renders carries du and au.
            using var form = await Html.ParseAsync(page);
            Assert.NotNull(form.QuerySelector("form[role=search] input[type=date][name=du]#du"));
            Assert.NotNull(form.QuerySelector("form[role=search] input[type=date][name=au]#au"));
        }
        var tomorrow = DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        using var later = await admin.GetAsync($"/admin/journal?du=2026-02-31&au={tomorrow}");
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
        using var document = await Html.ParseAsync(later);
        var from = document.QuerySelector("input#du")!;
        Assert.Equal("2026-02-31", from.GetAttribute("value"));
        Assert.Equal("true", from.GetAttribute("aria-invalid"));
        Assert.Equal(PeriodFilter.FromUnreadable, document.QuerySelector("#du-messages .fr-message--error")!.TextContent);
        Assert.Null(document.QuerySelector("#au-messages .fr-message--error"));
        Assert.Contains("Valeur du filtre par période.", Html.Text(document), StringComparison.Ordinal);

        using var earlier = await admin.GetAsync("/admin/journal?du=hier&au=2000-01-01");
        Assert.Equal(HttpStatusCode.OK, earlier.StatusCode);
        var earlierText = Html.Text(await Html.ParseAsync(earlier));
        Assert.Contains(PeriodFilter.FromUnreadable, earlierText, StringComparison.Ordinal);
        Assert.DoesNotContain("Valeur du filtre par période.", earlierText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failed_save_leaves_no_audit_entry()
    {
        var (slug, _) = await CreateAsync("Audit échec");
        var before = await LastAuditIdAsync();

        using var response = await PutSummaryAsync(slug, "Ne doit pas être journalisé.", newSlug: Demo.JourneyProductSlug);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(before, await LastAuditIdAsync());
        Assert.Equal("Résumé initial.", await QueryAsync(factory, db => db.Products.Where(p => p.Slug == slug).Select(p => p.Summary).SingleAsync()));
    }
}

public sealed class AuditTrailTestsSqlite(SqliteCapFactory factory) : AuditTrailTests<SqliteCapFactory>(factory);

public sealed class AuditTrailTestsPostgres(PostgresCapFactory factory) : AuditTrailTests<PostgresCapFactory>(factory);
