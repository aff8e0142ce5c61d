using Cap.Data.Seeding;
using Microsoft.Playwright;

namespace Cap.Browser.Tests;

/// <summary>
/// The foundation's journey as a person would do it: demo sign-in → catalogue → filter → open a
/// product → edit it as its Responsable produit → see the change in its history; axe-core on every page.
/// </summary>
public sealed class CatalogueJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{

    [Fact]
    public async Task Product_owner_edits_a_product_and_sees_the_change_in_its_history()
    {
        var page = await fixture.NewPageAsync();

        await page.GotoAsync(fixture.BaseUrl + "/");
        await Screens.CheckAsync(page, "01-accueil-anonyme");

        await page.GetByRole(AriaRole.Link, new() { Name = "Se connecter" }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Se connecter à Cap" })).ToBeVisibleAsync();
        await Screens.CheckAsync(page, "02-connexion");
        await page.GetByRole(AriaRole.Button, new() { Name = "Choisir Karim Benali" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Bonjour Karim Benali.")).ToBeVisibleAsync();
        await Screens.CheckAsync(page, "03-accueil-connecte");

        await page.GetByRole(AriaRole.Link, new() { Name = "Voir le catalogue des produits" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Catalogue des produits" })).ToBeVisibleAsync();
        await Screens.CheckAsync(page, "04-catalogue");

        await page.GetByLabel("Domaine").SelectOptionAsync(new SelectOptionValue { Label = "Santé" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Filtrer" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("domaine=SANTE"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "7 produits" })).ToBeVisibleAsync();
        await Screens.CheckAsync(page, "05-catalogue-filtre");

        await page.GetByRole(AriaRole.Link, new() { Name = "Vaccin Suivi" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Vaccin Suivi", Level = 1 })).ToBeVisibleAsync();
        await Screens.CheckAsync(page, "06-fiche-produit");

        await page.GetByRole(AriaRole.Link, new() { Name = "Modifier le produit" }).ClickAsync();
        await Screens.CheckAsync(page, "07-modifier");
        const string newSummary = "Carnet de vaccination partagé entre professionnels de santé et patients, mis à jour en temps réel.";
        await page.GetByLabel("Résumé").FillAsync(newSummary);
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer les modifications" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Les modifications sont enregistrées.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText(newSummary)).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Historique" }).ClickAsync();
        var firstRow = page.Locator("#audit tbody tr").First;
        await Assertions.Expect(firstRow).ToContainTextAsync("Karim Benali");
        await Assertions.Expect(firstRow).ToContainTextAsync("Modification");
        await Assertions.Expect(firstRow).ToContainTextAsync(newSummary);
        await Screens.CheckAsync(page, "08-historique");

        await page.GetByRole(AriaRole.Link, new() { Name = "Équipe" }).ClickAsync();
        await Assertions.Expect(page.Locator("#membres").GetByRole(AriaRole.Cell, new() { Name = "Responsable produit", Exact = true }).First).ToBeVisibleAsync();
        await Screens.CheckAsync(page, "09-equipe");
        Assert.Equal(DemoPortfolio.JourneyProductSlug, new Uri(page.Url).Segments[2].TrimEnd('/'));
    }

    [Fact]
    public async Task Invalid_product_form_shows_french_errors_beside_fields_and_keeps_the_input()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(fixture.BaseUrl + "/connexion?ReturnUrl=%2Fproduits%2Fnouveau");
        await page.GetByRole(AriaRole.Button, new() { Name = "Choisir Julie Moreau" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Créer un produit" })).ToBeVisibleAsync();
        await Screens.CheckAsync(page, "10-creer");

        await page.GetByLabel("Nom du produit").FillAsync("Mon nouveau service");
        await page.GetByLabel("Adresse du service").FillAsync("pas une adresse");
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer le produit" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Le formulaire contient" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Saisissez le résumé.").Last).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Choisissez la direction qui porte le produit.").Last).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Nom du produit")).ToHaveValueAsync("Mon nouveau service");
        await Assertions.Expect(page.GetByLabel("Résumé")).ToHaveAttributeAsync("aria-invalid", "true");
        await Screens.CheckAsync(page, "11-creer-erreurs");
    }

    [Fact]
    public async Task Administration_pages_are_accessible()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(fixture.BaseUrl + "/connexion?ReturnUrl=%2Fadmin");
        await page.GetByRole(AriaRole.Button, new() { Name = "Choisir Camille Martin" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Administration", Level = 1 })).ToBeVisibleAsync();
        await Screens.CheckAsync(page, "20-admin");
        foreach (var (path, name) in new[]
        {
            ("/admin/referentiels/directions", "21-directions"),
            ("/admin/referentiels/directions/nouveau", "22-direction-nouvelle"),
            ("/admin/personnes", "23-personnes"),
            ("/admin/personnes/nouveau", "24-personne-nouvelle"),
            ("/admin/journal", "25-journal"),
            ("/compte", "26-compte"),
            ("/accessibilite", "27-accessibilite"),
            ("/mentions-legales", "28-mentions"),
            ("/donnees-personnelles", "29-donnees"),
            ("/produits/inconnu", "30-introuvable"),
        })
        {
            await page.GotoAsync(fixture.BaseUrl + path);
            await Screens.CheckAsync(page, name);
        }
    }
}
