using System.Text;
using Cap.Data;
using Cap.Data.Seeding;
using Cap.Domain.Steering;
using Cap.Web.Features.Indicators.Import;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Cap.Browser.Tests;

/// <summary>A Responsable produit imports a year of measurements from a spreadsheet export, previews it, then confirms.</summary>
public sealed class ImportJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{

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
        await Screens.CheckAsync(page, "imp-01-import");

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
            await Screens.CheckAsync(page, "imp-02-apercu");

            await page.GetByRole(AriaRole.Button, new() { Name = "Importer les 12 mesures" }).ClickAsync();
            await Assertions.Expect(page.GetByText("Import terminé : 12 mesure(s) ajoutée(s), 0 mise(s) à jour.")).ToBeVisibleAsync();
            await Screens.CheckAsync(page, "imp-03-indicateur-importe");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_long_import_shows_a_progress_bar_that_moves_on_to_the_outcome()
    {
        var page = await fixture.NewPageAsync();
        var tab = $"/produits/{DemoPortfolio.JourneyProductSlug}/indicateurs";
        await page.GotoAsync(fixture.BaseUrl + "/connexion?ReturnUrl=" + Uri.EscapeDataString(tab + "/nouveau"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Choisir Karim Benali" }).ClickAsync();
        var indicatorId = await NewIndicatorAsync("Délai de traitement (import long)");
        await page.GotoAsync($"{fixture.BaseUrl}{tab}/{indicatorId}/import");

        var csv = new StringBuilder("date;valeur\r\n");
        var first = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-4000);
        for (var day = 0; day < 3990; day++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"{first.AddDays(day):yyyy-MM-dd};{20 + day % 7}\r\n");
        }
        var file = Path.Combine(Path.GetTempPath(), $"cap-import-long-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, csv.ToString());
        var jobs = fixture.Services.GetRequiredService<ImportJobs>();
        var wait = jobs.InlineWait;
        try
        {
            await page.GetByLabel("Fichier de mesures").SetInputFilesAsync(file);
            await page.GetByRole(AriaRole.Button, new() { Name = "Vérifier le fichier" }).ClickAsync();
            await Assertions.Expect(page.GetByText("3990 mesure(s) lisible(s)")).ToBeVisibleAsync();

            // Another writer holds the database while the import starts: the job waits at 0 %, as a long one would
            // show its first step, and the page can be looked at before the bar moves on.
            jobs.InlineWait = TimeSpan.Zero;
            await using var scope = fixture.Services.CreateAsyncScope();
            await using var blocker = new SqliteConnection(scope.ServiceProvider.GetRequiredService<CapDbContext>().Database.GetConnectionString());
            await blocker.OpenAsync();
            // BEGIN IMMEDIATE: the write lock is taken at once.
            await using (var transaction = blocker.BeginTransaction(deferred: false))
            {
                await page.GetByRole(AriaRole.Button, new() { Name = "Importer les 3990 mesures" }).ClickAsync();
                await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Import des mesures" })).ToBeVisibleAsync();
                await Assertions.Expect(page.GetByRole(AriaRole.Progressbar, new() { Name = "Progression de l’import" })).ToBeVisibleAsync();
                await Assertions.Expect(page.Locator("#import-status")).ToContainTextAsync("sur 3");
                await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Actualiser la progression" })).ToBeHiddenAsync();
                await Screens.CheckAsync(page, "imp-04-progression");
                await transaction.RollbackAsync();
            }

            // Released, the import finishes and the script moves on to the indicator with the outcome.
            await Assertions.Expect(page.GetByText("Import terminé : 3990 mesure(s) ajoutée(s), 0 mise(s) à jour.")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        }
        finally
        {
            jobs.InlineWait = wait;
            File.Delete(file);
        }
    }

    private async Task<int> NewIndicatorAsync(string name)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CapDbContext>();
        var product = await db.Products.SingleAsync(p => p.Slug == DemoPortfolio.JourneyProductSlug);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var indicator = new Indicator
        {
            ProductId = product.Id, Kind = IndicatorKind.Impact, Name = name, Unit = IndicatorUnit.Days, Direction = WantedDirection.Down,
            Baseline = 30, BaselineDate = today.AddYears(-11), Target = 10, TargetDate = today.AddYears(1), Frequency = UpdateFrequency.Weekly,
        };
        db.Indicators.Add(indicator);
        await db.SaveChangesAsync();
        return indicator.Id;
    }
}
