using Cap.Data;
using Cap.Domain.Catalogue;
using Cap.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Catalogue;

/// <summary>
/// The team's composition as points of attention (<see cref="StaffingRules.Warnings"/>): responsable métier under 60 %, no
/// designer, nobody in charge of accessibility for a public product, a role the phase needs held by nobody. One query for any
/// number of products: per product its phase, whether its compliance record says it is public, and for each role that a rule
/// reads whether a member holds it (a bitwise test on the stored roles, or the access role for the owners) and the responsable
/// métier's best time share and name — correlated lookups on the team's (product, person) index. The rules then decide in memory.
/// </summary>
public sealed class StaffingFlagSource(CapDbContext db) : IProductFlagSource
{
    public IReadOnlyList<(string Code, string Label)> Kinds { get; } =
        [.. Enum.GetValues<StaffingWarningKind>().Select(k => (StaffingRules.Code(k), k.Label()))];

    public async Task<IReadOnlyList<(int ProductId, ProductFlag Flag)>> FlagsAsync(IReadOnlyCollection<int>? productIds, DateOnly today, CancellationToken ct)
    {
        var rows = await ProductFlags.Concerned(db.Products.AsNoTracking(), productIds)
            .Select(p => new
            {
                p.Id,
                p.Slug,
                p.Phase,
                IsPublic = db.ProductCompliances.Where(c => c.ProductId == p.Id).Select(c => (bool?)c.IsPublic).FirstOrDefault(),
                HasBusinessOwner = p.Team.Any(m => m.Role == ProductRole.ResponsableMetier),
                // The best known share of a responsable métier (null: none known).
                BusinessOwnerShare = p.Team.Where(m => m.Role == ProductRole.ResponsableMetier).Max(m => m.TimeShare),
                BusinessOwnerName = p.Team.Where(m => m.Role == ProductRole.ResponsableMetier).OrderByDescending(m => m.TimeShare ?? -1)
                    .Select(m => m.Person!.DisplayName).FirstOrDefault(),
                HasProductOwner = p.Team.Any(m => m.Role == ProductRole.ResponsableProduit),
                HasDesigner = p.Team.Any(m => (m.ChosenRoles & GuideRole.Designer) != 0),
                HasDeveloper = p.Team.Any(m => (m.ChosenRoles & GuideRole.Developpeur) != 0),
                HasDevOps = p.Team.Any(m => (m.ChosenRoles & GuideRole.DevOps) != 0),
                HasAccessibility = p.Team.Any(m => m.AccessibilityReferent || (m.ChosenRoles & GuideRole.ExpertAccessibilite) != 0),
            })
            .ToListAsync(ct);
        var flags = new List<(int, ProductFlag)>();
        foreach (var r in rows)
        {
            // The team as the rules read it: the responsable métier with the best share (named in the sentence), and one
            // stand-in for what the rest of the team holds.
            var members = new List<StaffingMember>();
            if (r.HasBusinessOwner)
            {
                members.Add(new StaffingMember(r.BusinessOwnerName ?? "Le responsable métier", GuideRole.ResponsableMetier, r.BusinessOwnerShare));
            }
            var held = (r.HasProductOwner ? GuideRole.ResponsableProduit : GuideRole.None)
                | (r.HasDesigner ? GuideRole.Designer : GuideRole.None)
                | (r.HasDeveloper ? GuideRole.Developpeur : GuideRole.None)
                | (r.HasDevOps ? GuideRole.DevOps : GuideRole.None);
            members.Add(new StaffingMember("L’équipe", held, null, r.HasAccessibility));
            foreach (var warning in StaffingRules.Warnings(r.Phase, r.IsPublic, members))
            {
                flags.Add((r.Id, ToFlag(warning, r.Slug)));
            }
        }
        return flags;
    }

    public static ProductFlag ToFlag(StaffingWarning warning, string slug) =>
        new(warning.Code, warning.Label, warning.Detail, $"/produits/{slug}/equipe");
}
