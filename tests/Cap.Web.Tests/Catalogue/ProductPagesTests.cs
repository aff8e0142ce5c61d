using System.Net;
using AngleSharp.Dom;
using Cap.Domain.Catalogue;
using Cap.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Cap.Web.Tests.Infrastructure.TestHttp;

namespace Cap.Web.Tests.Catalogue;

public abstract class ProductPagesTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : CapWebFactory
{
    private async Task<Dictionary<string, string>> CreateFieldsAsync(string name, string summary)
    {
        var ids = await QueryAsync(factory, async db => new
        {
            Directorate = await db.Directorates.Where(d => d.Code == "DGS").Select(d => d.Id).SingleAsync(),
            Domain = await db.Domains.Where(d => d.Code == "SANTE").Select(d => d.Id).SingleAsync(),
            Typology = await db.Typologies.Where(d => d.Code == "DOSSIER").Select(d => d.Id).SingleAsync(),
        });
        return new Dictionary<string, string>
        {
            ["Input.Name"] = name,
            ["Input.Summary"] = summary,
            ["Input.DirectorateId"] = ids.Directorate.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.DomainId"] = ids.Domain.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.TypologyId"] = ids.Typology.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Phase"] = nameof(Phase.Idee),
        };
    }

    /// <summary>The product's current values as the edit form posts them, with <paramref name="summary"/>.</summary>
    private Task<Dictionary<string, string>> EditFieldsAsync(string slug, string summary) =>
        QueryAsync(factory, async db =>
        {
            var p = await db.Products.AsNoTracking().SingleAsync(x => x.Slug == slug);
            return new Dictionary<string, string>
            {
                ["Input.Name"] = p.Name,
                ["Input.Slug"] = p.Slug,
                ["Input.Summary"] = summary,
                ["Input.DirectorateId"] = p.DirectorateId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Input.DomainId"] = p.DomainId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Input.TypologyId"] = p.TypologyId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Input.Url"] = p.Url ?? string.Empty,
                ["Input.Users"] = p.Users ?? string.Empty,
                ["Input.KeyFigures"] = p.KeyFigures ?? string.Empty,
            };
        });

    private Task<string> SummaryAsync(string slug) =>
        QueryAsync(factory, db => db.Products.Where(p => p.Slug == slug).Select(p => p.Summary).SingleAsync());

    // ---- Creating ----

    [Fact]
    public async Task Creating_a_product_redirects_to_its_page()
    {
        using var client = factory.CreateClientFor(Demo.ProductOwner);

        using var response = await CapWebFactory.PostFormAsync(client, "/produits/nouveau", await CreateFieldsAsync("Écran Création", "Créé depuis l’écran."));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/produits/ecran-creation", response.Headers.Location?.OriginalString);
        using var page = await client.GetAsync("/produits/ecran-creation");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Créé depuis l’écran.", Html.Text(await Html.ParseAsync(page)), StringComparison.Ordinal);
        Assert.True(await QueryAsync(factory, db => db.TeamMembers.AnyAsync(m => m.Product!.Slug == "ecran-creation" && m.Person!.Email == Demo.ProductOwner && m.Role == ProductRole.ResponsableProduit)));
    }

    [Fact]
    public async Task Invalid_creation_shows_french_messages_and_keeps_what_was_typed()
    {
        using var client = factory.CreateClientFor(Demo.ProductOwner);
        var fields = await CreateFieldsAsync("Nom gardé à l’écran", string.Empty);

        using var response = await CapWebFactory.PostFormAsync(client, "/produits/nouveau", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = await Html.ParseAsync(response);
        Assert.Contains("Saisissez le résumé.", Html.Text(document), StringComparison.Ordinal);
        Assert.Equal("Nom gardé à l’écran", document.QuerySelector("input[name='Input.Name']")?.GetAttribute("value"));
        Assert.False(await QueryAsync(factory, db => db.Products.AnyAsync(p => p.Name == "Nom gardé à l’écran")));
    }

    [Fact]
    public async Task A_form_holding_a_nul_character_is_refused_with_the_french_error_page_and_nothing_saved()
    {
        // PostgreSQL cannot store U+0000: the form reader refuses it before the page runs, and the error page still knows its code.
        using var client = factory.CreateClientFor(Demo.ProductOwner);
        var fields = await CreateFieldsAsync("Produit au caractère nul", "Résumé\0 avec un caractère nul.");

        using var response = await CapWebFactory.PostFormAsync(client, "/produits/nouveau", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var document = await Html.ParseAsync(response);
        Assert.Equal("Requête invalide", document.QuerySelector("h1")?.TextContent.Trim());
        Assert.Contains("Erreur 400", Html.Text(document), StringComparison.Ordinal);
        Assert.False(await QueryAsync(factory, db => db.Products.AnyAsync(p => p.Name == "Produit au caractère nul")));
    }

    [Fact]
    public async Task Creating_a_product_with_a_name_already_used_says_so()
    {
        using var client = factory.CreateClientFor(Demo.ProductOwner);

        using var response = await CapWebFactory.PostFormAsync(client, "/produits/nouveau", await CreateFieldsAsync("Vaccin Suivi", "Doublon."));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Un produit utilise déjà l’identifiant", Html.Text(await Html.ParseAsync(response)), StringComparison.Ordinal);
    }

    // ---- Editing ----

    [Fact]
    public async Task Editing_with_the_form_version_saves_and_shows_the_change()
    {
        var slug = await CreateProductAsync("Édition écran");
        using var client = factory.CreateClientFor(Demo.ProductOwner);

        using var response = await CapWebFactory.PostFormAsync(client, $"/produits/{slug}/modifier", await EditFieldsAsync(slug, "Résumé édité à l’écran."));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/produits/{slug}", response.Headers.Location?.OriginalString);
        using var page = await client.GetAsync($"/produits/{slug}");
        Assert.Contains("Résumé édité à l’écran.", Html.Text(await Html.ParseAsync(page)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrent_edit_is_refused_with_the_differences_then_saved_knowingly()
    {
        var slug = Demo.JourneyProductSlug;
        using var owner = factory.CreateClientFor(Demo.ProductOwner);
        using var admin = factory.CreateClientFor(Demo.Administrateur);
        var ownerForm = await RenderedForm.ReadAsync(owner, $"/produits/{slug}/modifier", fieldNames: ["Version"]);
        var adminForm = await RenderedForm.ReadAsync(admin, $"/produits/{slug}/modifier", fieldNames: ["Version"]);
        Assert.Equal(ownerForm["Version"], adminForm["Version"]);

        foreach (var (name, value) in await EditFieldsAsync(slug, "Résumé du responsable produit."))
        {
            ownerForm.Set(name, value);
        }
        using (var first = await ownerForm.SubmitAsync(owner))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        foreach (var (name, value) in await EditFieldsAsync(slug, "Résumé de l’administratrice."))
        {
            adminForm.Set(name, value);
        }
        using var second = await adminForm.SubmitAsync(admin);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        using var document = await Html.ParseAsync(second);
        Assert.Contains("modifié par quelqu’un d’autre", Html.Text(document), StringComparison.Ordinal);
        var rows = document.QuerySelectorAll("#conflict tbody tr").ToList();
        var summaryRow = Assert.Single(rows, r => r.QuerySelector("th")?.TextContent.Trim() == "Résumé");
        Assert.Equal("Résumé du responsable produit.", summaryRow.QuerySelectorAll("td")[0].TextContent.Trim());
        Assert.Equal("Résumé de l’administratrice.", summaryRow.QuerySelectorAll("td")[1].TextContent.Trim());
        Assert.Equal("Résumé du responsable produit.", await SummaryAsync(slug));

        // Saving the form as returned (it now carries the stored version) keeps the administrator's values.
        var again = (await RenderedForm.InAsync(second, $"/produits/{slug}/modifier")).Single(f => f.Names.Contains("Version"));
        Assert.NotEqual(adminForm["Version"], again["Version"]);
        Assert.Equal("Résumé de l’administratrice.", again["Input.Summary"]?.TrimStart('\n'));
        using var third = await again.SubmitAsync(admin);

        Assert.Equal(HttpStatusCode.Redirect, third.StatusCode);
        Assert.Equal("Résumé de l’administratrice.", await SummaryAsync(slug));
    }

    private async Task<string> CreateProductAsync(string name)
    {
        using var client = factory.CreateClientFor(Demo.ProductOwner);
        using var response = await CapWebFactory.PostFormAsync(client, "/produits/nouveau", await CreateFieldsAsync(name, "Produit de test des écrans."));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString["/produits/".Length..];
    }

    // ---- Team ----

    [Fact]
    public async Task Owner_adds_a_person_to_the_team_once()
    {
        var slug = await CreateProductAsync("Équipe ajout");
        var newcomer = await OutsiderAsync(factory, slug);
        using var client = factory.CreateClientFor(Demo.ProductOwner);
        var fields = new Dictionary<string, string>
        {
            ["Input.PersonId"] = newcomer.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Role"] = nameof(ProductRole.MembreEquipe),
        };

        using var added = await CapWebFactory.PostFormAsync(client, $"/produits/{slug}/equipe", fields, $"/produits/{slug}/equipe?handler=Add");

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.True(await QueryAsync(factory, db => db.TeamMembers.AnyAsync(m => m.Product!.Slug == slug && m.PersonId == newcomer.Id && m.Role == ProductRole.MembreEquipe)));

        using var again = await CapWebFactory.PostFormAsync(client, $"/produits/{slug}/equipe", fields, $"/produits/{slug}/equipe?handler=Add");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Contains("fait déjà partie de l’équipe", Html.Text(await Html.ParseAsync(again)), StringComparison.Ordinal);
        Assert.Equal(1, await QueryAsync(factory, db => db.TeamMembers.CountAsync(m => m.Product!.Slug == slug && m.PersonId == newcomer.Id)));
    }

    [Fact]
    public async Task Removing_the_only_product_owner_is_refused()
    {
        var slug = await CreateProductAsync("Équipe retrait");
        var ownerRow = await QueryAsync(factory, db => db.TeamMembers.Where(m => m.Product!.Slug == slug && m.Role == ProductRole.ResponsableProduit).Select(m => m.Id).SingleAsync());
        using var client = factory.CreateClientFor(Demo.ProductOwner);

        using var response = await CapWebFactory.PostFormAsync(client, $"/produits/{slug}/equipe", new Dictionary<string, string>(), $"/produits/{slug}/equipe?handler=Remove&memberId={ownerRow}");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("seul responsable produit", Html.Text(await Html.ParseAsync(response)), StringComparison.Ordinal);
        Assert.True(await QueryAsync(factory, db => db.TeamMembers.AnyAsync(m => m.Id == ownerRow)));
    }

    [Fact]
    public async Task Plain_team_member_cannot_add_people()
    {
        var member = await MemberEmailAsync(factory, Demo.JourneyProductSlug, ProductRole.MembreEquipe);
        var newcomer = await OutsiderAsync(factory, Demo.JourneyProductSlug);
        using var client = factory.CreateClientFor(member);

        // The team page shows a plain member no form: the request is forged, with a token from their account page.
        using var response = await CapWebFactory.PostForgedAsync(client, "/compte",
        [
            ("Input.PersonId", newcomer.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Input.Role", nameof(ProductRole.MembreEquipe)),
        ], $"/produits/{Demo.JourneyProductSlug}/equipe?handler=Add");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(await QueryAsync(factory, db => db.TeamMembers.AnyAsync(m => m.Product!.Slug == Demo.JourneyProductSlug && m.PersonId == newcomer.Id)));
    }

    // ---- Archiving ----

    [Fact]
    public async Task Owner_archives_a_product_from_its_page()
    {
        var slug = await CreateProductAsync("Archivage écran");
        using var client = factory.CreateClientFor(Demo.ProductOwner);

        using var response = await CapWebFactory.PostFormAsync(client, $"/produits/{slug}/archiver", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/produits/{slug}", response.Headers.Location?.OriginalString);
        Assert.True(await QueryAsync(factory, db => db.Products.Where(p => p.Slug == slug).Select(p => p.IsArchived).SingleAsync()));
    }

    // ---- Catalogue ----

    [Fact]
    public async Task Catalogue_filtered_by_domain_lists_the_health_products_and_keeps_the_filter()
    {
        using var client = factory.CreateClientFor(Demo.Lecteur);

        using var response = await client.GetAsync("/produits?domaine=SANTE&tri=nom");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = await Html.ParseAsync(response);
        var expected = await QueryAsync(factory, db => db.Products.Where(p => p.Domain!.Code == "SANTE" && !p.IsArchived).Select(p => p.Slug).ToListAsync());
        var listed = document.QuerySelectorAll("main a[href^='/produits/']")
            .Select(a => a.GetAttribute("href")!["/produits/".Length..])
            .Where(s => !s.Contains('/', StringComparison.Ordinal) && !s.Contains('?', StringComparison.Ordinal) && s != "nouveau")
            .Distinct().ToList();
        Assert.Equal(expected.Order(), listed.Order());
        // The seeded health portfolio (other tests of this class may add more).
        Assert.True(listed.Count >= 7);
        Assert.Equal("SANTE", document.QuerySelector("select[name=domaine] option[selected]")?.GetAttribute("value"));
        Assert.Equal("nom", document.QuerySelector("select[name=tri] option[selected]")?.GetAttribute("value"));
    }

    [Fact]
    public async Task Catalogue_with_an_invalid_phase_warns_instead_of_failing()
    {
        using var client = factory.CreateClientFor(Demo.Lecteur);

        using var response = await client.GetAsync("/produits?phase=zzz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = await Html.ParseAsync(response);
        Assert.Contains("Phase inconnue", document.QuerySelector(".fr-alert--warning")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_product_answers_the_french_404_page()
    {
        using var client = factory.CreateClientFor(Demo.Lecteur);

        using var response = await client.GetAsync("/produits/inexistant");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page non trouvée", Html.Text(await Html.ParseAsync(response)), StringComparison.Ordinal);
    }
}

public sealed class ProductPagesTestsSqlite(SqliteCapFactory factory) : ProductPagesTests<SqliteCapFactory>(factory);

public sealed class ProductPagesTestsPostgres(PostgresCapFactory factory) : ProductPagesTests<PostgresCapFactory>(factory);
