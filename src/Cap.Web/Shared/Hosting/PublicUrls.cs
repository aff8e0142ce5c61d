namespace Cap.Web.Shared.Hosting;

/// <summary>
/// The one way to build an absolute link to Cap (embed script, share links, calendar feeds, e-mails): from the
/// configured <c>PublicBaseUrl</c>, never from the request's Host header (which a client or a badly set proxy
/// chooses). Without it — Development and tests only: a production instance refuses to start
/// (<see cref="ValidateAtStartup"/>) — the link is built from the request being served.
/// </summary>
public sealed class PublicUrls(IConfiguration configuration, IHttpContextAccessor accessor)
{
    public const string ConfigurationKey = "PublicBaseUrl";

    private readonly Uri? _configured = Parse(configuration[ConfigurationKey]);

    /// <summary>The configured public base URL, or null when none is configured.</summary>
    public Uri? Configured => _configured;

    /// <summary>The base URL without a trailing slash (scheme, host, port and path base), e.g. <c>https://cap.example.gouv.fr</c>.</summary>
    public string Base(HttpRequest? request = null)
    {
        if (_configured is not null)
        {
            return _configured.AbsoluteUri.TrimEnd('/');
        }
        request ??= accessor.HttpContext?.Request;
        return request is null ? string.Empty : $"{request.Scheme}://{request.Host}{request.PathBase}";
    }

    /// <summary>An absolute link to <paramref name="path"/> (which starts with "/").</summary>
    public string Absolute(string path, HttpRequest? request = null) => Base(request) + path;

    /// <summary>The public origin (scheme, host and port), e.g. <c>https://cap.example.gouv.fr</c>; null without configuration.</summary>
    public string? Origin => _configured?.GetLeftPart(UriPartial.Authority);

    /// <summary>The host name, for identifiers that name Cap (calendar event UIDs).</summary>
    public string Host(HttpRequest? request = null) =>
        _configured?.Host ?? (request ?? accessor.HttpContext?.Request)?.Host.Host ?? "cap.invalid";

    /// <summary>
    /// Refuses a malformed <c>PublicBaseUrl</c> and, in Production, a missing or non-HTTPS one (the error message is
    /// for the operator, in French).
    /// </summary>
    public static void ValidateAtStartup(IConfiguration configuration, IHostEnvironment environment)
    {
        var raw = configuration[ConfigurationKey];
        if (string.IsNullOrWhiteSpace(raw))
        {
            if (environment.IsProduction())
            {
                throw new InvalidOperationException(
                    "PublicBaseUrl n’est pas renseigné : indiquez l’adresse publique de Cap (par exemple https://cap.example.gouv.fr). " +
                    "Elle sert à tous les liens absolus (script d’intégration du formulaire de satisfaction, liens de partage, agendas, courriels) ; " +
                    "en production, Cap ne les construit jamais à partir de l’en-tête Host de la requête.");
            }
            return;
        }
        if (Parse(raw) is not { } uri)
        {
            throw new InvalidOperationException(
                $"PublicBaseUrl « {raw} » n’est pas une adresse valide : donnez une adresse absolue http(s) sans paramètres ni ancre, par exemple https://cap.example.gouv.fr.");
        }
        if (environment.IsProduction() && uri.Scheme != Uri.UriSchemeHttps)
        {
            throw new InvalidOperationException($"PublicBaseUrl « {raw} » doit commencer par https:// en production.");
        }
    }

    private static Uri? Parse(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }
        var trimmed = raw.Trim().TrimEnd('/');
        return Uri.TryCreate(trimmed, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment) && string.IsNullOrEmpty(uri.UserInfo)
            ? uri
            : null;
    }
}
