using System.Security.Cryptography.X509Certificates;
using Cap.Data;
using Microsoft.AspNetCore.DataProtection;

namespace Cap.Web.Shared.Hosting;

/// <summary>
/// The data-protection keys (sessions, antiforgery tokens, TempData) live in the database so that several instances
/// share them. With <c>DataProtection:CertificatePath</c> they are also encrypted at rest with that certificate: a
/// PKCS#12 file (.pfx, with <c>DataProtection:CertificatePassword</c>) or a PEM certificate with its private key in
/// <c>DataProtection:CertificateKeyPath</c>. Certificates of <c>DataProtection:PreviousCertificatePaths</c> (same formats,
/// same password) still decrypt the keys written before a certificate change.
/// </summary>
public static class DataProtectionSetup
{
    public const string Section = "DataProtection";

    public static IDataProtectionBuilder AddCapDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var builder = services.AddDataProtection().SetApplicationName("Cap").PersistKeysToDbContext<CapDbContext>();
        var path = configuration[$"{Section}:CertificatePath"];
        if (string.IsNullOrWhiteSpace(path))
        {
            return builder;
        }
        var password = configuration[$"{Section}:CertificatePassword"];
        var certificate = Load(path, configuration[$"{Section}:CertificateKeyPath"], password);
        builder.ProtectKeysWithCertificate(certificate);
        var previous = configuration.GetSection($"{Section}:PreviousCertificatePaths").GetChildren()
            .Select(c => c.Value).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => Load(v!, null, password)).ToArray();
        if (previous.Length > 0)
        {
            builder.UnprotectKeysWithAnyCertificate([certificate, .. previous]);
        }
        return builder;
    }

    /// <summary>Loads the certificate and checks it has a private key; French messages for the operator.</summary>
    public static X509Certificate2 Load(string path, string? keyPath, string? password)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"DataProtection:CertificatePath : le fichier « {path} » est introuvable.");
        }
        X509Certificate2 certificate;
        try
        {
            certificate = !string.IsNullOrWhiteSpace(keyPath)
                ? string.IsNullOrEmpty(password)
                    ? X509Certificate2.CreateFromPemFile(path, keyPath)
                    : X509Certificate2.CreateFromEncryptedPemFile(path, password, keyPath)
                : X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (System.Security.Cryptography.CryptographicException e)
        {
            throw new InvalidOperationException(
                $"DataProtection:CertificatePath : le certificat « {path} » ne peut pas être lu (mot de passe DataProtection:CertificatePassword ou format incorrect : {e.Message}).", e);
        }
        if (!certificate.HasPrivateKey)
        {
            throw new InvalidOperationException(
                $"DataProtection:CertificatePath : le certificat « {path} » n’a pas de clé privée ; donnez un fichier .pfx, ou le fichier PEM de la clé dans DataProtection:CertificateKeyPath.");
        }
        return certificate;
    }
}
