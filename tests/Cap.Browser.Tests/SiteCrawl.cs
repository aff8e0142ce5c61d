using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Cap.Browser.Tests;

/// <summary>
/// Walks Cap as a signed-in person: every page reachable by following links from the home page (one page of each
/// shape: <c>/comite/seances/12</c> and <c>/comite/seances/13</c> are one shape; product pages are those of the
/// journey product), and every POST form those pages render. Nothing is listed by hand: a new screen is crawled
/// because a link leads to it.
/// </summary>
public sealed partial class SiteCrawl(BrowserFixture fixture, string productSlug)
{
    /// <summary>Pages and links a crawl never follows: they leave the site, download a file, answer JSON or sign out.</summary>
    private static readonly Regex Skipped = SkippedPattern();

    /// <summary>Where the crawl writes what it does, line by line, when CAP_CRAWL_LOG names a file (for a person watching a long run).</summary>
    private static readonly string? LogFile = Environment.GetEnvironmentVariable("CAP_CRAWL_LOG");

    private static void Log(string line)
    {
        if (LogFile is not null)
        {
            lock (typeof(SiteCrawl))
            {
                File.AppendAllText(LogFile, $"{DateTime.UtcNow:HH:mm:ss.fff} {line}\n");
            }
        }
    }

    public sealed record FormShape(string PageUrl, string Signature);

    public sealed record Outcome(FormShape Form, int Status, string Detail);

    /// <summary>The pages visited in order, and the distinct forms met on them.</summary>
    public async Task<(List<string> Pages, List<FormShape> Forms)> CrawlAsync(IPage page, int maxPages, Func<IPage, Task>? onPage = null)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>();
        var pages = new List<string>();
        var forms = new List<FormShape>();
        var formShapes = new HashSet<string>(StringComparer.Ordinal);
        void Enqueue(string path)
        {
            if (seen.Add(Shape(path)))
            {
                queue.Enqueue(path);
            }
        }
        Enqueue("/");
        Enqueue($"/produits/{productSlug}");
        while (queue.Count > 0 && pages.Count < maxPages)
        {
            var path = queue.Dequeue();
            var response = await GotoAsync(page, fixture.BaseUrl + path);
            var status = response?.Status ?? 0;
            Log($"GET {path} {status}");
            Assert.True(status < 500, $"GET {path} answered {status}.");
            if (status >= 400 || !(response?.Headers.TryGetValue("content-type", out var type) == true && type.StartsWith("text/html", StringComparison.Ordinal)))
            {
                continue;
            }
            var here = new Uri(page.Url).PathAndQuery;
            if (!here.Equals(path, StringComparison.Ordinal) && !seen.Add(Shape(here)) && pages.Contains(here))
            {
                continue;
            }
            pages.Add(here);
            if (onPage is not null)
            {
                await onPage(page);
            }
            foreach (var signature in await page.EvaluateAsync<string[]>(FormSignaturesScript))
            {
                if (formShapes.Add(IdsOut(signature)))
                {
                    forms.Add(new FormShape(here, signature));
                }
            }
            var links = await page.EvaluateAsync<string[]>(
                "() => [...document.querySelectorAll('a[href]')].filter(a => !a.hasAttribute('download')).map(a => a.href)");
            foreach (var link in links)
            {
                if (Uri.TryCreate(link, UriKind.Absolute, out var uri)
                    && link.StartsWith(fixture.BaseUrl + "/", StringComparison.Ordinal)
                    && !Skipped.IsMatch(uri.AbsolutePath + uri.Query)
                    && IsOnJourneyProduct(uri.AbsolutePath))
                {
                    Enqueue(uri.PathAndQuery);
                }
            }
        }
        return (pages, forms);
    }

    /// <summary>
    /// Loads the form's page again, fills its empty required fields with valid-looking values, submits it as the
    /// browser does (its own submit button, its own action) and tells what came back. A form that a previous
    /// submission removed (an item deleted, a request withdrawn) is reported with status 0.
    /// </summary>
    public async Task<Outcome> SubmitAsync(IPage page, FormShape form)
    {
        var response = await GotoAsync(page, fixture.BaseUrl + form.PageUrl);
        if (response is null || response.Status >= 400)
        {
            return new Outcome(form, 0, $"page now answers {response?.Status}");
        }
        var found = await page.EvaluateAsync<JsonElement>(FillScript, new { signature = form.Signature, shape = IdsOut(form.Signature) });
        if (found.ValueKind != JsonValueKind.Object)
        {
            return new Outcome(form, 0, "form no longer on its page");
        }
        if (!found.GetProperty("antiforgery").GetBoolean())
        {
            return new Outcome(form, -1, "no antiforgery token in the form");
        }
        foreach (var file in found.GetProperty("files").EnumerateArray())
        {
            await page.Locator($"[data-crawl-file='{file.GetString()}']").SetInputFilesAsync(new FilePayload
            {
                Name = "mesures.csv",
                MimeType = "text/csv",
                Buffer = "date;valeur\n01/01/2026;12\n"u8.ToArray(),
            });
        }
        var filled = found.GetProperty("filled").EnumerateArray().Select(e => e.GetString()!).ToList();
        page.Dialog += AcceptDialog;
        // Whether the browser sent the POST at all: a refused form and a slow answer are different failures.
        var sent = false;
        void Sent(object? sender, IRequest request) => sent |= request.Method == "POST" && request.Frame == page.MainFrame;
        page.Request += Sent;
        try
        {
            // 30 s: with two cores, several crawls and their servers run side by side.
            var posted = await page.RunAndWaitForResponseAsync(
                () => page.EvaluateAsync("() => { const f = document.querySelector('form[data-crawl-target]'); const b = f.querySelector('[data-crawl-submitter]') ?? document.querySelector('[data-crawl-submitter]'); f.requestSubmit(b ?? undefined); }"),
                r => r.Request.Method == "POST" && r.Request.Frame == page.MainFrame,
                new PageRunAndWaitForResponseOptions { Timeout = 30_000 });
            var status = posted.Status;
            Log($"POST {form.Signature} {status}");
            await SettleAsync(page);
            var lost = status is >= 200 and < 300 or 409 or 422 ? await LostFieldsAsync(page, filled) : [];
            var detail = lost.Count > 0 ? $"filled field(s) {string.Join(", ", lost)} came back empty with an error" : page.Url;
            return new Outcome(form, lost.Count > 0 ? -2 : status, detail);
        }
        catch (TimeoutException)
        {
            Log($"POST {form.Signature} {(sent ? "sent, no answer in 30 s" : "not sent")}");
            return sent
                ? new Outcome(form, -4, "the POST was sent but not answered within 30 s")
                : new Outcome(form, -3, "no POST was sent (the browser refused the form: a required field it could not fill?)");
        }
        finally
        {
            page.Request -= Sent;
            page.Dialog -= AcceptDialog;
        }
    }

    private static async void AcceptDialog(object? sender, IDialog dialog) => await dialog.AcceptAsync();

    /// <summary>Goes to a page, again when the navigation a submission started (its redirect) interrupts it.</summary>
    private static async Task<IResponse?> GotoAsync(IPage page, string url)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await page.GotoAsync(url);
            }
            catch (PlaywrightException e) when (attempt < 5 && e.Message.Contains("interrupted by another navigation", StringComparison.Ordinal))
            {
                await Task.Delay(300);
            }
        }
    }

    /// <summary>Waits until the page the submission leads to (after its redirect, if any) has loaded and stays put.</summary>
    private static async Task SettleAsync(IPage page)
    {
        var url = page.Url;
        for (var i = 0; i < 20; i++)
        {
            await Task.Delay(250);
            try
            {
                await page.WaitForLoadStateAsync(LoadState.Load);
            }
            catch (PlaywrightException)
            {
                continue;
            }
            if (page.Url == url)
            {
                return;
            }
            url = page.Url;
        }
    }

    /// <summary>The fields that were filled before the submission and are now shown empty with an error message.</summary>
    private static async Task<List<string>> LostFieldsAsync(IPage page, List<string> filled)
    {
        if (filled.Count == 0 || !page.Url.StartsWith("http", StringComparison.Ordinal))
        {
            return [];
        }
        // After a redirect the browser may still be leaving the answered page: read the page it lands on.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await page.WaitForLoadStateAsync(LoadState.Load);
                return await ReadLostFieldsAsync(page, filled);
            }
            catch (PlaywrightException e) when (attempt < 10 && e.Message.Contains("context was destroyed", StringComparison.Ordinal))
            {
                await Task.Delay(200);
            }
        }
    }

    // A secret (password-type field: an API key, a token) is never written back into a page, even after a refusal
    // (decision 0021): the person types it again, so its field coming back empty is not lost data.
    private static async Task<List<string>> ReadLostFieldsAsync(IPage page, List<string> filled)
    {
        var lost = await page.EvaluateAsync<string[]>("""
            names => names.filter(n => {
              const el = [...document.querySelectorAll('[name]')].find(e => e.getAttribute('name') === n && e.type !== 'hidden');
              if (!el || el.type === 'file' || el.type === 'password' || el.type === 'checkbox' || el.type === 'radio') return false;
              const group = el.closest('.fr-input-group, .fr-select-group');
              const invalid = el.getAttribute('aria-invalid') === 'true' || (group && /--error/.test(group.className));
              return invalid && (el.value ?? '').trim() === '';
            })
            """, filled);
        return [.. lost];
    }

    private bool IsOnJourneyProduct(string path)
    {
        var match = ProductPath().Match(path);
        return !match.Success || match.Groups[1].Value is "nouveau" || match.Groups[1].Value == productSlug;
    }

    /// <summary>One page of each shape: numbers, keys and dates in the path stand for any; the query is left out.</summary>
    private static string Shape(string pathAndQuery)
    {
        var path = pathAndQuery.Split('?')[0];
        return IdsOut(path);
    }

    private static string IdsOut(string text) => IdPattern().Replace(text, "{id}");

    [GeneratedRegex(@"(?<=/)([0-9]+|[0-9a-f]{8}-[0-9a-f-]{27}|[0-9]{4}-[0-9]{2}(-[0-9]{2})?|[A-Za-z0-9_-]{20,})(?=[/?&""]|$)|(?<=[=])[0-9]+")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^/produits/([^/?]+)")]
    private static partial Regex ProductPath();

    [GeneratedRegex(@"^/(api|openapi|health|connexion|deconnexion|signin-oidc|signout-callback-oidc)(/|$)|\.(csv|xlsx|ics|js|json|pdf|png|svg)(\?|$)|[?&]handler=|/export|/calendrier|/agenda\.ics|format=", RegexOptions.IgnoreCase)]
    private static partial Regex SkippedPattern();

    /// <summary>Signatures of the page's POST forms (one per submit button that changes the action), sign-out excluded.</summary>
    private const string FormSignaturesScript = """
        () => {
          const result = [];
          for (const f of document.querySelectorAll('form')) {
            if ((f.getAttribute('method') || '').toLowerCase() !== 'post') continue;
            const action = f.getAttribute('action') || location.pathname + location.search;
            if (/^\/deconnexion/.test(new URL(action, location.href).pathname)) continue;
            const names = [...new Set([...f.elements].map(e => e.name).filter(n => n && n !== '__cap_csrf'))].sort().join(',');
            const actions = new Set([...f.elements].filter(e => e.type === 'submit').map(e => e.getAttribute('formaction') || ''));
            if (actions.size === 0) actions.add('');
            for (const a of actions) result.push(`${a || action} [${names}]`);
          }
          return result;
        }
        """;

    /// <summary>Finds the form by its signature (or its shape), fills the empty required fields and marks form and submitter.</summary>
    private const string FillScript = """
        ({ signature, shape }) => {
          const ids = s => s.replace(/(?<=\/)([0-9]+|[0-9a-f]{8}-[0-9a-f-]{27}|[0-9]{4}-[0-9]{2}(-[0-9]{2})?|[A-Za-z0-9_-]{20,})(?=[\/?&"]|$)|(?<=[=])[0-9]+/g, '{id}');
          let exact = null, similar = null;
          for (const f of document.querySelectorAll('form')) {
            if ((f.getAttribute('method') || '').toLowerCase() !== 'post') continue;
            const action = f.getAttribute('action') || location.pathname + location.search;
            const names = [...new Set([...f.elements].map(e => e.name).filter(n => n && n !== '__cap_csrf'))].sort().join(',');
            const buttons = [...f.elements].filter(e => e.type === 'submit');
            for (const b of buttons.length ? buttons : [null]) {
              const sig = `${(b && b.getAttribute('formaction')) || action} [${names}]`;
              if (!exact && sig === signature) exact = [f, b];
              if (!similar && ids(sig) === shape) similar = [f, b];
            }
          }
          const [chosen, submitter] = exact ?? similar ?? [null, null];
          if (!chosen) return null;
          chosen.setAttribute('data-crawl-target', '');
          if (submitter) submitter.setAttribute('data-crawl-submitter', '');
          const today = new Date().toISOString().slice(0, 10);
          const filled = [], files = [];
          const radios = new Set();
          for (const el of chosen.elements) {
            if (!el.name || el.disabled || el.type === 'hidden' || el.type === 'submit' || el.type === 'button') continue;
            const required = el.required || el.getAttribute('aria-required') === 'true';
            if (el.type === 'file') {
              if (required) { el.setAttribute('data-crawl-file', el.name); files.push(el.name); }
              continue;
            }
            if (el.type === 'radio') {
              if (radios.has(el.name)) continue;
              radios.add(el.name);
              const group = [...chosen.elements].filter(e => e.name === el.name && e.type === 'radio');
              const groupRequired = group.some(e => e.required) || !!el.closest('[aria-required="true"]');
              if (groupRequired && !group.some(e => e.checked)) { group[0].checked = true; filled.push(el.name); }
              continue;
            }
            if (el.type === 'checkbox') {
              if (required && !el.checked) { el.checked = true; filled.push(el.name); }
              continue;
            }
            if (!required || (el.value ?? '').trim() !== '') continue;
            if (el.tagName === 'SELECT') {
              const option = [...el.options].find(o => o.value);
              if (option) { el.value = option.value; filled.push(el.name); }
              continue;
            }
            const min = el.getAttribute('min'), max = el.getAttribute('max');
            let value;
            switch (el.type) {
              case 'email': value = 'essai.crawl@example.gouv.fr'; break;
              case 'url': value = 'https://essai.example.gouv.fr'; break;
              case 'number': value = min ? String(Math.max(Number(min), Math.min(30, Number(max || 30)))) : String(Math.min(30, Number(max || 30))); break;
              case 'date': value = today; break;
              case 'month': value = today.slice(0, 7); break;
              case 'time': value = '10:00'; break;
              default: value = el.tagName === 'TEXTAREA' ? 'Texte saisi par le parcours automatique.' : 'Essai automatique';
            }
            el.value = value;
            filled.push(el.name);
          }
          const antiforgery = !!chosen.querySelector('input[type=hidden][name="__cap_csrf"]')?.value;
          return { antiforgery, filled, files };
        }
        """;
}
