using System.Globalization;
using System.Security.Cryptography;
using Cap.Domain.Notifications;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Cap.Web.Features.Digests;

/// <summary>
/// The unsubscribe links of the digests: a token protected with the application's data-protection keys (shared by the
/// instances through the database), bound to its purpose, to one person and one digest, and valid
/// <see cref="DigestOptions.UnsubscribeLinkDays"/> days. A token that was tampered with, expired or made for another
/// purpose reads as null.
/// </summary>
public sealed class UnsubscribeTokens(IDataProtectionProvider provider, IOptions<DigestOptions> options, TimeProvider time)
{
    public const string Purpose = "Cap.Digests.Unsubscribe.v1";
    public const string PagePath = "/courriels/desabonnement";
    public const string OneClickPath = "/courriels/desabonnement/un-clic";

    public sealed record Claim(int PersonId, DigestKind Kind);

    private ITimeLimitedDataProtector Protector => provider.CreateProtector(Purpose).ToTimeLimitedDataProtector();

    public string Create(int personId, DigestKind kind) =>
        Protector.Protect(string.Create(CultureInfo.InvariantCulture, $"{personId}|{(int)kind}"), time.GetUtcNow().AddDays(Math.Max(1, options.Value.UnsubscribeLinkDays)));

    public Claim? Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 2000)
        {
            return null;
        }
        try
        {
            var payload = Protector.Unprotect(token, out var expiration);
            if (expiration < time.GetUtcNow())
            {
                return null;
            }
            var parts = payload.Split('|');
            return parts.Length == 2
                && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var person)
                && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var kind)
                && Enum.IsDefined((DigestKind)kind)
                ? new Claim(person, (DigestKind)kind)
                : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>The page and one-click addresses of a person's link, under <paramref name="baseUrl"/>.</summary>
    public Cap.Data.Notifications.DigestMails.Unsubscribe Links(string baseUrl, int personId, DigestKind kind)
    {
        var token = Uri.EscapeDataString(Create(personId, kind));
        return new(baseUrl + PagePath + "?jeton=" + token, baseUrl + OneClickPath + "?jeton=" + token);
    }
}
