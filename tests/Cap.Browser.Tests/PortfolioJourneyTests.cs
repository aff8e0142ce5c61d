using Microsoft.Playwright;

namespace Cap.Browser.Tests;

/// <summary>
/// The portfolio dashboard as a committee member uses it: from the menu, filtered by phase and health with the page's own
/// form, sorted by a column header, the CSV export of what is shown, the charts' tables and the observatory's scorecard;
/// a product owner finds the link and his products' points of attention on the home page. axe-core on every screen.
/// </summary>
public sealed class PortfolioJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private async Task<IPage> SignInAsync(string name, string returnUrl)
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(fixture.BaseUrl + "/connexion?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
        await page.GetByRole(AriaRole.Button, new() { Name = "Choisir " + name }).ClickAsync();
        return page;
    }

    [Fact]
    public async Task Committee_member_filters_sorts_and_exports_the_portfolio()
    {
        var jean = await SignInAsync("Jean Dupont", "/");
        await jean.GetByRole(AriaRole.Navigation, new() { Name = "Menu principal" }).GetByRole(AriaRole.Link, new() { Name = "Pilotage" }).ClickAsync();
        await Assertions.Expect(jean.GetByRole(AriaRole.Heading, new() { Name = "Pilotage du portefeuille", Level = 1 })).ToBeVisibleAsync();
        var all = await jean.Locator("#produits tbody tr").CountAsync();
        Assert.True(all > 20, $"{all} rows");
        await Screens.CheckAsync(jean, "p0-pilotage");

        await jean.GetByLabel("Phase", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Construction" });
        await jean.GetByRole(AriaRole.Button, new() { Name = "Filtrer" }).ClickAsync();
        await jean.WaitForURLAsync("**/pilotage?*phase=construction*");
        var construction = await jean.Locator("#produits tbody tr").CountAsync();
        Assert.InRange(construction, 1, all - 1);
        foreach (var badge in await jean.Locator("#produits tbody tr td:nth-child(2) .fr-badge").AllTextContentsAsync())
        {
            Assert.Equal("Construction", badge.Trim());
        }

        // Worst health first, from the column's header; the header says how the table is sorted.
        await jean.Locator("#produits th a[href*='tri=sante']").ClickAsync();
        await jean.WaitForURLAsync("**tri=sante*");
        await Assertions.Expect(jean.Locator("th[aria-sort='descending']")).ToContainTextAsync("Indicateurs");
        await Screens.CheckAsync(jean, "p1-pilotage-filtre-tri");

        var download = await jean.RunAndWaitForDownloadAsync(() => jean.GetByRole(AriaRole.Link, new() { Name = "Exporter en CSV" }).ClickAsync());
        var path = await download.PathAsync();
        var lines = (await File.ReadAllLinesAsync(path!)).Where(l => l.Length > 0).ToList();
        Assert.StartsWith("Produit;Identifiant", lines[0].TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Equal(construction, lines.Count - 1);
        var firstShown = (await jean.Locator("#produits tbody tr td:first-child a").First.TextContentAsync())!.Trim();
        Assert.StartsWith(firstShown, lines[1].Trim('"'), StringComparison.Ordinal);

        await jean.GotoAsync(fixture.BaseUrl + "/pilotage#graphiques");
        await Assertions.Expect(jean.GetByRole(AriaRole.Table, new() { Name = "Produits par phase et santé des indicateurs" })).ToBeVisibleAsync();
        await Assertions.Expect(jean.GetByRole(AriaRole.Table, new() { Name = "Grille de l’observatoire : produits à chaque niveau, et évolution depuis le mois précédent" })).ToBeVisibleAsync();
        await jean.Locator("#graphiques").ScrollIntoViewIfNeededAsync();
        await Screens.CheckAsync(jean, "p2-pilotage-graphiques");

        // The observatory's scorecard: availability and page load from the indicators the demo teams marked, with every level.
        var grid = jean.GetByRole(AriaRole.Table, new() { Name = "Grille de l’observatoire : produits à chaque niveau, et évolution depuis le mois précédent" });
        var uptime = grid.GetByRole(AriaRole.Row).Filter(new() { Has = jean.GetByRole(AriaRole.Rowheader, new() { Name = "Disponibilité", Exact = true }) });
        var load = grid.GetByRole(AriaRole.Row).Filter(new() { Has = jean.GetByRole(AriaRole.Rowheader, new() { Name = "Temps de chargement", Exact = true }) });
        await Assertions.Expect(uptime).ToContainTextAsync("vert > 99,9 %");
        await Assertions.Expect(load).ToContainTextAsync("vert < 0,4 s");
        await Assertions.Expect(load).ToContainTextAsync("non mesuré");
        foreach (var row in new[] { uptime, load })
        {
            // Green, amber and red each hold at least one demo product.
            foreach (var column in new[] { 3, 4, 5 }) // th, thresholds, then green, amber, red
            {
                var count = int.Parse((await row.Locator($"td:nth-child({column}) .fr-badge").TextContentAsync())!.Trim(), System.Globalization.CultureInfo.InvariantCulture);
                Assert.True(count > 0, $"column {column}: {count}");
            }
        }
        await jean.Locator("#observatoire").ScrollIntoViewIfNeededAsync();
        await Screens.CheckAsync(jean, "p2b-pilotage-observatoire");
    }

    [Fact]
    public async Task Product_owner_sees_his_products_points_of_attention_on_the_home_page()
    {
        var karim = await SignInAsync("Karim Benali", "/");
        await Assertions.Expect(karim.GetByRole(AriaRole.Heading, new() { Name = "Points d’attention de mes produits" })).ToBeVisibleAsync();
        await Screens.CheckAsync(karim, "p3-accueil-points-attention");
        await karim.GetByRole(AriaRole.Link, new() { Name = "Piloter le portefeuille" }).ClickAsync();
        await Assertions.Expect(karim.GetByRole(AriaRole.Heading, new() { Name = "Pilotage du portefeuille", Level = 1 })).ToBeVisibleAsync();

        // Where a team says which indicator gives the observatory's availability or page load: the indicator's form.
        await karim.GotoAsync(fixture.BaseUrl + "/produits/vaccin-suivi/indicateurs/nouveau");
        var measure = karim.GetByLabel("Mesure de l’observatoire");
        await Assertions.Expect(measure).ToHaveValueAsync("");
        Assert.Equal(["Aucune", "Disponibilité (observatoire)", "Temps de chargement (observatoire)"],
            (await measure.Locator("option").AllTextContentsAsync()).Select(o => o.Trim()).ToList());
        await measure.SelectOptionAsync(new SelectOptionValue { Label = "Temps de chargement (observatoire)" });
        await Assertions.Expect(karim.Locator("#Input_ObservatoryMeasure-hint")).ToContainTextAsync("0,4 s");
        await measure.ScrollIntoViewIfNeededAsync();
        await Screens.CheckAsync(karim, "p4-indicateur-mesure-observatoire");
    }
}
