using System.Net;
using System.Net.Sockets;
using System.Text;
using Cap.Data.Seeding;
using Microsoft.Playwright;

namespace Cap.Browser.Tests;

/// <summary>
/// The satisfaction journey: the team reads its statistics and snippets; a visitor answers the public form with and
/// without JavaScript; the snippets work on a page of an allowed origin and the form refuses other framers; axe-core on every page.
/// </summary>
public sealed class SatisfactionJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private async Task<IPage> SignedInAsync(string url)
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(fixture.BaseUrl + "/connexion?ReturnUrl=" + Uri.EscapeDataString(url));
        await page.GetByRole(AriaRole.Button, new() { Name = "Choisir Karim Benali" }).ClickAsync();
        return page;
    }

    [Fact]
    public async Task Team_reads_statistics_and_a_visitor_answers_with_and_without_javascript()
    {
        var tab = $"/produits/{DemoPortfolio.JourneyProductSlug}/satisfaction";
        var page = await SignedInAsync(tab + "?periode=12m");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Satisfaction des usagers" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("bar-chart canvas").First).ToBeAttachedAsync();
        await Screens.CheckAsync(page, "sat-10-statistiques");

        await page.GetByRole(AriaRole.Link, new() { Name = "Configurer le formulaire et ses emplacements" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Formulaire de satisfaction" })).ToBeVisibleAsync();
        await Screens.CheckAsync(page, "sat-11-configuration");
        var link = await page.Locator("input[id^=lien-]").First.InputValueAsync();

        // Without JavaScript: the form, its radio groups and the confirmation work.
        var noScript = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "fr-FR", JavaScriptEnabled = false, ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var visitor = await noScript.NewPageAsync();
        await visitor.GotoAsync(link);
        await Assertions.Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "Je donne mon avis", Level = 1 })).ToBeVisibleAsync();
        await Screens.SaveAsync(visitor, "sat-20-formulaire-sans-js");
        await visitor.GetByRole(AriaRole.Group, new() { Name = "De façon générale" }).GetByLabel("Bien").CheckAsync(new() { Force = true });
        await visitor.GetByLabel("4", new() { Exact = true }).First.CheckAsync(new() { Force = true });
        await visitor.GetByLabel("Souhaitez-vous nous en dire plus ?").FillAsync("Très pratique. Rappelez-moi au 06 98 76 54 32.");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Envoyer mon avis" }).ClickAsync();
        await Assertions.Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "Merci pour votre avis" })).ToBeVisibleAsync();
        await Screens.SaveAsync(visitor, "sat-21-merci-sans-js");
        await noScript.CloseAsync();

        // With JavaScript: an error beside the required question, then the answer.
        var withScript = await fixture.NewPageAsync();
        await withScript.GotoAsync(link);
        await Screens.CheckAsync(withScript, "sat-22-formulaire");
        await withScript.GetByRole(AriaRole.Button, new() { Name = "Envoyer mon avis" }).ClickAsync();
        await Assertions.Expect(withScript.Locator("#Input_Experience-messages")).ToContainTextAsync("Choisissez comment s’est passée votre démarche");
        await Screens.CheckAsync(withScript, "sat-23-formulaire-erreur");
        await withScript.GetByRole(AriaRole.Group, new() { Name = "De façon générale" }).GetByLabel("Moyen").CheckAsync(new() { Force = true });
        await withScript.GetByRole(AriaRole.Button, new() { Name = "Envoyer mon avis" }).ClickAsync();
        await Assertions.Expect(withScript.GetByRole(AriaRole.Heading, new() { Name = "Merci pour votre avis" })).ToBeVisibleAsync();
        await Screens.CheckAsync(withScript, "sat-24-merci");

        // The published statistics, for anyone.
        await withScript.GotoAsync(fixture.BaseUrl + $"/satisfaction/{DemoPortfolio.JourneyProductSlug}");
        await Assertions.Expect(withScript.Locator("line-chart canvas").First).ToBeAttachedAsync();
        await Screens.CheckAsync(withScript, "sat-25-statistiques-publiques");

        await page.GotoAsync(fixture.BaseUrl + tab + "?periode=7j");
        await Assertions.Expect(page.Locator("#evolution")).ToBeVisibleAsync();
        await Screens.CheckAsync(page, "sat-12-statistiques-7-jours");

        // The comment typed without JavaScript is there, its phone number masked; the team can hide it.
        await page.GetByRole(AriaRole.Link, new() { Name = "Lire les verbatims" }).ClickAsync();
        await page.Locator("#q").FillAsync("Très pratique");
        await page.GetByRole(AriaRole.Button, new() { Name = "Rechercher" }).ClickAsync();
        await Assertions.Expect(page.Locator("#verbatims")).ToContainTextAsync("Rappelez-moi au [numéro de téléphone masqué]");
        await Screens.CheckAsync(page, "sat-14-verbatims");
        await page.GetByRole(AriaRole.Link, new() { Name = "Masquer le verbatim" }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Masquer un verbatim" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Masquer le verbatim" }).ClickAsync();
        await Assertions.Expect(page.Locator("#Reason-messages")).ToContainTextAsync("Indiquez pourquoi");
        await Screens.CheckAsync(page, "sat-15-masquer-verbatim-erreur");
        await page.Locator("#Reason").FillAsync("Test de modération");
        await page.GetByRole(AriaRole.Button, new() { Name = "Masquer le verbatim" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Le verbatim est masqué.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Snippets_work_on_an_allowed_origin_and_framing_is_refused_elsewhere()
    {
        using var host = new HostPage();
        var page = await SignedInAsync($"/produits/{DemoPortfolio.JourneyProductSlug}/satisfaction/emplacements/nouveau");
        await page.Locator("#Input_Label").FillAsync("Page de test intégration");
        await page.Locator("#Input_AllowedOrigins").FillAsync(host.Origin);
        await Screens.CheckAsync(page, "sat-13-nouvel-emplacement");
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer l’emplacement" }).ClickAsync();
        await Assertions.Expect(page.GetByText("est créé")).ToBeVisibleAsync();
        var section = page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Page de test intégration" }) });
        host.Script = await section.Locator("textarea[id^=script-]").InputValueAsync();
        host.Iframe = await section.Locator("textarea[id^=iframe-]").InputValueAsync();

        // A real CSP on both sides: no bypass in this context.
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "fr-FR", ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var product = await context.NewPageAsync();
        await product.GotoAsync(host.Origin + "/");
        var button = product.GetByRole(AriaRole.Link, new() { Name = "Je donne mon avis" });
        await Assertions.Expect(button).ToBeVisibleAsync();
        var framed = product.FrameLocator("iframe");
        await Assertions.Expect(framed.GetByRole(AriaRole.Heading, new() { Name = "Je donne mon avis", Level = 1 })).ToBeVisibleAsync();
        // Framed: no site header or footer.
        await Assertions.Expect(framed.Locator("header")).ToHaveCountAsync(0);
        await framed.GetByRole(AriaRole.Group, new() { Name = "De façon générale" }).GetByLabel("Bien").CheckAsync(new() { Force = true });
        await framed.GetByRole(AriaRole.Button, new() { Name = "Envoyer mon avis" }).ClickAsync();
        await Assertions.Expect(framed.GetByRole(AriaRole.Heading, new() { Name = "Merci pour votre avis" })).ToBeVisibleAsync();
        await Assertions.Expect(framed.Locator("footer")).ToHaveCountAsync(0);
        await Screens.SaveAsync(product, "sat-30-integration-origine-autorisee");

        // The same page from another origin (localhost is not 127.0.0.1): the browser refuses to frame the form.
        var other = await context.NewPageAsync();
        await other.GotoAsync(host.OtherOrigin + "/");
        await Assertions.Expect(other.GetByRole(AriaRole.Link, new() { Name = "Je donne mon avis" })).ToBeVisibleAsync();
        await other.WaitForTimeoutAsync(500);
        Assert.DoesNotContain(other.Frames, f => f != other.MainFrame && f.Url.Contains("/avis/", StringComparison.Ordinal) && f.Url.StartsWith("http", StringComparison.Ordinal) && FrameHasForm(f));
        await Screens.SaveAsync(other, "sat-31-integration-origine-refusee");
        await context.CloseAsync();
    }

    private static bool FrameHasForm(IFrame frame)
    {
        try
        {
            return frame.Locator("form").CountAsync().GetAwaiter().GetResult() > 0;
        }
        catch (PlaywrightException)
        {
            return false;
        }
    }

    /// <summary>A product's page on another origin, holding the placement's script and iframe snippets.</summary>
    private sealed class HostPage : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly int _port;

        public HostPage()
        {
            using (var probe = new TcpListener(IPAddress.Loopback, 0))
            {
                probe.Start();
                _port = ((IPEndPoint)probe.LocalEndpoint).Port;
                probe.Stop();
            }
            _listener.Prefixes.Add($"http://127.0.0.1:{_port}/");
            _listener.Prefixes.Add($"http://localhost:{_port}/");
            _listener.Start();
            _ = Task.Run(ServeAsync);
        }

        public string Origin => $"http://127.0.0.1:{_port}";
        public string OtherOrigin => $"http://localhost:{_port}";
        public string Script { get; set; } = string.Empty;
        public string Iframe { get; set; } = string.Empty;

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }
                var html = $"""
                    <!DOCTYPE html>
                    <html lang="fr"><head><meta charset="utf-8"><title>Démarche de test</title></head>
                    <body><main><h1>Votre demande est envoyée</h1>
                    {Script}
                    {Iframe}
                    </main></body></html>
                    """;
                var bytes = Encoding.UTF8.GetBytes(html);
                context.Response.ContentType = "text/html; charset=utf-8";
                context.Response.Headers["Content-Security-Policy"] = "default-src 'self'; script-src 'self' " + "http://127.0.0.1:* http://localhost:*" + "; frame-src *";
                await context.Response.OutputStream.WriteAsync(bytes);
                context.Response.Close();
            }
        }

        public void Dispose() => _listener.Close();
    }
}
