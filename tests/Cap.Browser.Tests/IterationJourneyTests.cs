using System.Globalization;
using Microsoft.Playwright;

namespace Cap.Browser.Tests;

/// <summary>
/// Iterations as the Responsable produit runs them: two initiatives on the roadmap, two iterations planned (one refused
/// first for its length), the first reviewed with one initiative unfinished and carried over into the second, and the
/// cadence on the product page; axe-core on the list, the forms, the iteration page and the product page.
/// </summary>
public sealed class IterationJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Product = "/produits/vaccin-suivi";

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Owner_runs_two_iterations_with_a_carry_over_and_sees_the_cadence()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(fixture.BaseUrl + "/connexion?ReturnUrl=" + Uri.EscapeDataString(Product + "/feuille-de-route/initiatives/nouvelle"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Choisir Karim Benali" }).ClickAsync();
        var today = DateOnly.FromDateTime(Cap.Web.Shared.Dates.ToParis(DateTimeOffset.UtcNow).DateTime);
        var month = new DateOnly(today.Year, today.Month, 1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        foreach (var title in new[] { "Rappel de vaccination par SMS", "Carnet de vaccination en ligne" })
        {
            await page.GotoAsync(fixture.BaseUrl + Product + "/feuille-de-route/initiatives/nouvelle");
            await page.GetByLabel("Titre").FillAsync(title);
            await page.GetByLabel("Type").SelectOptionAsync(new SelectOptionValue { Label = "Fonctionnalité" });
            await page.GetByLabel("Objectif servi").SelectOptionAsync(new SelectOptionValue { Index = 1 });
            await page.GetByLabel("Début de la période").FillAsync(month);
            await page.GetByLabel("Fin de la période").FillAsync(month);
            await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter l’initiative" }).ClickAsync();
            await Assertions.Expect(page.GetByText($"L’initiative « {title} » est enregistrée.")).ToBeVisibleAsync();
        }

        await page.GetByRole(AriaRole.Link, new() { Name = "Itérations", Exact = true }).First.ClickAsync();
        await Assertions.Expect(page.GetByText("Aucune itération n’est encore planifiée.")).ToBeVisibleAsync();
        await Screens.CheckAsync(page, "a0-iterations-vide");

        // Iteration 1: running since a week. A first try too long is refused in French.
        await page.GetByRole(AriaRole.Link, new() { Name = "Planifier une itération" }).ClickAsync();
        await page.GetByLabel("Premier jour").FillAsync(Iso(today.AddDays(-7)));
        await page.GetByLabel("Dernier jour").FillAsync(Iso(today.AddDays(40)));
        await page.GetByLabel("Objectif de l’itération").FillAsync("Tester le rappel par SMS avec dix usagers.");
        await page.GetByLabel("Rappel de vaccination par SMS").CheckAsync(new() { Force = true });
        await page.GetByLabel("Carnet de vaccination en ligne").CheckAsync(new() { Force = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "Planifier l’itération" }).ClickAsync();
        await Assertions.Expect(page.Locator("#Input_End-messages")).ToContainTextAsync("au plus 6 semaines (42 jours) : celle-ci en compte 48");
        await Screens.CheckAsync(page, "a1-iteration-erreur");
        await page.GetByLabel("Dernier jour").FillAsync(Iso(today.AddDays(6)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Planifier l’itération" }).ClickAsync();
        await Assertions.Expect(page.GetByText("L’itération 1 est planifiée.")).ToBeVisibleAsync();

        // Iteration 2: dates offered right after the first.
        await page.GotoAsync(fixture.BaseUrl + Product + "/iterations/nouvelle");
        await Assertions.Expect(page.GetByLabel("Premier jour")).ToHaveValueAsync(Iso(today.AddDays(7)));
        await page.GetByLabel("Objectif de l’itération").FillAsync("Ouvrir le carnet en ligne à tous les usagers.");
        await Screens.CheckAsync(page, "a2-iteration-formulaire");
        await page.GetByRole(AriaRole.Button, new() { Name = "Planifier l’itération" }).ClickAsync();
        await Assertions.Expect(page.GetByText("L’itération 2 est planifiée.")).ToBeVisibleAsync();

        // Review of iteration 1: the SMS is done, the carnet is not.
        await page.GotoAsync(fixture.BaseUrl + Product + "/iterations/1");
        await page.GetByRole(AriaRole.Link, new() { Name = "Faire la revue" }).ClickAsync();
        await page.GetByLabel("Rappel de vaccination par SMS").SelectOptionAsync(new SelectOptionValue { Label = "Terminée" });
        await page.GetByLabel("Carnet de vaccination en ligne").SelectOptionAsync(new SelectOptionValue { Label = "Non terminée" });
        await page.GetByLabel("Ce qui a été livré").FillAsync("Le rappel par SMS est envoyé aux usagers volontaires.");
        await page.GetByLabel("Ce qui a été appris").FillAsync("Les usagers préfèrent un rappel la veille au soir.");
        await page.GetByLabel("Date de la démonstration").FillAsync(Iso(today));
        await page.GetByLabel("Public de la démonstration").FillAsync("l’équipe métier");
        await Screens.CheckAsync(page, "a3-iteration-revue");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la revue" }).ClickAsync();
        await Assertions.Expect(page.GetByText("La revue de l’itération 1 est enregistrée.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Le rappel par SMS est envoyé aux usagers volontaires.")).ToBeVisibleAsync();
        await Screens.CheckAsync(page, "a4-iteration-page");

        await page.GetByRole(AriaRole.Button, new() { Name = "Reporter sur l’itération 2" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Les initiatives non terminées sont reportées sur l’itération 2.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Itération 2" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("reportée de l’itération 1")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Tenir la rétrospective" })).ToHaveCountAsync(0);
        await Screens.CheckAsync(page, "a5-iteration-reportee");

        await page.GetByRole(AriaRole.Link, new() { Name = "Toutes les itérations" }).ClickAsync();
        await Assertions.Expect(page.Locator("tr.cap-iteration--current")).ToContainTextAsync("Itération 1");
        await Screens.CheckAsync(page, "a6-iterations-liste");

        await page.GotoAsync(fixture.BaseUrl + Product);
        var panel = page.Locator(".fr-card", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Cadence des itérations" }) });
        await Assertions.Expect(panel).ToContainTextAsync("Une itération est en cours");
        await Assertions.Expect(panel.GetByRole(AriaRole.Link, new() { Name = "Voir les itérations" })).ToBeVisibleAsync();
        await Screens.CheckAsync(page, "a7-produit-cadence");
    }
}
