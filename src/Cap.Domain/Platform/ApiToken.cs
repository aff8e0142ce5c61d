using System.Security.Cryptography;
using System.Text;

namespace Cap.Domain.Platform;

/// <summary>
/// An API token. Only its SHA-256 hash is stored; the secret is shown once at creation.
/// A personal token (no <see cref="ProductId"/>) carries its person's rights. A product token is created by a
/// product owner for a product's data feeds: it only reads that product's indicators and pushes their
/// measurements, never more than its creator (<see cref="PersonId"/>) may do — if the creator leaves the team or
/// is deactivated, it stops working.
/// </summary>
public class ApiToken : ITimestamped
{
    public const string SecretPrefix = "cap_";
    public const int NameMaxLength = 80;

    public int Id { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }
    public string Name { get; set; } = string.Empty;
    /// <summary>For a product token, the product it is limited to.</summary>
    public int? ProductId { get; set; }
    /// <summary>The first characters of the secret, to recognise a token in a list.</summary>
    public string Prefix { get; set; } = string.Empty;
    [AuditIgnore]
    public string Hash { get; set; } = string.Empty;
    public DateTimeOffset? ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    [AuditIgnore]
    public DateTimeOffset? LastUsedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public bool IsUsable(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);

    /// <summary>Creates a random secret (256 bits) and returns it with its hash.</summary>
    public static (string Secret, string Hash) NewSecret() => NewSecret(SecretPrefix);

    /// <summary>A random 256-bit secret (base64url) after <paramref name="prefix"/>, and its hash: API tokens, share links.</summary>
    public static (string Secret, string Hash) NewSecret(string prefix)
    {
        var bytes = RandomNumberGenerator.GetBytes(32);
        var secret = prefix + Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (secret, HashSecret(secret));
    }

    public static string HashSecret(string secret) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
