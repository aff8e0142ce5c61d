using System.Text.Json.Serialization;
using Cap.Domain.Catalogue;

namespace Cap.Domain.Committee;

/// <summary>Where a gate request stands. Brouillon, Soumise and Inscrite are "open": one at a time per product.</summary>
public enum GateRequestStatus
{
    [JsonStringEnumMemberName("draft")]
    Brouillon = 1,
    [JsonStringEnumMemberName("submitted")]
    Soumise = 2,
    /// <summary>On a session's agenda.</summary>
    [JsonStringEnumMemberName("scheduled")]
    Inscrite = 3,
    [JsonStringEnumMemberName("reviewed")]
    Examinee = 4,
    [JsonStringEnumMemberName("withdrawn")]
    Retiree = 5,
}

/// <summary>
/// What a request asks the committee (product guide, « Cadre organisationnel »: the committee reviews new products,
/// redesigns and major changes, not only phase changes). Only a phase change moves the product's phase on a Go.
/// </summary>
public enum GateRequestKind
{
    [JsonStringEnumMemberName("phase-change")]
    PassagePhase = 1,
    /// <summary>A functional or technical redesign (« refonte »), reviewed without a change of phase.</summary>
    [JsonStringEnumMemberName("redesign")]
    Refonte = 2,
    /// <summary>A major change (« évolution majeure »), reviewed without a change of phase.</summary>
    [JsonStringEnumMemberName("major-change")]
    EvolutionMajeure = 3,
}

public enum SessionStatus
{
    [JsonStringEnumMemberName("planned")]
    Planifiee = 1,
    [JsonStringEnumMemberName("held")]
    Tenue = 2,
    [JsonStringEnumMemberName("cancelled")]
    Annulee = 3,
}

/// <summary>The seven aspects of every gate review (product guide, "Product committee").</summary>
public enum ReviewAspect
{
    [JsonStringEnumMemberName("organisation-governance")]
    OrganisationGouvernance = 1,
    [JsonStringEnumMemberName("business-value")]
    ValeurMetier = 2,
    [JsonStringEnumMemberName("methodology")]
    Methodologie = 3,
    Architecture = 4,
    [JsonStringEnumMemberName("data")]
    Donnees = 5,
    [JsonStringEnumMemberName("security")]
    Securite = 6,
    [JsonStringEnumMemberName("development-practices")]
    PratiquesDeveloppement = 7,
}

public enum AspectRating
{
    [JsonStringEnumMemberName("satisfactory")]
    Satisfaisant = 1,
    [JsonStringEnumMemberName("needs-improvement")]
    AAmeliorer = 2,
    [JsonStringEnumMemberName("blocking")]
    Bloquant = 3,
}

public enum DecisionOutcome
{
    Go = 1,
    [JsonStringEnumMemberName("go-with-conditions")]
    GoAvecConditions = 2,
    /// <summary>No-go for now: the product stays in its phase.</summary>
    [JsonStringEnumMemberName("postponed")]
    Ajourne = 3,
    [JsonStringEnumMemberName("stop")]
    Arret = 4,
}

public enum ConditionStatus
{
    [JsonStringEnumMemberName("open")]
    Ouverte = 1,
    /// <summary>The team says the condition is met, with evidence; the committee still has to confirm.</summary>
    [JsonStringEnumMemberName("declared-met")]
    LeveeDeclaree = 2,
    [JsonStringEnumMemberName("confirmed")]
    Confirmee = 3,
}

/// <summary>Support the committee found the team needs; stored so that coaching can pick it up.</summary>
[Flags]
public enum SupportNeeds
{
    None = 0,
    [JsonStringEnumMemberName("technical")]
    Technique = 1,
    Architecture = 2,
    Design = 4,
    [JsonStringEnumMemberName("devops")]
    DevOps = 8,
    [JsonStringEnumMemberName("accessibility")]
    Accessibilite = 16,
    [JsonStringEnumMemberName("product")]
    Produit = 32,
}

public static class CommitteeLabels
{
    public static readonly ReviewAspect[] Aspects = Enum.GetValues<ReviewAspect>();
    public static readonly SupportNeeds[] Needs =
        [SupportNeeds.Technique, SupportNeeds.Architecture, SupportNeeds.Design, SupportNeeds.DevOps, SupportNeeds.Accessibilite, SupportNeeds.Produit];

    public static string Label(this GateRequestStatus status) => status switch
    {
        GateRequestStatus.Brouillon => "Brouillon",
        GateRequestStatus.Soumise => "Soumise",
        GateRequestStatus.Inscrite => "Inscrite à une séance",
        GateRequestStatus.Examinee => "Examinée",
        GateRequestStatus.Retiree => "Retirée",
        _ => status.ToString(),
    };

    public static string Label(this GateRequestKind kind) => kind switch
    {
        GateRequestKind.PassagePhase => "Passage de phase",
        GateRequestKind.Refonte => "Refonte",
        GateRequestKind.EvolutionMajeure => "Évolution majeure",
        _ => kind.ToString(),
    };

    /// <summary>What a request or decision is about, in a few words: « MVP → Construction », « Refonte (phase MVP) ».</summary>
    public static string Subject(GateRequestKind kind, Phase from, Phase target) =>
        kind == GateRequestKind.PassagePhase ? $"{from.Label()} → {target.Label()}" : $"{kind.Label()} (phase {from.Label()})";

    public static string Label(this SessionStatus status) => status switch
    {
        SessionStatus.Planifiee => "Planifiée",
        SessionStatus.Tenue => "Tenue",
        SessionStatus.Annulee => "Annulée",
        _ => status.ToString(),
    };

    public static string Label(this ReviewAspect aspect) => aspect switch
    {
        ReviewAspect.OrganisationGouvernance => "Organisation et gouvernance",
        ReviewAspect.ValeurMetier => "Valeur métier",
        ReviewAspect.Methodologie => "Méthodologie",
        ReviewAspect.Architecture => "Architecture",
        ReviewAspect.Donnees => "Données",
        ReviewAspect.Securite => "Sécurité",
        ReviewAspect.PratiquesDeveloppement => "Pratiques de développement",
        _ => aspect.ToString(),
    };

    public static string Label(this AspectRating rating) => rating switch
    {
        AspectRating.Satisfaisant => "Satisfaisant",
        AspectRating.AAmeliorer => "À améliorer",
        AspectRating.Bloquant => "Bloquant",
        _ => rating.ToString(),
    };

    public static string Label(this DecisionOutcome outcome) => outcome switch
    {
        DecisionOutcome.Go => "Go",
        DecisionOutcome.GoAvecConditions => "Go avec conditions",
        DecisionOutcome.Ajourne => "Ajourné",
        DecisionOutcome.Arret => "Arrêt",
        _ => outcome.ToString(),
    };

    public static string Label(this ConditionStatus status) => status switch
    {
        ConditionStatus.Ouverte => "Ouverte",
        ConditionStatus.LeveeDeclaree => "Levée déclarée par l’équipe",
        ConditionStatus.Confirmee => "Confirmée par le comité",
        _ => status.ToString(),
    };

    public static string Label(this SupportNeeds need) => need switch
    {
        SupportNeeds.Technique => "Technique",
        SupportNeeds.Architecture => "Architecture",
        SupportNeeds.Design => "Design",
        SupportNeeds.DevOps => "DevOps",
        SupportNeeds.Accessibilite => "Accessibilité",
        SupportNeeds.Produit => "Produit",
        SupportNeeds.None => "Aucun",
        _ => string.Join(", ", Needs.Where(n => need.HasFlag(n)).Select(n => n.Label())),
    };

    /// <summary>Lower-case slug used in query strings and the API.</summary>
    public static string Slug(this DecisionOutcome outcome) => outcome switch
    {
        DecisionOutcome.Go => "go",
        DecisionOutcome.GoAvecConditions => "go-avec-conditions",
        DecisionOutcome.Ajourne => "ajourne",
        DecisionOutcome.Arret => "arret",
        _ => outcome.ToString().ToLowerInvariant(),
    };

    public static bool TryParseOutcome(string? value, out DecisionOutcome outcome)
    {
        foreach (var o in Enum.GetValues<DecisionOutcome>())
        {
            if (string.Equals(o.Slug(), value, StringComparison.OrdinalIgnoreCase) || string.Equals(o.ToString(), value, StringComparison.OrdinalIgnoreCase))
            {
                outcome = o;
                return true;
            }
        }
        outcome = default;
        return false;
    }
}
