namespace Cap.Domain.Catalogue;

/// <summary>What a product team must keep.</summary>
public static class TeamRules
{
    /// <summary>
    /// What adding a person needs before the database is asked: who, and with which access role. Messages are keyed by the
    /// input's property names (<c>PersonId</c>, <c>Role</c>).
    /// </summary>
    public static Dictionary<string, string> ValidateAddition(int? personId, ProductRole? role)
    {
        var errors = new Dictionary<string, string>();
        if (personId is null)
        {
            errors["PersonId"] = "Choisissez la personne à ajouter.";
        }
        if (role is null || !Enum.IsDefined(role.Value))
        {
            errors["Role"] = "Choisissez le rôle de la personne dans l’équipe.";
        }
        return errors;
    }

    public const string AlreadyMember = "Cette personne fait déjà partie de l’équipe : retirez-la d’abord pour changer son rôle.";
    public const string UnknownPerson = "Cette personne n’existe pas ou son compte est désactivé.";

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
