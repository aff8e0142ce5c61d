using System.Text.Json.Nodes;

namespace Cap.Web.Tests.Fuzz;

/// <summary>
/// Real path values from the demo data, found through the API itself: for <c>…/{segment}/{name}</c>, the nearest
/// readable ancestor (GET) is read and the array under <c>segment</c> (or the answer itself, or its <c>items</c>)
/// gives its elements' <c>name</c> (or <c>id</c>). So <c>/products/{slug}/roadmap/risks/{id}</c> takes the slugs of
/// GET /products and the risk ids of GET /products/{slug}/roadmap, without a list kept by hand.
/// </summary>
public sealed class PathValues(HttpClient client, IReadOnlyDictionary<string, IReadOnlyList<string>> extra)
{
    private const int PerPath = 6;
    private const int MaxPaths = 24;
    private readonly Dictionary<string, JsonNode?> _reads = [];

    /// <summary>Concrete paths of the template whose every value exists in the demo data (at most <see cref="MaxPaths"/>).</summary>
    public async Task<IReadOnlyList<string>> ValidPathsAsync(string template)
    {
        var segments = template.Split('/');
        var paths = new List<string> { string.Empty };
        for (var i = 1; i < segments.Length; i++)
        {
            var segment = segments[i];
            if (!segment.StartsWith('{'))
            {
                paths = paths.Select(p => p + "/" + segment).ToList();
                continue;
            }
            var name = segment.Trim('{', '}');
            var next = new List<string>();
            foreach (var prefix in paths)
            {
                var values = extra.TryGetValue(name, out var known) ? known : await ValuesAsync(prefix, name);
                next.AddRange(values.Take(i == segments.Length - 1 ? PerPath : MaxPaths).Select(v => prefix + "/" + Uri.EscapeDataString(v)));
                if (next.Count >= MaxPaths)
                {
                    break;
                }
            }
            paths = next;
            if (paths.Count == 0)
            {
                return [];
            }
        }
        return paths.Take(MaxPaths).ToList();
    }

    private async Task<IReadOnlyList<string>> ValuesAsync(string prefix, string name)
    {
        var segment = prefix[(prefix.LastIndexOf('/') + 1)..];
        for (var url = prefix; url.Count(c => c == '/') >= 3; url = url[..url.LastIndexOf('/')])
        {
            var answer = await ReadAsync(url == "/api/v1/products" ? url + "?status=all&pageSize=100" : url);
            if (answer is null)
            {
                continue;
            }
            var elements = answer as JsonArray ?? Find(answer, segment) ?? answer["items"] as JsonArray;
            if (elements is null)
            {
                continue;
            }
            var values = elements.OfType<JsonObject>()
                .Select(e => e[name] ?? e["id"])
                .Where(v => v is JsonValue)
                .Select(v => v!.ToString())
                .Distinct()
                .ToList();
            if (values.Count > 0)
            {
                return values;
            }
        }
        return [];
    }

    private static JsonArray? Find(JsonNode node, string name)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o)
                {
                    if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase) && value is JsonArray array)
                    {
                        return array;
                    }
                }
                foreach (var (_, value) in o)
                {
                    if (value is not null && Find(value, name) is { } found)
                    {
                        return found;
                    }
                }
                return null;
            case JsonArray a:
                return a.OfType<JsonNode>().Select(n => Find(n, name)).FirstOrDefault(f => f is not null);
            default:
                return null;
        }
    }

    private async Task<JsonNode?> ReadAsync(string url)
    {
        if (_reads.TryGetValue(url, out var cached))
        {
            return cached;
        }
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var node = response.IsSuccessStatusCode && response.Content.Headers.ContentType?.MediaType == "application/json"
            ? JsonNode.Parse(await response.Content.ReadAsStringAsync())
            : null;
        _reads[url] = node;
        return node;
    }
}
