using Cap.Domain.Catalogue;
using Cap.Domain.Committee;
using Cap.Domain.LifeCycle;
using Cap.Domain.Platform;
using Microsoft.EntityFrameworkCore;

namespace Cap.Data.Seeding;

/// <summary>
/// The product committee's demo: weekly sessions (the past months, with decisions, and two upcoming), past decisions
/// with their seven-aspect reviews and conditions (open, overdue, declared met awaiting confirmation), and for the
/// guided journey a product of <see cref="DemoPortfolio.JourneyOwnerEmail"/> in MVP with a submitted request
/// MVP → Construction waiting for a session. With a synthetic portfolio, every product gets a few years of history.
/// Deterministic (same seed, dates relative to today); one bulk insert.
/// </summary>
public static class DemoCommittee
{
    /// <summary>Weeks of past sessions: about three years, so that generated products have a few years of history.</summary>
    private const int PastWeeks = 156;

    /// <summary>The MVP product whose team (<see cref="DemoPortfolio.JourneyOwnerEmail"/>) has a submitted request MVP → Construction.</summary>
    public const string JourneyProductSlug = "alerte-canicule";

    public static async Task SeedAsync(CapDbContext db, CancellationToken ct = default)
    {
        if (await db.CommitteeSessions.AnyAsync(ct))
        {
            return;
        }
        var random = new Random(20261205);
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var committee = await db.People.AsNoTracking()
            .Where(p => p.IsActive && ((p.Roles & GlobalRoles.MembreComite) != 0 || (p.Roles & GlobalRoles.Administrateur) != 0))
            .OrderBy(p => p.Id).Select(p => new { p.Id, p.DisplayName }).ToListAsync(ct);
        var sitting = await db.People.AsNoTracking().Where(p => p.IsActive && (p.Roles & GlobalRoles.MembreComite) != 0).OrderBy(p => p.Id).Select(p => new { p.Id, p.DisplayName }).ToListAsync(ct);
        var chair = sitting.Count > 0 ? sitting[0] : committee[0];
        var products = await db.Products.AsNoTracking().Where(p => !p.IsArchived).OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.Slug, p.Phase, p.CreatedAt }).ToListAsync(ct);
        var team = (await db.TeamMembers.AsNoTracking().Select(m => new { m.ProductId, m.PersonId, m.Role, m.Person!.DisplayName, m.Person.Email }).ToListAsync(ct))
            .GroupBy(m => m.ProductId).ToDictionary(g => g.Key, g => g.OrderBy(m => m.Role).ThenBy(m => m.PersonId).ToList());

        // Weekly sessions on Thursdays: the past ones were held, the next two are planned.
        var thisThursday = today.AddDays(((int)DayOfWeek.Thursday - (int)today.DayOfWeek + 7) % 7);
        var firstUpcoming = thisThursday == today ? today.AddDays(7) : thisThursday;
        var sessions = new List<CommitteeSession>();
        for (var week = PastWeeks; week >= 1; week--)
        {
            var session = new CommitteeSession { Date = firstUpcoming.AddDays(-7 * week), Status = SessionStatus.Tenue, Notes = week % 4 == 0 ? "Séance tenue ; relevé de décisions diffusé aux équipes." : null };
            session.Members.AddRange(committee.Where((_, i) => (i + week) % 3 != 0 || committee.Count < 3).Select(c => new SessionMember { PersonId = c.Id }));
            sessions.Add(session);
        }
        var upcoming = new[] { firstUpcoming, firstUpcoming.AddDays(7) }
            .Select(d => new CommitteeSession { Date = d, Status = SessionStatus.Planifiee, Members = [.. committee.Select(c => new SessionMember { PersonId = c.Id })] })
            .ToList();
        sessions.AddRange(upcoming);
        db.CommitteeSessions.AddRange(sessions);

        var journeyOwner = await db.People.AsNoTracking().Where(p => p.Email == DemoPortfolio.JourneyOwnerEmail).Select(p => new { p.Id, p.DisplayName }).FirstAsync(ct);
        var journey = products.FirstOrDefault(p => p.Slug == JourneyProductSlug && p.Phase == Phase.Mvp);
        if (journey is not null && team.TryGetValue(journey.Id, out var journeyTeam) && !journeyTeam.Any(m => m.PersonId == journeyOwner.Id && m.Role == ProductRole.ResponsableProduit))
        {
            // The journey's owner steers this product too: they take the Responsable produit seat (or are added to the team).
            var seat = await db.TeamMembers.FirstOrDefaultAsync(m => m.ProductId == journey.Id && m.Role == ProductRole.ResponsableProduit, ct);
            var already = await db.TeamMembers.FirstOrDefaultAsync(m => m.ProductId == journey.Id && m.PersonId == journeyOwner.Id, ct);
            if (already is not null)
            {
                already.Role = ProductRole.ResponsableProduit;
            }
            else if (seat is not null)
            {
                seat.PersonId = journeyOwner.Id;
            }
            else
            {
                db.TeamMembers.Add(new TeamMember { ProductId = journey.Id, PersonId = journeyOwner.Id, Role = ProductRole.ResponsableProduit });
            }
            journeyTeam.RemoveAll(m => m.PersonId == journeyOwner.Id || (already is null && m.Role == ProductRole.ResponsableProduit));
            journeyTeam.Insert(0, new { ProductId = journey.Id, PersonId = journeyOwner.Id, Role = ProductRole.ResponsableProduit, journeyOwner.DisplayName, Email = DemoPortfolio.JourneyOwnerEmail });
        }

        var requests = new List<GateRequest>();
        var decisions = new List<(GateDecision Decision, GateRequest Request, CommitteeSession Session)>();
        var pastSessions = sessions.Take(PastWeeks).ToList();
        var demo = products.Where(p => !p.Slug.StartsWith("produit-", StringComparison.Ordinal)).ToList();
        var conditionsMade = 0;
        foreach (var product in products)
        {
            if (!team.TryGetValue(product.Id, out var members) || product.Phase == Phase.Idee && random.Next(3) > 0)
            {
                continue;
            }
            var owner = members[0];
            var synthetic = product.Slug.StartsWith("produit-", StringComparison.Ordinal);
            // The path that led to the current phase, one gate a year or so: older gates first.
            var path = PathTo(product.Phase);
            var gates = synthetic ? path.TakeLast(3).ToList() : path.TakeLast(1 + random.Next(2)).ToList();
            var step = Math.Max(8, (synthetic ? PastWeeks - 4 : 40) / Math.Max(1, gates.Count));
            var weekIndex = PastWeeks - 1 - random.Next(3) - step * (gates.Count - 1);
            foreach (var (from, to) in gates)
            {
                var session = pastSessions[Math.Clamp(weekIndex, 0, PastWeeks - 1)];
                weekIndex += step;
                var outcome = to == Phase.Arret ? DecisionOutcome.Arret
                    : to == Phase.Idee ? DecisionOutcome.Ajourne
                    : random.Next(3) == 0 ? DecisionOutcome.GoAvecConditions : DecisionOutcome.Go;
                var target = to == Phase.Idee ? Phase.Poc : to;
                var decidedAt = Min(new DateTimeOffset(session.Date.ToDateTime(new TimeOnly(11, 0)), TimeSpan.Zero), now.AddHours(-1));
                var request = new GateRequest
                {
                    ProductId = product.Id, FromPhase = from, TargetPhase = target, Status = GateRequestStatus.Examinee, Session = session,
                    Context = $"Bilan de la phase {from.Label()} : usages observés, indicateurs suivis, équipe en place.",
                    Ask = $"Valider le passage en phase {target.Label()}.",
                    DesiredDate = session.Date, AuthorId = owner.PersonId, AuthorName = owner.DisplayName,
                    SubmittedAt = decidedAt.AddDays(-10 - random.Next(10)),
                };
                requests.Add(request);
                var decision = new GateDecision
                {
                    ProductId = product.Id, Session = session, Kind = request.Kind, FromPhase = from, TargetPhase = target, Outcome = outcome,
                    Summary = outcome switch
                    {
                        DecisionOutcome.Go => $"Le comité valide le passage en phase {target.Label()}.",
                        DecisionOutcome.GoAvecConditions => $"Passage en phase {target.Label()} validé, sous conditions.",
                        DecisionOutcome.Ajourne => "Le comité ajourne : l’intérêt est à mieux démontrer avant d’engager un POC.",
                        _ => "Le comité prononce l’arrêt du produit : il n’atteint plus son public.",
                    },
                    SupportNeeds = (SupportNeeds)(random.Next(64) & random.Next(64)),
                    DecidedAt = decidedAt, DecidedById = chair.Id, DecidedByName = chair.DisplayName,
                };
                decision.Assessments.AddRange(CommitteeLabels.Aspects.Select(a => new AspectAssessment
                {
                    ProductId = product.Id, Aspect = a,
                    Rating = random.Next(10) switch { < 6 => AspectRating.Satisfaisant, < 9 => AspectRating.AAmeliorer, _ => AspectRating.Bloquant },
                    Comment = random.Next(3) == 0 ? null : $"{a.Label()} : {(random.Next(2) == 0 ? "pratiques en place, à poursuivre" : "points d’attention relevés en séance")}.",
                }));
                if (outcome == DecisionOutcome.GoAvecConditions)
                {
                    var recent = session.Date > today.AddDays(-120);
                    // Recent conditions of the demo products show every state; older and synthetic ones are confirmed.
                    var status = !recent ? ConditionStatus.Confirmee
                        : (conditionsMade++ % 3) switch { 0 => ConditionStatus.Ouverte, 1 => ConditionStatus.LeveeDeclaree, _ => ConditionStatus.Confirmee };
                    var due = status == ConditionStatus.Ouverte ? today.AddDays(conditionsMade % 2 == 0 ? -5 : 10) : session.Date.AddDays(60);
                    // Declared a month after the decision, or yesterday for the recent ones; confirmed a week later at most.
                    var declaredAt = Min(decidedAt.AddDays(30), now.AddDays(-1));
                    declaredAt = declaredAt < decidedAt ? decidedAt.AddHours(2) : declaredAt;
                    var confirmedAt = Min(declaredAt.AddDays(7), now.AddHours(-1));
                    decision.Conditions.Add(new GateCondition
                    {
                        ProductId = product.Id,
                        Description = Conditions[random.Next(Conditions.Length)],
                        OwnerId = owner.PersonId, OwnerName = owner.DisplayName, DueDate = due, Status = status,
                        Evidence = status == ConditionStatus.Ouverte ? null : "Document publié et présenté à l’équipe.",
                        EvidenceLink = status == ConditionStatus.Ouverte ? null : $"https://{product.Slug}.demo.social.gouv.fr/documentation",
                        DeclaredAt = status == ConditionStatus.Ouverte ? null : declaredAt,
                        DeclaredByName = status == ConditionStatus.Ouverte ? null : owner.DisplayName,
                        ConfirmedAt = status == ConditionStatus.Confirmee ? confirmedAt : null,
                        ConfirmedByName = status == ConditionStatus.Confirmee ? chair.DisplayName : null,
                    });
                }
                decisions.Add((decision, request, session));
            }
        }

        // The guided journey: a submitted request MVP → Construction, waiting for a session.
        if (journey is not null)
        {
            var owner = team[journey.Id].First(m => m.PersonId == journeyOwner.Id);
            requests.Add(new GateRequest
            {
                ProductId = journey.Id, FromPhase = Phase.Mvp, TargetPhase = Phase.Construction, Status = GateRequestStatus.Soumise,
                Context = "Le MVP est en service depuis six mois auprès de vrais usagers ; les indicateurs d’impact sont suivis chaque mois.",
                Ask = "Valider le passage en construction et identifier les besoins d’accompagnement (DevOps, accessibilité).",
                DesiredDate = firstUpcoming.AddDays(7), AuthorId = owner.PersonId, AuthorName = owner.DisplayName, SubmittedAt = now.AddDays(-2),
            });
        }
        // A few more demo products wait for a session or sit on the next agenda.
        foreach (var (product, i) in demo.Where(p => p.Id != journey?.Id && p.Slug != DemoPortfolio.JourneyProductSlug
                     && p.Phase is Phase.Poc or Phase.Construction && team.ContainsKey(p.Id)).Take(3).Select((p, i) => (p, i)))
        {
            var owner = team[product.Id][0];
            var target = PhaseTransitions.Next(product.Phase)!.Value;
            requests.Add(new GateRequest
            {
                ProductId = product.Id, FromPhase = product.Phase, TargetPhase = target,
                Status = i == 0 ? GateRequestStatus.Inscrite : GateRequestStatus.Soumise, Session = i == 0 ? upcoming[0] : null,
                Context = $"Bilan de la phase {product.Phase.Label()} et perspectives.", Ask = $"Valider le passage en phase {target.Label()}.",
                DesiredDate = firstUpcoming, AuthorId = owner.PersonId, AuthorName = owner.DisplayName, SubmittedAt = now.AddDays(-5 - i),
            });
        }

        // The committee also reviews redesigns without a change of phase: a product in Généralisation presents one.
        var redesigned = demo.FirstOrDefault(p => p.Phase == Phase.Generalisation && team.ContainsKey(p.Id)
            && !requests.Any(r => r.ProductId == p.Id && GateRules.IsOpen(r.Status)));
        if (redesigned is not null)
        {
            var owner = team[redesigned.Id][0];
            requests.Add(new GateRequest
            {
                ProductId = redesigned.Id, Kind = GateRequestKind.Refonte, FromPhase = redesigned.Phase, TargetPhase = redesigned.Phase,
                Status = GateRequestStatus.Soumise,
                Context = "Le parcours de dépôt date de la première version : trois usagers sur dix abandonnent à l’étape des pièces justificatives. La refonte reprend ce parcours avec le DSFR et un nouveau moteur de formulaires.",
                Ask = "Valider la refonte du parcours de dépôt et son calendrier (six mois), et identifier un appui en accessibilité.",
                DesiredDate = firstUpcoming.AddDays(7), AuthorId = owner.PersonId, AuthorName = owner.DisplayName, SubmittedAt = now.AddDays(-3),
            });
        }

        db.GateRequests.AddRange(requests);
        foreach (var (decision, request, _) in decisions)
        {
            decision.GateRequest = request;
            db.GateDecisions.Add(decision);
        }
        await db.SaveChangesAsync(ct);
        await LinkPhaseHistoryAsync(db, [.. decisions.Select(d => d.Decision)], ct);
    }

    /// <summary>
    /// The life-cycle seeding wrote each product's phase history; a past decision that moved a product takes over the
    /// matching committee move of that history (same phases), which then carries the decision's date, author and id —
    /// so the timeline, the « depuis » of the phase and the committee's records tell one story. A move whose date
    /// cannot change without breaking the order of the history stays as it was.
    /// </summary>
    private static async Task LinkPhaseHistoryAsync(CapDbContext db, List<GateDecision> decisions, CancellationToken ct)
    {
        var moving = decisions.Where(d => d.Outcome is DecisionOutcome.Go or DecisionOutcome.GoAvecConditions or DecisionOutcome.Arret)
            .OrderBy(d => d.DecidedAt).ToList();
        var productIds = moving.Select(d => d.ProductId).Distinct().ToList();
        var histories = (await db.PhaseChanges.Where(c => productIds.Contains(c.ProductId)).ToListAsync(ct))
            .GroupBy(c => c.ProductId).ToDictionary(g => g.Key, g => g.OrderBy(c => c.At).ThenBy(c => c.Id).ToList());
        foreach (var decision in moving)
        {
            if (!histories.TryGetValue(decision.ProductId, out var history))
            {
                continue;
            }
            var i = history.FindIndex(c => c.Kind == PhaseChangeKind.CommitteeDecision && c.GateDecisionId is null
                && c.From == decision.FromPhase && c.To == decision.TargetPhase);
            if (i < 0 || (i > 0 && history[i - 1].At >= decision.DecidedAt) || (i < history.Count - 1 && history[i + 1].At <= decision.DecidedAt))
            {
                continue;
            }
            history[i].At = decision.DecidedAt;
            history[i].GateDecisionId = decision.Id;
            history[i].AuthorName = decision.DecidedByName;
        }
        await db.SaveChangesAsync(ct);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static readonly string[] Conditions =
    [
        "Publier la déclaration d’accessibilité et le schéma pluriannuel",
        "Mettre à jour le dossier d’architecture technique",
        "Réaliser l’analyse de risques de sécurité et l’homologation",
        "Mesurer chaque mois les indicateurs d’impact",
        "Désigner un responsable métier disponible au moins un jour par semaine",
        "Automatiser le déploiement en recette et en production",
    ];

    /// <summary>The gates a product went through to reach its phase (Arrêt from Construction; Idée: one adjourned POC request).</summary>
    private static List<(Phase From, Phase To)> PathTo(Phase phase) => phase switch
    {
        Phase.Idee => [(Phase.Idee, Phase.Idee)],
        Phase.Poc => [(Phase.Idee, Phase.Poc)],
        Phase.Mvp => [(Phase.Idee, Phase.Poc), (Phase.Poc, Phase.Mvp)],
        Phase.Construction => [(Phase.Idee, Phase.Poc), (Phase.Poc, Phase.Mvp), (Phase.Mvp, Phase.Construction)],
        Phase.Generalisation => [(Phase.Poc, Phase.Mvp), (Phase.Mvp, Phase.Construction), (Phase.Construction, Phase.Generalisation)],
        _ => [(Phase.Mvp, Phase.Construction), (Phase.Construction, Phase.Arret)],
    };
}
