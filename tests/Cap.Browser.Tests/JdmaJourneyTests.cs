using Cap.Web.Tests.Connectors;
using Microsoft.Playwright;

namespace Cap.Browser.Tests;

/// <summary>
/// The JDMA connector as a product team uses it, against a JDMA-shaped server started by the test: the Responsable
/// produit of Vaccin Suivi connects the product (a refused address first), chooses the JDMA form from the services the key
/// reads, synchronises now and finds JDMA's figures beside the Cap form's in the Satisfaction tab; an administrator connects an
/// organisation, maps its two forms to two products, synchronises them in one run and sees the status. axe-core on every screen.
/// </summary>
public sealed class JdmaJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private JdmaServer _server = default!;

    public async Task InitializeAsync() => _server = await JdmaServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Owner_connects_jdma_chooses_a_form_syncs_and_sees_the_figures()
    {
        var today = DateOnly.FromDateTime(DateTime.Today);
        _server.AddService(4101, "Vaccin Suivi — espace patient", "Ministère de la Santé", (41011, "Formulaire après la prise de rendez-vous"), (41012, "Formulaire des professionnels"));
        _server.AddService(4102, "Autre démarche du ministère", "Ministère de la Santé", (41021, "Formulaire de la démarche"));
        for (var d = 1; d <= 60; d++)
        {
            _server.SetDay(41011, today.AddDays(-d), new DayCounts(8 + d % 5, 3 + d % 3, 1 + d % 2, [0, 1, 2, 4 + d % 3, 3], ReachedYes: 2, ReachedNo: 1));
        }
        var key = _server.AddKey();

        var page = await fixture.NewPageAsync();
        await page.GotoAsync(fixture.BaseUrl + "/connexion?ReturnUrl=" + Uri.EscapeDataString("/produits/vaccin-suivi/satisfaction"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Choisir Karim Benali" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Connecter le produit à JDMA" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Connecter le produit à JDMA" })).ToBeVisibleAsync();

        await page.GetByLabel("Adresse de JDMA").FillAsync("http://jdma.example.org");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la connexion" }).ClickAsync();
        await Assertions.Expect(page.GetByText("L’adresse doit commencer par https://").First).ToBeVisibleAsync();
        await Screens.CheckAsync(page, "250-jdma-connexion-erreurs");

        await page.GetByLabel("Adresse de JDMA").FillAsync(_server.BaseUrl.ToString());
        await page.GetByLabel("Clé d’API").FillAsync(key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la connexion" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Formulaires JDMA à synchroniser" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Autre démarche du ministère")).ToBeVisibleAsync();
        await page.Locator("label[for='service-4101-41011']").ClickAsync();
        await Screens.CheckAsync(page, "251-jdma-formulaires");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer les formulaires" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Les formulaires JDMA sont enregistrés")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Synchroniser maintenant" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Synchronisation terminée : 60 jour(s) de réponses lus dans JDMA.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#etat-synchronisation")).ToContainTextAsync("À jour");
        Assert.DoesNotContain(key, await page.ContentAsync(), StringComparison.Ordinal);
        await Screens.CheckAsync(page, "252-jdma-synchronisee");

        await page.GetByRole(AriaRole.Link, new() { Name = "Retour à la satisfaction" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Source : JDMA (Je donne mon avis)" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#jdma-chiffres")).ToContainTextAsync("/ 10");
        await Assertions.Expect(page.Locator("#jdma-par-emplacement")).ToContainTextAsync("Formulaire après la prise de rendez-vous");
        await Screens.CheckAsync(page, "253-jdma-onglet-satisfaction");
    }

    [Fact]
    public async Task Administrator_connects_an_organisation_maps_its_forms_to_two_products_syncs_and_sees_the_status()
    {
        var today = DateOnly.FromDateTime(DateTime.Today);
        _server.AddService(4201, "Parapheur — circuit de signature", "DNUM des ministères sociaux", (42011, "Formulaire après la signature"));
        _server.AddService(4202, "Code du travail numérique — réponses", "DNUM des ministères sociaux", (42021, "Formulaire après la réponse"));
        for (var d = 1; d <= 30; d++)
        {
            _server.SetDay(42011, today.AddDays(-d), new DayCounts(5 + d % 4, 2, 1));
            _server.SetDay(42021, today.AddDays(-d), new DayCounts(9, 1 + d % 2, 0));
        }
        var key = _server.AddKey();

        var page = await fixture.NewPageAsync();
        await CrawlTests.SignInAsync(page, fixture.BaseUrl, Cap.Web.Tests.Infrastructure.Demo.Administrateur);
        await page.GotoAsync(fixture.BaseUrl + "/admin/connecteurs");
        await page.GetByRole(AriaRole.Link, new() { Name = "Connexions JDMA des organisations" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Ajouter une connexion d’organisation" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Nouvelle connexion JDMA d’organisation" })).ToBeVisibleAsync();

        await page.GetByLabel("Nom de l’organisation").FillAsync("Organisation du parcours");
        await page.GetByLabel("Adresse de JDMA").FillAsync(_server.BaseUrl.ToString());
        await page.GetByLabel("Clé d’API de l’organisation").FillAsync(key);
        await Screens.CheckAsync(page, "254-jdma-organisation-nouvelle");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la connexion" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Formulaires JDMA de « Organisation du parcours »" })).ToBeVisibleAsync();
        await page.GetByLabel("Produit alimenté par « Formulaire après la signature »").SelectOptionAsync(new SelectOptionValue { Label = "Parapheur" });
        await page.GetByLabel("Produit alimenté par « Formulaire après la réponse »").SelectOptionAsync(new SelectOptionValue { Label = "Code du travail numérique" });
        await Screens.CheckAsync(page, "255-jdma-organisation-formulaires");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer les associations" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Les associations sont enregistrées")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Synchroniser maintenant" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Synchronisation terminée : 60 jour(s) de réponses lus dans JDMA.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#etat-synchronisation")).ToContainTextAsync("À jour");
        await Assertions.Expect(page.Locator("#formulaires-organisation")).ToContainTextAsync("Code du travail numérique");
        Assert.DoesNotContain(key, await page.ContentAsync(), StringComparison.Ordinal);
        await Screens.CheckAsync(page, "256-jdma-organisation-synchronisee");

        await page.GotoAsync(fixture.BaseUrl + "/admin/connecteurs");
        await Assertions.Expect(page.Locator("#connexions")).ToContainTextAsync("Organisation du parcours");
        await Screens.CheckAsync(page, "257-connecteurs-avec-organisation");

        await page.GotoAsync(fixture.BaseUrl + "/produits/parapheur/satisfaction");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Source : JDMA (Je donne mon avis)" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Connexion de l’organisation « Organisation du parcours », gérée par les administrateurs", new() { Exact = false })).ToBeVisibleAsync();
        await Screens.CheckAsync(page, "258-jdma-organisation-onglet-satisfaction");
    }
}
