namespace Cap.Domain.Roadmap;

public enum InitiativeKind
{
    Feature = 1,
    Experiment = 2,
    Action = 3,
}

public enum InitiativeStatus
{
    Planned = 1,
    InProgress = 2,
    Delivered = 3,
    Abandoned = 4,
}

public enum PeriodUnit
{
    Month = 1,
    Week = 2,
}

public enum DependencyKind
{
    Product = 1,
    Team = 2,
    Provider = 3,
    Decision = 4,
}

public enum DependencyStatus
{
    Pending = 1,
    Blocking = 2,
    Resolved = 3,
}

public enum RiskStatus
{
    Open = 1,
    Controlled = 2,
    Closed = 3,
}

public static class RoadmapLabels
{
    public static string Label(this InitiativeKind kind) => kind switch
    {
        InitiativeKind.Feature => "Fonctionnalité",
        InitiativeKind.Experiment => "Expérimentation",
        InitiativeKind.Action => "Action",
        _ => kind.ToString(),
    };

    public static string Label(this InitiativeStatus status) => status switch
    {
        InitiativeStatus.Planned => "Prévu",
        InitiativeStatus.InProgress => "En cours",
        InitiativeStatus.Delivered => "Livré",
        InitiativeStatus.Abandoned => "Abandonné",
        _ => status.ToString(),
    };

    public static string Label(this DependencyKind kind) => kind switch
    {
        DependencyKind.Product => "Autre produit",
        DependencyKind.Team => "Équipe",
        DependencyKind.Provider => "Prestataire",
        DependencyKind.Decision => "Décision",
        _ => kind.ToString(),
    };

    public static string Label(this DependencyStatus status) => status switch
    {
        DependencyStatus.Pending => "En attente",
        DependencyStatus.Blocking => "Bloquante",
        DependencyStatus.Resolved => "Levée",
        _ => status.ToString(),
    };

    public static string Label(this RiskStatus status) => status switch
    {
        RiskStatus.Open => "Ouvert",
        RiskStatus.Controlled => "Maîtrisé",
        RiskStatus.Closed => "Clos",
        _ => status.ToString(),
    };
}

/// <summary>A product's short-term roadmap frame: its horizon and its priority objectives (one per product).</summary>
public class ProductRoadmap : IProductScoped, IVersioned, ITimestamped
{
    public int Id { get; set; }
    public int ProductId { get; set; }
    public Catalogue.Product? Product { get; set; }
    public DateOnly HorizonStart { get; set; }
    /// <summary>Last day of the horizon, inclusive.</summary>
    public DateOnly HorizonEnd { get; set; }
    public int Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<RoadmapPriority> Priorities { get; set; } = [];
}

/// <summary>One of the product's objectives chosen as a priority of the roadmap.</summary>
public class RoadmapPriority : IProductScoped
{
    public int Id { get; set; }
    public int RoadmapId { get; set; }
    public ProductRoadmap? Roadmap { get; set; }
    public int ObjectiveId { get; set; }
    public Steering.Objective? Objective { get; set; }
    public int ProductId { get; set; }
}

/// <summary>A feature, experiment or action of the roadmap, serving one of the product's objectives.</summary>
public class Initiative : IProductScoped, IVersioned, ITimestamped
{
    public const int TitleMaxLength = 200;
    public const int TextMaxLength = 2000;
    public const int EffectMaxLength = 500;

    public int Id { get; set; }
    public int ProductId { get; set; }
    public int ObjectiveId { get; set; }
    public Steering.Objective? Objective { get; set; }
    public InitiativeKind Kind { get; set; }
    public string Title { get; set; } = string.Empty;
    public string? Description { get; set; }
    public PeriodUnit PeriodUnit { get; set; }
    /// <summary>First day of the first month or Monday of the first week.</summary>
    public DateOnly Start { get; set; }
    /// <summary>Last day of the last month or Sunday of the last week.</summary>
    public DateOnly End { get; set; }
    public InitiativeStatus Status { get; set; } = InitiativeStatus.Planned;
    public int? IndicatorId { get; set; }
    public Steering.Indicator? Indicator { get; set; }
    public string? ExpectedEffect { get; set; }
    public int Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>Something the roadmap waits for: another product, a team, a provider or a decision.</summary>
public class RoadmapDependency : IProductScoped, IVersioned, ITimestamped
{
    public const int TextMaxLength = 1000;
    public const int NameMaxLength = 200;

    public int Id { get; set; }
    public int ProductId { get; set; }
    public DependencyKind Kind { get; set; }
    /// <summary>Who or what is depended on (team, provider, decision), or the product's name.</summary>
    public string Target { get; set; } = string.Empty;
    /// <summary>When <see cref="Kind"/> is a product of the catalogue.</summary>
    public int? TargetProductId { get; set; }
    public Catalogue.Product? TargetProduct { get; set; }
    public string? Description { get; set; }
    public DependencyStatus Status { get; set; } = DependencyStatus.Pending;
    public int Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A risk of the roadmap, scored on two 1–3 scales.</summary>
public class Risk : IProductScoped, IVersioned, ITimestamped
{
    public const int TitleMaxLength = 200;
    public const int TextMaxLength = 2000;
    public const int OwnerMaxLength = 120;

    public int Id { get; set; }
    public int ProductId { get; set; }
    public string Title { get; set; } = string.Empty;
    public string? Description { get; set; }
    public int Probability { get; set; }
    public int Impact { get; set; }
    public string? Mitigation { get; set; }
    /// <summary>The owner's name, typed or copied from the team member chosen (<see cref="OwnerPersonId"/>).</summary>
    public string? OwnerName { get; set; }
    public int? OwnerPersonId { get; set; }
    public RiskStatus Status { get; set; } = RiskStatus.Open;
    public int Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public int Score => RoadmapRules.RiskScore(Probability, Impact);
}

/// <summary>A kept state of the roadmap after one change, so that its evolution can be read back.</summary>
public class RoadmapRevision : IProductScoped, Platform.IAuditExempt
{
    public const int SummaryMaxLength = 300;

    public int Id { get; set; }
    public int ProductId { get; set; }
    public int Number { get; set; }
    public DateTimeOffset At { get; set; }
    public string AuthorName { get; set; } = string.Empty;
    public string Summary { get; set; } = string.Empty;
    /// <summary>The whole roadmap as JSON after the change.</summary>
    public string Snapshot { get; set; } = "{}";
}

/// <summary>A read-only link to the roadmap for stakeholders. Only the SHA-256 hash of its token is stored.</summary>
public class RoadmapShareLink : IProductScoped, ITimestamped
{
    public const int LabelMaxLength = 120;

    public int Id { get; set; }
    public int ProductId { get; set; }
    public string Label { get; set; } = string.Empty;
    [Platform.AuditIgnore]
    public string Hash { get; set; } = string.Empty;
    public string CreatedByName { get; set; } = string.Empty;
    public DateTimeOffset? RevokedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>A random 256-bit token for the URL and its hash.</summary>
    public static (string Token, string Hash) NewToken() => Platform.ApiToken.NewSecret(string.Empty);
}
