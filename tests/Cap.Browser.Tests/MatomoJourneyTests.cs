using Cap.Data;
using Cap.Domain.Steering;
using Cap.Web.Tests.Connectors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Cap.Browser.Tests;

/// <summary>
/// The Matomo connector as a product team uses it, against a Matomo-shaped server started by the test: the Responsable
/// produit of Vaccin Suivi opens the connection from the indicators tab, connects the product (a refused address first),
/// maps the unique visitors to a weekly indicator, synchronises now, sees the state and finds a measurement with source
/// « Matomo » on the indicator. axe-core on every screen.
/// </summary>
public sealed class MatomoJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private MatomoServer _server = default!;

    public async Task InitializeAsync() => _server = await MatomoServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Owner_connects_matomo_maps_a_metric_syncs_and_sees_the_measurements()
    {
        var today = DateOnly.FromDateTime(DateTime.Today);
        _server.AddSite(42);
        for (var d = 1; d <= 120; d++)
        {
            var day = today.AddDays(-d);
            _server.SetDay(42, day, new MatomoDay(1500 + d % 13 * 20, 1200 + d % 11 * 15, 600, 1500 * 180));
        }
        var token = _server.AddToken();
        const string Indicator = "Visiteurs uniques hebdomadaires";
        await using (var scope = fixture.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CapDbContext>();
            var productId = await db.Products.Where(p => p.Slug == "vaccin-suivi").Select(p => p.Id).SingleAsync();
            db.Indicators.Add(new Indicator
            {
                ProductId = productId, Kind = IndicatorKind.Direction, Name = Indicator, Unit = IndicatorUnit.Number, Direction = WantedDirection.Up,
                Baseline = 6000, BaselineDate = today.AddMonths(-4), Target = 9000, TargetDate = today.AddMonths(8), Frequency = UpdateFrequency.Weekly,
                Position = 99,
            });
            await db.SaveChangesAsync();
        }

        var page = await fixture.NewPageAsync();
        await page.GotoAsync(fixture.BaseUrl + "/connexion?ReturnUrl=" + Uri.EscapeDataString("/produits/vaccin-suivi/indicateurs"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Choisir Karim Benali" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Connexion à Matomo" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Connecter le produit à Matomo" })).ToBeVisibleAsync();

        await page.GetByLabel("Adresse de Matomo").FillAsync("http://matomo.example.org");
        await page.GetByLabel("Numéro du site (idSite)").FillAsync("42");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la connexion" }).ClickAsync();
        await Assertions.Expect(page.GetByText("L’adresse doit commencer par https://").First).ToBeVisibleAsync();
        await Screens.CheckAsync(page, "260-matomo-connexion-erreurs");

        await page.GetByLabel("Adresse de Matomo").FillAsync(_server.BaseUrl.ToString());
        await page.GetByLabel("Jeton d’authentification (token_auth)").FillAsync(token);
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la connexion" }).ClickAsync();
        await Assertions.Expect(page.GetByText("La connexion Matomo est enregistrée.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#jeton-enregistre")).ToBeVisibleAsync();

        await page.GetByLabel("Mesure de Matomo").SelectOptionAsync(new SelectOptionValue { Label = "Visiteurs uniques (nb_uniq_visitors)" });
        var option = page.Locator("#Mapping_IndicatorId option", new() { HasText = Indicator });
        await page.GetByLabel("Indicateur alimenté").SelectOptionAsync(await option.GetAttributeAsync("value") ?? "");
        await Screens.CheckAsync(page, "261-matomo-association");
        await page.GetByRole(AriaRole.Button, new() { Name = "Associer" }).ClickAsync();
        await Assertions.Expect(page.GetByText("La mesure est associée à l’indicateur")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#mesures-matomo")).ToContainTextAsync(Indicator);

        await page.GetByRole(AriaRole.Button, new() { Name = "Synchroniser maintenant" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Synchronisation terminée :")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#etat-synchronisation")).ToContainTextAsync("À jour");
        Assert.DoesNotContain(token, await page.ContentAsync(), StringComparison.Ordinal);
        Assert.Empty(_server.TokensInQuery);
        await Screens.CheckAsync(page, "262-matomo-synchronisee");

        await page.Locator("#mesures-matomo").GetByRole(AriaRole.Link, new() { Name = Indicator }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = Indicator }).First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Matomo, Synchronisation Matomo").First).ToBeVisibleAsync();
        await Screens.CheckAsync(page, "263-matomo-indicateur");
    }
}
