using Cap.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Cap.Browser.Tests;

/// <summary>
/// Every page and every form, for every demo role, found by crawling (nothing listed by hand), in Chromium:
/// each POST form carries its antiforgery token and, submitted as rendered (its empty required fields filled), is
/// never answered 400, 403 or 5xx and never loses a field that was filled. For an administrator, a team member and
/// a reader, axe-core finds no WCAG 2.2 A/AA violation on any page, in the light and in the dark theme.
/// One class per role: each crawl submits forms on a database of its own.
/// </summary>
public abstract class CrawlTests(BrowserFixture fixture, string person, bool withAxe)
{
    private const int MaxPages = 150;

    [Fact]
    public async Task Every_page_and_form_works_as_rendered()
    {
        var page = await fixture.NewPageAsync();
        await SignInAsync(page, fixture.BaseUrl, person);
        var crawl = new SiteCrawl(fixture, Demo.JourneyProductSlug);
        var violations = new List<string>();

        var (pages, forms) = await crawl.CrawlAsync(page, MaxPages, withAxe ? p => AuditAsync(p, violations) : null);

        Assert.True(pages.Count >= 15, $"The crawl reached only {pages.Count} page(s): {string.Join(", ", pages)}");
        Assert.True(violations.Count == 0, $"axe-core, {pages.Count} pages × 2 themes:\n{string.Join("\n", violations)}");

        // Forms that remove or close something go last, so that they do not take the others' pages away first.
        var failures = new List<string>();
        var submitted = 0;
        foreach (var form in forms.OrderBy(f => Destructive(f.Signature)))
        {
            var outcome = await crawl.SubmitAsync(page, form);
            if (outcome.Status != 0)
            {
                submitted++;
            }
            if (outcome.Status is < 0 or 400 or 403 or >= 500)
            {
                failures.Add($"{form.PageUrl} — {form.Signature}: {outcome.Status} {outcome.Detail}");
            }
            if (new Uri(page.Url).AbsolutePath == "/connexion")
            {
                await SignInAsync(page, fixture.BaseUrl, person);
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {forms.Count} forms failed:\n{string.Join("\n", failures)}");
        Assert.True(submitted >= forms.Count / 2, $"Only {submitted} of {forms.Count} forms could be submitted.");
        Console.WriteLine($"Crawl as {person}: {pages.Count} pages, {forms.Count} forms, {submitted} submitted.");
    }

    private static bool Destructive(string signature) =>
        System.Text.RegularExpressions.Regex.IsMatch(signature,
            "supprim|archiv|retir|revoque|revoke|delete|archive|deactiv|desactiv|remove|withdraw|cancel|annul|close|clotur|arret|stop",
            System.Text.RegularExpressions.RegexOptions.IgnoreCase);

    internal static async Task SignInAsync(IPage page, string baseUrl, string email)
    {
        var name = Cap.Data.Seeding.DemoPortfolio.People.First(p => p.Email == email).Name;
        await page.GotoAsync(baseUrl + "/connexion");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Choisir {name}" }).ClickAsync();
        await Assertions.Expect(page.GetByText($"Bonjour {name}.")).ToBeVisibleAsync();
    }

    private static async Task AuditAsync(IPage page, List<string> violations)
    {
        foreach (var theme in new[] { "light", "dark" })
        {
            await page.EvaluateAsync("""
                theme => {
                  if (!document.getElementById('crawl-no-transition')) {
                    const style = document.createElement('style');
                    style.id = 'crawl-no-transition';
                    style.textContent = '*, *::before, *::after { transition: none !important; animation: none !important; }';
                    document.head.appendChild(style);
                  }
                  document.documentElement.setAttribute('data-fr-theme', theme);
                }
                """, theme);
            // Every rule in the light theme; in the dark one, only the contrasts (nothing else depends on the theme).
            foreach (var violation in await Axe.ViolationsAsync(page, coloursOnly: theme == "dark"))
            {
                violations.Add($"{new Uri(page.Url).PathAndQuery} ({theme}): {violation}");
            }
        }
    }
}

public sealed class AdministratorCrawlTests(BrowserFixture fixture) : CrawlTests(fixture, Demo.Administrateur, withAxe: true), IClassFixture<BrowserFixture>;

public sealed class TeamMemberCrawlTests(BrowserFixture fixture) : CrawlTests(fixture, Demo.ProductOwner, withAxe: true), IClassFixture<BrowserFixture>;

public sealed class ReaderCrawlTests(BrowserFixture fixture) : CrawlTests(fixture, Demo.Lecteur, withAxe: true), IClassFixture<BrowserFixture>;

public sealed class CommitteeMemberCrawlTests(BrowserFixture fixture) : CrawlTests(fixture, Demo.MembreComite, withAxe: false), IClassFixture<BrowserFixture>;

public sealed class CoachCrawlTests(BrowserFixture fixture) : CrawlTests(fixture, Demo.Coach, withAxe: false), IClassFixture<BrowserFixture>;
