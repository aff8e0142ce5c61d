using System.Globalization;
using Microsoft.Playwright;

namespace Cap.Browser.Tests;

/// <summary>
/// The team's rituals as the Responsable produit sees them: the list with next dates, a retrospective added from the
/// suggested defaults, the calendar feed link created with its instructions; axe-core on the page and the form.
/// </summary>
public sealed class RitualsJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Rituals = "/produits/alerte-canicule/rituels";

    [Fact]
    public async Task Owner_adds_a_retrospective_and_creates_the_calendar_link()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(fixture.BaseUrl + "/connexion?ReturnUrl=" + Uri.EscapeDataString(Rituals));
        await page.GetByRole(AriaRole.Button, new() { Name = "Choisir Karim Benali" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Rituels de l’équipe" })).ToBeVisibleAsync();
        await Screens.CheckAsync(page, "r0-rituels");

        await page.GetByRole(AriaRole.Link, new() { Name = "Rétrospective", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Durée en minutes")).ToHaveValueAsync("90");
        await page.Locator("#Input_Name").FillAsync("Rétrospective de fin d’itération");
        await page.Locator("#Input_FirstDate").FillAsync(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByLabel("Durée en minutes").FillAsync("600");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le rituel" }).ClickAsync();
        await Assertions.Expect(page.GetByText("La durée doit être comprise entre 5 et 480 minutes").First).ToBeVisibleAsync();
        await Screens.CheckAsync(page, "r1-rituel-erreur");
        await page.GetByLabel("Durée en minutes").FillAsync("75");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le rituel" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Le rituel « Rétrospective de fin d’itération » est enregistré.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "75 min" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Créer le lien d’agenda" }).ClickAsync();
        var url = await page.GetByLabel("Adresse de l’agenda").InputValueAsync();
        Assert.Matches("/rituels/[A-Za-z0-9_-]{43}\\.ics$", url);
        await Screens.CheckAsync(page, "r2-rituels-agenda");

        var feed = await page.APIRequest.GetAsync(url);
        Assert.Equal(200, feed.Status);
        Assert.Contains("SUMMARY:Rétrospective de fin d’itération", await feed.TextAsync(), StringComparison.Ordinal);
    }
}

/// <summary>The administrators' outbox of notification e-mails (empty or not), checked with axe-core.</summary>
public sealed class OutboxPageTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{

    [Fact]
    public async Task Administrator_reads_the_outbox()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(fixture.BaseUrl + "/connexion?ReturnUrl=" + Uri.EscapeDataString("/admin/courriels"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Choisir Camille Martin" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Courriels", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Mode boîte d’envoi")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Non envoyés" }).ClickAsync();
        await Screens.SaveAsync(page, "r3-courriels");
        await Axe.AssertNoViolationsAsync(page);
    }
}
