using System.Globalization;
using Microsoft.Playwright;

namespace Cap.Browser.Tests;

/// <summary>
/// Compliance as a product team fills it: the Responsable produit of Vaccin Suivi fills the compliance record (a refused
/// form first), sees its points of attention, opens an agrément SIG request and records the agrément de principe and the
/// agrément définitif with its checks; a committee member reads a demo product's flags. axe-core on every screen.
/// </summary>
public sealed class ComplianceJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Tab = "/produits/vaccin-suivi/conformite";

    private static string Iso(DateTime day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<IPage> SignInAsync(string name, string returnUrl)
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(fixture.BaseUrl + "/connexion?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
        await page.GetByRole(AriaRole.Button, new() { Name = "Choisir " + name }).ClickAsync();
        return page;
    }

    [Fact]
    public async Task Owner_fills_the_record_and_follows_the_agrement_SIG_to_the_end()
    {
        var today = DateTime.Today;
        var karim = await SignInAsync("Karim Benali", Tab);
        await Assertions.Expect(karim.GetByRole(AriaRole.Heading, new() { Name = "Conformité", Level = 2 })).ToBeVisibleAsync();
        await Screens.CheckAsync(karim, "180-conformite-vide");

        await karim.GetByRole(AriaRole.Link, new() { Name = "Remplir la fiche de conformité" }).ClickAsync();
        await karim.GetByLabel("Taux de conformité (%)").FillAsync("soixante");
        await karim.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la fiche" }).ClickAsync();
        await Assertions.Expect(karim.GetByText("Indiquez si le produit est exposé au public").Last).ToBeVisibleAsync();
        await Screens.CheckAsync(karim, "181-conformite-erreurs");

        await karim.Locator("label[for='Input_IsPublic-oui']").ClickAsync();
        await karim.GetByLabel("Date du dernier audit").FillAsync(Iso(today.AddDays(-30)));
        await karim.GetByLabel("Taux de conformité (%)").FillAsync("72,5");
        await karim.GetByLabel("Adresse de la déclaration d’accessibilité").FillAsync("https://vaccin-suivi.sante.gouv.fr/accessibilite");
        await karim.GetByLabel("État de la déclaration").SelectOptionAsync(new SelectOptionValue { Label = "Partiellement conforme" });
        await karim.GetByLabel("Date de la décision d’homologation").FillAsync(Iso(today.AddYears(-3).AddDays(60)));
        await karim.GetByLabel("Fin de validité").FillAsync(Iso(today.AddDays(60)));
        await karim.GetByLabel("Analyse d’impact (AIPD)").SelectOptionAsync(new SelectOptionValue { Label = "Réalisée" });
        await Screens.CheckAsync(karim, "182-conformite-formulaire");
        await karim.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la fiche" }).ClickAsync();
        await Assertions.Expect(karim.GetByText("La fiche de conformité est enregistrée.")).ToBeVisibleAsync();
        await Assertions.Expect(karim.GetByText("Accessibilité sous 80 %")).ToBeVisibleAsync();
        await Assertions.Expect(karim.GetByText("Agrément SIG de principe absent")).ToBeVisibleAsync();
        await Assertions.Expect(karim.GetByText("Homologation bientôt expirée")).ToBeVisibleAsync();
        await Screens.CheckAsync(karim, "183-conformite-points-attention");

        await karim.GetByRole(AriaRole.Link, new() { Name = "Ouvrir une demande d’agrément" }).ClickAsync();
        await karim.Locator("label[for='Input_Kind-Creation']").ClickAsync();
        await karim.GetByLabel("Date d’envoi de la fiche de cadrage").FillAsync(Iso(today.AddDays(-20)));
        await Screens.CheckAsync(karim, "184-agrement-demande");
        await karim.GetByRole(AriaRole.Button, new() { Name = "Ouvrir la demande" }).ClickAsync();
        await Assertions.Expect(karim.GetByText("La demande d’agrément SIG n° 1 est ouverte.")).ToBeVisibleAsync();
        await Assertions.Expect(karim.GetByText("Étape 2 sur 4")).ToBeVisibleAsync();

        await karim.GetByRole(AriaRole.Link, new() { Name = "Enregistrer l’agrément de principe" }).ClickAsync();
        await karim.Locator("label[for='Input_Outcome-SousReserve']").ClickAsync();
        await karim.GetByLabel("Date de la décision").FillAsync(Iso(today.AddDays(-10)));
        await karim.GetByLabel("Réserves").FillAsync("Présenter la maquette de l’espace patient avant les tests utilisateurs.");
        await Screens.CheckAsync(karim, "185-agrement-principe");
        await karim.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la décision" }).ClickAsync();
        await Assertions.Expect(karim.GetByText("Étape 3 sur 4")).ToBeVisibleAsync();
        await Assertions.Expect(karim.GetByText("Agrément SIG de principe absent")).Not.ToBeVisibleAsync();
        await Screens.CheckAsync(karim, "186-agrement-conception");

        await karim.GetByRole(AriaRole.Link, new() { Name = "Enregistrer l’agrément définitif" }).ClickAsync();
        foreach (var check in new[] { "RgaaAudit", "DsfrAndBrand", "AudienceMeasurement", "RgsHomologation", "Rgpd" })
        {
            await karim.Locator($"label[for='Input_Met-{check}']").ClickAsync();
        }
        await karim.Locator("label[for='Input_Outcome-Accorde']").ClickAsync();
        await karim.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la décision" }).ClickAsync();
        await Assertions.Expect(karim.GetByText("il en manque 1").First).ToBeVisibleAsync();
        await Screens.CheckAsync(karim, "187-agrement-definitif-erreur");
        await karim.Locator("label[for='Input_Met-UserTests']").ClickAsync();
        await karim.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la décision" }).ClickAsync();
        await Assertions.Expect(karim.GetByText("Agrément définitif accordé le").First).ToBeVisibleAsync();
        await Assertions.Expect(karim.GetByText("Étape 4 sur 4")).ToBeVisibleAsync();
        await Screens.CheckAsync(karim, "188-agrement-definitif");

        await karim.GotoAsync(fixture.BaseUrl + "/produits/vaccin-suivi/cycle-de-vie");
        await Assertions.Expect(karim.GetByText("Agrément définitif : accordé").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_committee_member_reads_a_demo_product_with_its_flags()
    {
        var jean = await SignInAsync("Jean Dupont", "/produits/code-travail-numerique/conformite");
        await Assertions.Expect(jean.GetByText("Homologation bientôt expirée")).ToBeVisibleAsync();
        await Assertions.Expect(jean.GetByText("Étape 3 sur 4")).ToBeVisibleAsync();
        await Screens.CheckAsync(jean, "189-conformite-demo");
        await jean.GotoAsync(fixture.BaseUrl + "/produits/autorisations-activites-soins/conformite");
        await Assertions.Expect(jean.GetByText("Accessibilité sous 80 %")).ToBeVisibleAsync();
        await Screens.CheckAsync(jean, "190-conformite-rgaa");
    }
}
