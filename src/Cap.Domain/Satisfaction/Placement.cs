using System.Security.Cryptography;

namespace Cap.Domain.Satisfaction;

/// <summary>
/// Where the form is offered (end of a procedure, page footer, confirmation e-mail...). Each placement has its
/// own unguessable public key, used in the form's address, the embed script and the JSON intake, and its own
/// list of origins allowed to embed the form or to post answers from a browser.
/// </summary>
public class Placement : IVersioned, ITimestamped, IProductScoped
{
    public const int LabelMaxLength = 120;
    public const int KeyLength = 22;
    public const int OriginsMaxLength = 2000;
    public const int MaxOrigins = 20;

    public int Id { get; set; }
    public int ProductId { get; set; }
    public int FormId { get; set; }
    public FeedbackForm? Form { get; set; }
    public string Label { get; set; } = string.Empty;
    public string PublicKey { get; set; } = string.Empty;

    /// <summary>Allowed origins (scheme://host[:port]), one per line.</summary>
    public string AllowedOrigins { get; set; } = string.Empty;
    public bool IsEnabled { get; set; } = true;

    public int Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public IReadOnlyList<string> Origins => Satisfaction.Origins.Split(AllowedOrigins);

    public bool Allows(string origin) => Origins.Contains(Satisfaction.Origins.Normalize(origin) ?? string.Empty, StringComparer.Ordinal);

    /// <summary>128 random bits, URL-safe: cannot be guessed or enumerated.</summary>
    public static string NewKey() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>Parsing and normalising of web origins ("https://demarche.gouv.fr").</summary>
public static class Origins
{
    /// <summary>The origin in canonical form (lower-case scheme and host, default port left out), or null when it is not an http(s) origin.</summary>
    public static string? Normalize(string? value)
    {
        var text = value?.Trim().TrimEnd('/');
        if (string.IsNullOrEmpty(text) || !Uri.TryCreate(text, UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https") || uri.AbsolutePath != "/" || !string.IsNullOrEmpty(uri.Query)
            || !string.IsNullOrEmpty(uri.Fragment) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return null;
        }
        return uri.IsDefaultPort ? $"{uri.Scheme}://{uri.Host}" : $"{uri.Scheme}://{uri.Host}:{uri.Port}";
    }

    public static IReadOnlyList<string> Split(string? text) =>
        (text ?? string.Empty).Split(['\n', '\r', ' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(Normalize).OfType<string>().Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Checks a list typed by a person: returns the canonical text (one per line) or a French error.</summary>
    public static (string Text, string? Error) Parse(string? text)
    {
        var items = (text ?? string.Empty).Split(['\n', '\r', ' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var valid = new List<string>();
        foreach (var item in items)
        {
            var origin = Normalize(item);
            if (origin is null)
            {
                return (text ?? string.Empty, $"« {item} » n’est pas une origine web : écrivez le protocole et le domaine, par exemple https://demarche.gouv.fr (sans chemin).");
            }
            if (!valid.Contains(origin))
            {
                valid.Add(origin);
            }
        }
        if (valid.Count > Placement.MaxOrigins)
        {
            return (text ?? string.Empty, $"Indiquez au plus {Placement.MaxOrigins} origines.");
        }
        return (string.Join('\n', valid), null);
    }
}
