using Cap.Domain.Roadmap;

namespace Cap.Web.Features.Roadmap;

/// <summary>The whole roadmap of a product as read on screen, in the API and in a revision's snapshot.</summary>
public sealed record RoadmapView(
    string Product,
    string ProductName,
    RoadmapHorizonView? Horizon,
    IReadOnlyList<RoadmapObjectiveView> Objectives,
    IReadOnlyList<InitiativeView> Initiatives,
    IReadOnlyList<DependencyView> Dependencies,
    IReadOnlyList<RiskView> Risks)
{
    public IEnumerable<RoadmapObjectiveView> Priorities => Objectives.Where(o => o.IsPriority);

    /// <summary>Initiatives delivered or abandoned before the horizon starts: kept, counted, not listed.</summary>
    public int ClosedBeforeHorizon { get; init; }
}

public sealed record RoadmapHorizonView(DateOnly Start, DateOnly End, int Version);

public sealed record RoadmapObjectiveView(int Id, string Title, bool IsPriority);

/// <summary>An initiative; <see cref="Start"/> and <see cref="End"/> are the period as typed (2027-03 or 2027-S12).</summary>
public sealed record InitiativeView(
    int Id, int ObjectiveId, string ObjectiveTitle, InitiativeKind Kind, string Title, string? Description,
    PeriodUnit PeriodUnit, string Start, string End, DateOnly StartDate, DateOnly EndDate, InitiativeStatus Status,
    int? IndicatorId, string? IndicatorName, string? ExpectedEffect, int Version);

public sealed record DependencyView(
    int Id, DependencyKind Kind, string Target, string? TargetProductSlug, string? Description, DependencyStatus Status, int Version);

public sealed record RiskView(
    int Id, string Title, string? Description, int Probability, int Impact, int Score, string Level, string? Mitigation,
    string? OwnerName, int? OwnerPersonId, RiskStatus Status, int Version);

/// <summary>An initiative as written by a form or the API.</summary>
public sealed class InitiativeInput
{
    public int? ObjectiveId { get; set; }
    public InitiativeKind? Kind { get; set; }
    public string? Title { get; set; }
    public string? Description { get; set; }
    /// <summary>First month (2027-03) or week (2027-S12).</summary>
    public string? Start { get; set; }
    /// <summary>Last month or week, in the same unit as <see cref="Start"/>.</summary>
    public string? End { get; set; }
    public InitiativeStatus? Status { get; set; }
    public int? IndicatorId { get; set; }
    public string? ExpectedEffect { get; set; }
    /// <summary>The version read before an update.</summary>
    public int? Version { get; set; }
}

/// <summary>A dependency as written by a form or the API.</summary>
public sealed class DependencyInput
{
    public DependencyKind? Kind { get; set; }
    /// <summary>Name of the team, provider, decision or product; may be left empty when <see cref="TargetProductId"/> is given.</summary>
    public string? Target { get; set; }
    public int? TargetProductId { get; set; }
    public string? Description { get; set; }
    public DependencyStatus? Status { get; set; }
    public int? Version { get; set; }
}

/// <summary>A risk as written by a form or the API.</summary>
public sealed class RiskInput
{
    public string? Title { get; set; }
    public string? Description { get; set; }
    /// <summary>1 (faible) to 3 (forte).</summary>
    public int? Probability { get; set; }
    /// <summary>1 (faible) to 3 (fort).</summary>
    public int? Impact { get; set; }
    public string? Mitigation { get; set; }
    /// <summary>Free text owner, used when no team member is chosen.</summary>
    public string? OwnerName { get; set; }
    /// <summary>A member of the product's team.</summary>
    public int? OwnerPersonId { get; set; }
    public RiskStatus? Status { get; set; }
    public int? Version { get; set; }
}

/// <summary>The horizon and priority objectives as written by a form or the API.</summary>
public sealed class HorizonInput
{
    public DateOnly? Start { get; set; }
    public DateOnly? End { get; set; }
    public List<int> PriorityObjectiveIds { get; set; } = [];
    public int? Version { get; set; }
}
