using Cap.Data;
using Cap.Domain.Catalogue;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Catalogue;

/// <summary>
/// The guide's roles and time shares of the demo teams. Every team first gets a plausible mix (set-based, so that a portfolio of
/// 20,000 products is done in a few statements): responsables produit full time, responsables métier between 40 and 80 %,
/// makers designers, developers, DevOps or user researchers. Then named products tell each story: Vaccin Suivi's responsable
/// métier at 50 %; Autorisations d’activités de soins, public, without anyone in charge of accessibility; Mon Parcours Emploi
/// without a designer; Hôpital Capacités without DevOps; Urgences Stats, a POC, without developer and with its responsable
/// métier at 40 %; Catalogue de données whose responsable métier's share is unknown; Index Égalité, Code du travail numérique,
/// Éprouvette and Cap in the rules. A small team's missing makers are held by its last maker (several roles each). Runs once.
/// </summary>
public static class DemoStaffing
{
    private sealed record Maker(GuideRole Roles, int? Share);

    private sealed record Story(int? BusinessOwnerShare, Maker[] Makers, bool OwnerIsAccessibilityReferent = false);

    private static readonly Dictionary<string, Story> Stories = new()
    {
        ["vaccin-suivi"] = new(50, [new(GuideRole.Designer | GuideRole.ExpertAccessibilite, 100), new(GuideRole.Developpeur | GuideRole.DevOps, 100), new(GuideRole.Developpeur, 80)]),
        ["index-egalite"] = new(80, [new(GuideRole.Designer, 100), new(GuideRole.Developpeur | GuideRole.DevOps, 100), new(GuideRole.ExpertAccessibilite, 50)]),
        ["code-travail-numerique"] = new(70, [new(GuideRole.Designer | GuideRole.RechercheUtilisateur, 100), new(GuideRole.Developpeur, 100), new(GuideRole.DevOps | GuideRole.Developpeur, 100)], OwnerIsAccessibilityReferent: true),
        ["autorisations-activites-soins"] = new(60, [new(GuideRole.Designer, 80), new(GuideRole.Developpeur | GuideRole.DevOps, 100)]),
        ["mon-parcours-emploi"] = new(70, [new(GuideRole.Developpeur, 100), new(GuideRole.Developpeur | GuideRole.DevOps, 100)]),
        ["hopital-capacites"] = new(60, [new(GuideRole.Designer, 100), new(GuideRole.Developpeur, 100)]),
        ["urgences-stats"] = new(40, [new(GuideRole.Designer | GuideRole.ResponsableData, 60)]),
        ["data-catalogue"] = new(null, [new(GuideRole.Designer | GuideRole.ExpertAccessibilite, 100), new(GuideRole.Developpeur | GuideRole.DevOps, 100)]),
        ["eprouvette"] = new(60, [new(GuideRole.RechercheUtilisateur | GuideRole.Designer, 50)]),
        ["cap"] = new(60, [new(GuideRole.Designer | GuideRole.RechercheUtilisateur, 100), new(GuideRole.Developpeur | GuideRole.DevOps, 100), new(GuideRole.CoachProduit, 20)]),
    };

    public static async Task SeedAsync(CapDbContext db, CancellationToken ct = default)
    {
        if (await db.TeamMembers.AnyAsync(m => m.TimeShare != null || m.ChosenRoles != GuideRole.None, ct))
        {
            return;
        }

        // Every team: a plausible mix, by the member row's number.
        await db.TeamMembers.Where(m => m.Role == ProductRole.ResponsableProduit).ExecuteUpdateAsync(s => s.SetProperty(m => m.TimeShare, 100), ct);
        int[] businessShares = [40, 60, 80, 70];
        for (var k = 0; k < businessShares.Length; k++)
        {
            var share = businessShares[k];
            var rest = k;
            await db.TeamMembers.Where(m => m.Role == ProductRole.ResponsableMetier && m.Id % businessShares.Length == rest)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.TimeShare, share), ct);
        }
        Maker[] makers = [new(GuideRole.Designer, 100), new(GuideRole.Developpeur | GuideRole.DevOps, 100), new(GuideRole.Developpeur, 100), new(GuideRole.Designer | GuideRole.RechercheUtilisateur, 80), new(GuideRole.Developpeur, 80)];
        for (var k = 0; k < makers.Length; k++)
        {
            var maker = makers[k];
            var rest = k;
            await db.TeamMembers.Where(m => m.Role == ProductRole.MembreEquipe && m.Id % makers.Length == rest)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ChosenRoles, maker.Roles).SetProperty(m => m.TimeShare, maker.Share), ct);
        }

        // Named products: one story each.
        var slugs = Stories.Keys.ToList();
        var teams = await db.TeamMembers.Where(m => slugs.Contains(m.Product!.Slug))
            .Select(m => new { Member = m, m.Product!.Slug })
            .ToListAsync(ct);
        foreach (var group in teams.GroupBy(t => t.Slug))
        {
            var story = Stories[group.Key];
            var members = group.Select(t => t.Member).OrderBy(m => m.Id).ToList();
            foreach (var rm in members.Where(m => m.Role == ProductRole.ResponsableMetier))
            {
                rm.TimeShare = story.BusinessOwnerShare;
            }
            foreach (var rp in members.Where(m => m.Role == ProductRole.ResponsableProduit))
            {
                rp.AccessibilityReferent = story.OwnerIsAccessibilityReferent;
            }
            var teamMakers = members.Where(m => m.Role == ProductRole.MembreEquipe).ToList();
            for (var i = 0; i < teamMakers.Count; i++)
            {
                // Makers beyond the story hold roles no rule reads, so that the story stays what it says.
                var maker = i < story.Makers.Length ? story.Makers[i] : new Maker(i % 2 == 0 ? GuideRole.RechercheUtilisateur : GuideRole.ResponsableData, 50);
                teamMakers[i].ChosenRoles = maker.Roles;
                teamMakers[i].TimeShare = maker.Share;
            }
            // A small team: its last maker also holds the roles of the makers it lacks.
            if (teamMakers.Count > 0)
            {
                foreach (var missing in story.Makers.Skip(teamMakers.Count))
                {
                    teamMakers[^1].ChosenRoles |= missing.Roles;
                }
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
