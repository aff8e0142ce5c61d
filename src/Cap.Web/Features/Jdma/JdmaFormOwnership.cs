using Cap.Data;
using Cap.Domain.Connectors;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Jdma;

/// <summary>
/// A JDMA form feeds one Cap product at most (decision 0021): a form of a JDMA address already mapped by another
/// connection — a product's or an organisation's — is refused, so that its answers are never counted twice in the
/// portfolio. Forms are told apart by their id on the same JDMA address (ids are JDMA's, unique in one JDMA).
/// </summary>
public static class JdmaFormOwnership
{
    /// <summary>For each of <paramref name="formIds"/> already mapped elsewhere on this address, who maps it (for the message).</summary>
    public static async Task<Dictionary<int, string>> TakenAsync(CapDbContext db, string baseUrl, IReadOnlyCollection<int> formIds,
        ConnectorKind kind, int connectionId, CancellationToken ct)
    {
        var taken = new Dictionary<int, string>();
        if (formIds.Count == 0)
        {
            return taken;
        }
        var ids = formIds.Distinct().ToList();
        var byProducts = await db.JdmaFormMappings.AsNoTracking()
            .Where(f => ids.Contains(f.FormId) && !(kind == ConnectorKind.Jdma && f.JdmaConnectionId == connectionId))
            .Join(db.JdmaConnections, f => f.JdmaConnectionId, c => c.Id, (f, c) => new { f.FormId, c.BaseUrl, c.ProductId })
            .Join(db.Products, x => x.ProductId, p => p.Id, (x, p) => new { x.FormId, x.BaseUrl, p.Name })
            .ToListAsync(ct);
        foreach (var f in byProducts.Where(f => f.BaseUrl == baseUrl))
        {
            taken.TryAdd(f.FormId, $"la connexion JDMA du produit « {f.Name} »");
        }
        var byOrganisations = await db.JdmaOrganisationForms.AsNoTracking()
            .Where(f => ids.Contains(f.FormId) && !(kind == ConnectorKind.JdmaOrganisation && f.ConnectionId == connectionId))
            .Join(db.JdmaOrganisationConnections, f => f.ConnectionId, c => c.Id, (f, c) => new { f.FormId, c.BaseUrl, c.Name, f.ProductId })
            .Join(db.Products, x => x.ProductId, p => p.Id, (x, p) => new { x.FormId, x.BaseUrl, x.Name, Product = p.Name })
            .ToListAsync(ct);
        foreach (var f in byOrganisations.Where(f => f.BaseUrl == baseUrl))
        {
            taken.TryAdd(f.FormId, $"la connexion de l’organisation « {f.Name} » (pour le produit « {f.Product} »)");
        }
        return taken;
    }

    /// <summary>The refusal's message for one form already mapped.</summary>
    public static string Message(int formId, string title, string where) =>
        $"Le formulaire JDMA « {title} » (n° {formId}) alimente déjà {where} : un formulaire n’alimente qu’un produit.";
}
