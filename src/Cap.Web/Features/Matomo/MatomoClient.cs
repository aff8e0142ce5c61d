using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Cap.Domain.Connectors;
using Cap.Web.Shared.Connectors;
using Microsoft.Extensions.Options;

namespace Cap.Web.Features.Matomo;

/// <summary>One report of Matomo: what is asked (method, goal, period, dates).</summary>
public sealed record MatomoReportRequest(string Method, int? GoalId, string Period, DateOnly From, DateOnly To);

/// <summary>
/// Matomo's Reporting API as published: <c>POST {address}/index.php</c> with the form fields <c>module=API</c>,
/// <c>method</c>, <c>idSite</c>, <c>period</c>, <c>date</c>, <c>format=JSON</c> and <c>token_auth</c> — the token in the
/// body, never in the URL (it would land in access logs). Matomo answers its errors with HTTP 200 and
/// <c>{"result":"error","message":…}</c>: the body is always checked. Every failure becomes a
/// <see cref="ConnectorException"/> with a French message for the team (Matomo's own message quoted when it gives one).
/// </summary>
public sealed class MatomoClient(HttpClient http, IOptions<ConnectorOptions> options)
{
    /// <summary>
    /// The figures of each period of the report, by the date of its first day; a period Matomo has no data for
    /// (<c>[]</c>, or missing) is not in the result. A <c>range</c> answers one set of figures, dated <c>From</c>.
    /// </summary>
    public async Task<Dictionary<DateOnly, Dictionary<string, string?>>> ReportAsync(string baseUrl, int siteId, string token, MatomoReportRequest report, CancellationToken ct)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("module", "API"),
            new("method", report.Method),
            new("idSite", siteId.ToString(CultureInfo.InvariantCulture)),
            new("period", report.Period),
            new("date", $"{Day(report.From)},{Day(report.To)}"),
            new("format", "JSON"),
            new("token_auth", token),
        };
        if (report.GoalId is { } goal)
        {
            fields.Add(new("idGoal", goal.ToString(CultureInfo.InvariantCulture)));
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"{MatomoRules.NormalizeBaseUrl(baseUrl)}/index.php")) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var doc = await SendAsync(request, ct);
        var root = doc.RootElement;
        var result = new Dictionary<DateOnly, Dictionary<string, string?>>();
        if (report.Period == "range")
        {
            if (Figures(root) is { } figures)
            {
                result[report.From] = figures;
            }
            return result;
        }
        if (root.ValueKind == JsonValueKind.Array && root.GetArrayLength() == 0)
        {
            return result;
        }
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new ConnectorException("Matomo a répondu sans les périodes attendues : vérifiez l’adresse et le numéro du site.");
        }
        foreach (var period in root.EnumerateObject())
        {
            var date = MatomoRules.KeyDate(period.Name)
                ?? throw new ConnectorException($"Matomo a répondu avec une période illisible (« {ConnectorHttp.Quote(period.Name)} »).");
            if (Figures(period.Value) is { } figures)
            {
                result[date] = figures;
            }
        }
        return result;
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A period's figures (name → raw text), null for an empty period (<c>[]</c>, <c>null</c>, <c>{}</c>).</summary>
    private static Dictionary<string, string?>? Figures(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        var figures = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var p in e.EnumerateObject())
        {
            figures[p.Name] = p.Value.ValueKind switch
            {
                JsonValueKind.String => p.Value.GetString(),
                JsonValueKind.Number => p.Value.GetRawText(),
                _ => null,
            };
        }
        return figures.Count == 0 ? null : figures;
    }

    private async Task<JsonDocument> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var answer = await ConnectorHttp.SendAsync(http, request, "Matomo", options.Value.TimeoutSeconds, ct);
        if (answer.Status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            throw new ConnectorException(TokenRefused + ".");
        }
        ConnectorHttp.EnsureSuccess(answer, "Matomo");
        var doc = ConnectorHttp.Json(answer, "Matomo a répondu dans un format que Cap ne sait pas lire (pas du JSON) : vérifiez l’adresse.");
        // Matomo's errors: HTTP 200 with {"result":"error","message":"…"}.
        if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("result", out var result)
            && result.ValueKind == JsonValueKind.String && result.GetString() == "error")
        {
            var message = doc.RootElement.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            doc.Dispose();
            throw new ConnectorException(IsTokenMessage(message)
                ? $"{TokenRefused} (Matomo : « {ConnectorHttp.Quote(message)} »)."
                : $"Matomo a refusé la demande : « {ConnectorHttp.Quote(message) ?? "sans explication"} ».");
        }
        return doc;
    }

    public const string TokenRefused = "Matomo refuse le jeton d’authentification (révoqué, expiré ou sans droit de lecture sur ce site) : créez un nouveau jeton dans Matomo et remplacez-le ici";

    /// <summary>Matomo's wording when the token does not give access (« token_auth », « access », « authenticate »).</summary>
    private static bool IsTokenMessage(string? message) => message is not null
        && (message.Contains("token_auth", StringComparison.OrdinalIgnoreCase) || message.Contains("'view' access", StringComparison.OrdinalIgnoreCase)
            || message.Contains("authenticat", StringComparison.OrdinalIgnoreCase));
}
