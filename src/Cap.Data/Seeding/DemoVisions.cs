using Cap.Domain;
using Cap.Domain.Catalogue;
using Cap.Domain.Steering;
using Microsoft.EntityFrameworkCore;

namespace Cap.Data.Seeding;

/// <summary>Demo visions, contributions and objectives for most demo products (called by <see cref="DemoPortfolio"/>).</summary>
public static class DemoVisions
{
    private const string ProposalAuthor = "jean.dupont@demo.cap.gouv.fr";

    private static readonly string[] ObjectiveTitles =
    [
        "Rendre le service accessible à tous les usagers",
        "Réduire le délai de traitement des demandes",
        "Généraliser le service à tout le territoire",
        "Diminuer les appels au support",
        "Ouvrir les données à nos partenaires",
        "Atteindre la conformité RGAA complète",
        "Simplifier le parcours de première connexion",
        "Fiabiliser les données saisies",
    ];

    public static async Task SeedAsync(CapDbContext db, CancellationToken ct = default)
    {
        if (await db.Visions.AnyAsync(ct))
        {
            return;
        }
        var random = new Random(20261127);
        var now = DateTimeOffset.UtcNow;
        var products = await db.Products.AsNoTracking().Where(p => !p.IsArchived).OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.Slug, p.Name, p.Summary, p.Users }).ToListAsync(ct);
        var owners = await db.TeamMembers.AsNoTracking().Where(m => m.Role == ProductRole.ResponsableProduit)
            .Select(m => new { m.ProductId, m.PersonId, m.Person!.DisplayName }).ToListAsync(ct);
        var ownerOf = owners.GroupBy(o => o.ProductId).ToDictionary(g => g.Key, g => g.First());
        var contributors = await db.People.AsNoTracking().Where(p => p.IsActive && p.Roles != Domain.Platform.GlobalRoles.Lecteur && p.Email != DemoPortfolio.AwaitingAccessEmail)
            .OrderBy(p => p.Id).Select(p => new { p.Id, p.DisplayName, p.Email }).ToListAsync(ct);
        var jean = contributors.First(p => p.Email == ProposalAuthor);
        var priorities = await db.MinistryPriorities.AsNoTracking().Where(p => p.IsActive).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(ct);

        var pendingProposals = new List<(Vision Vision, VisionContribution Contribution)>();
        var batch = 0;
        foreach (var product in products)
        {
            var journey = product.Slug == DemoPortfolio.JourneyProductSlug;
            // About one product in five has no vision yet, so the empty state is alive too.
            if (!journey && random.Next(5) == 0)
            {
                continue;
            }
            var owner = ownerOf.GetValueOrDefault(product.Id);
            var authorId = owner?.PersonId;
            var authorName = owner?.DisplayName ?? "Équipe produit";
            var users = product.Users ?? "les agents et les usagers concernés";
            var count = journey ? 2 : 1 + random.Next(3);
            // Half of the products were last reviewed more than six months ago: they show "à revisiter".
            var stale = !journey && random.Next(2) == 0;
            var last = now.AddDays(stale ? -(200 + random.Next(200)) : -(5 + random.Next(120)));
            Vision? previous = null;
            for (var n = 1; n <= count; n++)
            {
                var created = last.AddDays(-(count - n) * (60 + random.Next(60)));
                var vision = previous?.NextVersion() ?? new Vision { ProductId = product.Id, Number = 1 };
                if (n == 1)
                {
                    vision.Statement = Text.Truncate($"{product.Name} existe pour que {Lower(users)} accomplissent leurs démarches simplement, sans ressaisie ni délai inutile.", Vision.StatementMaxLength);
                    vision.Users = $"{users}. Nous les rencontrons chaque mois lors d’entretiens et de tests utilisateurs.";
                    vision.Problems = $"Avant {product.Name}, les démarches passaient par des formulaires papier et des échanges de courriels : informations perdues, délais de plusieurs semaines, peu de visibilité sur l’avancement.";
                    vision.ValueProposition = $"{product.Summary} Le service est conçu avec ses usagers, accessible et disponible sur tous les terminaux.";
                    vision.ExpectedImpact = "Moins de temps passé par les agents sur les tâches de saisie, des usagers mieux informés et des délais de traitement divisés par deux.";
                }
                else if (n == 2)
                {
                    vision.ExpectedImpact = "Des délais de traitement divisés par deux, 80 % d’usagers satisfaits et une baisse mesurable des appels au support.";
                    vision.ChangeNote = "Impact attendu chiffré après le premier comité d’investissement.";
                }
                else
                {
                    vision.Users = $"{users}, ainsi que les partenaires qui instruisent les dossiers avec nous.";
                    vision.ChangeNote = "Ajout des partenaires instructeurs parmi les usagers cibles.";
                }
                vision.AuthorId = authorId;
                vision.AuthorName = authorName;
                vision.CreatedAt = created;
                if (n == count && !stale && random.Next(2) == 0)
                {
                    vision.ReviewedAt = now.AddDays(-random.Next(1, 30));
                    vision.ReviewedByName = authorName;
                }
                db.Visions.Add(vision);
                previous = vision;
            }

            var contributor = contributors[random.Next(contributors.Count)];
            if (journey)
            {
                pendingProposals.Add((previous!, new VisionContribution
                {
                    ProductId = product.Id, Part = VisionPart.Statement, Kind = ContributionKind.Proposal,
                    Text = $"{product.Name} permet à chaque patient de retrouver à tout moment son historique vaccinal complet et fiable.",
                    AuthorId = jean.Id, AuthorName = jean.DisplayName, CreatedAt = now.AddDays(-3),
                }));
                pendingProposals.Add((previous!, new VisionContribution
                {
                    ProductId = product.Id, Part = VisionPart.Users, Kind = ContributionKind.Comment,
                    Text = "Les pharmaciens vaccinent aussi désormais : faut-il les citer parmi les usagers ?",
                    AuthorId = contributor.Id, AuthorName = contributor.DisplayName, CreatedAt = now.AddDays(-8),
                }));
            }
            else if (random.Next(4) == 0)
            {
                pendingProposals.Add((previous!, new VisionContribution
                {
                    ProductId = product.Id, Part = VisionPart.ExpectedImpact, Kind = random.Next(2) == 0 ? ContributionKind.Comment : ContributionKind.Proposal,
                    Text = "Préciser l’impact attendu pour les agents : combien d’heures de saisie économisées chaque mois ?",
                    AuthorId = contributor.Id, AuthorName = contributor.DisplayName, CreatedAt = now.AddDays(-random.Next(1, 40)),
                }));
            }

            var objectives = journey ? 3 : 2 + random.Next(3);
            foreach (var (title, position) in ObjectiveTitles.OrderBy(_ => random.Next()).Take(objectives).Select((t, i) => (t, i)))
            {
                var objective = new Objective
                {
                    ProductId = product.Id,
                    Title = title,
                    Description = $"Pour {product.Name} : {Lower(title)}, mesuré par les indicateurs de l’équipe.",
                    Horizon = DateOnly.FromDateTime(now.UtcDateTime).AddMonths(3 + random.Next(18)),
                    Status = position == objectives - 1 && random.Next(3) == 0 ? ObjectiveStatus.Reached : ObjectiveStatus.Active,
                    Position = position,
                };
                foreach (var priority in priorities.OrderBy(_ => random.Next()).Take(random.Next(3)))
                {
                    objective.Priorities.Add(new ObjectivePriority { MinistryPriorityId = priority, ProductId = product.Id });
                }
                db.Objectives.Add(objective);
            }

            if (++batch % 200 == 0)
            {
                await FlushAsync(db, pendingProposals, ct);
            }
        }
        await FlushAsync(db, pendingProposals, ct);
    }

    /// <summary>Saves the batch; contributions need the id of the version they comment, known only after the save.</summary>
    private static async Task FlushAsync(CapDbContext db, List<(Vision Vision, VisionContribution Contribution)> pending, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        foreach (var (vision, contribution) in pending)
        {
            contribution.VisionId = vision.Id;
            db.VisionContributions.Add(contribution);
        }
        pending.Clear();
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    private static string Lower(string value) => value.Length == 0 ? value : char.ToLowerInvariant(value[0]) + value[1..];
}
