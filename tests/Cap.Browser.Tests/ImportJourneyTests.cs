using System.Text;
using Cap.Data.Seeding;
using Microsoft.Playwright;

namespace Cap.Browser.Tests;

/// <summary>A Responsable produit imports a year of measurements from a spreadsheet export, previews it, then confirms.</summary>
public sealed class ImportJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly string ScreenshotDir = Environment.GetEnvironmentVariable("CAP_SCREENSHOTS") ?? Path.Combine(Path.GetTempPath(), "cap-screens");

    private static async Task CheckAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotDir);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDir, name + ".png"), FullPage = true });
        await Axe.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task Owner_imports_a_year_of_measurements_after_a_preview()
    {
        var page = await fixture.NewPageAsync();
        var tab = $"/produits/{DemoPortfolio.JourneyProductSlug}/indicateurs/suggestions";
        await page.GotoAsync(fixture.BaseUrl + "/connexion?ReturnUrl=" + Uri.EscapeDataString(tab));
        await page.GetByRole(AriaRole.Button, new() { Name = "Choisir Karim Benali" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter les indicateurs choisis" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Satisfaction des usagers (JDMA)" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Importer des mesures (CSV, XLSX)" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Importer des mesures" })).ToBeVisibleAsync();
        await CheckAsync(page, "imp-01-import");

        // Twelve monthly values in the French format a spreadsheet saves, in Windows-1252.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var csv = new StringBuilder("Date;Valeur;Commentaire\r\n");
        for (var month = 12; month >= 1; month--)
        {
            var date = today.AddMonths(-month + 1).AddDays(-1);
            csv.Append($"{date:dd/MM/yyyy};{6 + (12 - month) * 0.2m:0.0};{(month == 6 ? "Après la refonte du parcours" : "")}\r\n".Replace('.', ','));
        }
        var file = Path.Combine(Path.GetTempPath(), $"cap-import-{Guid.NewGuid():N}.csv");
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        await File.WriteAllBytesAsync(file, Encoding.GetEncoding(1252).GetBytes(csv.ToString()));
        try
        {
            await page.GetByLabel("Fichier de mesures").SetInputFilesAsync(file);
            await page.GetByRole(AriaRole.Button, new() { Name = "Vérifier le fichier" }).ClickAsync();
            await Assertions.Expect(page.GetByText("12 mesure(s) lisible(s)")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByText("Format reconnu : CSV, Windows-1252, séparateur « ; »")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByText("Après la refonte du parcours")).ToBeVisibleAsync();
            await CheckAsync(page, "imp-02-apercu");

            await page.GetByRole(AriaRole.Button, new() { Name = "Importer les 12 mesures" }).ClickAsync();
            await Assertions.Expect(page.GetByText("Import terminé : 12 mesure(s) ajoutée(s), 0 mise(s) à jour.")).ToBeVisibleAsync();
            await CheckAsync(page, "imp-03-indicateur-importe");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
