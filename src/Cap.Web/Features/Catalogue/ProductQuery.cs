using Cap.Data;
using Cap.Domain;
using Cap.Domain.Catalogue;
using Cap.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Catalogue;

/// <summary>Catalogue filters, as they appear in the query string of /produits and /api/v1/products.</summary>
public sealed record ProductFilter
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public string? Q { get; init; }
    /// <summary>Domain code (SANTE, TRAVAIL...).</summary>
    public string? Domaine { get; init; }
    /// <summary>Directorate code (DGS, DNUM...).</summary>
    public string? Direction { get; init; }
    /// <summary>Phase slug (idee, poc, mvp, construction, generalisation, arret).</summary>
    public string? Phase { get; init; }
    /// <summary>Typology code (DOSSIER, TDB...).</summary>
    public string? Typologie { get; init; }
    /// <summary>"actifs" (default), "archives" or "tous".</summary>
    public string? Statut { get; init; }
    /// <summary>When true, only products whose vision was not written or confirmed for six months (or that have none).</summary>
    public bool Revisiter { get; init; }
    /// <summary>"nom" (default), "nom-desc", "phase", "maj" (last updated first).</summary>
    public string? Tri { get; init; }
    public int Page { get; init; } = 1;
    public int Taille { get; init; } = DefaultPageSize;

    public bool HasCriteria =>
        Revisiter || !string.IsNullOrWhiteSpace(Q) || Domaine is not null || Direction is not null || Phase is not null || Typologie is not null || (Statut is not null && Statut != "actifs");

    /// <summary>The filter values that are not valid, with a French message each (shown on screen, 400 on the API).</summary>
    public Dictionary<string, string> Validate()
    {
        var errors = new Dictionary<string, string>();
        if (Phase is not null && !PhaseExtensions.TryParseSlug(Phase, out _))
        {
            errors["phase"] = "Phase inconnue : choisissez idee, poc, mvp, construction, generalisation ou arret.";
        }
        if (Statut is not null && Statut is not ("actifs" or "archives" or "tous"))
        {
            errors["statut"] = "Statut inconnu : choisissez actifs, archives ou tous.";
        }
        if (Tri is not null && Tri is not ("nom" or "nom-desc" or "phase" or "maj"))
        {
            errors["tri"] = "Tri inconnu : choisissez nom, nom-desc, phase ou maj.";
        }
        if (Page < 1)
        {
            errors["page"] = "Le numéro de page commence à 1.";
        }
        if (Taille is < 1 or > MaxPageSize)
        {
            errors["taille"] = $"La taille de page va de 1 à {MaxPageSize}.";
        }
        if (Q is { Length: > 100 })
        {
            errors["q"] = "La recherche ne doit pas dépasser 100 caractères.";
        }
        return errors;
    }
}

public sealed record ProductListItem(
    int Id, string Slug, string Name, string Summary, Phase Phase, bool IsArchived,
    string DirectorateCode, string DirectorateName, string DomainCode, string DomainName,
    string TypologyCode, string TypologyName, DateTimeOffset UpdatedAt);


/// <summary>The catalogue query, shared by the screen and the API: two SQL queries (count and page) whatever the portfolio size.</summary>
public sealed class ProductQuery(CapDbContext db, TimeProvider time)
{
    public async Task<PagedResult<ProductListItem>> SearchAsync(ProductFilter filter, CancellationToken ct = default)
    {
        var query = db.Products.AsNoTracking();
        if (filter.Statut != "tous")
        {
            // An equality (not NOT "IsArchived") lets SQLite use the (IsArchived, SearchText) index.
            var archived = filter.Statut == "archives";
            query = query.Where(p => p.IsArchived == archived);
        }
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            foreach (var term in Text.Fold(filter.Q).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(5))
            {
                query = query.Where(p => p.SearchText.Contains(term));
            }
        }
        if (!string.IsNullOrEmpty(filter.Domaine))
        {
            query = query.Where(p => p.Domain!.Code == filter.Domaine);
        }
        if (!string.IsNullOrEmpty(filter.Direction))
        {
            query = query.Where(p => p.Directorate!.Code == filter.Direction);
        }
        if (!string.IsNullOrEmpty(filter.Typologie))
        {
            query = query.Where(p => p.Typology!.Code == filter.Typologie);
        }
        if (PhaseExtensions.TryParseSlug(filter.Phase, out var phase))
        {
            query = query.Where(p => p.Phase == phase);
        }

        if (filter.Revisiter)
        {
            var limit = time.GetUtcNow() - Domain.Steering.Vision.RevisitAfter;
            query = query.Where(p => !db.Visions.Any(v => v.ProductId == p.Id)
                || db.Visions.Where(v => v.ProductId == p.Id).OrderByDescending(v => v.Number)
                    .Select(v => v.ReviewedAt != null && v.ReviewedAt > v.CreatedAt ? v.ReviewedAt.Value : v.CreatedAt).First() < limit);
        }

        var total = await query.CountAsync(ct);
        query = filter.Tri switch
        {
            "nom-desc" => query.OrderByDescending(p => p.SearchText),
            "phase" => query.OrderBy(p => p.Phase == Phase.Idee ? 1 : p.Phase == Phase.Poc ? 2 : p.Phase == Phase.Mvp ? 3 : p.Phase == Phase.Construction ? 4 : p.Phase == Phase.Generalisation ? 5 : 6).ThenBy(p => p.SearchText),
            "maj" => query.OrderByDescending(p => p.UpdatedAt).ThenBy(p => p.SearchText),
            // The folded text starts with the name: an accent-insensitive order on every database.
            _ => query.OrderBy(p => p.SearchText),
        };
        var pageSize = Math.Clamp(filter.Taille, 1, ProductFilter.MaxPageSize);
        var page = Math.Max(1, filter.Page);
        var items = await query
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Select(p => new ProductListItem(
                p.Id, p.Slug, p.Name, p.Summary, p.Phase, p.IsArchived,
                p.Directorate!.Code, p.Directorate.Name, p.Domain!.Code, p.Domain.Name,
                p.Typology!.Code, p.Typology.Name, p.UpdatedAt))
            .ToListAsync(ct);
        return new PagedResult<ProductListItem>(items, total, page, pageSize);
    }
}
