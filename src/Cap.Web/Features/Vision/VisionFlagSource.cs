using Cap.Data;
using Cap.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Vision;

/// <summary>
/// « Vision absente » and « Vision à revisiter » (neither rewritten nor confirmed for six months: <see cref="Domain.Steering.Vision.RevisitAfter"/>),
/// for products in service (not archived, not stopped). One query for any number of products.
/// </summary>
public sealed class VisionFlagSource(CapDbContext db, TimeProvider time) : IProductFlagSource
{
    public IReadOnlyList<(string Code, string Label)> Kinds { get; } = [("vision-stale", "Vision à revisiter"), ("vision-missing", "Vision absente")];

    public async Task<IReadOnlyList<(int ProductId, ProductFlag Flag)>> FlagsAsync(IReadOnlyCollection<int>? productIds, DateOnly today, CancellationToken ct)
    {
        var limit = time.GetUtcNow() - Domain.Steering.Vision.RevisitAfter;
        var rows = await ProductFlags.Concerned(db.Products.AsNoTracking(), productIds)
            .Select(p => new
            {
                p.Id,
                p.Slug,
                LastReviewed = db.Visions.Where(v => v.ProductId == p.Id).OrderByDescending(v => v.Number)
                    .Select(v => (DateTimeOffset?)(v.ReviewedAt != null && v.ReviewedAt > v.CreatedAt ? v.ReviewedAt.Value : v.CreatedAt)).FirstOrDefault(),
            })
            .Where(p => p.LastReviewed == null || p.LastReviewed < limit)
            .ToListAsync(ct);
        return rows.Select(p => (p.Id, p.LastReviewed is { } last
                ? new ProductFlag("vision-stale", "Vision à revisiter", $"Ni réécrite ni confirmée depuis le {Dates.Day(last)}, il y a plus de six mois.", $"/produits/{p.Slug}/vision")
                : new ProductFlag("vision-missing", "Vision absente", "Le produit n’a pas encore de vision rédigée.", $"/produits/{p.Slug}/vision")))
            .ToList();
    }
}
