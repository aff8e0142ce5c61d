using Cap.Domain.Catalogue;
using Cap.Domain.Iterations;
using Microsoft.EntityFrameworkCore;

namespace Cap.Data.Seeding;

/// <summary>Demo iterations (called by <see cref="DemoPortfolio"/> after the roadmaps).</summary>
public static class DemoIterations
{
    private static readonly string[] Goals =
    [
        "Mettre en ligne la première version du parcours et la tester avec cinq usagers.",
        "Réduire les abandons à l’étape d’identification.",
        "Rendre le suivi de la demande lisible sur mobile.",
        "Corriger les non-conformités d’accessibilité bloquantes.",
        "Préparer l’ouverture à un deuxième département.",
        "Fiabiliser l’envoi des notifications aux usagers.",
        "Mesurer l’effet de la nouvelle page d’accueil sur les demandes complètes.",
        "Outiller les agents pour traiter les dossiers incomplets.",
    ];

    private static readonly (string Delivered, string Learned, string Feedback)[] Reviews =
    [
        ("Nouveau formulaire en production pour 10 % des usagers.", "Les usagers lisent peu l’aide en ligne : les messages d’erreur doivent suffire.", "Trois usagers ne trouvaient pas le bouton « Continuer » : il est désormais en bas de chaque étape."),
        ("Tableau de bord des agents et export des dossiers.", "Les agents traitent les dossiers le matin : l’export doit être prêt à 8 h.", "Les agents demandaient un tri par date de dépôt : ajouté."),
        ("Corrections d’accessibilité sur les trois pages les plus visitées.", "Le contraste des liens posait problème à la moitié des testeurs.", "Un usager malvoyant a signalé l’ordre de tabulation : corrigé."),
        ("Relance automatique des dossiers incomplets.", "La relance à J+3 fonctionne mieux qu’à J+7.", "Plusieurs verbatims demandaient un rappel : c’est la relance livrée."),
        ("Rien de visible : migration de l’hébergement.", "La bascule a pris deux jours de plus que prévu : prévoir une marge.", "Pas de retour usager à prendre en compte sur cette itération."),
    ];

    private static readonly string[] Audiences = ["l’équipe métier", "la sponsor et l’équipe métier", "cinq usagers et l’équipe", "les agents du guichet"];

    /// <summary>
    /// Products past Idée with a demo roadmap get a few months of two- or three-week iterations, most with one running
    /// today, every ended one reviewed (retrospectives are seeded by the retrospectives' demo data), initiatives from their
    /// roadmap and some carried over. Deterministic: same seed, dates relative to today. Two saves in all.
    /// </summary>
    public static async Task SeedAsync(CapDbContext db, CancellationToken ct = default)
    {
        if (await db.Iterations.AnyAsync(ct))
        {
            return;
        }
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        var products = await db.Products.AsNoTracking()
            .Where(p => !p.IsArchived && p.Phase != Phase.Idee && p.Phase != Phase.Arret && !p.Slug.StartsWith("produit-") && p.Slug != DemoPortfolio.JourneyProductSlug)
            .OrderBy(p => p.Id).Select(p => new { p.Id, p.Phase }).ToListAsync(ct);
        var initiatives = (await db.Initiatives.AsNoTracking().OrderBy(i => i.Start).ThenBy(i => i.Id).Select(i => new { i.Id, i.ProductId }).ToListAsync(ct))
            .ToLookup(i => i.ProductId, i => i.Id);
        var random = new Random(2711026);
        var carries = new List<(IterationInitiative From, Iteration Into)>();
        foreach (var (product, n) in products.Select((p, n) => (p, n)))
        {
            var own = initiatives[product.Id].ToList();
            if (own.Count == 0)
            {
                continue;
            }
            var length = n % 3 == 0 ? 21 : 14;
            var count = 5 + random.Next(4);
            // The last iteration runs today for most products; for one in four the team is between two iterations.
            var lastEnd = n % 4 == 3 ? today.AddDays(-(3 + random.Next(8))) : today.AddDays(random.Next(length));
            var spans = new List<(DateOnly Start, DateOnly End)>();
            var end = lastEnd;
            for (var k = 0; k < count; k++)
            {
                var start = end.AddDays(-(length - 1));
                spans.Insert(0, (start, end));
                end = start.AddDays(-(random.Next(5) == 0 ? 2 + random.Next(4) : 1));
            }
            Iteration? previous = null;
            foreach (var ((start, stop), k) in spans.Select((s, k) => (s, k)))
            {
                var ended = stop < today;
                var it = new Iteration
                {
                    ProductId = product.Id, Number = k + 1, Start = start, End = stop, Phase = product.Phase,
                    Goal = Goals[(n + k) % Goals.Length],
                };
                var first = own[(k + n) % own.Count];
                var picked = own.Count > 1 && random.Next(2) == 0 ? new[] { first, own[(k + n + 1) % own.Count] } : [first];
                foreach (var id in picked.Where(id => previous is null || previous.Initiatives.All(w => w.InitiativeId != id || w.Outcome != IterationWorkOutcome.CarriedOver)))
                {
                    it.Initiatives.Add(new IterationInitiative
                    {
                        ProductId = product.Id, InitiativeId = id,
                        Outcome = ended ? (random.Next(4) == 0 ? IterationWorkOutcome.NotDone : IterationWorkOutcome.Done) : IterationWorkOutcome.Pending,
                    });
                }
                if (previous is not null)
                {
                    foreach (var row in previous.Initiatives.Where(w => w.Outcome == IterationWorkOutcome.CarriedOver))
                    {
                        carries.Add((row, it));
                    }
                }
                // Unfinished work of an ended iteration is carried over to the next one when there is a next one.
                if (ended && k < spans.Count - 1)
                {
                    foreach (var row in it.Initiatives.Where(w => w.Outcome == IterationWorkOutcome.NotDone))
                    {
                        row.Outcome = IterationWorkOutcome.CarriedOver;
                    }
                }
                if (ended)
                {
                    var review = Reviews[(n + k) % Reviews.Length];
                    it.ReviewDelivered = review.Delivered;
                    it.ReviewLearned = review.Learned;
                    it.ReviewFeedback = review.Feedback;
                    it.DemoDate = stop;
                    it.DemoAudience = Audiences[(n + k) % Audiences.Length];
                    it.ReviewedAt = new DateTimeOffset(stop.ToDateTime(new TimeOnly(15, 0)), TimeSpan.Zero);
                }
                db.Iterations.Add(it);
                previous = it;
            }
        }
        await db.SaveChangesAsync(ct);
        foreach (var (from, into) in carries)
        {
            db.IterationInitiatives.Add(new IterationInitiative
            {
                ProductId = from.ProductId, IterationId = into.Id, InitiativeId = from.InitiativeId, CarriedFromId = from.Id,
                Outcome = into.End < today ? IterationWorkOutcome.Done : IterationWorkOutcome.Pending,
            });
        }
        await db.SaveChangesAsync(ct);
    }
}
