using Cap.Data;
using Cap.Domain.Catalogue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Cap.Browser.Tests;

/// <summary>
/// A retrospective held by two participants in two browsers at once (each sees the other's items appear without
/// reload), an action with its owner, the next retrospective reviewing the open action, and the same page used
/// without JavaScript. axe-core on every retrospective page.
/// </summary>
public sealed class RetrospectiveJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Slug = "vaccin-suivi";
    private const string List = $"/produits/{Slug}/retrospectives";

    private async Task<IPage> SignInAsync(IBrowserContext context, string name, string returnUrl)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(fixture.BaseUrl + "/connexion?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
        await page.GetByRole(AriaRole.Button, new() { Name = "Choisir " + name }).ClickAsync();
        return page;
    }

    private async Task<string> MemberNameAsync()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CapDbContext>();
        return await db.TeamMembers.AsNoTracking().Where(m => m.Product!.Slug == Slug && m.Role == ProductRole.MembreEquipe)
            .OrderBy(m => m.Person!.Email).Select(m => m.Person!.DisplayName).FirstAsync();
    }

    [Fact]
    public async Task Two_participants_hold_a_retrospective_live_and_the_next_one_reviews_the_open_action()
    {
        var member = await MemberNameAsync();
        var karimContext = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "fr-FR", BypassCSP = true, ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        // The second participant's browser keeps the real CSP: the live script must work under it.
        var memberContext = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "fr-FR", ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });

        var karim = await SignInAsync(karimContext, "Karim Benali", List);
        await Assertions.Expect(karim.GetByRole(AriaRole.Heading, new() { Name = "Rétrospectives", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(karim.Locator("#part-par-mois")).ToBeVisibleAsync();
        await Screens.CheckAsync(karim, "100-retrospectives-liste");

        await karim.GetByRole(AriaRole.Link, new() { Name = "Nouvelle rétrospective" }).ClickAsync();
        await Screens.CheckAsync(karim, "101-retrospective-nouvelle");
        await karim.GetByRole(AriaRole.Button, new() { Name = "Créer la rétrospective" }).ClickAsync();
        await Assertions.Expect(karim.GetByText("La rétrospective est créée")).ToBeVisibleAsync();
        var retroUrl = karim.Url;
        await Screens.CheckAsync(karim, "102-retrospective");

        await karim.GetByRole(AriaRole.Link, new() { Name = "Mode animation (écran partagé)" }).ClickAsync();
        var animation = karim.Url;
        var other = await SignInAsync(memberContext, member, new Uri(animation).PathAndQuery);
        await Assertions.Expect(other.GetByRole(AriaRole.Heading, new() { Name = "À améliorer" })).ToBeVisibleAsync();

        // Both add at the same moment, each in a column.
        await karim.GetByLabel("Ajouter à « Ce qui fonctionne »").FillAsync("La démo aux agents des centres de vaccination");
        await other.GetByLabel("Ajouter à « À améliorer »").FillAsync("Les tickets urgents cassent l’itération");
        await Task.WhenAll(
            karim.GetByRole(AriaRole.Button, new() { Name = "Ajouter à « Ce qui fonctionne »" }).ClickAsync(),
            other.GetByRole(AriaRole.Button, new() { Name = "Ajouter à « À améliorer »" }).ClickAsync());

        var karimImprove = karim.Locator("[data-items-for=ToImprove]");
        var otherWorks = other.Locator("[data-items-for=Works]");
        await Assertions.Expect(karimImprove.GetByText("Les tickets urgents cassent l’itération")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Assertions.Expect(otherWorks.GetByText("La démo aux agents des centres de vaccination")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        Assert.Equal(animation, karim.Url);
        Assert.Equal(animation, other.Url);
        // The author's own item, returned by the post and by the next poll, is shown once.
        await karim.WaitForTimeoutAsync(2500);
        await Assertions.Expect(karim.Locator("[data-items-for=Works]").GetByText("La démo aux agents des centres de vaccination")).ToHaveCountAsync(1);
        await Assertions.Expect(other.Locator("[data-items-for=ToImprove]").GetByText("Les tickets urgents cassent l’itération")).ToHaveCountAsync(1);
        await Assertions.Expect(karim.Locator("[data-count-for=ToImprove]")).ToHaveTextAsync("1");

        // An action with its owner, decided on the shared screen, reaches the other participant too.
        await karim.GetByLabel("Action à mener").FillAsync("Créer une file « urgences » arbitrée chaque matin");
        await karim.Locator("#NewAction_OwnerPersonId").SelectOptionAsync(new SelectOptionValue { Label = member });
        await karim.GetByRole(AriaRole.Button, new() { Name = "Décider l’action" }).ClickAsync();
        await Assertions.Expect(karim.Locator("[data-live-actions]").GetByText("Créer une file « urgences » arbitrée chaque matin")).ToBeVisibleAsync();
        await Assertions.Expect(other.Locator("[data-live-actions]").GetByText("Créer une file « urgences » arbitrée chaque matin")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Screens.CheckAsync(karim, "103-retrospective-animation");
        await Screens.SaveAsync(other, "104-retrospective-animation-second-participant");

        // Without owner, the JavaScript post shows the French error beside the field.
        await karim.GetByLabel("Action à mener").FillAsync("Sans porteur");
        await karim.GetByRole(AriaRole.Button, new() { Name = "Décider l’action" }).ClickAsync();
        await Assertions.Expect(karim.Locator("#NewAction_OwnerPersonId-messages")).ToContainTextAsync("Choisissez le porteur");

        // Close, then the next retrospective shows the open action at its start.
        await karim.GotoAsync(retroUrl);
        await karim.GetByRole(AriaRole.Button, new() { Name = "Clore la rétrospective" }).ClickAsync();
        await Assertions.Expect(karim.GetByText("La rétrospective est close.")).ToBeVisibleAsync();
        await karim.GotoAsync(fixture.BaseUrl + List + "/nouvelle");
        await karim.GetByRole(AriaRole.Button, new() { Name = "Créer la rétrospective" }).ClickAsync();
        var review = karim.Locator("#revue");
        await Assertions.Expect(review.GetByRole(AriaRole.Rowheader, new() { Name = "Créer une file « urgences » arbitrée chaque matin" })).ToBeVisibleAsync();
        await Screens.CheckAsync(karim, "105-retrospective-suivante-revue");
        await review.GetByRole(AriaRole.Button, new() { Name = "Réalisée : Créer une file « urgences » arbitrée chaque matin" }).ClickAsync();
        await Assertions.Expect(karim.GetByText("L’action « Créer une file « urgences » arbitrée chaque matin » est close (réalisée).")).ToBeVisibleAsync();
        await Assertions.Expect(karim.Locator("#revue").GetByRole(AriaRole.Rowheader, new() { Name = "Créer une file « urgences » arbitrée chaque matin" })).ToHaveCountAsync(0);
        var nextUrl = karim.Url.Split('#')[0];

        // The same page without JavaScript: the form posts and comes back.
        var noScript = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "fr-FR", JavaScriptEnabled = false, ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var plain = await SignInAsync(noScript, member, new Uri(nextUrl).PathAndQuery);
        await plain.GetByLabel("Ajouter à « À améliorer »").FillAsync("Ajouté sans JavaScript");
        await plain.GetByRole(AriaRole.Button, new() { Name = "Ajouter à « À améliorer »" }).ClickAsync();
        await Assertions.Expect(plain.GetByText("L’élément est ajouté à « À améliorer ».")).ToBeVisibleAsync();
        await Assertions.Expect(plain.Locator("[data-items-for=ToImprove]").GetByText("Ajouté sans JavaScript")).ToBeVisibleAsync();
        await Screens.SaveAsync(plain, "106-retrospective-sans-javascript");

        await karim.GotoAsync(fixture.BaseUrl + List);
        await Screens.CheckAsync(karim, "107-retrospectives-liste-apres");
        await noScript.CloseAsync();
        await memberContext.CloseAsync();
        await karimContext.CloseAsync();
    }
}
