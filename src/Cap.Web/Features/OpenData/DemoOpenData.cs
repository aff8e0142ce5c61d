using Cap.Data;
using Cap.Domain.OpenData;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.OpenData;

/// <summary>
/// The demo's open-data choices, so that the public page and the files have content: five products published (Code du travail
/// numérique, Emplois de l’inclusion and Signal Santé with their satisfaction; Index Égalité without it; Finess Plus alone),
/// some of their indicators chosen and others not; Annuaire Téléconsultation is archived, so its choice publishes nothing;
/// Vaccin Suivi (the journeys' product) has chosen nothing. Runs once, on demo data.
/// </summary>
public static class DemoOpenData
{
    private sealed record Choice(string Slug, bool Satisfaction, int Indicators);

    private static readonly Choice[] Choices =
    [
        new("code-travail-numerique", Satisfaction: true, Indicators: 2),
        new("emplois-inclusion", Satisfaction: true, Indicators: 3),
        new("signal-sante", Satisfaction: true, Indicators: 0),
        new("index-egalite", Satisfaction: false, Indicators: 1),
        new("finess-plus", Satisfaction: false, Indicators: 0),
        new("teleconsult-annuaire", Satisfaction: true, Indicators: 1),
    ];

    public static async Task SeedAsync(CapDbContext db, CancellationToken ct = default)
    {
        if (await db.ProductOpenData.AnyAsync(ct))
        {
            return;
        }
        var slugs = Choices.Select(c => c.Slug).ToList();
        var ids = await db.Products.AsNoTracking().Where(p => slugs.Contains(p.Slug)).ToDictionaryAsync(p => p.Slug, p => p.Id, ct);
        var indicators = (await db.Indicators.AsNoTracking().Where(i => ids.Values.Contains(i.ProductId))
                .Select(i => new { i.Id, i.ProductId, i.Position, i.Name }).ToListAsync(ct))
            .GroupBy(i => i.ProductId).ToDictionary(g => g.Key, g => g.OrderBy(i => i.Position).ThenBy(i => i.Name).Select(i => i.Id).ToList());
        foreach (var choice in Choices)
        {
            if (!ids.TryGetValue(choice.Slug, out var id))
            {
                continue;
            }
            var record = new ProductOpenData { ProductId = id, Version = 1 };
            OpenDataRules.Apply(record, new OpenDataInput(true, choice.Satisfaction, [.. (indicators.GetValueOrDefault(id) ?? []).Take(choice.Indicators)]));
            db.ProductOpenData.Add(record);
        }
        await db.SaveChangesAsync(ct);
    }
}
