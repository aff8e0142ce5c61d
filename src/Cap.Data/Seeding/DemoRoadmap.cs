using Cap.Domain.Roadmap;
using Microsoft.EntityFrameworkCore;

namespace Cap.Data.Seeding;

/// <summary>Demo roadmaps (called by <see cref="DemoPortfolio"/> after the indicators).</summary>
public static class DemoRoadmap
{
    private static readonly (InitiativeKind Kind, string Title, string Description)[] Ideas =
    [
        (InitiativeKind.Feature, "Parcours de connexion simplifié", "Réduire les étapes de connexion des usagers."),
        (InitiativeKind.Experiment, "Test d’un formulaire en une page", "Comparer le taux d’abandon avec le formulaire actuel."),
        (InitiativeKind.Action, "Entretiens avec dix usagers", "Comprendre les blocages observés dans les statistiques."),
        (InitiativeKind.Feature, "Suivi de la demande en ligne", "Afficher l’avancement de la demande à l’usager."),
        (InitiativeKind.Experiment, "Relance par SMS", "Mesurer l’effet d’une relance sur les dossiers incomplets."),
        (InitiativeKind.Action, "Audit d’accessibilité", "Corriger les non-conformités bloquantes."),
        (InitiativeKind.Feature, "Export des données pour les agents", "Permettre aux agents de traiter les dossiers hors ligne."),
    ];

    private static readonly (string Title, string Mitigation)[] RiskIdeas =
    [
        ("Retard du prestataire d’hébergement", "Point hebdomadaire et solution de repli identifiée."),
        ("Départ d’un développeur clé", "Binômage et documentation des choix techniques."),
        ("Faible participation des usagers aux tests", "Recrutement via les associations partenaires."),
        ("Dépendance à une API non stabilisée", "Bouchon de test et contrat d’interface signé."),
    ];

    /// <summary>
    /// The non-archived named demo products with objectives (not the synthetic "produit-NNNNN" of benchmarks, nor the guided
    /// journey's product, which the journey plans itself) get a horizon from the current month, 2 to 4 initiatives linked to their
    /// objectives, one dependency and one or two risks. Deterministic: same seed, dates relative to today.
    /// </summary>
    public static async Task SeedAsync(CapDbContext db, CancellationToken ct = default)
    {
        if (await db.Roadmaps.AnyAsync(ct) || await db.Initiatives.AnyAsync(ct))
        {
            return;
        }
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        var month = new DateOnly(today.Year, today.Month, 1);
        var products = await db.Products.AsNoTracking()
            .Where(p => !p.IsArchived && !p.Slug.StartsWith("produit-") && p.Slug != DemoPortfolio.JourneyProductSlug)
            .OrderBy(p => p.Id).Select(p => new { p.Id, p.Name }).ToListAsync(ct);
        var objectives = (await db.Objectives.AsNoTracking().OrderBy(o => o.Position).ThenBy(o => o.Id).Select(o => new { o.Id, o.ProductId }).ToListAsync(ct))
            .ToLookup(o => o.ProductId, o => o.Id);
        var indicators = (await db.Indicators.AsNoTracking().OrderBy(i => i.Id).Select(i => new { i.Id, i.ProductId }).ToListAsync(ct))
            .ToLookup(i => i.ProductId, i => i.Id);
        var random = new Random(6112026);
        var statuses = new[] { InitiativeStatus.Delivered, InitiativeStatus.InProgress, InitiativeStatus.Planned, InitiativeStatus.Planned };
        foreach (var (product, n) in products.Select((p, n) => (p, n)))
        {
            var own = objectives[product.Id].ToList();
            if (own.Count == 0)
            {
                continue;
            }
            var start = month.AddMonths(-1);
            var roadmap = new ProductRoadmap { ProductId = product.Id, HorizonStart = start, HorizonEnd = start.AddMonths(n % 3 == 0 ? 4 : 6).AddDays(-1) };
            foreach (var id in own.Take(2))
            {
                roadmap.Priorities.Add(new RoadmapPriority { ObjectiveId = id, ProductId = product.Id });
            }
            db.Roadmaps.Add(roadmap);
            var count = 2 + random.Next(3);
            for (var k = 0; k < count; k++)
            {
                var idea = Ideas[(n + k) % Ideas.Length];
                var from = start.AddMonths(k);
                var indicator = indicators[product.Id].FirstOrDefault();
                db.Initiatives.Add(new Initiative
                {
                    ProductId = product.Id,
                    ObjectiveId = own[k % own.Count],
                    Kind = idea.Kind,
                    Title = idea.Title,
                    Description = idea.Description,
                    PeriodUnit = PeriodUnit.Month,
                    Start = from,
                    End = from.AddMonths(1 + random.Next(2)).AddDays(-1),
                    Status = statuses[k % statuses.Length],
                    IndicatorId = k == 0 && indicator != 0 ? indicator : null,
                    ExpectedEffect = k == 0 && indicator != 0 ? "Amélioration attendue d’ici la fin de l’horizon" : null,
                });
            }
            db.RoadmapDependencies.Add(new RoadmapDependency
            {
                ProductId = product.Id,
                Kind = n % 2 == 0 ? DependencyKind.Provider : DependencyKind.Decision,
                Target = n % 2 == 0 ? "Prestataire d’hébergement" : "Arbitrage de la direction sur le budget",
                Status = n % 4 == 1 ? DependencyStatus.Blocking : DependencyStatus.Pending,
            });
            for (var k = 0; k < 1 + (n % 2); k++)
            {
                var risk = RiskIdeas[(n + k) % RiskIdeas.Length];
                db.Risks.Add(new Risk
                {
                    ProductId = product.Id,
                    Title = risk.Title,
                    Mitigation = risk.Mitigation,
                    Probability = 1 + random.Next(3),
                    Impact = 1 + random.Next(3),
                    OwnerName = "Responsable produit",
                });
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
