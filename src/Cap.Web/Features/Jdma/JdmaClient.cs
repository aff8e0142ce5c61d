using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Cap.Domain.Connectors;
using Cap.Web.Shared.Connectors;
using Microsoft.Extensions.Options;

namespace Cap.Web.Features.Jdma;

/// <summary>A JDMA service (« produit » in JDMA) the key can read, with its forms.</summary>
public sealed record JdmaService(int Id, string Title, string? Entity, IReadOnlyList<JdmaForm> Forms);

public sealed record JdmaForm(int Id, string Title);

/// <summary>
/// JDMA's open API (<c>{base}/api/open-api</c>, Bearer key), as published: <c>GET /services</c> and <c>POST /statistiques</c>.
/// Every failure becomes a <see cref="ConnectorException"/> with a French message for the team: the key refused (401/403:
/// expired or revoked), the request refused (400, with JDMA's own message), JDMA unreachable or too slow, an answer
/// Cap cannot read. The key travels only in the Authorization header, never in a message or a log.
/// </summary>
public sealed class JdmaClient(HttpClient http, IOptions<ConnectorOptions> options)
{
    public const string HttpClientName = "jdma";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<List<JdmaService>> ServicesAsync(string baseUrl, string key, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Url(baseUrl, "services"));
        using var doc = await SendAsync(request, key, ct);
        var services = new List<JdmaService>();
        foreach (var s in Data(doc).EnumerateArray())
        {
            var forms = s.TryGetProperty("forms", out var f) && f.ValueKind == JsonValueKind.Array
                ? f.EnumerateArray().Select(x => new JdmaForm(Int(x, "id"), Str(x, "title") ?? $"Formulaire {Int(x, "id")}")).ToList()
                : [];
            services.Add(new JdmaService(Int(s, "id"), Str(s, "title") ?? $"Service {Int(s, "id")}", Str(s, "entity"), forms));
        }
        return services;
    }

    /// <summary>Daily statistics of these services' forms over [from, to], for <see cref="JdmaRules.FieldCodes"/>: at most <see cref="JdmaRules.ProductsPerCall"/> services.</summary>
    public async Task<List<JdmaHit>> StatisticsAsync(string baseUrl, string key, IReadOnlyCollection<int> serviceIds, IReadOnlyCollection<int> formIds,
        DateOnly from, DateOnly to, CancellationToken ct)
    {
        var body = new Dictionary<string, object>
        {
            ["start_date"] = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["end_date"] = to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["field_codes"] = JdmaRules.FieldCodes,
            ["product_ids"] = serviceIds,
            ["form_ids"] = formIds,
            ["interval"] = "day",
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, Url(baseUrl, "statistiques")) { Content = JsonContent.Create(body, options: Json) };
        using var doc = await SendAsync(request, key, ct);
        var hits = new List<JdmaHit>();
        foreach (var product in Data(doc).EnumerateArray())
        {
            var serviceId = Int(product, "product_id");
            foreach (var form in Array(product, "forms"))
            {
                var formId = Int(form, "form_id");
                foreach (var interval in Array(form, "intervals"))
                {
                    var date = Str(interval, "date");
                    if (date is null || date.Length < 10 || !DateOnly.TryParseExact(date[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                    {
                        throw new ConnectorException($"JDMA a répondu avec une date illisible (« {ConnectorHttp.Quote(date)} »).");
                    }
                    foreach (var field in Array(interval, "data"))
                    {
                        var code = Str(field, "category") ?? Str(field, "field_code") ?? string.Empty;
                        foreach (var hit in Array(field, "number_hits"))
                        {
                            var count = hit.TryGetProperty("count", out var c) && c.TryGetInt64(out var n) ? n : 0;
                            hits.Add(new JdmaHit(serviceId, formId, day, code, Str(hit, "intention"), Str(hit, "label"), count));
                        }
                    }
                }
            }
        }
        return hits;
    }

    private static Uri Url(string baseUrl, string path) => new($"{JdmaRules.NormalizeBaseUrl(baseUrl)}/api/open-api/{path}");

    private async Task<JsonDocument> SendAsync(HttpRequestMessage request, string key, CancellationToken ct)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var answer = await ConnectorHttp.SendAsync(http, request, "JDMA", options.Value.TimeoutSeconds, ct);
        if (answer.Status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            throw new ConnectorException("JDMA refuse la clé d’API (expirée, révoquée ou sans droit sur ces services) : créez une nouvelle clé dans JDMA et remplacez-la ici.");
        }
        if (answer.Status == HttpStatusCode.BadRequest)
        {
            throw new ConnectorException($"JDMA a refusé la demande : {ConnectorHttp.Quote(MessageOf(answer.Body))?.TrimEnd('.') ?? "sans explication"}.");
        }
        ConnectorHttp.EnsureSuccess(answer, "JDMA");
        return ConnectorHttp.Json(answer, "JDMA a répondu dans un format que Cap ne sait pas lire.");
    }

    private static string? MessageOf(string text)
    {
        try
        {
            using var doc = JsonDocument.Parse(text);
            foreach (var name in new[] { "message", "error", "detail" })
            {
                if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty(name, out var m) && m.ValueKind == JsonValueKind.String)
                {
                    return m.GetString();
                }
            }
        }
        catch (JsonException)
        {
        }
        return string.IsNullOrWhiteSpace(text) ? null : text;
    }

    private static JsonElement Data(JsonDocument doc) =>
        doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array
            ? data
            : throw new ConnectorException("JDMA a répondu sans la liste « data » attendue.");

    private static JsonElement[] Array(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var a) && a.ValueKind == JsonValueKind.Array ? [.. a.EnumerateArray()] : [];

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            _ => null,
        } : null;

    /// <summary>An id, sent by JDMA as a number or a string of digits.</summary>
    private static int Int(JsonElement e, string name) =>
        int.TryParse(Str(e, name), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw new ConnectorException($"JDMA a répondu sans identifiant « {name} » lisible.");
}
