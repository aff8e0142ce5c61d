using System.Text.Json.Serialization;

namespace Cap.Domain.Platform;

/// <summary>Roles held across the whole portfolio, as flags so a person may hold several.</summary>
[Flags]
public enum GlobalRoles
{
    None = 0,
    [JsonStringEnumMemberName("administrator")]
    Administrateur = 1,
    [JsonStringEnumMemberName("committee-member")]
    MembreComite = 2,
    Coach = 4,
    [JsonStringEnumMemberName("reader")]
    Lecteur = 8,
}

public static class GlobalRolesExtensions
{
    public static readonly GlobalRoles[] All =
        [GlobalRoles.Administrateur, GlobalRoles.MembreComite, GlobalRoles.Coach, GlobalRoles.Lecteur];

    public static string Label(this GlobalRoles role) => role switch
    {
        GlobalRoles.Administrateur => "Administrateur",
        GlobalRoles.MembreComite => "Membre du comité produit",
        GlobalRoles.Coach => "Coach",
        GlobalRoles.Lecteur => "Lecteur (direction, pilotage)",
        GlobalRoles.None => "Agent (droits par équipe produit)",
        _ => string.Join(", ", All.Where(r => role.HasFlag(r)).Select(r => r.Label())),
    };
}
