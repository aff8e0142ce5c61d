using System.Text.Json.Serialization;

namespace Cap.Domain.Compliance;

/// <summary>
/// What a product carries beyond its own steering: accessibility (RGAA), security homologation (RGS), personal data (RGPD),
/// eco-design (RGESN), and whether it faces the public (which decides whether the agrément SIG applies). One row per product,
/// versioned: two people editing it at once are told, not overwritten. The flags' rules read it in one query
/// (<see cref="ComplianceFlags.Flags"/>), so what they need is stored here, indexed.
/// </summary>
public class ProductCompliance : IVersioned, IProductScoped, ITimestamped
{
    public const int UrlMaxLength = 300;
    public const int RegisterMaxLength = 200;

    public int Id { get; set; }
    public int ProductId { get; set; }
    public Catalogue.Product? Product { get; set; }

    /// <summary>A site or application of the State reachable by the public (any URL): the agrément SIG applies.</summary>
    public bool IsPublic { get; set; }

    public DateOnly? RgaaAuditDate { get; set; }
    /// <summary>The audit's compliance rate, 0–100 with one decimal.</summary>
    public decimal? RgaaRate { get; set; }
    public string? RgaaStatementUrl { get; set; }
    public StatementStatus? RgaaStatementStatus { get; set; }
    /// <summary>The date the team aims to reach 100 % by (the multi-year plan's horizon).</summary>
    public DateOnly? RgaaFullComplianceTarget { get; set; }

    public DateOnly? HomologationDecisionDate { get; set; }
    /// <summary>The last day the homologation covers (commonly three years after the decision).</summary>
    public DateOnly? HomologationValidUntil { get; set; }

    /// <summary>The reference of the processing in the ministry's register (RGPD).</summary>
    public string? RgpdRegisterEntry { get; set; }
    public DpiaStatus? Dpia { get; set; }

    public string? RgesnDeclarationUrl { get; set; }
    /// <summary>The RGESN declaration's score, 0–100 with one decimal.</summary>
    public decimal? RgesnScore { get; set; }

    public int Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>The status an accessibility statement declares.</summary>
public enum StatementStatus
{
    [JsonStringEnumMemberName("full")]
    Totalement = 1,
    [JsonStringEnumMemberName("partial")]
    Partiellement = 2,
    [JsonStringEnumMemberName("non-compliant")]
    NonConforme = 3,
    /// <summary>No statement published (mandatory for a public service).</summary>
    [JsonStringEnumMemberName("missing")]
    Absente = 4,
}

/// <summary>The data-protection impact assessment (AIPD / DPIA).</summary>
public enum DpiaStatus
{
    [JsonStringEnumMemberName("not-required")]
    NotRequired = 1,
    /// <summary>Required and not done yet.</summary>
    [JsonStringEnumMemberName("required")]
    Required = 2,
    [JsonStringEnumMemberName("done")]
    Done = 3,
}

/// <summary>Why an agrément SIG is asked for.</summary>
public enum SigRequestKind
{
    [JsonStringEnumMemberName("creation")]
    Creation = 1,
    [JsonStringEnumMemberName("redesign")]
    Refonte = 2,
    [JsonStringEnumMemberName("major-change")]
    EvolutionMajeure = 3,
}

/// <summary>The outcome of an agrément (de principe or définitif).</summary>
public enum SigOutcome
{
    [JsonStringEnumMemberName("granted")]
    Accorde = 1,
    [JsonStringEnumMemberName("granted-with-reservations")]
    SousReserve = 2,
    [JsonStringEnumMemberName("refused")]
    Refuse = 3,
}

/// <summary>The checks of the agrément définitif, as the reference lists them.</summary>
public enum SigCheck
{
    [JsonStringEnumMemberName("rgaa-audit")]
    RgaaAudit = 1,
    [JsonStringEnumMemberName("dsfr-and-brand")]
    DsfrAndBrand = 2,
    [JsonStringEnumMemberName("audience-measurement")]
    AudienceMeasurement = 3,
    [JsonStringEnumMemberName("user-tests")]
    UserTests = 4,
    [JsonStringEnumMemberName("rgs-homologation")]
    RgsHomologation = 5,
    [JsonStringEnumMemberName("rgpd")]
    Rgpd = 6,
}

/// <summary>Where a request for an agrément SIG stands.</summary>
public enum SigState
{
    /// <summary>Framing form sent; waiting for the agrément de principe.</summary>
    [JsonStringEnumMemberName("framing-sent")]
    FramingSent = 1,
    /// <summary>Agrément de principe granted (with or without reservations): design and build, then ask the définitif.</summary>
    [JsonStringEnumMemberName("principle-granted")]
    PrincipleGranted = 2,
    /// <summary>Agrément définitif granted with reservations: open until they are lifted.</summary>
    [JsonStringEnumMemberName("final-with-reservations")]
    FinalWithReservations = 3,
    [JsonStringEnumMemberName("principle-refused")]
    PrincipleRefused = 4,
    [JsonStringEnumMemberName("final-granted")]
    FinalGranted = 5,
    [JsonStringEnumMemberName("final-refused")]
    FinalRefused = 6,
    /// <summary>Replaced by a later request opened for a major change.</summary>
    [JsonStringEnumMemberName("superseded")]
    Superseded = 7,
}

/// <summary>One request for an agrément SIG: framing sent → agrément de principe → agrément définitif.</summary>
public class SigApproval : IVersioned, IProductScoped, ITimestamped
{
    public const int NoteMaxLength = 1000;
    public const int ReservationsMaxLength = 2000;

    public int Id { get; set; }
    public int ProductId { get; set; }
    public Catalogue.Product? Product { get; set; }
    /// <summary>1, 2, … in the product's order.</summary>
    public int Number { get; set; }
    public SigRequestKind Kind { get; set; }
    /// <summary>The day the framing form went to the communication directorate.</summary>
    public DateOnly FramingSentOn { get; set; }
    public string? Note { get; set; }

    public SigOutcome? PrincipleOutcome { get; set; }
    public DateOnly? PrincipleDecidedOn { get; set; }
    public string? PrincipleReservations { get; set; }

    public SigOutcome? FinalOutcome { get; set; }
    public DateOnly? FinalDecidedOn { get; set; }
    public string? FinalReservations { get; set; }

    /// <summary>The day a later request (a major change) replaced this one while it was still open.</summary>
    public DateOnly? SupersededOn { get; set; }

    public List<SigApprovalCheck> Checks { get; set; } = [];

    public int Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public SigState State => SigProcedure.StateOf(this);
}

/// <summary>One check of an agrément définitif, as recorded with the decision.</summary>
public class SigApprovalCheck : IProductScoped
{
    public const int NoteMaxLength = 500;

    public int Id { get; set; }
    public int SigApprovalId { get; set; }
    public int ProductId { get; set; }
    public SigCheck Check { get; set; }
    public bool IsMet { get; set; }
    public string? Note { get; set; }
}

public static class ComplianceLabels
{
    public static string Label(this StatementStatus status) => status switch
    {
        StatementStatus.Totalement => "Totalement conforme",
        StatementStatus.Partiellement => "Partiellement conforme",
        StatementStatus.NonConforme => "Non conforme",
        StatementStatus.Absente => "Déclaration absente",
        _ => status.ToString(),
    };

    public static string Label(this DpiaStatus status) => status switch
    {
        DpiaStatus.NotRequired => "Non requise",
        DpiaStatus.Required => "Requise, à réaliser",
        DpiaStatus.Done => "Réalisée",
        _ => status.ToString(),
    };

    public static string Label(this SigRequestKind kind) => kind switch
    {
        SigRequestKind.Creation => "Création",
        SigRequestKind.Refonte => "Refonte",
        SigRequestKind.EvolutionMajeure => "Évolution majeure",
        _ => kind.ToString(),
    };

    public static string Label(this SigOutcome outcome) => outcome switch
    {
        SigOutcome.Accorde => "Accordé",
        SigOutcome.SousReserve => "Accordé sous réserve",
        SigOutcome.Refuse => "Refusé",
        _ => outcome.ToString(),
    };

    public static string Label(this SigCheck check) => check switch
    {
        SigCheck.RgaaAudit => "Audit RGAA supérieur à 80 % (100 % six mois après la mise en ligne)",
        SigCheck.DsfrAndBrand => "Système de design de l’État (DSFR) et marque de l’État",
        SigCheck.AudienceMeasurement => "Outil de mesure d’audience conforme aux recommandations de la CNIL",
        SigCheck.UserTests => "Rapport de tests utilisateurs (au moins 5 personnes par profil d’usager)",
        SigCheck.RgsHomologation => "Homologation de sécurité (RGS)",
        SigCheck.Rgpd => "Conformité au RGPD",
        _ => check.ToString(),
    };

    /// <summary>A short label (a badge in a table).</summary>
    public static string Label(this SigState state) => state switch
    {
        SigState.FramingSent => "Principe attendu",
        SigState.PrincipleGranted => "Principe obtenu",
        SigState.FinalWithReservations => "Définitif sous réserve",
        SigState.PrincipleRefused => "Principe refusé",
        SigState.FinalGranted => "Définitif accordé",
        SigState.FinalRefused => "Définitif refusé",
        SigState.Superseded => "Remplacée",
        _ => state.ToString(),
    };
}
