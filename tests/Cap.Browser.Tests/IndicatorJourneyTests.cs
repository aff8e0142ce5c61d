using System.Globalization;
using Cap.Data.Seeding;
using Microsoft.Playwright;

namespace Cap.Browser.Tests;

/// <summary>
/// The indicators journey: the Responsable produit adds suggested indicators, completes one, enters measurements
/// (French and international decimals), sees its status, chart and table; axe-core on every new page.
/// </summary>
public sealed class IndicatorJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{

    private static string Day(int offset) => DateOnly.FromDateTime(DateTime.Now).AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Product_owner_adds_suggested_indicators_enters_measurements_and_sees_the_status()
    {
        var page = await fixture.NewPageAsync();
        var tab = $"/produits/{DemoPortfolio.JourneyProductSlug}/indicateurs";
        await page.GotoAsync(fixture.BaseUrl + "/connexion?ReturnUrl=" + Uri.EscapeDataString(tab));
        await page.GetByRole(AriaRole.Button, new() { Name = "Choisir Karim Benali" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Indicateurs", Level = 2 })).ToBeVisibleAsync();
        await Screens.CheckAsync(page, "ind-20-indicateurs");

        await page.GetByRole(AriaRole.Link, new() { Name = "Ajouter des indicateurs suggérés" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ajouter des indicateurs suggérés" })).ToBeVisibleAsync();
        await Screens.CheckAsync(page, "ind-21-suggestions");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter les indicateurs choisis" }).ClickAsync();
        await Assertions.Expect(page.GetByText("4 indicateurs sont ajoutés")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("À compléter").First).ToBeVisibleAsync();
        await Screens.CheckAsync(page, "ind-22-indicateurs-suggeres");

        await page.GetByRole(AriaRole.Link, new() { Name = "Satisfaction des usagers (JDMA)" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Satisfaction des usagers (JDMA)" })).ToBeVisibleAsync();
        await Screens.CheckAsync(page, "ind-23-indicateur-sans-mesure");

        await page.GetByRole(AriaRole.Link, new() { Name = "Modifier l’indicateur" }).ClickAsync();
        await Screens.CheckAsync(page, "ind-24-modifier-indicateur");
        await page.Locator("#Input_Baseline").FillAsync("4,5");
        await page.Locator("#Input_BaselineDate").FillAsync(Day(-90));
        await page.Locator("#Input_DataSource").FillAsync("Formulaire « Je donne mon avis »");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer les modifications" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Les modifications sont enregistrées.")).ToBeVisibleAsync();

        foreach (var (offset, value) in new[] { (-60, "5"), (-30, "5,6"), (0, "6.2") })
        {
            await page.Locator("#Measurement_Date").FillAsync(Day(offset));
            await page.Locator("#Measurement_Value").FillAsync(value);
            await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la mesure" }).ClickAsync();
            await Assertions.Expect(page.GetByText("La mesure est enregistrée.")).ToBeVisibleAsync();
        }
        await Assertions.Expect(page.Locator("#statut")).ToContainTextAsync("moindres carrés");
        await Assertions.Expect(page.Locator(".fr-badges-group").GetByText("En bonne voie")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#mesures")).ToContainTextAsync("6,2 note sur 10");
        await Assertions.Expect(page.Locator("line-chart canvas").First).ToBeAttachedAsync();
        await Screens.CheckAsync(page, "ind-25-indicateur-mesures");

        await page.Locator("#Measurement_Date").FillAsync(Day(5));
        await page.Locator("#Measurement_Value").FillAsync("beaucoup");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la mesure" }).ClickAsync();
        await Assertions.Expect(page.Locator("#Measurement_Value-messages")).ToContainTextAsync("Saisissez un nombre");
        await Assertions.Expect(page.Locator("#Measurement_Date-messages")).ToContainTextAsync("demain");
        await Screens.CheckAsync(page, "ind-26-mesure-erreurs");

        // The table lists the newest first: the oldest measurement is corrected by its date.
        var oldest = DateOnly.ParseExact(Day(-60), "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        await page.GetByRole(AriaRole.Link, new() { Name = $"Modifier la mesure du {oldest}" }).ClickAsync();
        await Screens.CheckAsync(page, "ind-27-modifier-mesure");
        await page.Locator("#Measurement_Value").FillAsync("4,9");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la mesure" }).ClickAsync();
        await Assertions.Expect(page.GetByText("La mesure est modifiée.")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Tous les indicateurs" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row, new() { Name = "Satisfaction des usagers (JDMA)" })).ToContainTextAsync("En bonne voie");
        await Screens.CheckAsync(page, "ind-28-indicateurs-statuts");

        await page.GetByRole(AriaRole.Link, new() { Name = "Ajouter un indicateur" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer l’indicateur" }).ClickAsync();
        await Assertions.Expect(page.Locator("#error-summary")).ToBeVisibleAsync();
        await Screens.CheckAsync(page, "ind-29-creer-indicateur-erreurs");

        await page.GotoAsync(fixture.BaseUrl + tab);
        await page.GetByRole(AriaRole.Link, new() { Name = "Taux d’utilisateurs actifs" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Supprimer l’indicateur" }).ClickAsync();
        await Screens.CheckAsync(page, "ind-30-supprimer-indicateur");
        await page.GetByRole(AriaRole.Button, new() { Name = "Supprimer l’indicateur" }).ClickAsync();
        await Assertions.Expect(page.GetByText("L’indicateur « Taux d’utilisateurs actifs » est supprimé.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Demo_indicator_page_shows_chart_and_table_without_accessibility_violations()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(fixture.BaseUrl + "/connexion?ReturnUrl=%2Fproduits");
        await page.GetByRole(AriaRole.Button, new() { Name = "Choisir Julie Moreau" }).ClickAsync();
        // The first demo product (in catalogue order) whose tab lists indicators.
        await page.GotoAsync(fixture.BaseUrl + "/produits?taille=100");
        var slugs = await page.Locator("main a[href^='/produits/']").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        foreach (var href in slugs.Where(h => h.Count(c => c == '/') == 2).Distinct())
        {
            await page.GotoAsync(fixture.BaseUrl + href + "/indicateurs");
            if (await page.Locator("table th a").CountAsync() > 0)
            {
                break;
            }
        }
        await Assertions.Expect(page.Locator("table th a").First).ToBeVisibleAsync();
        await Screens.CheckAsync(page, "ind-31-indicateurs-demo");
        await page.Locator("table th a").First.ClickAsync();
        await Assertions.Expect(page.Locator("#mesures")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("line-chart canvas").First).ToBeAttachedAsync();
        await Screens.CheckAsync(page, "ind-32-indicateur-demo");
    }
}
