using System.Globalization;
using Microsoft.Playwright;

namespace Cap.Browser.Tests;

/// <summary>
/// The coaching journey as people would do it in the demo: Karim Benali asks for an « atelier de cadrage produit » for
/// Vaccin Suivi from the product's tab; Sophie Bernard (coach) finds it in the triage queue, accepts it, schedules it,
/// records the session and closes it; Karim rates it. axe-core with zero violations on every coaching page.
/// </summary>
public sealed class CoachingJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Tab = "/produits/vaccin-suivi/accompagnement";

    private async Task<IPage> SignInAsync(string name, string returnUrl)
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(fixture.BaseUrl + "/connexion?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
        await page.GetByRole(AriaRole.Button, new() { Name = "Choisir " + name }).ClickAsync();
        return page;
    }

    [Fact]
    public async Task Team_asks_for_a_framing_workshop_coach_runs_it_and_the_team_rates_it()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var karim = await SignInAsync("Karim Benali", Tab);
        await Assertions.Expect(karim.GetByRole(AriaRole.Heading, new() { Name = "Besoins identifiés par le comité" })).ToBeVisibleAsync();
        await Screens.CheckAsync(karim, "coaching-0-accompagnement-onglet");

        await karim.GetByRole(AriaRole.Link, new() { Name = "Demander un accompagnement" }).ClickAsync();
        await karim.GetByRole(AriaRole.Button, new() { Name = "Envoyer la demande" }).ClickAsync();
        await Assertions.Expect(karim.GetByText("Décrivez votre besoin avec vos mots.").First).ToBeVisibleAsync();
        await Screens.CheckAsync(karim, "coaching-1-demande-erreurs");
        await karim.GetByLabel("Accompagnement souhaité").SelectOptionAsync(new SelectOptionValue { Label = "Atelier de cadrage produit" });
        await karim.GetByLabel("Votre besoin").FillAsync("Nous voulons une vision partagée avant le prochain comité.");
        await karim.GetByLabel("Contexte (facultatif)").FillAsync("Équipe renouvelée cet automne.");
        await karim.GetByLabel("Urgence").SelectOptionAsync(new SelectOptionValue { Label = "Haute" });
        await karim.GetByLabel("Disponibilités (facultatif)").FillAsync("Les mardis après-midi.");
        await karim.GetByRole(AriaRole.Button, new() { Name = "Envoyer la demande" }).ClickAsync();
        await Assertions.Expect(karim.GetByText("Votre demande est envoyée aux coachs", new() { Exact = false })).ToBeVisibleAsync();
        var requestUrl = new Uri(karim.Url).AbsolutePath;
        await Screens.CheckAsync(karim, "coaching-2-demande-envoyee");

        var sophie = await SignInAsync("Sophie Bernard", "/accompagnement/demandes");
        await Assertions.Expect(sophie.GetByRole(AriaRole.Heading, new() { Name = "À instruire" })).ToBeVisibleAsync();
        await Screens.CheckAsync(sophie, "coaching-3-file-de-tri");
        await sophie.Locator($"a[href='{requestUrl}']").First.ClickAsync();
        await sophie.GetByRole(AriaRole.Button, new() { Name = "Accepter la demande" }).ClickAsync();
        await Assertions.Expect(sophie.GetByText("La demande est acceptée.")).ToBeVisibleAsync();
        await Screens.CheckAsync(sophie, "coaching-4-demande-acceptee");
        await sophie.GetByLabel("Date de la première séance").FillAsync(today.AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await sophie.GetByRole(AriaRole.Button, new() { Name = "Planifier" }).ClickAsync();
        await Assertions.Expect(sophie.GetByText("La demande est planifiée.")).ToBeVisibleAsync();

        await sophie.GetByLabel("Participants").FillAsync("Karim Benali, Sophie Bernard, Emma Faure");
        await sophie.GetByLabel("Ce qui a été fait").FillAsync("Atelier vision : problèmes, usagers, proposition de valeur.");
        await sophie.GetByLabel("Prochaines étapes (facultatif)").FillAsync("L’équipe rédige la vision dans Cap.");
        await sophie.GetByLabel("Documents et liens (facultatif)").FillAsync("https://example.org/atelier-vision.pdf");
        await sophie.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la séance" }).ClickAsync();
        await Assertions.Expect(sophie.GetByText("La séance est enregistrée.")).ToBeVisibleAsync();
        await Assertions.Expect(sophie.GetByText("En cours", new() { Exact = true }).First).ToBeVisibleAsync();

        await sophie.GetByLabel("Résultat de l’accompagnement").FillAsync("Vision rédigée et partagée avec la direction métier.");
        await sophie.Locator("label[for='close-AutonomyGained-oui']").ClickAsync();
        await Screens.CheckAsync(sophie, "coaching-5-demande-en-cours");
        await sophie.GetByRole(AriaRole.Button, new() { Name = "Terminer l’accompagnement" }).ClickAsync();
        await Assertions.Expect(sophie.GetByText("L’accompagnement est terminé", new() { Exact = false })).ToBeVisibleAsync();

        await sophie.GotoAsync(fixture.BaseUrl + "/accompagnement/coachs");
        await Assertions.Expect(sophie.GetByRole(AriaRole.Heading, new() { Name = "Produits suivis et météo" })).ToBeVisibleAsync();
        await Screens.CheckAsync(sophie, "coaching-6-vue-des-coachs");

        await karim.GotoAsync(fixture.BaseUrl + requestUrl);
        await karim.Locator("label[for='rate-Rating-5']").ClickAsync();
        await karim.GetByLabel("Commentaire (facultatif)").FillAsync("Très utile, merci !");
        await Screens.CheckAsync(karim, "coaching-7-evaluation");
        await karim.GetByRole(AriaRole.Button, new() { Name = "Envoyer mon évaluation" }).ClickAsync();
        await Assertions.Expect(karim.GetByText("5/5 par Karim Benali — « Très utile, merci ! »")).ToBeVisibleAsync();
        await Assertions.Expect(karim.GetByText("Atelier vision : problèmes, usagers, proposition de valeur.")).ToBeVisibleAsync();
        await Screens.CheckAsync(karim, "coaching-8-demande-terminee");

        await karim.GotoAsync(fixture.BaseUrl + "/accompagnement");
        await Assertions.Expect(karim.GetByRole(AriaRole.Heading, new() { Name = "Les accompagnements proposés" })).ToBeVisibleAsync();
        await Screens.CheckAsync(karim, "coaching-9-etre-accompagne");

        var camille = await SignInAsync("Camille Martin", "/accompagnement/catalogue/1/modifier");
        await Assertions.Expect(camille.GetByRole(AriaRole.Heading, new() { Name = "Modifier l’accompagnement" })).ToBeVisibleAsync();
        await Screens.CheckAsync(camille, "coaching-a-catalogue-modifier");
    }
}
