using Cap.Data;
using Cap.Domain.Catalogue;
using Cap.Domain.Checklist;
using Cap.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Checklist;

/// <summary>
/// « Check-list à refaire » (latest assessment older than six months: <see cref="ChecklistRules.StaleAfter"/>) for every
/// product in service (not archived, not stopped), and « Check-list jamais remplie » from the MVP on: an idea or a
/// proof of concept is not yet asked to assess its organisation. One query for any number of products.
/// </summary>
public sealed class ChecklistFlagSource(CapDbContext db, TimeProvider time) : IProductFlagSource
{
    /// <summary>The phases from which a product without any assessment is flagged.</summary>
    public static readonly Phase[] ExpectedFrom = [Phase.Mvp, Phase.Construction, Phase.Generalisation];

    public IReadOnlyList<(string Code, string Label)> Kinds { get; } = [("checklist-stale", "Check-list à refaire"), ("checklist-missing", "Check-list jamais remplie")];

    public async Task<IReadOnlyList<(int ProductId, ProductFlag Flag)>> FlagsAsync(IReadOnlyCollection<int>? productIds, DateOnly today, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var limit = now - ChecklistRules.StaleAfter;
        var rows = await ProductFlags.Concerned(db.Products.AsNoTracking(), productIds)
            .Select(p => new
            {
                p.Id,
                p.Slug,
                p.Phase,
                Latest = db.ChecklistAssessments.Where(a => a.ProductId == p.Id).OrderByDescending(a => a.Number)
                    .Select(a => (DateTimeOffset?)a.AssessedAt).FirstOrDefault(),
            })
            .Where(p => p.Latest == null ? ExpectedFrom.Contains(p.Phase) : p.Latest < limit)
            .ToListAsync(ct);
        return rows.Select(p => (p.Id, p.Latest is { } last
                ? new ProductFlag("checklist-stale", "Check-list à refaire", $"Dernière auto-évaluation de la check-list produit le {Dates.Day(last)}, il y a plus de six mois.", $"/produits/{p.Slug}/checklist")
                : new ProductFlag("checklist-missing", "Check-list jamais remplie", "L’équipe n’a pas encore fait l’auto-évaluation de la check-list produit du guide.", $"/produits/{p.Slug}/checklist")))
            .ToList();
    }
}
