using System.Text.Json.Serialization;

namespace Cap.Domain.Catalogue;

/// <summary>
/// The roles (« métiers ») of a product team as the ministries' product guide names them, one bit each: a member may hold
/// several (in a small team the responsable produit is often the accessibility expert too). The responsable métier and the
/// responsable produit follow the member's access role (<see cref="ProductRole"/>): they are never stored, always derived
/// (<see cref="GuideRoles.Of(TeamMember)"/>). Coach produit is the guide's supporting expert (« soutien expert »).
/// </summary>
[Flags]
public enum GuideRole
{
    None = 0,
    [JsonStringEnumMemberName("business-owner")]
    ResponsableMetier = 1,
    [JsonStringEnumMemberName("product-owner")]
    ResponsableProduit = 2,
    [JsonStringEnumMemberName("designer")]
    Designer = 4,
    [JsonStringEnumMemberName("developer")]
    Developpeur = 8,
    [JsonStringEnumMemberName("devops")]
    DevOps = 16,
    [JsonStringEnumMemberName("accessibility-expert")]
    ExpertAccessibilite = 32,
    [JsonStringEnumMemberName("user-researcher")]
    RechercheUtilisateur = 64,
    [JsonStringEnumMemberName("data-lead")]
    ResponsableData = 128,
    [JsonStringEnumMemberName("product-coach")]
    CoachProduit = 256,
}

public static class GuideRoles
{
    /// <summary>Every role, one value each, in the guide's order.</summary>
    public static IReadOnlyList<GuideRole> All { get; } =
        [.. Enum.GetValues<GuideRole>().Where(r => r != GuideRole.None)];

    /// <summary>The roles that follow the access role (never chosen by hand).</summary>
    public const GuideRole Owners = GuideRole.ResponsableMetier | GuideRole.ResponsableProduit;

    /// <summary>The roles a member chooses (every role but the owners').</summary>
    public static IReadOnlyList<GuideRole> Chosen { get; } = [.. All.Where(r => (r & Owners) == 0)];

    /// <summary>Every defined bit.</summary>
    public static GuideRole Defined { get; } = All.Aggregate(GuideRole.None, (a, r) => a | r);

    public static string Label(this GuideRole role) => role switch
    {
        GuideRole.ResponsableMetier => "Responsable métier",
        GuideRole.ResponsableProduit => "Responsable produit",
        GuideRole.Designer => "Designer",
        GuideRole.Developpeur => "Développeur",
        GuideRole.DevOps => "DevOps",
        GuideRole.ExpertAccessibilite => "Expert accessibilité",
        GuideRole.RechercheUtilisateur => "Expert en recherche utilisateur",
        GuideRole.ResponsableData => "Responsable data",
        GuideRole.CoachProduit => "Coach produit (soutien expert)",
        _ => role.ToString(),
    };

    /// <summary>The label inside a sentence (« développeur », but « DevOps »).</summary>
    public static string LowerLabel(this GuideRole role) => role == GuideRole.DevOps ? role.Label() : role.Label().ToLowerInvariant();

    /// <summary>What the role brings, in one line (the team tab's hints).</summary>
    public static string Hint(this GuideRole role) => role switch
    {
        GuideRole.ResponsableMetier => "Porte le besoin métier et la vision ; au moins 60 % de son temps.",
        GuideRole.ResponsableProduit => "Conduit la conception et la livraison, anime l’équipe.",
        GuideRole.Designer => "Recherche et conception de l’expérience, maquettes, tests utilisateurs.",
        GuideRole.Developpeur => "Construit le produit et sa qualité technique.",
        GuideRole.DevOps => "Hébergement, déploiement, exploitation et supervision.",
        GuideRole.ExpertAccessibilite => "Accessibilité (RGAA) de la conception à l’audit.",
        GuideRole.RechercheUtilisateur => "Entretiens, observations et tests avec les usagers.",
        GuideRole.ResponsableData => "Données du produit, indicateurs et conformité des traitements.",
        GuideRole.CoachProduit => "Accompagne l’équipe dans ses pratiques produit, en appui.",
        _ => string.Empty,
    };

    /// <summary>The single roles set in <paramref name="roles"/>, in the guide's order.</summary>
    public static IReadOnlyList<GuideRole> Split(this GuideRole roles) => [.. All.Where(r => (roles & r) != 0)];

    /// <summary>« Designer, Développeur » (or « aucun rôle »).</summary>
    public static string Labels(this GuideRole roles) =>
        roles.Split() is { Count: > 0 } split ? string.Join(", ", split.Select(r => r.Label())) : "Aucun rôle";

    /// <summary>The owner's role the access role implies (none for a membre d’équipe).</summary>
    public static GuideRole Of(ProductRole access) => access switch
    {
        ProductRole.ResponsableMetier => GuideRole.ResponsableMetier,
        ProductRole.ResponsableProduit => GuideRole.ResponsableProduit,
        _ => GuideRole.None,
    };

    /// <summary>Every role a member holds: those chosen, and the one the access role implies.</summary>
    public static GuideRole Of(TeamMember member) => (member.ChosenRoles & ~Owners) | Of(member.Role);
}
