using Cap.Data;
using Cap.Domain.Catalogue;
using Cap.Domain.Committee;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Cap.Browser.Tests;

/// <summary>
/// The whole committee journey as people would do it in the demo: the team (Karim Benali) requests MVP → Construction,
/// a committee member (Jean Dupont) plans a session, puts the request on the agenda, reads the evidence pack, reviews
/// the seven aspects and decides « Go avec conditions »; the phase badge and the catalogue filter show Construction at
/// once; the team declares the condition met and the committee confirms it. axe-core on every committee page.
/// </summary>
public sealed class CommitteeJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{

    private async Task<IPage> SignInAsync(string name, string returnUrl)
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(fixture.BaseUrl + "/connexion?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
        await page.GetByRole(AriaRole.Button, new() { Name = "Choisir " + name }).ClickAsync();
        return page;
    }

    /// <summary>The demo's MVP product of Karim Benali with a submitted request MVP → Construction.</summary>
    private async Task<(string Slug, string Name)> JourneyProductAsync()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CapDbContext>();
        var product = await db.GateRequests.AsNoTracking()
            .Where(r => r.Status == GateRequestStatus.Soumise && r.TargetPhase == Phase.Construction && r.Product!.Phase == Phase.Mvp
                && r.Product.Team.Any(m => m.Person!.Email == "karim.benali@demo.cap.gouv.fr" && m.Role == ProductRole.ResponsableProduit))
            .Select(r => new { r.Product!.Slug, r.Product.Name }).SingleAsync();
        return (product.Slug, product.Name);
    }

    [Fact]
    public async Task Team_takes_a_product_from_mvp_to_construction_through_a_committee_session()
    {
        var (slug, name) = await JourneyProductAsync();
        var tab = $"/produits/{slug}/comite";

        // The team: the demo's request is waiting; withdraw it and write a new one, with an error on the way.
        var karim = await SignInAsync("Karim Benali", tab);
        await Assertions.Expect(karim.GetByRole(AriaRole.Heading, new() { Name = "Comité produit", Exact = true })).ToBeVisibleAsync();
        await Screens.CheckAsync(karim, "70-comite-produit-demande-soumise");
        await karim.GetByRole(AriaRole.Button, new() { Name = "Retirer la demande" }).ClickAsync();
        await Assertions.Expect(karim.GetByText("La demande est retirée.")).ToBeVisibleAsync();
        await karim.GetByRole(AriaRole.Link, new() { Name = "Saisir le comité produit" }).ClickAsync();
        await karim.GetByLabel("Contexte").FillAsync("");
        await karim.GetByRole(AriaRole.Button, new() { Name = "Soumettre au comité" }).ClickAsync();
        await Assertions.Expect(karim.GetByText("Décrivez le contexte de la demande.").Last).ToBeVisibleAsync();
        await Screens.CheckAsync(karim, "71-demande-erreurs");
        await karim.GetByRole(AriaRole.Combobox, new() { Name = "Phase visée" }).SelectOptionAsync(new SelectOptionValue { Label = "Construction" });
        await karim.GetByLabel("Contexte").FillAsync("Le MVP est en service depuis six mois ; 3 000 usagers actifs, indicateurs suivis chaque mois.");
        await karim.GetByLabel("Ce que l’équipe attend du comité").FillAsync("Valider le passage en construction et un appui DevOps.");
        await karim.GetByRole(AriaRole.Button, new() { Name = "Soumettre au comité" }).ClickAsync();
        await Assertions.Expect(karim.GetByText("La demande de passage en phase Construction est soumise au comité produit.")).ToBeVisibleAsync();

        // The committee: home, a new session, the agenda, the evidence pack.
        var jean = await SignInAsync("Jean Dupont", "/comite");
        await Assertions.Expect(jean.GetByRole(AriaRole.Heading, new() { Name = "Demandes en attente d’une séance" })).ToBeVisibleAsync();
        await Assertions.Expect(jean.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).First).ToBeVisibleAsync();
        await Screens.CheckAsync(jean, "72-comite-accueil");
        await jean.GetByRole(AriaRole.Link, new() { Name = "Toutes les séances" }).ClickAsync();
        await Screens.CheckAsync(jean, "73-seances");
        await jean.GetByRole(AriaRole.Link, new() { Name = "Planifier une séance" }).ClickAsync();
        await Screens.CheckAsync(jean, "74-seance-nouvelle");
        await jean.GetByRole(AriaRole.Button, new() { Name = "Planifier la séance" }).ClickAsync();
        await Assertions.Expect(jean.GetByText("est planifiée : inscrivez des demandes à son ordre du jour.")).ToBeVisibleAsync();
        await jean.GetByLabel("Demande soumise").SelectOptionAsync(new SelectOptionValue { Label = $"{name} — MVP → Construction" });
        await jean.GetByRole(AriaRole.Button, new() { Name = "Inscrire à l’ordre du jour" }).ClickAsync();
        await Assertions.Expect(jean.GetByText($"La demande de « {name} » est inscrite à l’ordre du jour.")).ToBeVisibleAsync();
        await Screens.CheckAsync(jean, "75-seance-ordre-du-jour");
        await jean.GetByRole(AriaRole.Link, new() { Name = $"Dossier de passage de {name}" }).ClickAsync();
        await Assertions.Expect(jean.GetByRole(AriaRole.Heading, new() { Name = $"Dossier de passage — {name}" })).ToBeVisibleAsync();
        await Assertions.Expect(jean.GetByRole(AriaRole.Heading, new() { Name = "Livrables de la phase MVP" })).ToBeVisibleAsync();
        await Screens.CheckAsync(jean, "76-dossier");
        await jean.EmulateMediaAsync(new() { Media = Media.Print });
        await Screens.SaveAsync(jean, "77-dossier-impression");
        await jean.PdfAsync(new PagePdfOptions { Path = Path.Combine(Screens.Directory, "77-dossier.pdf"), Format = "A4" });
        await jean.EmulateMediaAsync(new() { Media = Media.Screen });

        // The review: one aspect forgotten first (nothing saved), then the whole form.
        await jean.GetByRole(AriaRole.Link, new() { Name = "Examiner la demande" }).ClickAsync();
        for (var i = 0; i < 6; i++)
        {
            await jean.Locator($"#Input_Aspects_{i}__Rating-{(i == 3 ? "AAmeliorer" : "Satisfaisant")}").CheckAsync(new() { Force = true });
        }
        await jean.Locator("#Input_Outcome-GoAvecConditions").CheckAsync(new() { Force = true });
        await jean.GetByLabel("Résumé de la décision et de ses motifs").FillAsync("Le MVP a trouvé ses usagers ; passage en construction sous condition d’accessibilité.");
        await jean.Locator("#Input_Conditions_0__Description").FillAsync("Publier la déclaration d’accessibilité");
        await jean.Locator("#Input_Conditions_0__OwnerId").SelectOptionAsync(new SelectOptionValue { Label = "Karim Benali" });
        await jean.Locator("#Input_Conditions_0__DueDate").FillAsync(DateTime.UtcNow.AddDays(45).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await jean.Locator("#Input_Needs-DevOps").CheckAsync(new() { Force = true });
        await jean.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la décision" }).ClickAsync();
        await Assertions.Expect(jean.GetByText("Évaluez l’aspect « Pratiques de développement » : les sept aspects sont obligatoires.").Last).ToBeVisibleAsync();
        await Screens.CheckAsync(jean, "78-examen-erreur");
        await jean.Locator("#Input_Aspects_6__Rating-Satisfaisant").CheckAsync(new() { Force = true });
        await jean.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la décision" }).ClickAsync();
        await Assertions.Expect(jean.GetByText($"Décision « Go avec conditions » enregistrée pour {name} : le produit passe de la phase MVP à la phase Construction.")).ToBeVisibleAsync();
        await Assertions.Expect(jean.GetByText("Phase : Construction")).ToBeVisibleAsync();
        await Screens.CheckAsync(jean, "79-decision-enregistree");

        // At once: the catalogue's phase filter finds it in Construction.
        await jean.GotoAsync(fixture.BaseUrl + "/produits?phase=construction&q=" + Uri.EscapeDataString(name));
        await Assertions.Expect(jean.GetByRole(AriaRole.Link, new() { Name = name, Exact = true })).ToBeVisibleAsync();

        // The team declares the condition met; the committee confirms.
        await karim.GotoAsync(fixture.BaseUrl + tab);
        await Assertions.Expect(karim.GetByText("Phase : Construction")).ToBeVisibleAsync();
        await karim.GetByRole(AriaRole.Button, new() { Name = "Déclarer la condition levée : Publier la déclaration d’accessibilité", Exact = true }).ClickAsync();
        await Assertions.Expect(karim.GetByText("Décrivez la preuve que la condition est levée ou donnez un lien.").Last).ToBeVisibleAsync();
        await Screens.CheckAsync(karim, "80-condition-erreur");
        var evidence = karim.Locator("textarea[name=Evidence]").First;
        await evidence.FillAsync("Déclaration publiée en pied de page, audit RGAA du 15 novembre.");
        await karim.GetByRole(AriaRole.Button, new() { Name = "Déclarer la condition levée : Publier la déclaration d’accessibilité", Exact = true }).ClickAsync();
        await Assertions.Expect(karim.GetByText("La condition « Publier la déclaration d’accessibilité » est déclarée levée : le comité va la confirmer.")).ToBeVisibleAsync();
        await Screens.CheckAsync(karim, "81-condition-declaree");

        await jean.GotoAsync(fixture.BaseUrl + "/comite");
        await jean.GetByRole(AriaRole.Button, new() { Name = "Confirmer la levée : Publier la déclaration d’accessibilité", Exact = true }).ClickAsync();
        await Assertions.Expect(jean.GetByText("La condition « Publier la déclaration d’accessibilité » est confirmée : elle est levée.")).ToBeVisibleAsync();
        await Screens.CheckAsync(jean, "82-condition-confirmee");
        await jean.GotoAsync(fixture.BaseUrl + tab);
        await Assertions.Expect(jean.GetByText("Confirmée par le comité").First).ToBeVisibleAsync();
    }
}
