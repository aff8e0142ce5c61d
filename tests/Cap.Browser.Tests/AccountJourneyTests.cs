using System.Net;
using Cap.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Cap.Browser.Tests;

/// <summary>
/// The two things a new user could not do in a real browser: create a personal API token on « Mon compte » and use
/// it, then sign out with the header's button.
/// </summary>
public sealed class AccountJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_token_created_on_my_account_opens_the_api_then_sign_out_ends_the_session()
    {
        var page = await fixture.NewPageAsync();
        await CrawlTests.SignInAsync(page, fixture.BaseUrl, Demo.ProductOwner);

        // The header's account link bears the person's name.
        await page.Locator("header a[href='/compte']").First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mon compte", Level = 1 })).ToBeVisibleAsync();
        await page.GetByLabel("Nom du jeton").FillAsync("Script du tableau de bord");
        await page.GetByLabel("Validité en jours").FillAsync("30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer le jeton" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Jeton créé" })).ToBeVisibleAsync();
        var secret = (await page.Locator("#new-token").TextContentAsync())!.Trim();
        Assert.StartsWith("cap_", secret, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Script du tableau de bord");
        await Axe.AssertNoViolationsAsync(page);

        using (var api = new HttpClient())
        {
            api.DefaultRequestHeaders.Authorization = new("Bearer", secret);
            using var products = await api.GetAsync($"{fixture.BaseUrl}/api/v1/products/{Demo.JourneyProductSlug}");
            Assert.Equal(HttpStatusCode.OK, products.StatusCode);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Vous êtes déconnecté.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Se connecter" }).First).ToBeVisibleAsync();
        await page.GotoAsync(fixture.BaseUrl + "/compte");
        Assert.Equal("/connexion", new Uri(page.Url).AbsolutePath);
    }
}
