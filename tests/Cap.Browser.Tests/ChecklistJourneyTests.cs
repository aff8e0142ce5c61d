using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Cap.Browser.Tests;

/// <summary>
/// The product checklist as a team uses it: the tab with Vaccin Suivi's demo history, the comparison of two
/// assessments, a new assessment refused while incomplete, Cap's suggestions taken, then saved; a reader sees the tab
/// without the button. axe-core on every checklist page.
/// </summary>
public sealed class ChecklistJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Checklist = "/produits/vaccin-suivi/checklist";

    private async Task<IPage> SignInAsync(string name, string returnUrl)
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(fixture.BaseUrl + "/connexion?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
        await page.GetByRole(AriaRole.Button, new() { Name = "Choisir " + name }).ClickAsync();
        return page;
    }

    [Fact]
    public async Task Team_compares_its_assessments_takes_caps_suggestions_and_saves_a_new_one()
    {
        var karim = await SignInAsync("Karim Benali", Checklist);
        await Assertions.Expect(karim.GetByRole(AriaRole.Heading, new() { Name = "Check-list produit", Level = 2 })).ToBeVisibleAsync();
        await Assertions.Expect(karim.GetByRole(AriaRole.Heading, new() { Name = "Dernière auto-évaluation" })).ToBeVisibleAsync();
        await Screens.CheckAsync(karim, "c0-checklist");

        await karim.GetByRole(AriaRole.Link, new() { Name = "Comparer l’auto-évaluation n° 3 avec la précédente" }).ClickAsync();
        await Assertions.Expect(karim.GetByRole(AriaRole.Heading, new() { Name = "Comparer deux auto-évaluations" })).ToBeVisibleAsync();
        await Assertions.Expect(karim.GetByText("Réponse modifiée").First).ToBeVisibleAsync();
        await Screens.CheckAsync(karim, "c1-checklist-comparer");

        await karim.GotoAsync(fixture.BaseUrl + Checklist);
        await karim.GetByRole(AriaRole.Link, new() { Name = "Nouvelle auto-évaluation" }).ClickAsync();
        await Assertions.Expect(karim.GetByRole(AriaRole.Heading, new() { Name = "Nouvelle auto-évaluation" })).ToBeVisibleAsync();
        await Screens.CheckAsync(karim, "c2-checklist-nouvelle");

        // Saved empty: refused, every question says what is missing.
        await karim.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l’auto-évaluation" }).ClickAsync();
        await Assertions.Expect(karim.Locator("#Input_Answers_0__Answer .fr-message--error")).ToContainTextAsync("Répondez à la question");
        await Screens.CheckAsync(karim, "c3-checklist-incomplete");

        // The team answers one question itself, then takes Cap's suggestions for the others it knows about.
        await karim.Locator("label[for='Input_Answers_1__Answer-Partly']").ClickAsync();
        await karim.GetByRole(AriaRole.Button, new() { Name = "Reprendre les suggestions de Cap" }).ClickAsync();
        await Assertions.Expect(karim.GetByText("Vérifiez-les et changez-les si besoin", new() { Exact = false })).ToBeVisibleAsync();
        await Assertions.Expect(karim.Locator("#Input_Answers_1__Answer-Partly")).ToBeCheckedAsync();
        await Screens.CheckAsync(karim, "c4-checklist-suggestions");

        for (var i = 0; i < 20; i++)
        {
            if (await karim.Locator($"#Input_Answers_{i}__Answer input:checked").CountAsync() == 0)
            {
                await karim.Locator($"label[for='Input_Answers_{i}__Answer-Yes']").ClickAsync();
            }
        }
        await karim.GetByLabel("Commentaire (facultatif)").First.FillAsync("Revue en équipe lors de la rétrospective.");
        await karim.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l’auto-évaluation" }).ClickAsync();
        await Assertions.Expect(karim.GetByText("Auto-évaluation n° 4 enregistrée", new() { Exact = false })).ToBeVisibleAsync();
        await Assertions.Expect(karim.GetByText("Revue en équipe lors de la rétrospective.", new() { Exact = false })).ToBeVisibleAsync();
        await Screens.CheckAsync(karim, "c5-checklist-enregistree");

        // The life-cycle timeline has the new assessment; the committee's evidence pack shows it with its block scores.
        await karim.GotoAsync(fixture.BaseUrl + "/produits/vaccin-suivi/cycle-de-vie");
        await Assertions.Expect(karim.GetByText("Auto-évaluation n° 4 de la check-list produit par Karim Benali")).ToBeVisibleAsync();
        int requestId;
        await using (var scope = fixture.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Cap.Data.CapDbContext>();
            requestId = await db.GateRequests.Where(r => r.Product!.Slug == "vaccin-suivi").OrderByDescending(r => r.Id).Select(r => r.Id).FirstAsync();
        }
        await karim.GotoAsync($"{fixture.BaseUrl}/comite/demandes/{requestId}/dossier");
        await Assertions.Expect(karim.GetByRole(AriaRole.Heading, new() { Name = "Check-list produit" })).ToBeVisibleAsync();
        await Assertions.Expect(karim.GetByText("Dernière auto-évaluation (n° 4)", new() { Exact = false })).ToBeVisibleAsync();
        await Screens.CheckAsync(karim, "c6-dossier-checklist");

        var helene = await SignInAsync("Hélène Petit", Checklist);
        await Assertions.Expect(helene.GetByRole(AriaRole.Heading, new() { Name = "Historique" })).ToBeVisibleAsync();
        await Assertions.Expect(helene.GetByRole(AriaRole.Link, new() { Name = "Nouvelle auto-évaluation" })).ToHaveCountAsync(0);
    }
}
