using System.Text.RegularExpressions;
using Cap.Data;
using Cap.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Cap.Browser.Tests;

/// <summary>
/// The digests as people meet them: an administrator generates this week's digest and reads one in the outbox (text and
/// HTML); its recipient follows the mail's « ne plus recevoir » link, confirms, and finds the choice on « Mon compte »,
/// where he takes the digest back. axe-core on every screen.
/// </summary>
public sealed partial class DigestJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private async Task<IPage> SignInAsync(string name, string returnUrl)
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(fixture.BaseUrl + "/connexion?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
        await page.GetByRole(AriaRole.Button, new() { Name = "Choisir " + name }).ClickAsync();
        return page;
    }

    [GeneratedRegex(@"https?://\S+/courriels/desabonnement\?jeton=\S+")]
    private static partial Regex UnsubscribeLink();

    [Fact]
    public async Task Administrator_generates_the_weekly_digest_and_its_recipient_unsubscribes_from_the_mail()
    {
        var camille = await SignInAsync("Camille Martin", "/admin/courriels/resumes");
        await Assertions.Expect(camille.GetByRole(AriaRole.Heading, new() { Name = "Résumés par courriel", Level = 1 })).ToBeVisibleAsync();
        await camille.Locator("label[for='Kind-hebdomadaire']").ClickAsync();
        await camille.GetByRole(AriaRole.Button, new() { Name = "Générer maintenant" }).ClickAsync();
        await Assertions.Expect(camille.GetByText("courriels mis dans la boîte d’envoi")).ToBeVisibleAsync();
        await Assertions.Expect(camille.GetByRole(AriaRole.Table)).ToContainTextAsync("Camille Martin (générer maintenant)");
        await Screens.CheckAsync(camille, "196-resumes-administration");

        // Karim Benali's digest in the outbox: the text, and the HTML as his mail client shows it.
        string mailId, body;
        await using (var scope = fixture.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CapDbContext>();
            var mail = await db.OutboxMails.AsNoTracking().Where(m => m.To == Demo.ProductOwner && m.Topic!.StartsWith("digest-hebdomadaire:")).OrderByDescending(m => m.Id).FirstAsync();
            (mailId, body) = (mail.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), mail.Body);
        }
        await camille.GotoAsync(fixture.BaseUrl + "/admin/courriels");
        await camille.GetByRole(AriaRole.Link, new() { Name = "[Cap] Résumé de la semaine" }).First.ClickAsync();
        await camille.GotoAsync(fixture.BaseUrl + "/admin/courriels/" + mailId);
        await Assertions.Expect(camille.GetByRole(AriaRole.Heading, new() { Name = "Version HTML" })).ToBeVisibleAsync();
        var frame = camille.FrameLocator("iframe.cap-mail-html");
        await Assertions.Expect(frame.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Résumé de la semaine du");
        await Screens.CheckAsync(camille, "197-courriel-resume");

        // The link of the mail, opened without being signed in: nothing changes until the button.
        var link = UnsubscribeLink().Match(body).Value;
        Assert.NotEmpty(link);
        var visitor = await fixture.NewPageAsync();
        await visitor.GotoAsync(fixture.BaseUrl + new Uri(link).PathAndQuery);
        await Assertions.Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "Ne plus recevoir « Résumé hebdomadaire de mes produits »" })).ToBeVisibleAsync();
        await Screens.CheckAsync(visitor, "198-desabonnement");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Confirmer le désabonnement" }).ClickAsync();
        await Assertions.Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "Désabonnement confirmé" })).ToBeVisibleAsync();
        await Screens.CheckAsync(visitor, "199-desabonnement-confirme");

        // A link that was tampered with: a French explanation, nothing changed.
        await visitor.GotoAsync(fixture.BaseUrl + "/courriels/desabonnement?jeton=abimé");
        await Assertions.Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "Lien de désabonnement invalide" })).ToBeVisibleAsync();
        await Screens.CheckAsync(visitor, "200-desabonnement-invalide");

        // On « Mon compte », Karim finds the box unchecked and takes the digest back.
        var karim = await SignInAsync("Karim Benali", "/compte");
        var box = karim.Locator("#Receive-Weekly");
        await Assertions.Expect(box).Not.ToBeCheckedAsync();
        await Screens.CheckAsync(karim, "201-compte-courriels");
        await karim.Locator("label[for='Receive-Weekly']").ClickAsync();
        await karim.GetByRole(AriaRole.Button, new() { Name = "Enregistrer mes choix de courriels" }).ClickAsync();
        await Assertions.Expect(karim.GetByText("Vos choix de courriels sont enregistrés.")).ToBeVisibleAsync();
        await Assertions.Expect(karim.Locator("#Receive-Weekly")).ToBeCheckedAsync();
    }
}
