using Cap.Domain.Platform;

namespace Cap.Domain.Connectors;

/// <summary>The Matomo figures a mapping can feed an indicator with (API values in kebab-case, decision 0014: <c>unique-visitors</c>…; Matomo's own field names in the responses' <c>matomoField</c>).</summary>
public enum MatomoMetric
{
    /// <summary><c>VisitsSummary.get</c> → <c>nb_uniq_visitors</c>.</summary>
    UniqueVisitors = 1,
    /// <summary><c>VisitsSummary.get</c> → <c>nb_visits</c>.</summary>
    Visits = 2,
    /// <summary><c>VisitsSummary.get</c> → <c>bounce_rate</c> (« 45% »).</summary>
    BounceRate = 3,
    /// <summary><c>VisitsSummary.get</c> → <c>avg_time_on_site</c> (seconds).</summary>
    AverageTimeOnSite = 4,
    /// <summary><c>Goals.get</c> with <c>idGoal</c> → <c>nb_conversions</c>.</summary>
    GoalConversions = 5,
}

/// <summary>
/// A product's connection to its Matomo (audience measurement): the instance's address, the site id and an
/// authentication token, and which Matomo figures feed which of the product's indicators (<see cref="MatomoMetricMapping"/>).
/// The token is stored only encrypted with the application's data-protection keys (<see cref="ProtectedToken"/>), never
/// read back to a screen, a response or the audit trail: only when it was saved (<see cref="TokenSavedAt"/>) is shown and audited.
/// </summary>
public class MatomoConnection : IVersioned, IProductScoped, ITimestamped
{
    public const int BaseUrlMaxLength = 300;
    public const int TokenMaxLength = 500;
    public const int ProtectedTokenMaxLength = 2000;

    public int Id { get; set; }
    public int ProductId { get; set; }
    public Catalogue.Product? Product { get; set; }

    /// <summary>The Matomo instance's address (https, or http for a local or demo server); the API is <c>{address}/index.php</c>.</summary>
    public string BaseUrl { get; set; } = string.Empty;

    /// <summary>Matomo's site id (<c>idSite</c>).</summary>
    public int SiteId { get; set; }

    /// <summary>The <c>token_auth</c> encrypted by the data-protection keys (purpose <c>Cap.Connectors.Matomo</c>); never audited.</summary>
    [AuditIgnore]
    public string ProtectedToken { get; set; } = string.Empty;

    /// <summary>When the token was last saved or replaced: what screens show of it, and what the audit trail records.</summary>
    public DateTimeOffset TokenSavedAt { get; set; }

    public List<MatomoMetricMapping> Mappings { get; set; } = [];

    public int Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>One Matomo figure that feeds one of the product's indicators, at the indicator's frequency.</summary>
public class MatomoMetricMapping : IProductScoped
{
    public int Id { get; set; }
    public int MatomoConnectionId { get; set; }
    public int ProductId { get; set; }
    public MatomoMetric Metric { get; set; }

    /// <summary>The goal whose conversions are read (<see cref="MatomoMetric.GoalConversions"/> only).</summary>
    public int? GoalId { get; set; }

    public int IndicatorId { get; set; }
    public Steering.Indicator? Indicator { get; set; }
}
