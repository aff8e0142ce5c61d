namespace Cap.Domain.Catalogue;

/// <summary>What a product team must keep.</summary>
public static class TeamRules
{
    /// <summary>
    /// A product keeps at least one Responsable produit, so that someone can steer it: the last one cannot leave.
    /// </summary>
    /// <param name="team">The product's whole team, <paramref name="leaving"/> included.</param>
    /// <returns>The French refusal, or null when the member may leave.</returns>
    public static string? RemovalRefusal(TeamMember leaving, IEnumerable<TeamMember> team) =>
        leaving.Role == ProductRole.ResponsableProduit && !team.Any(m => m.Id != leaving.Id && m.Role == ProductRole.ResponsableProduit)
            ? $"{leaving.Person?.DisplayName ?? "Cette personne"} est le seul responsable produit : ajoutez d’abord un autre responsable produit."
            : null;
}
