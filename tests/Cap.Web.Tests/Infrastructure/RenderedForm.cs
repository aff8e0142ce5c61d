using System.Net.Http.Headers;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Cap.Web.Tests.Infrastructure;

/// <summary>
/// A POST form exactly as a page rendered it, submitted as a browser would: its action (or the submit button's
/// <c>formaction</c>), its encoding, and the values a browser sends (inputs, checked boxes and radios, selected
/// options, text areas, the antiforgery token). A test fills fields by the names the markup carries: naming a field
/// the form does not have fails the test, so a form whose inputs are named wrong cannot pass by a post built by hand.
/// </summary>
public sealed class RenderedForm
{
    private readonly List<KeyValuePair<string, string>> _values;
    private readonly List<(string Name, string FileName, byte[] Content)> _files = [];

    private RenderedForm(string pageUrl, string action, string enctype, string text, List<KeyValuePair<string, string>> values, HashSet<string> names)
    {
        PageUrl = pageUrl;
        Text = text;
        Action = action;
        Enctype = enctype;
        _values = values;
        Names = names;
    }

    public string PageUrl { get; }

    /// <summary>Where the browser posts it: path and query, relative to the site.</summary>
    public string Action { get; }

    public string Enctype { get; }

    /// <summary>What the form says (its labels and buttons), to tell apart forms that post to the same place.</summary>
    public string Text { get; }

    /// <summary>Every field name the form carries (sent or not: unchecked boxes and file inputs too).</summary>
    public IReadOnlySet<string> Names { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Values => _values;

    public string? this[string name] => _values.FirstOrDefault(v => v.Key == name).Value;

    /// <summary>
    /// Reads <paramref name="pageUrl"/> and returns its POST form that posts to <paramref name="action"/> (by default,
    /// the page itself) and carries every name of <paramref name="fieldNames"/>; among several, the one whose current
    /// values agree most with <paramref name="preferred"/> (e.g. the row of a list whose hidden id is the one wanted).
    /// </summary>
    public static async Task<RenderedForm> ReadAsync(HttpClient client, string pageUrl, string? action = null,
        IEnumerable<string>? fieldNames = null, IEnumerable<KeyValuePair<string, string>>? preferred = null)
    {
        using var response = await client.GetAsync(new Uri(pageUrl, UriKind.RelativeOrAbsolute));
        var html = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET {pageUrl} answered {(int)response.StatusCode} {response.Headers.Location}: no form to read.");
        }
        using var document = await new HtmlParser().ParseDocumentAsync(html);
        var forms = All(document, pageUrl);
        var target = Normalize(action ?? pageUrl, pageUrl);
        var names = (fieldNames ?? []).Distinct().ToList();
        var wanted = (preferred ?? []).ToList();
        var candidates = forms.Where(f => Normalize(f.Action, pageUrl) == target).ToList();
        if (candidates.Count == 0)
        {
            throw new InvalidOperationException(
                $"GET {pageUrl}: no POST form posts to {action ?? pageUrl}. Forms on the page post to: {string.Join(", ", forms.Select(f => f.Action).Distinct())}.");
        }
        var fitting = candidates.Where(f => names.All(f.Names.Contains)).ToList();
        if (fitting.Count == 0)
        {
            var best = candidates.OrderBy(f => names.Count(n => !f.Names.Contains(n))).First();
            throw new InvalidOperationException(
                $"GET {pageUrl}: the form posting to {best.Action} has no field {string.Join(", ", names.Where(n => !best.Names.Contains(n)))}. " +
                $"Its fields: {string.Join(", ", best.Names.Order())}.");
        }
        return fitting.OrderByDescending(f => wanted.Count(w => f._values.Contains(w))).First();
    }

    /// <summary>Reads <paramref name="pageUrl"/> (relative, or absolute for a server of its own) and returns its POST forms.</summary>
    public static async Task<IReadOnlyList<RenderedForm>> AllAsync(HttpClient client, string pageUrl)
    {
        using var response = await client.GetAsync(new Uri(pageUrl, UriKind.RelativeOrAbsolute));
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET {pageUrl} answered {(int)response.StatusCode} {response.Headers.Location}: no form to read.");
        }
        return await InAsync(response, pageUrl);
    }

    /// <summary>The demo sign-in form of <paramref name="displayName"/> (« Choisir … ») on /connexion, submitted: the client then holds a session.</summary>
    public static async Task<HttpResponseMessage> SignInAsDemoAsync(HttpClient client, string displayName, string site = "")
    {
        var form = (await AllAsync(client, site + "/connexion")).Single(f => f.Text.Contains($"Choisir {displayName}", StringComparison.Ordinal));
        return await form.SubmitAsync(client);
    }

    /// <summary>The POST forms of a page already received (e.g. the answer to a previous submission), <paramref name="pageUrl"/> being where it was received.</summary>
    public static async Task<IReadOnlyList<RenderedForm>> InAsync(HttpResponseMessage response, string pageUrl)
    {
        using var document = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        return All(document, pageUrl);
    }

    /// <summary>The one POST form of a page already received whose action contains <paramref name="actionPart"/>.</summary>
    public static async Task<RenderedForm> InAsync(HttpResponseMessage response, string pageUrl, string actionPart) =>
        (await InAsync(response, pageUrl)).Single(f => f.Action.Contains(actionPart, StringComparison.Ordinal));

    /// <summary>Every POST form of a page, one per submit button that changes where it posts.</summary>
    public static IReadOnlyList<RenderedForm> All(IDocument document, string pageUrl)
    {
        var result = new List<RenderedForm>();
        foreach (var form in document.QuerySelectorAll("form"))
        {
            if (!string.Equals(form.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            var formAction = form.GetAttribute("action") is { Length: > 0 } a ? a : pageUrl;
            var enctype = form.GetAttribute("enctype") ?? "application/x-www-form-urlencoded";
            var controls = Controls(document, form).ToList();
            var submitters = controls.Where(IsSubmitter).ToList();
            var actions = submitters.Select(s => s.GetAttribute("formaction") is { Length: > 0 } fa ? fa : formAction).Distinct().ToList();
            if (actions.Count == 0)
            {
                actions.Add(formAction);
            }
            foreach (var submitAction in actions)
            {
                var submitter = submitters.FirstOrDefault(s => (s.GetAttribute("formaction") is { Length: > 0 } fa ? fa : formAction) == submitAction);
                var (values, names) = Collect(controls, submitter);
                result.Add(new RenderedForm(pageUrl, System.Net.WebUtility.HtmlDecode(submitAction), enctype, form.TextContent, values, names));
            }
        }
        return result;
    }

    /// <summary>Sets a field to one value (replacing every value it had), as typing, choosing or ticking would.</summary>
    public RenderedForm Set(string name, string value)
    {
        Require(name);
        _values.RemoveAll(v => v.Key == name);
        _values.Add(new(name, value));
        return this;
    }

    /// <summary>Sets a field that takes several values (a group of check boxes, a multiple select).</summary>
    public RenderedForm SetAll(string name, IEnumerable<string> values)
    {
        Require(name);
        _values.RemoveAll(v => v.Key == name);
        _values.AddRange(values.Select(v => new KeyValuePair<string, string>(name, v)));
        return this;
    }

    /// <summary>Chooses a file for a file input.</summary>
    public RenderedForm Attach(string name, string fileName, byte[] content)
    {
        Require(name);
        _files.RemoveAll(f => f.Name == name);
        _files.Add((name, fileName, content));
        return this;
    }

    /// <summary>
    /// Posts the form to its action, on the site it came from or on <paramref name="site"/> (another instance of the
    /// application); <paramref name="configure"/> adds what a page's script would (e.g. an Accept header).
    /// </summary>
    public async Task<HttpResponseMessage> SubmitAsync(HttpClient client, Action<HttpRequestMessage>? configure = null, Uri? site = null)
    {
        // (On Unix "/x" parses as an absolute file: URI: only an http(s) page address is a site of its own.)
        var origin = site ?? (Uri.TryCreate(PageUrl, UriKind.Absolute, out var page) && page.Scheme.StartsWith("http", StringComparison.Ordinal) ? page : null);
        var target = origin is null ? new Uri(Action, UriKind.RelativeOrAbsolute) : new Uri(origin, Action);
        using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = Body() };
        configure?.Invoke(request);
        return await client.SendAsync(request);
    }

    private HttpContent Body()
    {
        if (Enctype.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            var multipart = new MultipartFormDataContent();
            foreach (var (name, value) in _values)
            {
                multipart.Add(new StringContent(value), name);
            }
            foreach (var (name, fileName, content) in _files)
            {
                var file = new ByteArrayContent(content);
                file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
                multipart.Add(file, name, fileName);
            }
            return multipart;
        }
        return new FormUrlEncodedContent(_values);
    }

    private void Require(string name)
    {
        if (!Names.Contains(name))
        {
            throw new InvalidOperationException($"The form of {PageUrl} posting to {Action} has no field {name}. Its fields: {string.Join(", ", Names.Order())}.");
        }
    }

    private static bool IsSubmitter(IElement e) =>
        (e.LocalName == "button" && (e.GetAttribute("type") ?? "submit").Equals("submit", StringComparison.OrdinalIgnoreCase))
        || (e.LocalName == "input" && (e.GetAttribute("type") ?? "").ToLowerInvariant() is "submit" or "image");

    /// <summary>The form's controls: its descendants and the controls elsewhere that name it with form="id".</summary>
    private static IEnumerable<IElement> Controls(IDocument document, IElement form)
    {
        var id = form.GetAttribute("id");
        return document.QuerySelectorAll("input, select, textarea, button").Where(e =>
            e.GetAttribute("form") is { } owner ? owner == id : e.Closest("form") == form);
    }

    private static (List<KeyValuePair<string, string>> Values, HashSet<string> Names) Collect(IEnumerable<IElement> controls, IElement? submitter)
    {
        var values = new List<KeyValuePair<string, string>>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var control in controls)
        {
            if (control.GetAttribute("name") is not { Length: > 0 } name)
            {
                continue;
            }
            names.Add(name);
            if (control.HasAttribute("disabled"))
            {
                continue;
            }
            switch (control.LocalName)
            {
                case "textarea":
                    values.Add(new(name, control.TextContent));
                    break;
                case "select":
                    var options = control.QuerySelectorAll("option").ToList();
                    var selected = options.Where(o => o.HasAttribute("selected")).ToList();
                    if (selected.Count == 0 && !control.HasAttribute("multiple") && options.Count > 0)
                    {
                        selected.Add(options[0]);
                    }
                    values.AddRange(selected.Select(o => new KeyValuePair<string, string>(name, o.GetAttribute("value") ?? o.TextContent.Trim())));
                    break;
                case "button":
                    if (control == submitter)
                    {
                        values.Add(new(name, control.GetAttribute("value") ?? string.Empty));
                    }
                    break;
                default:
                    var type = (control.GetAttribute("type") ?? "text").ToLowerInvariant();
                    if (type is "checkbox" or "radio")
                    {
                        if (control.HasAttribute("checked"))
                        {
                            values.Add(new(name, control.GetAttribute("value") ?? "on"));
                        }
                    }
                    else if (type is "submit" or "image")
                    {
                        if (control == submitter)
                        {
                            values.Add(new(name, control.GetAttribute("value") ?? string.Empty));
                        }
                    }
                    else if (type is not ("file" or "reset"))
                    {
                        values.Add(new(name, control.GetAttribute("value") ?? string.Empty));
                    }
                    break;
            }
        }
        return (values, names);
    }

    /// <summary>Path (case-insensitive) and query (as a sorted list of pairs) of a URL, resolved against the page.</summary>
    private static string Normalize(string url, string pageUrl)
    {
        var baseUri = new Uri(new Uri("http://localhost"), pageUrl);
        var uri = new Uri(baseUri, System.Net.WebUtility.HtmlDecode(url));
        var query = uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => Uri.UnescapeDataString(p.Replace('+', ' ')).ToLowerInvariant()).Order(StringComparer.Ordinal);
        return uri.AbsolutePath.TrimEnd('/').ToLowerInvariant() + "?" + string.Join("&", query);
    }
}
