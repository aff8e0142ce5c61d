using Microsoft.Playwright;

namespace Cap.Browser.Tests;

/// <summary>
/// The portfolio's open data: the Responsable produit of Vaccin Suivi (which publishes nothing in the demo) reads the
/// preview, publishes the product, its satisfaction and one indicator; a visitor, not signed in, finds it on the public
/// page and downloads the CSV. axe-core on every screen.
/// </summary>
public sealed class OpenDataJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Tab = "/produits/vaccin-suivi/donnees-ouvertes";

    [Fact]
    public async Task Owner_publishes_the_product_and_a_visitor_finds_it_on_the_public_page()
    {
        var karim = await fixture.NewPageAsync();
        await karim.GotoAsync(fixture.BaseUrl + "/connexion?ReturnUrl=" + Uri.EscapeDataString(Tab));
        await karim.GetByRole(AriaRole.Button, new() { Name = "Choisir Karim Benali" }).ClickAsync();
        await Assertions.Expect(karim.GetByRole(AriaRole.Heading, new() { Name = "Données ouvertes", Level = 2 })).ToBeVisibleAsync();
        await Assertions.Expect(karim.GetByText("Ce produit n’est pas publié")).ToBeVisibleAsync();
        await Screens.CheckAsync(karim, "191-donnees-ouvertes-apercu");

        await karim.Locator("label[for='Input_Publish-oui']").ClickAsync();
        await karim.Locator("label[for='Input_Satisfaction-oui']").ClickAsync();
        var firstIndicator = karim.Locator("fieldset#Input_IndicatorIds input[type=checkbox]").First;
        var indicatorId = await firstIndicator.GetAttributeAsync("id");
        var indicatorName = (await karim.Locator($"label[for='{indicatorId}']").InnerTextAsync()).Split('\n')[0].Trim();
        await karim.Locator($"label[for='{indicatorId}']").ClickAsync();
        await Screens.CheckAsync(karim, "192-donnees-ouvertes-choix");
        await karim.GetByRole(AriaRole.Button, new() { Name = "Enregistrer les choix de publication" }).ClickAsync();
        await Assertions.Expect(karim.GetByText("le produit figure dans les données ouvertes")).ToBeVisibleAsync();
        await Assertions.Expect(karim.GetByText("Ce produit est publié", new() { Exact = true })).ToBeVisibleAsync();
        await Screens.CheckAsync(karim, "193-donnees-ouvertes-publie");

        var visitor = await fixture.NewPageAsync();
        await visitor.GotoAsync(fixture.BaseUrl + "/");
        await visitor.GetByRole(AriaRole.Link, new() { Name = "Données ouvertes" }).ClickAsync();
        await Assertions.Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "Données ouvertes des produits numériques", Level = 1 })).ToBeVisibleAsync();
        var products = visitor.Locator("#table-produits");
        await Assertions.Expect(products.GetByText("Vaccin Suivi", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(products.GetByText("Code du travail numérique", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(products.GetByText("Annuaire Téléconsultation")).ToHaveCountAsync(0);
        await Assertions.Expect(visitor.Locator("#table-indicateurs").GetByText(indicatorName, new() { Exact = true })).ToBeVisibleAsync();
        await Screens.CheckAsync(visitor, "194-donnees-ouvertes-publique");

        var download = await visitor.RunAndWaitForDownloadAsync(() => visitor.GetByRole(AriaRole.Link, new() { Name = "Produits CSV" }).ClickAsync());
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.StartsWith("identifiant,nom,description,", csv, StringComparison.Ordinal);
        Assert.Contains("vaccin-suivi,Vaccin Suivi,", csv, StringComparison.Ordinal);
    }
}
