using Cap.Domain;
using Cap.Domain.Connectors;
using Cap.Web.Shared.Connectors;

namespace Cap.Web.Features.Jdma;

/// <summary>What a saved JDMA key reads, the same for a product's connection and for an organisation's.</summary>
internal static class JdmaReadable
{
    /// <summary>
    /// The services and forms the key reads, as JDMA lists them now; a key that can no longer be decrypted, or that JDMA
    /// refuses, is a refusal with its French message.
    /// </summary>
    public static async Task<Result<List<JdmaService>>> ServicesAsync(JdmaClient client, ConnectorSecrets secrets, string baseUrl, string protectedKey, CancellationToken ct)
    {
        var key = secrets.Unprotect(ConnectorKind.Jdma, protectedKey);
        if (key is null)
        {
            return Refusal.Rule("", "La clé enregistrée ne peut plus être déchiffrée : enregistrez-la de nouveau.");
        }
        try
        {
            return await client.ServicesAsync(baseUrl, key, ct);
        }
        catch (ConnectorException e)
        {
            return Refusal.Rule("", e.Message);
        }
    }

    /// <summary>Each readable form by its id, with its service (a form listed under two services is taken once).</summary>
    public static Dictionary<int, (JdmaService Service, JdmaForm Form)> FormsById(IEnumerable<JdmaService> services) =>
        services.SelectMany(s => s.Forms.Select(f => (Service: s, Form: f))).GroupBy(x => x.Form.Id).ToDictionary(g => g.Key, g => g.First());
}
