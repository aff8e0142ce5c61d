using Cap.Domain.Catalogue;
using Cap.Domain.LifeCycle;
using Microsoft.EntityFrameworkCore;

namespace Cap.Data.Seeding;

/// <summary>
/// Demo life-cycle histories (called by <see cref="DemoPortfolio"/>): for every product a registration a few years back,
/// then moves up to its current phase (POC sometimes skipped, now and then a step back, the stopped products stop after
/// some phases), mostly committee decisions and a few administrator overrides; deliverables recorded for the past
/// phases and partly for the current one. Deterministic; one save for the whole portfolio, synthetic products included.
/// </summary>
public static class DemoLifeCycle
{
    /// <summary>Committee decisions are signed by the committee member of the demo.</summary>
    private const string CommitteeAuthor = "Jean Dupont";
    private const string Administrator = "Camille Martin";

    /// <summary>
    /// Each product's phase started at its last change of the generated history (or at its registration): written
    /// once the committee's seeding has moved the history's dates onto its decisions.
    /// </summary>
    public static Task KeepPhaseStartsAsync(CapDbContext db, CancellationToken ct) =>
        db.Products.ExecuteUpdateAsync(s => s.SetProperty(p => p.PhaseSince,
            p => db.PhaseChanges.Where(c => c.ProductId == p.Id).Max(c => (DateTimeOffset?)c.At) ?? p.CreatedAt), ct);

    private static readonly string[] OverrideReasons =
    [
        "Décision du comité prise hors séance, reportée par le bureau des produits.",
        "Correction d’une erreur de saisie lors de la reprise du portefeuille.",
        "Arbitrage de la direction en attendant le prochain comité.",
    ];

    private static readonly string[] StepBackReasons =
    [
        "Retour à la phase précédente : les hypothèses de valeur ne sont pas confirmées.",
        "Refonte du parcours usager demandée par le comité avant d’aller plus loin.",
    ];

    private static readonly string[] Notes =
    [
        "Disponible dans l’espace partagé de l’équipe.",
        "Présenté au comité produit ; support joint au compte rendu.",
        "Version de travail, relue par le responsable métier.",
    ];

    public static async Task SeedAsync(CapDbContext db, CancellationToken ct = default)
    {
        if (await db.PhaseChanges.AnyAsync(ct))
        {
            return;
        }
        var random = new Random(20261128);
        var now = DateTimeOffset.UtcNow;
        var products = await db.Products.AsNoTracking().OrderBy(p => p.Id).Select(p => new { p.Id, p.Slug, p.Phase }).ToListAsync(ct);
        var owners = (await db.TeamMembers.AsNoTracking().Where(m => m.Role == ProductRole.ResponsableProduit)
                .Select(m => new { m.ProductId, m.Person!.DisplayName }).ToListAsync(ct))
            .GroupBy(o => o.ProductId).ToDictionary(g => g.Key, g => g.First().DisplayName);

        var changes = new List<PhaseChange>();
        var records = new List<DeliverableRecord>();
        foreach (var product in products)
        {
            var owner = owners.GetValueOrDefault(product.Id, "Équipe produit");
            var journey = product.Slug == DemoPortfolio.JourneyProductSlug;
            var path = journey ? [Phase.Idee, Phase.Poc, Phase.Mvp, Phase.Construction] : PathTo(product.Phase, random);

            // Registered 2 to 5 years ago; the last move at least two weeks ago; steps spread with uneven gaps.
            var start = now.AddDays(-(730 + random.Next(3 * 365))).AddHours(-random.Next(8));
            var end = now.AddDays(-(14 + random.Next(150)));
            var weights = path.Skip(1).Select(_ => 1 + random.NextDouble() * 3).ToList();
            var total = weights.Sum();
            var at = start;
            var elapsed = 0.0;
            for (var i = 0; i < path.Count; i++)
            {
                if (i > 0)
                {
                    elapsed += weights[i - 1];
                    var next = start + ((end - start) * (elapsed / total));
                    at = next > at ? next : at.AddDays(1);
                }
                var from = i == 0 ? (Phase?)null : path[i - 1];
                var to = path[i];
                var kind = PhaseChangeKind.Creation;
                string? reason = null;
                if (i > 0)
                {
                    var stepBack = to < from && to != Phase.Arret;
                    var isOverride = !journey && (stepBack ? random.Next(2) == 0 : random.Next(8) == 0);
                    kind = isOverride ? PhaseChangeKind.AdministratorOverride : PhaseChangeKind.CommitteeDecision;
                    reason = isOverride
                        ? (stepBack ? StepBackReasons[random.Next(StepBackReasons.Length)] : OverrideReasons[random.Next(OverrideReasons.Length)])
                        : null;
                }
                changes.Add(new PhaseChange
                {
                    ProductId = product.Id,
                    From = from,
                    To = to,
                    At = at,
                    Kind = kind,
                    Reason = reason,
                    AuthorName = kind switch
                    {
                        PhaseChangeKind.Creation => owner,
                        PhaseChangeKind.AdministratorOverride => Administrator,
                        _ => CommitteeAuthor,
                    },
                });
            }

            // Deliverables: most of them for the phases left behind, some for the current one.
            foreach (var phase in path.Where(p => p != Phase.Arret).Distinct())
            {
                var current = phase == product.Phase;
                foreach (var (definition, index) in PhaseDeliverables.For(phase).Select((d, i) => (d, i)))
                {
                    var provided = journey
                        ? !current || index == 0
                        : random.Next(100) < (current ? 40 : 80);
                    if (!provided)
                    {
                        continue;
                    }
                    var withLink = journey || random.Next(3) > 0;
                    records.Add(new DeliverableRecord
                    {
                        ProductId = product.Id,
                        Phase = phase,
                        Key = definition.Key,
                        IsProvided = true,
                        Link = withLink ? $"https://wiki.demo.social.gouv.fr/{product.Slug}/{definition.Key}" : null,
                        Note = withLink ? null : Notes[random.Next(Notes.Length)],
                        UpdatedByName = owner,
                        Version = 1,
                    });
                }
            }
        }
        db.PhaseChanges.AddRange(changes);
        db.DeliverableRecords.AddRange(records);
        await db.SaveChangesAsync(ct);
        // Saving stamps the records with today: date them in the history instead, at the gate that closed their
        // phase (or the entry into the current one). Same SQL on both providers (dates compared column to column).
        await db.Database.ExecuteSqlRawAsync(
            """
            UPDATE "DeliverableRecords" SET "UpdatedAt" = COALESCE(
                (SELECT MIN(c."At") FROM "PhaseChanges" c WHERE c."ProductId" = "DeliverableRecords"."ProductId" AND c."From" = "DeliverableRecords"."Phase"),
                (SELECT MAX(c."At") FROM "PhaseChanges" c WHERE c."ProductId" = "DeliverableRecords"."ProductId" AND c."To" = "DeliverableRecords"."Phase"),
                "UpdatedAt")
            """, ct);
        await db.Database.ExecuteSqlRawAsync("""UPDATE "DeliverableRecords" SET "CreatedAt" = "UpdatedAt" """, ct);
    }

    /// <summary>The phases from registration to <paramref name="target"/>, each move allowed by <see cref="PhaseTransitions"/>.</summary>
    private static List<Phase> PathTo(Phase target, Random random)
    {
        // A stopped product stopped after reaching one of the other phases.
        var last = target == Phase.Arret ? (Phase)(1 + random.Next(4)) : target;
        var path = new List<Phase> { Phase.Idee };
        var skipPoc = last >= Phase.Mvp && random.Next(4) == 0;
        for (var phase = Phase.Poc; phase <= last; phase++)
        {
            if (phase == Phase.Poc && skipPoc)
            {
                continue;
            }
            path.Add(phase);
            // Now and then the committee sends a product back one phase before it moves on again.
            if (phase >= Phase.Mvp && phase < last && random.Next(6) == 0)
            {
                path.Add(phase - 1 == Phase.Poc && skipPoc ? Phase.Idee : phase - 1);
                path.Add(phase);
            }
        }
        if (target == Phase.Arret)
        {
            path.Add(Phase.Arret);
        }
        return path;
    }
}
