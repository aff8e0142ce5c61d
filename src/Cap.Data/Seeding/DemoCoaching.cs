using Cap.Domain.Catalogue;
using Cap.Domain.Coaching;
using Cap.Domain.Committee;
using Cap.Domain.Platform;
using Microsoft.EntityFrameworkCore;

namespace Cap.Data.Seeding;

/// <summary>
/// Demo coaching requests (called by <see cref="DemoPortfolio"/> after the committee and the roadmap): requests in every
/// status on the named products, with their threads, sessions, ratings and the coaches' météo; some answer a support need
/// identified by the committee. The guided journey's product gets none: the journey asks for its own.
/// </summary>
public static class DemoCoaching
{
    private static readonly (string Intervention, string Need, string Context)[] Asks =
    [
        ("atelier-de-cadrage-produit", "Nous n’arrivons pas à nous accorder sur ce que le produit doit faire en priorité.", "Équipe de cinq personnes, nouvelle responsable métier depuis septembre."),
        ("retrospectives-de-sprint", "Nos rétrospectives tournent en rond : toujours les mêmes sujets, peu d’actions suivies.", "Sprints de deux semaines depuis un an."),
        ("co-construction-de-roadmap", "Il nous faut une feuille de route présentable au comité de pilotage de mars.", "Plusieurs directions métier demandent des fonctionnalités concurrentes."),
        ("adoption-des-methodes-agiles", "L’équipe vient d’être constituée et ne connaît pas les rituels agiles.", "Prestataire nouvellement arrivé, responsable produit débutant."),
        ("suivi-des-indicateurs-kpi", "Nous ne savons pas mesurer l’impact du service pour les usagers.", "Des statistiques de fréquentation existent mais personne ne les lit."),
        ("audit-produit-et-gestion-des-risques", "Avant la généralisation, nous voulons un regard extérieur sur nos risques.", "Dépendance forte à un hébergeur et à une API d’un autre ministère."),
        ("accompagnement-post-lancement", "Le service vient d’ouvrir : comment organiser les retours des usagers ?", "Mise en ligne le mois dernier, 2 000 usagers par semaine."),
    ];

    // The status of each demo request, in order: every status at least once, the open ones more often.
    private static readonly CoachingStatus[] Plan =
    [
        CoachingStatus.Nouvelle, CoachingStatus.EnInstruction, CoachingStatus.Acceptee, CoachingStatus.Planifiee, CoachingStatus.EnCours,
        CoachingStatus.Terminee, CoachingStatus.Refusee, CoachingStatus.Nouvelle, CoachingStatus.EnCours, CoachingStatus.Terminee,
        CoachingStatus.Planifiee, CoachingStatus.Terminee, CoachingStatus.EnInstruction, CoachingStatus.Refusee,
    ];

    private static readonly string[] Comments =
    [
        "Très utile : l’équipe a enfin une vision commune.",
        "Bon accompagnement, nous aurions aimé une séance de plus.",
        "Les ateliers nous ont fait gagner des semaines.",
    ];

    public static async Task SeedAsync(CapDbContext db, CancellationToken ct = default)
    {
        if (await db.CoachingRequests.AnyAsync(ct))
        {
            return;
        }
        var coaches = await db.People.AsNoTracking().Where(p => p.IsActive && (p.Roles & GlobalRoles.Coach) == GlobalRoles.Coach).OrderBy(p => p.Id).ToListAsync(ct);
        var interventions = await db.CoachingInterventions.AsNoTracking().ToDictionaryAsync(i => i.Slug, ct);
        if (coaches.Count == 0 || interventions.Count == 0)
        {
            return;
        }
        var products = await db.Products.AsNoTracking()
            .Where(p => !p.IsArchived && !p.Slug.StartsWith("produit-") && p.Slug != DemoPortfolio.JourneyProductSlug)
            .OrderBy(p => p.Id).Select(p => new { p.Id, p.Name, p.Slug }).ToListAsync(ct);
        // Ordered in memory: the role may be stored as text, and the Responsable produit asks first.
        var teams = (await db.TeamMembers.AsNoTracking()
                .Select(m => new { m.ProductId, m.PersonId, m.Role, m.Id, m.Person!.DisplayName }).ToListAsync(ct))
            .OrderBy(m => (int)m.Role).ThenBy(m => m.Id).ToLookup(m => m.ProductId);
        var decisions = (await db.GateDecisions.AsNoTracking().Where(d => d.SupportNeeds != SupportNeeds.None).OrderBy(d => d.Id)
                .Select(d => new { d.Id, d.ProductId, d.SupportNeeds, d.DecidedAt }).ToListAsync(ct))
            .ToLookup(d => d.ProductId);
        var now = TimeProvider.System.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var random = new Random(7112026);
        // Karim's other product comes first, so the journey's owner sees requests of his own.
        var ordered = products.OrderBy(p => p.Slug == "alerte-canicule" ? 0 : 1).ThenBy(p => p.Id).ToList();
        var made = new List<(CoachingRequest Request, DateTimeOffset Created)>();
        var usedNeeds = new HashSet<(int, SupportNeeds)>();
        foreach (var (status, n) in Plan.Select((s, n) => (s, n)))
        {
            var product = ordered[(n * 2) % ordered.Count];
            var team = teams[product.Id].ToList();
            if (team.Count == 0)
            {
                continue;
            }
            var requester = team[0];
            var ask = Asks[n % Asks.Length];
            var intervention = interventions[ask.Intervention];
            var created = now.AddDays(-(status switch
            {
                CoachingStatus.Nouvelle => 1 + random.Next(6),
                CoachingStatus.EnInstruction => 5 + random.Next(8),
                CoachingStatus.Refusee => 20 + random.Next(20),
                CoachingStatus.Terminee => 70 + random.Next(60),
                _ => 15 + random.Next(30),
            })).AddHours(-random.Next(8));
            var coach = coaches[n % coaches.Count];
            var request = new CoachingRequest
            {
                ProductId = product.Id, InterventionId = intervention.Id, Need = ask.Need, Context = ask.Context,
                Urgency = (CoachingUrgency)(1 + random.Next(3)), Availability = random.Next(2) == 0 ? "Les mardis et jeudis après-midi." : null,
                RequestedById = requester.PersonId, RequestedByName = requester.DisplayName, Status = status,
            };
            // Every third request answers a support need the committee identified for the product.
            if (n % 3 == 1 && decisions[product.Id].FirstOrDefault() is { } decision)
            {
                var need = CommitteeLabels.Needs.First(x => decision.SupportNeeds.HasFlag(x));
                if (usedNeeds.Add((decision.Id, need)))
                {
                    request.FromDecisionId = decision.Id;
                    request.FromNeed = need;
                    request.Need = $"Le comité produit du {decision.DecidedAt:dd/MM/yyyy} a identifié un besoin d’accompagnement « {need.Label()} ». {ask.Need}";
                }
            }
            var at = created;
            void Say(CoachingMessageKind kind, int? authorId, string author, string body, double hoursLater)
            {
                at = at.AddHours(hoursLater);
                request.Messages.Add(new CoachingMessage { ProductId = product.Id, Kind = kind, AuthorId = authorId, AuthorName = author, Body = body, At = at });
            }
            Say(CoachingMessageKind.StatusChange, requester.PersonId, requester.DisplayName, $"Demande « {intervention.Title} » envoyée aux coachs.", 0);
            if (status == CoachingStatus.EnInstruction)
            {
                Say(CoachingMessageKind.Question, coach.Id, coach.DisplayName, "Qui participerait aux séances côté métier ? Avez-vous déjà une vision écrite ?", 20);
                Say(CoachingMessageKind.Message, requester.PersonId, requester.DisplayName, "La responsable métier et deux agents instructeurs. Pas encore de vision écrite.", 26);
            }
            if (status == CoachingStatus.Refusee)
            {
                var original = made.FirstOrDefault(m => m.Request.ProductId == product.Id && m.Request.Status.IsOpen()).Request;
                if (original is not null)
                {
                    request.DuplicateOfId = original.Id;
                    request.DeclineReason = $"Doublon de la demande n° {original.Id}.";
                }
                else
                {
                    request.DeclineReason = "Ce besoin relève de l’assistance technique de l’hébergeur, pas d’un accompagnement : nous vous avons mis en relation.";
                }
                Say(CoachingMessageKind.StatusChange, coach.Id, coach.DisplayName, $"Statut : Nouvelle → Refusée. Demande refusée : {request.DeclineReason}", 30);
            }
            if (status is CoachingStatus.Acceptee or CoachingStatus.Planifiee or CoachingStatus.EnCours or CoachingStatus.Terminee)
            {
                request.AcceptedAt = at.AddHours(24);
                request.Coaches.Add(new CoachingAssignment { ProductId = product.Id, PersonId = coach.Id });
                Say(CoachingMessageKind.StatusChange, coach.Id, coach.DisplayName, $"Statut : Nouvelle → Acceptée. Demande acceptée par {coach.DisplayName}.", 24);
                if (n % 4 == 0 && coaches.Count > 1)
                {
                    var second = coaches[(n + 1) % coaches.Count];
                    request.Coaches.Add(new CoachingAssignment { ProductId = product.Id, PersonId = second.Id });
                    Say(CoachingMessageKind.StatusChange, coach.Id, coach.DisplayName, $"Coachs affectés : {string.Join(", ", new[] { coach.DisplayName, second.DisplayName }.Order())}.", 1);
                }
            }
            if (status is CoachingStatus.Planifiee or CoachingStatus.EnCours or CoachingStatus.Terminee)
            {
                var first = DateOnly.FromDateTime(at.UtcDateTime).AddDays(7 + random.Next(7));
                if (status == CoachingStatus.Planifiee && first < today)
                {
                    first = today.AddDays(3 + random.Next(20));
                }
                request.ScheduledFor = first;
                Say(CoachingMessageKind.StatusChange, coach.Id, coach.DisplayName, $"Statut : Acceptée → Planifiée. Première séance prévue le {first:dd/MM/yyyy}.", 2);
            }
            if (status is CoachingStatus.EnCours or CoachingStatus.Terminee)
            {
                var sessions = status == CoachingStatus.Terminee ? 2 + random.Next(2) : 1 + random.Next(2);
                var date = request.ScheduledFor!.Value;
                for (var s = 0; s < sessions && date <= today; s++)
                {
                    request.Sessions.Add(new CoachingSession
                    {
                        ProductId = product.Id, Date = date, Participants = string.Join(", ", team.Take(3).Select(m => m.DisplayName).Append(coach.DisplayName)),
                        Summary = s == 0 ? $"Lancement : reformulation du besoin, {intervention.Title.ToLowerInvariant()} — premiers travaux en atelier." : "Atelier de suite : revue des actions et mise en pratique par l’équipe.",
                        NextSteps = s == sessions - 1 && status == CoachingStatus.Terminee ? null : "L’équipe prépare la prochaine séance avec ses propres exemples.",
                        Links = s == 0 ? "https://demo.cap.gouv.fr/documents/support-atelier.pdf" : null,
                        RecordedById = coach.Id, RecordedByName = coach.DisplayName,
                    });
                    Say(CoachingMessageKind.StatusChange, coach.Id, coach.DisplayName,
                        s == 0 ? $"Statut : Planifiée → En cours. Séance du {date:dd/MM/yyyy} enregistrée." : $"Séance du {date:dd/MM/yyyy} enregistrée.", 24 * 7);
                    date = date.AddDays(14);
                }
                if (request.Sessions.Count == 0)
                {
                    request.Status = CoachingStatus.Planifiee;
                }
                else if (status == CoachingStatus.EnCours && random.Next(2) == 0)
                {
                    Say(CoachingMessageKind.Message, requester.PersonId, requester.DisplayName, "Merci pour la séance ; nous avons commencé à appliquer le format proposé.", 30);
                }
            }
            if (status == CoachingStatus.Terminee)
            {
                request.OutcomeSummary = "L’équipe a posé ses pratiques et les anime désormais seule ; un point de suivi est prévu dans trois mois.";
                request.AutonomyGained = n % 5 != 0;
                request.ClosedAt = at.AddDays(3);
                Say(CoachingMessageKind.StatusChange, coach.Id, coach.DisplayName, $"Statut : En cours → Terminée. Accompagnement terminé. Résultat : {request.OutcomeSummary}", 72);
                if (n != 11)
                {
                    request.Rating = 3 + random.Next(3);
                    request.RatingComment = Comments[n % Comments.Length];
                    request.RatedById = requester.PersonId;
                    request.RatedByName = requester.DisplayName;
                    request.RatedAt = at.AddDays(2);
                    Say(CoachingMessageKind.StatusChange, requester.PersonId, requester.DisplayName, $"Accompagnement évalué {request.Rating}/5 par {requester.DisplayName}.", 48);
                }
            }
            db.CoachingRequests.Add(request);
            await db.SaveChangesAsync(ct);
            made.Add((request, created));
        }
        // The stamping of the data layer dates rows to now: the demo's requests keep their own ages.
        foreach (var (request, created) in made)
        {
            await db.CoachingRequests.Where(r => r.Id == request.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.CreatedAt, created), ct);
        }

        // Météo of the followed products: a short history, the latest first on screen.
        var followed = made.Where(m => m.Request.Status.IsOpen() && m.Request.Coaches.Count > 0).Select(m => (m.Request.ProductId, m.Request.Coaches[0].PersonId)).Distinct().ToList();
        foreach (var (productId, coachId) in followed)
        {
            var coach = coaches.First(c => c.Id == coachId);
            var levels = new[] { WeatherLevel.ASurveiller, (WeatherLevel)(1 + random.Next(3)) };
            for (var i = 0; i < levels.Length; i++)
            {
                db.ProductWeathers.Add(new ProductWeather
                {
                    ProductId = productId, Level = levels[i], AuthorId = coach.Id, AuthorName = coach.DisplayName, At = now.AddDays(-21 + 14 * i),
                    Note = levels[i] switch
                    {
                        WeatherLevel.AuVert => "Rituels en place, l’équipe avance seule.",
                        WeatherLevel.ASurveiller => "Charge de l’équipe élevée, priorités encore floues.",
                        _ => "Départ du responsable produit : l’équipe manque d’arbitrages.",
                    },
                });
            }
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }
}
