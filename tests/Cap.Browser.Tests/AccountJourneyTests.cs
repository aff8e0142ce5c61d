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

    /// <summary>
    /// An account with no role and no team (the demo's Inès Lemaire) lands on « Compte en attente »; an administrator
    /// finds it in « Personnes », gives it the reader's role, and the person then reads the portfolio.
    /// </summary>
    [Fact]
    public async Task A_pending_account_waits_until_an_administrator_grants_a_role()
    {
        var name = Cap.Data.Seeding.DemoPortfolio.People.First(p => p.Email == Cap.Data.Seeding.DemoPortfolio.AwaitingAccessEmail).Name;
        var waiting = await fixture.NewPageAsync();
        await waiting.GotoAsync(fixture.BaseUrl + "/connexion");
        await waiting.GetByRole(AriaRole.Button, new() { Name = $"Choisir {name}" }).ClickAsync();
        await Assertions.Expect(waiting.GetByRole(AriaRole.Heading, new() { Name = "Votre compte est en attente", Level = 1 })).ToBeVisibleAsync();
        Assert.Equal("/compte/en-attente", new Uri(waiting.Url).AbsolutePath);
        // The menu offers no page the account would be refused.
        await Assertions.Expect(waiting.Locator("#header-navigation a")).ToHaveTextAsync(["Accueil"]);
        await Axe.AssertNoViolationsAsync(waiting);
        await Screens.SaveAsync(waiting, "compte-en-attente");
        await waiting.GotoAsync(fixture.BaseUrl + "/produits");
        Assert.Equal("/compte/en-attente", new Uri(waiting.Url).AbsolutePath);

        var admin = await fixture.NewPageAsync();
        await CrawlTests.SignInAsync(admin, fixture.BaseUrl, Demo.Administrateur);
        await admin.GotoAsync(fixture.BaseUrl + "/admin/personnes");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Voir les comptes en attente" }).ClickAsync();
        var row = admin.Locator("tbody tr", new() { HasText = name });
        await Assertions.Expect(row).ToContainTextAsync("En attente d’un rôle");
        await Axe.AssertNoViolationsAsync(admin);
        await Screens.SaveAsync(admin, "personnes-en-attente");
        await row.GetByRole(AriaRole.Link, new() { Name = $"Modifier {name}" }).ClickAsync();
        await admin.Locator("label[for=Input_Roles-Lecteur]").ClickAsync();
        await Assertions.Expect(admin.GetByLabel("Lecteur (direction, pilotage)", new() { Exact = true })).ToBeCheckedAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Personnes et rôles", Level = 1 })).ToBeVisibleAsync();

        await waiting.GotoAsync(fixture.BaseUrl + "/produits?q=vaccin");
        Assert.Equal("/produits", new Uri(waiting.Url).AbsolutePath);
        await Assertions.Expect(waiting.GetByRole(AriaRole.Heading, new() { Name = "Catalogue des produits", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(waiting.Locator($"main a[href='/produits/{Demo.JourneyProductSlug}']")).ToBeVisibleAsync();
    }

    /// <summary>The page ProConnect sign-in refusals lead to: the reason in French, and the way forward.</summary>
    [Fact]
    public async Task A_refused_sign_in_says_why_in_french()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(fixture.BaseUrl + "/connexion/refus/compte-deja-lie");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Un compte Cap utilise déjà cette adresse électronique avec une autre identité ProConnect.");
        await Axe.AssertNoViolationsAsync(page);
        await Screens.SaveAsync(page, "connexion-refusee");
    }
}
