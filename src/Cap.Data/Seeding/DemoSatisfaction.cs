using Cap.Domain.Satisfaction;
using Microsoft.EntityFrameworkCore;

namespace Cap.Data.Seeding;

/// <summary>Demo satisfaction forms, placements and twelve months of answers (called by <see cref="DemoPortfolio"/> after <see cref="DemoIndicators"/>).</summary>
public static class DemoSatisfaction
{
    private static readonly string[] GoodComments =
    [
        "Démarche simple et rapide, merci.",
        "Très clair, j’ai trouvé tout de suite ce que je cherchais.",
        "Enfin un service en ligne qui fonctionne bien !",
        "Rien à redire, c’était facile.",
        "Beaucoup plus rapide que par courrier.",
        "Interface agréable, les explications sont claires.",
    ];

    private static readonly string[] AverageComments =
    [
        "Correct, mais la page de connexion est lente.",
        "Il manque une aide pour remplir le champ sur les justificatifs.",
        "Le formulaire est long, j’ai dû recommencer après une déconnexion.",
        "Pas évident de savoir où en est mon dossier après l’envoi.",
        "J’aurais aimé recevoir un accusé de réception par e-mail.",
    ];

    private static readonly string[] BadComments =
    [
        "Impossible de téléverser mon justificatif en PDF, message d’erreur sans explication.",
        "Trop compliqué, je n’ai pas compris quelles pièces fournir.",
        "Le site a planté deux fois avant la validation.",
        "Aucune réponse du support depuis trois semaines.",
    ];

    /// <summary>
    /// About 60 % of the non-archived demo products (the synthetic "produit-NNNNN" of benchmarks are left out) and
    /// always <see cref="DemoPortfolio.JourneyProductSlug"/> get a switched-on form with 2 or 3 placements and a year
    /// of answers, mostly good, a few products below target. Deterministic: same seed, dates relative to today.
    /// </summary>
    public static async Task SeedAsync(CapDbContext db, CancellationToken ct = default)
    {
        if (await db.FeedbackForms.AnyAsync(ct))
        {
            return;
        }
        var now = TimeProvider.System.GetUtcNow();
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        var products = await db.Products.AsNoTracking()
            .Where(p => !p.IsArchived && !p.Slug.StartsWith("produit-"))
            .OrderBy(p => p.Id).Select(p => new { p.Id, p.Slug, p.Url }).ToListAsync(ct);
        var random = new Random(40041126);
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var productIndex = 0;
        foreach (var product in products)
        {
            var journey = product.Slug == DemoPortfolio.JourneyProductSlug;
            if (!journey && random.NextDouble() >= 0.6)
            {
                continue;
            }
            productIndex++;
            var askHelp = journey || random.Next(3) == 0;
            var form = new FeedbackForm { ProductId = product.Id, IsEnabled = true, AskClarity = true, AskHelp = false, AskComment = true, ConfigVersion = 1, PublicStatistics = journey };
            db.FeedbackForms.Add(form);
            db.FeedbackFormVersions.Add(FeedbackFormVersion.Of(form, "Reprise de l’historique (démonstration)"));
            // Help questions switched on four months ago: older answers keep version 1, without them.
            var helpSince = askHelp ? now.AddMonths(-4) : (DateTimeOffset?)null;
            if (askHelp)
            {
                form.AskHelp = true;
                form.ConfigVersion = 2;
                db.FeedbackFormVersions.Add(FeedbackFormVersion.Of(form, "Reprise de l’historique (démonstration)"));
            }
            var site = product.Url ?? $"https://{product.Slug}.demo.social.gouv.fr";
            var placements = new List<(Placement Placement, double Share)>
            {
                (new Placement { ProductId = product.Id, Form = form, Label = "Fin de démarche", PublicKey = Placement.NewKey(), AllowedOrigins = site }, 0.6),
                (new Placement { ProductId = product.Id, Form = form, Label = "E-mail de confirmation", PublicKey = Placement.NewKey() }, 0.25),
            };
            if (journey || random.Next(2) == 0)
            {
                placements.Add((new Placement { ProductId = product.Id, Form = form, Label = "Pied de page", PublicKey = Placement.NewKey(), AllowedOrigins = site }, 0.15));
            }
            db.Placements.AddRange(placements.Select(p => p.Placement));
            await db.SaveChangesAsync(ct);

            // Most products above target, one in four between 5 and 8, one in eight below.
            var (good, average) = journey ? (0.78, 0.17) : (productIndex % 8) switch
            {
                0 => (0.35, 0.3),
                3 or 6 => (0.55, 0.3),
                _ => (0.7 + random.NextDouble() * 0.15, 0.12),
            };
            var total = journey ? 2400 : 150 + random.Next(650);
            var answers = new List<FeedbackAnswer>(total);
            for (var n = 0; n < total; n++)
            {
                // Growth over the year: more answers in recent months.
                var age = Math.Pow(random.NextDouble(), 1.3) * 365;
                var receivedAt = now.AddDays(-age).AddMinutes(-random.Next(60));
                var version = helpSince is { } since && receivedAt >= since ? 2 : 1;
                var roll = random.NextDouble();
                var experience = roll < good ? 3 : roll < good + average ? 2 : 1;
                var placementRoll = random.NextDouble();
                var placement = placements[0].Placement;
                var cumulated = 0.0;
                foreach (var (p, share) in placements)
                {
                    cumulated += share;
                    if (placementRoll < cumulated)
                    {
                        placement = p;
                        break;
                    }
                }
                var clarity = random.Next(5) == 0 ? (int?)null : Math.Clamp(experience + 1 + random.Next(3) - (experience == 1 ? 1 : 0), 1, 5);
                var channels = HelpChannels.None;
                bool? reached = null;
                int? quality = null;
                if (version == 2 && random.Next(4) == 0)
                {
                    channels = HelpChannelLabels.All[random.Next(HelpChannelLabels.All.Length)];
                    if (random.Next(3) == 0)
                    {
                        channels |= HelpChannelLabels.All[random.Next(HelpChannelLabels.All.Length)];
                    }
                    reached = random.NextDouble() < 0.7;
                    quality = reached == true ? Math.Clamp(experience + 1 + random.Next(3), 1, 5) : null;
                }
                string? comment = null;
                if (random.Next(8) == 0)
                {
                    var pool = experience switch { 3 => GoodComments, 2 => AverageComments, _ => BadComments };
                    comment = pool[random.Next(pool.Length)];
                }
                if (journey && n == 7)
                {
                    (experience, comment) = (1, "Je n’arrive pas à retrouver le vaccin de ma fille, rappelez-moi au 06 12 34 56 78 ou écrivez à parent.inquiet@exemple.fr");
                    receivedAt = now.AddDays(-2);
                }
                answers.Add(new FeedbackAnswer
                {
                    ProductId = product.Id, PlacementId = placement.Id, FormVersion = version, ReceivedAt = receivedAt,
                    Day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(receivedAt, paris).DateTime), Experience = experience,
                    Clarity = clarity, HelpChannels = channels, AdministrationReached = reached, HelpQuality = quality,
                    Comment = PersonalDataMask.Apply(comment),
                });
            }
            // The answers and the statistics' daily rollups commit together, as the intake writes them.
            await using (var transaction = await db.Database.BeginTransactionAsync(ct))
            {
                db.FeedbackAnswers.AddRange(answers.OrderBy(a => a.ReceivedAt));
                await db.SaveChangesAsync(ct);
                await SatisfactionRollups.AddAsync(db, answers, ct);
                await transaction.CommitAsync(ct);
            }
            db.ChangeTracker.Clear();
        }
        db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
    }
}
