using Cap.Domain.Catalogue;
using Cap.Web.Shared;

namespace Cap.Web.Features.Catalogue;

/// <summary>A member's staffing as the API replaces it (every field; a field left out is cleared).</summary>
/// <param name="Roles">The guide's roles the member holds: designer, developer, devops, accessibility-expert, user-researcher, data-lead, product-coach. business-owner and product-owner follow the access role: they may be sent only when the access role implies them (ignored then), otherwise 422.</param>
/// <param name="TimeShare">The share of their time the member gives the product, 1 to 100 (%); null when unknown.</param>
/// <param name="AccessibilityReferent">In charge of accessibility (référent accessibilité) without being the accessibility expert.</param>
public sealed record StaffingRequest(IReadOnlyList<string?>? Roles, int? TimeShare, bool? AccessibilityReferent)
{
    public (StaffingInput Input, Dictionary<string, string> Errors) ToInput()
    {
        var errors = new Dictionary<string, string>();
        var roles = GuideRole.None;
        for (var i = 0; i < (Roles?.Count ?? 0); i++)
        {
            if (ApiNames.TryParse<GuideRole>(Roles![i], out var role) && role != GuideRole.None)
            {
                roles |= role;
            }
            else
            {
                errors[$"roles[{i}]"] = $"Rôle inconnu « {Roles[i]} » : choisissez {ApiNames.Choices<GuideRole>()}.";
            }
        }
        return (new StaffingInput(roles, TimeShare, AccessibilityReferent ?? false), errors);
    }
}

/// <summary>One member of the team.</summary>
/// <param name="Id">The member's identifier in this team (for PUT …/team/{id}/staffing).</param>
/// <param name="AccessRole">What the member may do in Cap: product-owner, business-owner or team-member.</param>
/// <param name="Roles">Every guide role the member holds, the access role's included.</param>
/// <param name="TimeShare">1 to 100 (%), null when unknown.</param>
public sealed record TeamMemberStaffingResponse(
    int Id, string Name, string Email, ProductRole AccessRole, string AccessRoleLabel, IReadOnlyList<GuideRole> Roles, IReadOnlyList<string> RoleLabels,
    int? TimeShare, bool AccessibilityReferent, DateTimeOffset Since)
{
    public static TeamMemberStaffingResponse From(TeamMember m)
    {
        var roles = GuideRoles.Of(m).Split();
        return new(m.Id, m.Person!.DisplayName, m.Person.Email, m.Role, m.Role.Label(), roles, [.. roles.Select(r => r.Label())],
            m.TimeShare, m.AccessibilityReferent, m.CreatedAt);
    }
}

/// <summary>A warning about the team's composition (also a point of attention of the product, same code).</summary>
/// <param name="Code">staffing-rm-under-60, staffing-no-designer, staffing-no-accessibility or staffing-role-missing.</param>
/// <param name="MissingRoles">The roles nobody holds (for staffing-role-missing and staffing-no-designer; empty otherwise).</param>
public sealed record StaffingWarningResponse(string Code, string Label, string Detail, IReadOnlyList<GuideRole> MissingRoles);

/// <summary>A role the product's phase needs, and whether someone in the team holds it.</summary>
public sealed record NeededRoleResponse(GuideRole Role, string Label, bool Held);

/// <summary>One duty of the guide's split between the responsable métier and the responsable produit.</summary>
/// <param name="BusinessOwner">The responsable métier's part: responsible, co-responsible, participates or none.</param>
/// <param name="ProductOwner">The responsable produit's part: responsible, co-responsible, participates or none.</param>
public sealed record ResponsibilityResponse(string Key, string Duty, Involvement BusinessOwner, Involvement ProductOwner);

/// <summary>The product's team with the guide's roles and time shares, the warnings the guide implies, and the roles its phase needs.</summary>
/// <param name="IsPublic">Whether the product faces the public (its compliance record); null when the record is not filled, and then accessibility raises no warning.</param>
/// <param name="FullTimeEquivalents">The sum of the known time shares, in full-time equivalents.</param>
public sealed record TeamResponse(
    string Product, Phase Phase, string PhaseLabel, bool? IsPublic, decimal FullTimeEquivalents,
    IReadOnlyList<TeamMemberStaffingResponse> Members, IReadOnlyList<StaffingWarningResponse> Warnings,
    IReadOnlyList<NeededRoleResponse> NeededRoles, IReadOnlyList<ResponsibilityResponse> Responsibilities)
{
    public static TeamResponse From(string slug, TeamView team) => new(
        slug, team.Phase, team.Phase.Label(), team.IsPublic, team.FullTimeEquivalents,
        [.. team.Members.Select(TeamMemberStaffingResponse.From)],
        [.. team.Warnings.Select(w => new StaffingWarningResponse(w.Code, w.Label, w.Detail, w.Missing))],
        [.. team.NeededRoles.Select(n => new NeededRoleResponse(n.Role, n.Role.Label(), n.Held))],
        [.. StaffingRules.ResponsibilitySplit.Select(r => new ResponsibilityResponse(r.Key, r.Duty, r.BusinessOwner, r.ProductOwner))]);
}
