using System.Text.Json.Serialization;

namespace Cap.Domain.Catalogue;

/// <summary>One member as the staffing rules see them: every guide role they hold (the access role's included), their time share.</summary>
public sealed record StaffingMember(string Name, GuideRole Roles, int? TimeShare, bool AccessibilityReferent = false)
{
    public static StaffingMember From(TeamMember m) =>
        new(m.Person?.DisplayName ?? "Un membre", GuideRoles.Of(m), m.TimeShare, m.AccessibilityReferent);
}

/// <summary>What the guide implies about a team's composition; each kind is one point of attention (its <see cref="StaffingRules.Code"/>).</summary>
public enum StaffingWarningKind
{
    /// <summary>No responsable métier gives the product at least 60 % of their time (or there is none, or the share is unknown).</summary>
    [JsonStringEnumMemberName("staffing-rm-under-60")]
    RmUnder60 = 1,
    /// <summary>The phase needs design and nobody is the team's designer.</summary>
    [JsonStringEnumMemberName("staffing-no-designer")]
    NoDesigner = 2,
    /// <summary>A public product being designed or in service, and nobody in charge of accessibility.</summary>
    [JsonStringEnumMemberName("staffing-no-accessibility")]
    NoAccessibility = 3,
    /// <summary>Another role the phase needs is held by nobody.</summary>
    [JsonStringEnumMemberName("staffing-role-missing")]
    RoleMissing = 4,
}

/// <summary>One warning about a team: its kind, French title and sentence, and the roles missing (for <see cref="StaffingWarningKind.RoleMissing"/>).</summary>
public sealed record StaffingWarning(StaffingWarningKind Kind, string Label, string Detail, IReadOnlyList<GuideRole> Missing)
{
    public string Code => StaffingRules.Code(Kind);
}

/// <summary>How the guide splits « porter un produit » between the responsable métier and the responsable produit.</summary>
public enum Involvement
{
    None = 0,
    [JsonStringEnumMemberName("responsible")]
    Responsable = 1,
    [JsonStringEnumMemberName("co-responsible")]
    CoResponsable = 2,
    [JsonStringEnumMemberName("participates")]
    Participe = 3,
}

/// <summary>One duty of the split, and who carries it.</summary>
public sealed record Responsibility(string Key, string Duty, Involvement BusinessOwner, Involvement ProductOwner);

/// <summary>What a member's staffing may be changed to.</summary>
public sealed record StaffingInput(GuideRole Roles, int? TimeShare, bool AccessibilityReferent);

/// <summary>
/// The team's composition against the ministries' product guide (section « Équipe produit »): the roles each phase needs, the
/// responsable métier's time share (at least 60 %), a designer, someone in charge of accessibility for a public product. The
/// team tab shows the warnings with their reasons, the flag source raises one point of attention per warning.
/// </summary>
public static class StaffingRules
{
    /// <summary>The responsable métier's least time share the guide asks for.</summary>
    public const int BusinessOwnerMinShare = 60;
    public const int MinTimeShare = 1;
    public const int MaxTimeShare = 100;

    public static string Code(StaffingWarningKind kind) => kind switch
    {
        StaffingWarningKind.RmUnder60 => "staffing-rm-under-60",
        StaffingWarningKind.NoDesigner => "staffing-no-designer",
        StaffingWarningKind.NoAccessibility => "staffing-no-accessibility",
        StaffingWarningKind.RoleMissing => "staffing-role-missing",
        _ => kind.ToString(),
    };

    /// <summary>The French title of a warning (the point of attention's label).</summary>
    public static string Label(this StaffingWarningKind kind) => kind switch
    {
        StaffingWarningKind.RmUnder60 => "Responsable métier sous 60 %",
        StaffingWarningKind.NoDesigner => "Pas de designer",
        StaffingWarningKind.NoAccessibility => "Accessibilité sans responsable",
        StaffingWarningKind.RoleMissing => "Rôle manquant pour la phase",
        _ => kind.ToString(),
    };

    /// <summary>
    /// The roles a phase needs, from the phase's goal and deliverables in the guide: framing needs the two owners; a POC's
    /// user journey and mock-ups need a designer, its demonstrator a developer; from the MVP on the product runs in
    /// production, so someone holds DevOps; stopping needs the owners (schedule, post-mortem, communication).
    /// </summary>
    public static GuideRole Needed(Phase phase) => phase switch
    {
        Phase.Idee or Phase.Arret => GuideRoles.Owners,
        Phase.Poc => GuideRoles.Owners | GuideRole.Designer | GuideRole.Developpeur,
        Phase.Mvp or Phase.Construction or Phase.Generalisation => GuideRoles.Owners | GuideRole.Designer | GuideRole.Developpeur | GuideRole.DevOps,
        _ => GuideRoles.Owners,
    };

    /// <summary>Why the phase needs these roles, in French (shown beside the table of needed roles).</summary>
    public static string NeededBecause(Phase phase) => phase switch
    {
        Phase.Idee => "Comprendre le besoin et évaluer l’intérêt : le responsable métier et le responsable produit cadrent la vision.",
        Phase.Poc => "Parcours utilisateur, maquettes et démonstrateur : un designer et un développeur rejoignent les responsables.",
        Phase.Mvp => "Une première version en production : quelqu’un tient le rôle DevOps pour déployer et exploiter.",
        Phase.Construction => "Des incréments stables en production : l’équipe complète du MVP.",
        Phase.Generalisation => "L’extension à toute la cible : l’équipe complète du MVP.",
        Phase.Arret => "Planning d’arrêt, bilan et communication : le responsable métier et le responsable produit.",
        _ => string.Empty,
    };

    /// <summary>A public product needs someone in charge of accessibility once design starts (POC) and while it is in service.</summary>
    public static bool NeedsAccessibility(Phase phase, bool? isPublic) =>
        isPublic == true && phase is >= Phase.Poc and <= Phase.Generalisation;

    /// <summary>
    /// The warnings for a team in <paramref name="phase"/>. <paramref name="isPublic"/> is null when Cap does not know (no
    /// compliance record): then accessibility raises nothing. The responsable métier's share and the designer have their own
    /// warning, so « rôle manquant » names only the phase's other roles. A stopped product is only checked for its owners.
    /// </summary>
    public static IReadOnlyList<StaffingWarning> Warnings(Phase phase, bool? isPublic, IReadOnlyCollection<StaffingMember> members)
    {
        var held = members.Aggregate(GuideRole.None, (all, m) => all | m.Roles);
        var needed = Needed(phase);
        var warnings = new List<StaffingWarning>();
        var covered = GuideRole.None;

        if (phase != Phase.Arret)
        {
            covered |= GuideRole.ResponsableMetier;
            if (BusinessOwnerWarning(members) is { } rm)
            {
                warnings.Add(rm);
            }
        }
        if ((needed & GuideRole.Designer) != 0)
        {
            covered |= GuideRole.Designer;
            if ((held & GuideRole.Designer) == 0)
            {
                warnings.Add(new(StaffingWarningKind.NoDesigner, StaffingWarningKind.NoDesigner.Label(),
                    $"La phase {phase.Label()} demande un designer (parcours, maquettes, tests avec les usagers) : personne n’en tient le rôle.", [GuideRole.Designer]));
            }
        }
        if (NeedsAccessibility(phase, isPublic) && !members.Any(m => m.AccessibilityReferent || (m.Roles & GuideRole.ExpertAccessibilite) != 0))
        {
            warnings.Add(new(StaffingWarningKind.NoAccessibility, StaffingWarningKind.NoAccessibility.Label(),
                "Le produit est exposé au public : personne dans l’équipe n’est expert ou référent accessibilité (RGAA).", [GuideRole.ExpertAccessibilite]));
        }
        var missing = (needed & ~held & ~covered).Split();
        if (missing.Count > 0)
        {
            var names = string.Join(", ", missing.Select(r => r.LowerLabel()));
            warnings.Add(new(StaffingWarningKind.RoleMissing, StaffingWarningKind.RoleMissing.Label(),
                $"La phase {phase.Label()} demande {(missing.Count == 1 ? "le rôle" : "les rôles")} {names} : personne ne {(missing.Count == 1 ? "le" : "les")} tient.", missing));
        }
        return warnings;
    }

    private static StaffingWarning? BusinessOwnerWarning(IReadOnlyCollection<StaffingMember> members)
    {
        var owners = members.Where(m => (m.Roles & GuideRole.ResponsableMetier) != 0).ToList();
        if (owners.Any(m => m.TimeShare >= BusinessOwnerMinShare))
        {
            return null;
        }
        const string Asked = "le guide lui demande au moins 60 % de son temps";
        var best = owners.Where(m => m.TimeShare is not null).MaxBy(m => m.TimeShare);
        var detail = best is not null ? $"{best.Name} y consacre {best.TimeShare} % de son temps : {Asked}."
            : owners.Count > 0 ? $"Le temps que {owners[0].Name} consacre au produit n’est pas renseigné : {Asked}."
            : $"Personne dans l’équipe n’est responsable métier : {Asked}.";
        return new(StaffingWarningKind.RmUnder60, StaffingWarningKind.RmUnder60.Label(), detail, owners.Count == 0 ? [GuideRole.ResponsableMetier] : []);
    }

    /// <summary>The sum of the known time shares, in full-time equivalents (250 % → 2,5).</summary>
    public static decimal FullTimeEquivalents(IEnumerable<StaffingMember> members) =>
        members.Sum(m => m.TimeShare ?? 0) / 100m;

    /// <summary>
    /// Checks a member's new staffing against their access role: a time share between 1 and 100 % when given, known roles,
    /// and the owners' roles only as the access role implies them (one may not become responsable métier by a tick).
    /// </summary>
    /// <returns>The refusal (messages keyed by <see cref="StaffingInput"/>'s properties), or null.</returns>
    public static Refusal? Check(StaffingInput input, ProductRole access)
    {
        var invalid = new Dictionary<string, string>();
        if (input.TimeShare is { } share && share is < MinTimeShare or > MaxTimeShare)
        {
            invalid[nameof(StaffingInput.TimeShare)] = $"Indiquez une part de temps entre {MinTimeShare} et {MaxTimeShare} %, ou laissez vide si elle n’est pas connue.";
        }
        if ((input.Roles & ~GuideRoles.Defined) != 0)
        {
            invalid[nameof(StaffingInput.Roles)] = "Un des rôles choisis n’existe pas dans le guide.";
        }
        if (invalid.Count > 0)
        {
            return Refusal.Invalid(invalid);
        }
        var owners = input.Roles & GuideRoles.Owners;
        if (owners != GuideRole.None && owners != GuideRoles.Of(access))
        {
            var wrong = (owners & ~GuideRoles.Of(access)).Split()[0];
            return Refusal.Rule(nameof(StaffingInput.Roles),
                $"Le rôle de {wrong.LowerLabel()} suit le rôle d’accès dans l’équipe ({access.Label().ToLowerInvariant()}) : il ne se coche pas.");
        }
        return null;
    }

    /// <summary>Applies a checked input: the chosen roles are stored without the owners' (derived from the access role).</summary>
    public static void Apply(TeamMember member, StaffingInput input)
    {
        member.ChosenRoles = input.Roles & ~GuideRoles.Owners;
        member.TimeShare = input.TimeShare;
        member.AccessibilityReferent = input.AccessibilityReferent;
    }

    /// <summary>The guide's split of « porter un produit » between the responsable métier (RM) and the responsable produit (RP).</summary>
    public static IReadOnlyList<Responsibility> ResponsibilitySplit { get; } =
    [
        new("vision", "Vision du produit", Involvement.Responsable, Involvement.CoResponsable),
        new("objectives", "Objectifs et indicateurs", Involvement.Responsable, Involvement.CoResponsable),
        new("design", "Conception", Involvement.Participe, Involvement.Responsable),
        new("delivery", "Réalisation et livraison", Involvement.Participe, Involvement.Responsable),
        new("legal", "Conformité juridique (lois, RGPD, CNIL)", Involvement.Responsable, Involvement.None),
        new("standards", "Respect des référentiels (RGAA, RGS, RGESN)", Involvement.None, Involvement.Responsable),
        new("rituals", "Rituels et comités d’investissement", Involvement.None, Involvement.Responsable),
    ];

    /// <summary>The guide's other duties, to share out in the team (it assigns them to neither owner).</summary>
    public static IReadOnlyList<string> OtherDuties { get; } =
        ["Suivi budgétaire", "Déploiement et support aux usagers", "Communication et animation de la communauté"];

    public static string Label(this Involvement involvement) => involvement switch
    {
        Involvement.Responsable => "Responsable",
        Involvement.CoResponsable => "Co-responsable",
        Involvement.Participe => "Participe",
        _ => "—",
    };
}
