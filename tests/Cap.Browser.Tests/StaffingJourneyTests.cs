using Microsoft.Playwright;

namespace Cap.Browser.Tests;

/// <summary>
/// Team staffing as a product team does it: the Responsable produit of Vaccin Suivi sees that the responsable métier gives the
/// product only 50 % of their time, corrects the share (a refused entry first) and the warning goes; then takes the designer's
/// role off a maker and « Pas de designer » appears. A reader sees the tab without its forms. axe-core on every screen.
/// </summary>
public sealed class StaffingJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Tab = "/produits/vaccin-suivi/equipe";

    private async Task<IPage> SignInAsync(string name, string returnUrl)
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(fixture.BaseUrl + "/connexion?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
        await page.GetByRole(AriaRole.Button, new() { Name = "Choisir " + name }).ClickAsync();
        return page;
    }

    [Fact]
    public async Task Owner_corrects_the_business_owners_share_and_takes_the_designer_role_off()
    {
        var karim = await SignInAsync("Karim Benali", Tab);
        await Assertions.Expect(karim.GetByRole(AriaRole.Heading, new() { Name = "Équipe du produit", Level = 2 })).ToBeVisibleAsync();
        await Assertions.Expect(karim.GetByRole(AriaRole.Heading, new() { Name = "Responsable métier sous 60 %" })).ToBeVisibleAsync();
        await Assertions.Expect(karim.GetByText("y consacre 50 % de son temps")).ToBeVisibleAsync();
        await Assertions.Expect(karim.GetByRole(AriaRole.Table, new() { Name = "Responsabilités du responsable métier et du responsable produit" })).ToBeVisibleAsync();
        await Screens.CheckAsync(karim, "190-equipe-alerte-rm");

        var rmRow = karim.Locator("#membres tbody tr", new() { HasText = "Responsable métier" });
        await rmRow.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Modifier") }).ClickAsync();
        await Assertions.Expect(karim.GetByRole(AriaRole.Heading, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Rôles et part de temps de") })).ToBeVisibleAsync();
        await karim.GetByLabel("Part de temps consacrée au produit (%)").FillAsync("soixante-dix");
        await karim.GetByRole(AriaRole.Button, new() { Name = "Enregistrer", Exact = true }).ClickAsync();
        await Assertions.Expect(karim.Locator("#Input_TimeShare-messages")).ToContainTextAsync("Saisissez un nombre entier entre 1 et 100");
        await Screens.CheckAsync(karim, "191-equipe-membre-erreur");

        await karim.GetByLabel("Part de temps consacrée au produit (%)").FillAsync("70");
        await karim.GetByRole(AriaRole.Button, new() { Name = "Enregistrer", Exact = true }).ClickAsync();
        await Assertions.Expect(karim.GetByText("sont enregistrés.")).ToBeVisibleAsync();
        await Assertions.Expect(karim.GetByText("La composition de l’équipe suit le guide pour la phase Construction.")).ToBeVisibleAsync();
        await Assertions.Expect(karim.GetByRole(AriaRole.Heading, new() { Name = "Responsable métier sous 60 %" })).Not.ToBeVisibleAsync();
        await Screens.CheckAsync(karim, "192-equipe-conforme");

        var designerRow = karim.Locator("#membres tbody tr", new() { HasText = "Designer" });
        await designerRow.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Modifier") }).ClickAsync();
        await Assertions.Expect(karim.Locator("#Input_Roles-Designer")).ToBeCheckedAsync();
        await Screens.CheckAsync(karim, "193-equipe-membre-formulaire");
        await karim.Locator("label[for='Input_Roles-Designer']").ClickAsync();
        await karim.GetByRole(AriaRole.Button, new() { Name = "Enregistrer", Exact = true }).ClickAsync();
        await Assertions.Expect(karim.GetByRole(AriaRole.Heading, new() { Name = "Pas de designer" })).ToBeVisibleAsync();
        await Screens.CheckAsync(karim, "194-equipe-pas-de-designer");
    }

    [Fact]
    public async Task A_reader_sees_the_warnings_and_the_split_without_the_forms()
    {
        var reader = await SignInAsync("Hélène Petit", "/produits/mon-parcours-emploi/equipe");
        await Assertions.Expect(reader.GetByRole(AriaRole.Heading, new() { Name = "Pas de designer" })).ToBeVisibleAsync();
        await Assertions.Expect(reader.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Modifier") })).ToHaveCountAsync(0);
        await Assertions.Expect(reader.GetByRole(AriaRole.Table, new() { Name = "Rôles demandés à chaque phase" })).ToBeVisibleAsync();
        await Screens.CheckAsync(reader, "195-equipe-lecteur");
    }
}
