using Cap.Domain.Retrospectives;
using Microsoft.EntityFrameworkCore;

namespace Cap.Data.Seeding;

/// <summary>Demo retrospectives (called by <see cref="DemoPortfolio"/> after the iterations when there are any).</summary>
public static class DemoRetrospectives
{
    private static readonly string[] Works =
    [
        "Les démos de fin d’itération avec les agents des ARS ont fait émerger des retours très concrets.",
        "Le binômage entre la développeuse et le designer a accéléré la refonte du formulaire.",
        "Le point quotidien tient en 15 minutes et reste centré sur les blocages.",
        "La mise en production du mardi s’est passée sans incident, grâce à la checklist.",
        "Les tests d’utilisabilité avec cinq usagers ont levé les doutes sur le parcours de connexion.",
        "Le tableau de suivi des indicateurs est consulté par toute l’équipe chaque lundi.",
        "La relecture croisée des textes avec le métier a réduit les allers-retours.",
        "Les tickets sont mieux découpés : plus rien ne traîne sur deux itérations.",
        "Le comité produit a tranché rapidement sur la priorité de l’export.",
        "L’accueil de la nouvelle développeuse s’est bien passé grâce à la documentation d’architecture.",
    ];

    private static readonly string[] ToImprove =
    [
        "Les demandes urgentes du cabinet arrivent en cours d’itération et cassent le plan.",
        "Les environnements de recette tombent souvent en panne le vendredi.",
        "Les verbatims de satisfaction ne sont lus que par le responsable produit.",
        "La revue de code attend parfois deux jours faute de relecteur disponible.",
        "On découvre les contraintes juridiques trop tard, après le développement.",
        "Les objectifs de l’itération ne sont pas assez visibles pendant le point quotidien.",
        "Trop de réunions le jeudi : peu de temps pour avancer.",
        "Les retours des agents sont dispersés entre courriels, tickets et messagerie.",
        "La priorisation avec le métier se fait au fil de l’eau, sans moment dédié.",
        "Les incidents de production ne sont pas analysés après coup.",
    ];

    private static readonly string[] ActionIdeas =
    [
        "Réserver un créneau fixe de relecture de code chaque matin",
        "Inviter la juriste à l’affinage des sujets sensibles",
        "Afficher l’objectif de l’itération en tête du tableau du point quotidien",
        "Centraliser les retours des agents dans un seul canal",
        "Tenir une analyse sans reproche après chaque incident de production",
        "Lire trois verbatims de satisfaction en équipe à chaque démo",
        "Protéger le jeudi après-midi sans réunion",
        "Mettre en place une file « urgences cabinet » arbitrée par le responsable produit",
        "Automatiser la remise en route de l’environnement de recette",
        "Organiser un atelier de priorisation mensuel avec le métier",
    ];

    /// <summary>
    /// The named, non-archived demo products get a few retrospectives: the last ended iterations' retrospectives when the
    /// product has iterations, free-standing ones every three weeks otherwise. The older ones are closed with their
    /// actions done, abandoned or carried; the latest is open, with earlier actions still to review at its start.
    /// Deterministic: same seed, dates relative to today.
    /// </summary>
    public static async Task SeedAsync(CapDbContext db, CancellationToken ct = default)
    {
        if (await db.Retrospectives.AnyAsync(ct))
        {
            return;
        }
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        var products = await db.Products.AsNoTracking()
            .Where(p => !p.IsArchived && !p.Slug.StartsWith("produit-"))
            .OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(ct);
        var team = (await db.TeamMembers.AsNoTracking().Where(m => products.Contains(m.ProductId)).OrderBy(m => m.Id)
            .Select(m => new { m.ProductId, m.PersonId }).ToListAsync(ct)).ToLookup(m => m.ProductId, m => m.PersonId);
        var ended = (await db.Iterations.AsNoTracking().Where(i => products.Contains(i.ProductId) && i.End < today)
            .OrderBy(i => i.End).Select(i => new { i.Id, i.ProductId, i.Number, i.End }).ToListAsync(ct)).ToLookup(i => i.ProductId);
        var random = new Random(27112026);

        var plans = new List<(int ProductId, List<int> Team, List<Retrospective> Retros)>();
        foreach (var (productId, n) in products.Select((p, n) => (p, n)))
        {
            var people = team[productId].ToList();
            if (people.Count == 0)
            {
                continue;
            }
            var count = 3 + (n % 2);
            var iterations = ended[productId].TakeLast(count).ToList();
            var retros = iterations.Count > 0
                ? iterations.Select(i => new Retrospective { ProductId = productId, IterationId = i.Id, HeldOn = i.End, Title = $"Rétrospective de l’itération {i.Number}" }).ToList()
                : Enumerable.Range(0, count).Reverse().Select(k => today.AddDays(-7 - (21 * k)))
                    .Select(day => new Retrospective { ProductId = productId, HeldOn = day, Title = $"Rétrospective du {day:dd/MM/yyyy}" }).ToList();
            for (var k = 0; k < retros.Count - 1; k++)
            {
                retros[k].Status = RetrospectiveStatus.Closed;
            }
            db.Retrospectives.AddRange(retros);
            plans.Add((productId, people, retros));
        }
        await db.SaveChangesAsync(ct);

        foreach (var (productId, people, retros) in plans)
        {
            var offset = random.Next(ActionIdeas.Length);
            for (var k = 0; k < retros.Count; k++)
            {
                var retro = retros[k];
                var isLast = k == retros.Count - 1;
                var at = new DateTimeOffset(retro.HeldOn.ToDateTime(new TimeOnly(9, 30)), TimeSpan.Zero);
                var minute = 0;
                foreach (var (kind, pool) in new[] { (RetroItemKind.Works, Works), (RetroItemKind.ToImprove, ToImprove) })
                {
                    var start = random.Next(pool.Length);
                    var items = 2 + random.Next(3);
                    for (var j = 0; j < items; j++)
                    {
                        db.RetroItems.Add(new RetroItem
                        {
                            ProductId = productId, RetrospectiveId = retro.Id, Kind = kind, Text = pool[(start + (j * 3)) % pool.Length],
                            AuthorPersonId = people[random.Next(people.Count)], CreatedAt = at.AddMinutes(minute += 1 + random.Next(4)),
                        });
                    }
                }
                // Older retrospectives: actions done, abandoned, or (the second to last but one) carried and still open.
                // The last-but-one leaves one action open, not yet reviewed; the latest, open, has its own.
                var statuses = isLast
                    ? new[] { RetroActionStatus.Open, RetroActionStatus.InProgress }
                    : k == retros.Count - 2
                        ? new[] { RetroActionStatus.Done, RetroActionStatus.Open }
                        : k == retros.Count - 3
                            ? new[] { RetroActionStatus.Done, RetroActionStatus.InProgress, RetroActionStatus.Abandoned }
                            : new[] { RetroActionStatus.Done, RetroActionStatus.Done, RetroActionStatus.Abandoned };
                for (var j = 0; j < statuses.Length; j++)
                {
                    var status = statuses[j];
                    var next = isLast ? null : retros[k + 1];
                    db.RetroActions.Add(new RetroAction
                    {
                        ProductId = productId, RetrospectiveId = retro.Id,
                        Title = ActionIdeas[(offset + (k * 3) + j) % ActionIdeas.Length],
                        OwnerPersonId = people[(k + j) % people.Count],
                        DueDate = retro.HeldOn.AddDays(14),
                        Status = status,
                        // Carried by the next retrospective, still in progress: back at the start of the latest one.
                        CarriedToRetrospectiveId = status == RetroActionStatus.InProgress && !isLast && next is not null ? next.Id : null,
                        ClosedAt = RetrospectiveRules.IsOpen(status) || next is null ? null : new DateTimeOffset(next.HeldOn.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero),
                    });
                }
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
