using Microsoft.Playwright;

namespace Cap.Browser.Tests;

/// <summary>
/// The life cycle as people use it: the Responsable produit marks a deliverable provided with a link (after a bad link
/// is refused), an administrator moves the phase with a reason, and the timeline and the phase badge show it at once;
/// axe-core on the tab in each state.
/// </summary>
public sealed class LifeCycleJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Tab = "/produits/vaccin-suivi/cycle-de-vie";
    private const string Deliverable = "Déclaration d’accessibilité publiée";

    private async Task<IPage> SignInAsync(string name, string returnUrl)
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(fixture.BaseUrl + "/connexion?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
        await page.GetByRole(AriaRole.Button, new() { Name = "Choisir " + name }).ClickAsync();
        return page;
    }

    [Fact]
    public async Task Owner_provides_a_deliverable_and_an_administrator_moves_the_phase_with_a_reason()
    {
        var karim = await SignInAsync("Karim Benali", Tab);
        await Assertions.Expect(karim.GetByRole(AriaRole.Heading, new() { Name = "Phase actuelle", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(karim.GetByRole(AriaRole.Link, new() { Name = "Cycle de vie" })).ToHaveAttributeAsync("aria-current", "page");
        await Screens.CheckAsync(karim, "60-cycle-de-vie");

        await karim.GetByLabel("Fourni : " + Deliverable).CheckAsync(new() { Force = true });
        var link = karim.GetByLabel($"Lien vers « {Deliverable} »");
        await link.FillAsync("intranet/declaration");
        await karim.GetByRole(AriaRole.Button, new() { Name = $"Enregistrer le livrable « {Deliverable} »" }).ClickAsync();
        await Assertions.Expect(karim.GetByText("Saisissez une adresse web complète commençant par https://").First).ToBeVisibleAsync();
        await Screens.CheckAsync(karim, "61-cycle-de-vie-lien-refuse");

        await link.FillAsync("https://vaccin-suivi.demo.social.gouv.fr/accessibilite");
        await karim.GetByRole(AriaRole.Button, new() { Name = $"Enregistrer le livrable « {Deliverable} »" }).ClickAsync();
        await Assertions.Expect(karim.GetByText($"Le livrable « {Deliverable} » est enregistré.")).ToBeVisibleAsync();
        var item = karim.Locator("#livrable-declaration-accessibilite");
        await Assertions.Expect(item.GetByText("Fourni", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(item.GetByText("Mis à jour par Karim Benali")).ToBeVisibleAsync();
        await Assertions.Expect(item.GetByRole(AriaRole.Link, new() { Name = "https://vaccin-suivi.demo.social.gouv.fr/accessibilite" })).ToBeVisibleAsync();
        // An owner does not override the phase.
        await Assertions.Expect(karim.GetByRole(AriaRole.Heading, new() { Name = "Changer la phase (administrateur)" })).ToHaveCountAsync(0);

        var camille = await SignInAsync("Camille Martin", Tab);
        await camille.GetByRole(AriaRole.Button, new() { Name = "Phase Idée" }).ClickAsync();
        await Assertions.Expect(camille.GetByText("Vision du produit").First).ToBeVisibleAsync();
        await Screens.CheckAsync(camille, "62-cycle-de-vie-administrateur");

        await camille.GetByLabel("Nouvelle phase").SelectOptionAsync(new SelectOptionValue { Label = "Généralisation" });
        await camille.GetByLabel("Motif").FillAsync("Go pour la généralisation donné par le comité du 20 novembre, saisi par le bureau des produits.");
        await camille.GetByRole(AriaRole.Button, new() { Name = "Changer la phase" }).ClickAsync();
        await Assertions.Expect(camille.GetByText("Le produit passe en phase Généralisation.")).ToBeVisibleAsync();
        await Assertions.Expect(camille.GetByText("Phase : Généralisation")).ToBeVisibleAsync();
        var current = camille.Locator("ol.cap-timeline > li").Last;
        await Assertions.Expect(current).ToContainTextAsync("phase actuelle");
        await Assertions.Expect(current).ToContainTextAsync("Passage de la phase Construction à la phase Généralisation");
        await Assertions.Expect(current).ToContainTextAsync("Correction par un administrateur, par Camille Martin. Motif : Go pour la généralisation");
        await Screens.CheckAsync(camille, "63-cycle-de-vie-phase-changee");

        await camille.GotoAsync(fixture.BaseUrl + "/produits?phase=generalisation&q=vaccin");
        await Assertions.Expect(camille.GetByRole(AriaRole.Link, new() { Name = "Vaccin Suivi" })).ToBeVisibleAsync();
    }
}
