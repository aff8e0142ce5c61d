using System.Text.Json;
using Cap.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Cap.Browser.Tests;

/// <summary>
/// Cap served by Kestrel on a free loopback port (fresh SQLite database with the demo portfolio),
/// and Debian's Chromium driven by Playwright. No browser is downloaded.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private readonly SqliteCapFactory _factory = new();
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = default!;
    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>The application's services (its database, its singletons), for tests that arrange a situation.</summary>
    public IServiceProvider Services => _factory.Services;

    public static string ChromiumPath => Environment.GetEnvironmentVariable("CAP_CHROMIUM") ?? "/usr/bin/chromium";

    public async Task InitializeAsync()
    {
        _factory.UseKestrel(0);
        _factory.StartServer();
        BaseUrl = _factory.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        await Browser.CloseAsync();
        _playwright?.Dispose();
        await _factory.DisposeAsync();
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "fr-FR", BypassCSP = true, ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        return await context.NewPageAsync();
    }
}

/// <summary>Runs axe-core (from the npm registry, see src/Cap.Web/package.json) in the page.</summary>
public static class Axe
{
    private static readonly Lazy<string> Script = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Cap.slnx")))
        {
            dir = dir.Parent;
        }
        var path = Path.Combine(dir?.FullName ?? ".", "src", "Cap.Web", "node_modules", "axe-core", "axe.min.js");
        return File.ReadAllText(path);
    });

    /// <summary>The WCAG 2.2 A and AA violations of the current page (the rules tagged 2.0, 2.1 and 2.2), one line each (empty when none).</summary>
    /// <param name="page">The page, as it is now.</param>
    /// <param name="coloursOnly">Only the rules a change of theme can change (contrasts), for a second pass in the other theme.</param>
    public static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page, bool coloursOnly = false)
    {
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Content = Script.Value });
        var json = await page.EvaluateAsync<JsonElement>(
            "async coloursOnly => (await axe.run(document, { runOnly: coloursOnly ? { type: 'rule', values: ['color-contrast', 'link-in-text-block', 'non-text-contrast'].filter(r => axe.getRules().some(x => x.ruleId === r)) } : { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })).violations.map(v => ({ id: v.id, help: v.help, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5) }))",
            coloursOnly);
        return json.EnumerateArray()
            .Select(v => $"{v.GetProperty("id").GetString()}: {v.GetProperty("help").GetString()} — {string.Join(", ", v.GetProperty("nodes").EnumerateArray().Select(n => n.GetString()))}")
            .ToList();
    }

    public static async Task AssertNoViolationsAsync(IPage page)
    {
        var violations = await ViolationsAsync(page);
        Assert.True(violations.Count == 0, $"axe-core violations on {page.Url}:\n{string.Join("\n", violations)}");
    }
}

/// <summary>Full-page screenshots for a person to look at (CAP_SCREENSHOTS, or a temporary folder).</summary>
public static class Screens
{
    public static string Directory { get; } = Environment.GetEnvironmentVariable("CAP_SCREENSHOTS") ?? Path.Combine(Path.GetTempPath(), "cap-screens");

    public static async Task SaveAsync(IPage page, string name)
    {
        System.IO.Directory.CreateDirectory(Directory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Directory, name + ".png"), FullPage = true });
    }

    /// <summary>A screenshot, then axe-core: no WCAG 2.2 A/AA violation on the page.</summary>
    public static async Task CheckAsync(IPage page, string name)
    {
        await SaveAsync(page, name);
        await Axe.AssertNoViolationsAsync(page);
    }
}
