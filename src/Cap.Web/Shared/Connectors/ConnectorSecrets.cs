using System.Security.Cryptography;
using Cap.Domain.Connectors;
using Microsoft.AspNetCore.DataProtection;

namespace Cap.Web.Shared.Connectors;

/// <summary>
/// Encrypts connectors' secrets (API keys, tokens) with the application's data-protection keys — the ones kept in the
/// database and, when configured, protected by a certificate (<see cref="Hosting.DataProtectionSetup"/>) — one purpose
/// per connector, so a JDMA key's ciphertext cannot be read as another connector's. A secret is decrypted only to call
/// its tool; it is never logged, shown or returned.
/// </summary>
public sealed class ConnectorSecrets(IDataProtectionProvider provider)
{
    private IDataProtector Protector(ConnectorKind kind) => provider.CreateProtector($"Cap.Connectors.{kind}");

    public string Protect(ConnectorKind kind, string secret) => Protector(kind).Protect(secret);

    /// <summary>The secret, or null when it cannot be decrypted (the keys it was encrypted with are gone).</summary>
    public string? Unprotect(ConnectorKind kind, string protectedSecret)
    {
        try
        {
            return Protector(kind).Unprotect(protectedSecret);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
