using System.Globalization;
using System.Net;
using System.Text.Json;
using Cap.Domain;

namespace Cap.Web.Shared.Connectors;

/// <summary>A connected tool's answer, read whole: its status and its body.</summary>
public readonly record struct ConnectorAnswer(HttpStatusCode Status, string Body)
{
    public bool IsSuccess => (int)Status is >= 200 and <= 299;
}

/// <summary>
/// The one HTTP exchange of every connector's client (JDMA, Matomo): the request sent and its answer read within
/// <see cref="ConnectorOptions.TimeoutSeconds"/>, and the failures every tool shares turned into a
/// <see cref="ConnectorException"/> with a French message naming the tool — too slow, unreachable, an error status, an
/// answer that is not JSON. What each tool says in its own way (a refused key, its error bodies) stays in its client.
/// </summary>
public static class ConnectorHttp
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static async Task<ConnectorAnswer> SendAsync(HttpClient http, HttpRequestMessage request, string tool, double timeoutSeconds, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(timeoutSeconds));
        try
        {
            using var response = await http.SendAsync(request, timeout.Token);
            return new ConnectorAnswer(response.StatusCode, await response.Content.ReadAsStringAsync(timeout.Token));
        }
        catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new ConnectorException($"{tool} n’a pas répondu dans le délai de {timeoutSeconds.ToString("0.#", French)} s.", e);
        }
        catch (HttpRequestException e)
        {
            throw new ConnectorException($"{tool} est injoignable à l’adresse {request.RequestUri!.GetLeftPart(UriPartial.Authority)} ; vérifiez l’adresse.", e);
        }
    }

    /// <summary>Any status outside 2xx that the tool's client has not explained itself: retried later.</summary>
    public static void EnsureSuccess(ConnectorAnswer answer, string tool)
    {
        if (!answer.IsSuccess)
        {
            throw new ConnectorException($"{tool} a répondu par une erreur {(int)answer.Status} ; nouvel essai plus tard.");
        }
    }

    /// <summary>The answer's JSON; <paramref name="unreadable"/> when it is not JSON.</summary>
    public static JsonDocument Json(ConnectorAnswer answer, string unreadable)
    {
        try
        {
            return JsonDocument.Parse(answer.Body);
        }
        catch (JsonException e)
        {
            throw new ConnectorException(unreadable, e);
        }
    }

    /// <summary>A tool's own message, quoted to the team: at most 200 characters.</summary>
    public static string? Quote(string? text) => text is null ? null : Text.Truncate(text.Trim(), 200);
}
