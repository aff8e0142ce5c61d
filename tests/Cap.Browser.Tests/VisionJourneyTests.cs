using Microsoft.Playwright;

namespace Cap.Browser.Tests;

/// <summary>
/// The vision's co-construction as people would do it: the Responsable produit writes a version,
/// a committee member proposes a wording, the owner accepts it and the new version shows; axe-core
/// on every vision and objectives page.
/// </summary>
public sealed class VisionJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Vision = "/produits/vaccin-suivi/vision";

    private async Task<IPage> SignInAsync(string name, string returnUrl)
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(fixture.BaseUrl + "/connexion?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
        await page.GetByRole(AriaRole.Button, new() { Name = "Choisir " + name }).ClickAsync();
        return page;
    }

    [Fact]
    public async Task Owner_writes_a_version_a_committee_member_proposes_and_the_owner_accepts()
    {
        var karim = await SignInAsync("Karim Benali", Vision);
        await Assertions.Expect(karim.GetByRole(AriaRole.Heading, new() { Name = "Vision du produit" })).ToBeVisibleAsync();
        await Screens.CheckAsync(karim, "40-vision");

        await karim.GetByRole(AriaRole.Link, new() { Name = "Modifier la vision" }).ClickAsync();
        await Screens.CheckAsync(karim, "41-vision-modifier");
        await karim.GetByLabel("Raison d’être").FillAsync("Vaccin Suivi donne à chacun un historique vaccinal complet, partagé avec les soignants.");
        await karim.GetByLabel("Note de modification (facultative)").FillAsync("Raison d’être reformulée après les entretiens");
        await karim.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la version" }).ClickAsync();
        await Assertions.Expect(karim.GetByText("La version 3 de la vision est enregistrée.")).ToBeVisibleAsync();
        await Assertions.Expect(karim.GetByText("Vaccin Suivi donne à chacun un historique vaccinal complet, partagé avec les soignants.")).ToBeVisibleAsync();

        await karim.GetByRole(AriaRole.Link, new() { Name = "Comparer la version 3 avec la précédente" }).ClickAsync();
        await Assertions.Expect(karim.GetByRole(AriaRole.Heading, new() { Name = "Comparer deux versions de la vision" })).ToBeVisibleAsync();
        await Screens.CheckAsync(karim, "42-vision-comparer");

        var jean = await SignInAsync("Jean Dupont", Vision);
        await jean.GetByLabel("Partie de la vision").SelectOptionAsync(new SelectOptionValue { Label = "Usagers cibles" });
        await jean.GetByLabel("Type de contribution").SelectOptionAsync(new SelectOptionValue { Label = "Une proposition de formulation" });
        const string wording = "Professionnels de santé, pharmaciens et patients";
        await jean.GetByLabel("Votre texte").FillAsync(wording);
        await jean.GetByRole(AriaRole.Button, new() { Name = "Envoyer à l’équipe" }).ClickAsync();
        await Assertions.Expect(jean.GetByText("Votre proposition est transmise à l’équipe du produit.")).ToBeVisibleAsync();
        await Screens.CheckAsync(jean, "43-vision-proposition-envoyee");

        await karim.GotoAsync(fixture.BaseUrl + Vision);
        await karim.GetByRole(AriaRole.Link, new() { Name = "Répondre à la contribution de Jean Dupont sur « Usagers cibles »" }).ClickAsync();
        await Screens.CheckAsync(karim, "44-contribution");
        await karim.GetByRole(AriaRole.Button, new() { Name = "Accepter et créer une nouvelle version" }).ClickAsync();
        await Assertions.Expect(karim.GetByText("La proposition de Jean Dupont est acceptée : elle forme la version 4 de la vision.")).ToBeVisibleAsync();
        await Assertions.Expect(karim.GetByText(wording, new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(karim.GetByText("Version 4, écrite par Karim Benali")).ToBeVisibleAsync();
        await Screens.CheckAsync(karim, "45-vision-version-acceptee");
    }

    [Fact]
    public async Task Objectives_pages_are_accessible()
    {
        var page = await SignInAsync("Karim Benali", "/produits/vaccin-suivi/objectifs");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Objectifs du produit" })).ToBeVisibleAsync();
        await Screens.CheckAsync(page, "50-objectifs");

        await page.GetByRole(AriaRole.Link, new() { Name = "Ajouter un objectif" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter l’objectif" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Saisissez le titre de l’objectif.").Last).ToBeVisibleAsync();
        await Screens.CheckAsync(page, "51-objectif-erreurs");
        await page.GetByLabel("Titre").FillAsync("Toucher les pharmacies d’officine");
        await page.GetByLabel("Réduire les délais de traitement").CheckAsync(new() { Force = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter l’objectif" }).ClickAsync();
        await Assertions.Expect(page.GetByText("L’objectif « Toucher les pharmacies d’officine » est ajouté.")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Réduire les délais de traitement" }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Réduire les délais de traitement", Level = 1 })).ToBeVisibleAsync();
        await Screens.CheckAsync(page, "52-priorite");

        await page.GotoAsync(fixture.BaseUrl + "/produits/vaccin-suivi/objectifs");
        await page.GetByRole(AriaRole.Link, new() { Name = "Modifier « Toucher les pharmacies d’officine »" }).ClickAsync();
        await Screens.CheckAsync(page, "53-objectif-modifier");
    }
}
