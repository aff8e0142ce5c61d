using System.Globalization;
using Microsoft.Playwright;

namespace Cap.Browser.Tests;

/// <summary>
/// The roadmap as the Responsable produit plans it: an initiative and a risk, seen in the list, the calendar and
/// the risk matrix; a share link opened without signing in; axe-core on the tab, the forms and the share page.
/// </summary>
public sealed class RoadmapJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Roadmap = "/produits/vaccin-suivi/feuille-de-route";

    [Fact]
    public async Task Owner_plans_an_initiative_and_a_risk_and_shares_the_roadmap()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(fixture.BaseUrl + "/connexion?ReturnUrl=" + Uri.EscapeDataString(Roadmap));
        await page.GetByRole(AriaRole.Button, new() { Name = "Choisir Karim Benali" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Initiatives par objectif" })).ToBeVisibleAsync();
        await Screens.CheckAsync(page, "90-feuille-de-route-vide");

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var month = new DateOnly(today.Year, today.Month, 1);
        await page.GetByRole(AriaRole.Link, new() { Name = "Modifier l’horizon et les priorités" }).ClickAsync();
        await page.GetByLabel("Début de l’horizon").FillAsync(month.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByLabel("Fin de l’horizon").FillAsync(month.AddMonths(4).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.Locator("input[name='Input.PriorityObjectiveIds']").First.CheckAsync(new() { Force = true });
        await Screens.CheckAsync(page, "91-feuille-de-route-horizon");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Assertions.Expect(page.GetByText("L’horizon et les objectifs prioritaires sont enregistrés.")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Ajouter une initiative" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter l’initiative" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Saisissez le titre de l’initiative.").First).ToBeVisibleAsync();
        await Screens.CheckAsync(page, "92-initiative-erreurs");
        await page.GetByLabel("Titre").FillAsync("Rappel de vaccination par SMS");
        await page.GetByLabel("Type").SelectOptionAsync(new SelectOptionValue { Label = "Expérimentation" });
        await page.GetByLabel("Objectif servi").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByLabel("Début de la période").FillAsync(month.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        await page.GetByLabel("Fin de la période").FillAsync(month.AddMonths(1).ToString("yyyy-MM", CultureInfo.InvariantCulture));
        await page.GetByLabel("Statut").SelectOptionAsync(new SelectOptionValue { Label = "En cours" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter l’initiative" }).ClickAsync();
        await Assertions.Expect(page.GetByText("L’initiative « Rappel de vaccination par SMS » est enregistrée.")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Ajouter un risque" }).ClickAsync();
        await page.GetByLabel("Titre").FillAsync("SMS bloqués par les opérateurs");
        await page.Locator("#Input_Probability").SelectOptionAsync(new SelectOptionValue { Value = "2" });
        await page.Locator("#Input_Impact").SelectOptionAsync(new SelectOptionValue { Value = "3" });
        await page.GetByLabel("Mesure de réduction (facultative)").FillAsync("Envoi de secours par courriel.");
        await page.GetByLabel("Porteur dans l’équipe (facultatif)").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await Screens.CheckAsync(page, "93-risque");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le risque" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Le risque « SMS bloqués par les opérateurs » est enregistré.")).ToBeVisibleAsync();

        await Assertions.Expect(page.GetByText("Statut : En cours")).ToBeVisibleAsync();
        var matrix = page.Locator("table", new() { Has = page.Locator("caption", new() { HasText = "Matrice des risques" }) });
        await Assertions.Expect(matrix.Locator("tr", new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "Impact 3 (fort)" }) }).Locator("td").Nth(1))
            .ToContainTextAsync("SMS bloqués par les opérateurs");
        await Screens.CheckAsync(page, "94-feuille-de-route-liste");

        await page.GetByRole(AriaRole.Link, new() { Name = "Calendrier", Exact = true }).ClickAsync();
        var row = page.Locator("table").First.Locator("tr", new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "Rappel de vaccination par SMS" }) });
        await Assertions.Expect(row.Locator("td").First).ToHaveTextAsync("■ en cours");
        await Screens.CheckAsync(page, "95-feuille-de-route-calendrier");

        await page.GetByRole(AriaRole.Link, new() { Name = "Historique de la feuille de route" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Risque « SMS bloqués par les opérateurs » ajouté", new() { Exact = false })).ToBeVisibleAsync();
        await Screens.CheckAsync(page, "96-feuille-de-route-historique");

        await page.GetByRole(AriaRole.Link, new() { Name = "Lien de partage" }).ClickAsync();
        await page.GetByLabel("Nom du lien").FillAsync("Comité de pilotage");
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer un lien de partage" }).ClickAsync();
        var link = (await page.Locator("#new-share-link").TextContentAsync())!.Trim();
        await Screens.CheckAsync(page, "97-feuille-de-route-partage");

        var visitor = await fixture.NewPageAsync();
        await visitor.GotoAsync(link);
        await Assertions.Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "Feuille de route de « Vaccin Suivi »" })).ToBeVisibleAsync();
        await Assertions.Expect(visitor.GetByText("SMS bloqués par les opérateurs").First).ToBeVisibleAsync();
        Assert.Equal(0, await visitor.Locator("form").CountAsync());
        await Screens.CheckAsync(visitor, "98-feuille-de-route-partagee");
    }
}
