using System.Text.Json;
using System.Text.Json.Serialization;
using Cap.Domain.Roadmap;

namespace Cap.Web.Features.Roadmap;

/// <summary>
/// What a <see cref="Cap.Domain.Roadmap.RoadmapRevision"/> keeps of the roadmap after a change: the facts, not how a
/// page shows them (periods as typed, risk scores and levels are derived again when the revision is shown). Stored as
/// JSON with its <see cref="Version"/>. Version 0 is the shape revisions had before the record existed (the page's view
/// serialized): its fields carry the same names, so it is read by the same record, its extra derived fields ignored.
/// </summary>
public sealed record RoadmapSnapshot
{
    /// <summary>The shape written today.</summary>
    public const int CurrentVersion = 1;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>0 for revisions written before the snapshot had a version.</summary>
    public int Version { get; init; }
    public required string Product { get; init; }
    public required string ProductName { get; init; }
    public HorizonFacts? Horizon { get; init; }
    public IReadOnlyList<ObjectiveFacts> Objectives { get; init; } = [];
    public IReadOnlyList<InitiativeFacts> Initiatives { get; init; } = [];
    public IReadOnlyList<DependencyFacts> Dependencies { get; init; } = [];
    public IReadOnlyList<RiskFacts> Risks { get; init; } = [];
    public int ClosedBeforeHorizon { get; init; }

    public sealed record HorizonFacts(DateOnly Start, DateOnly End);

    public sealed record ObjectiveFacts(int Id, string Title, bool IsPriority);

    public sealed record InitiativeFacts(
        int Id, int ObjectiveId, string ObjectiveTitle, InitiativeKind Kind, string Title, string? Description, PeriodUnit PeriodUnit,
        DateOnly StartDate, DateOnly EndDate, InitiativeStatus Status, int? IndicatorId, string? IndicatorName, string? ExpectedEffect);

    public sealed record DependencyFacts(int Id, DependencyKind Kind, string Target, string? TargetProductSlug, string? Description, DependencyStatus Status);

    public sealed record RiskFacts(
        int Id, string Title, string? Description, int Probability, int Impact, string? Mitigation, string? OwnerName, int? OwnerPersonId, RiskStatus Status);

    public static RoadmapSnapshot Of(RoadmapView view) => new()
    {
        Version = CurrentVersion,
        Product = view.Product,
        ProductName = view.ProductName,
        Horizon = view.Horizon is { } h ? new HorizonFacts(h.Start, h.End) : null,
        Objectives = [.. view.Objectives.Select(o => new ObjectiveFacts(o.Id, o.Title, o.IsPriority))],
        Initiatives = [.. view.Initiatives.Select(i => new InitiativeFacts(i.Id, i.ObjectiveId, i.ObjectiveTitle, i.Kind, i.Title, i.Description, i.PeriodUnit,
            i.StartDate, i.EndDate, i.Status, i.IndicatorId, i.IndicatorName, i.ExpectedEffect))],
        Dependencies = [.. view.Dependencies.Select(d => new DependencyFacts(d.Id, d.Kind, d.Target, d.TargetProductSlug, d.Description, d.Status))],
        Risks = [.. view.Risks.Select(r => new RiskFacts(r.Id, r.Title, r.Description, r.Probability, r.Impact, r.Mitigation, r.OwnerName, r.OwnerPersonId, r.Status))],
        ClosedBeforeHorizon = view.ClosedBeforeHorizon,
    };

    public string Serialize() => JsonSerializer.Serialize(this, Json);

    /// <summary>A stored snapshot, of any version; null when the text holds none.</summary>
    public static RoadmapSnapshot? Read(string json) => JsonSerializer.Deserialize<RoadmapSnapshot>(json, Json);

    /// <summary>The roadmap as the pages show it; a revision is read-only, so its items carry no version (0).</summary>
    public RoadmapView ToView() => new(Product, ProductName,
        Horizon is { } h ? new RoadmapHorizonView(h.Start, h.End, 0) : null,
        [.. Objectives.Select(o => new RoadmapObjectiveView(o.Id, o.Title, o.IsPriority))],
        [.. Initiatives.Select(i => new InitiativeView(i.Id, i.ObjectiveId, i.ObjectiveTitle, i.Kind, i.Title, i.Description, i.PeriodUnit,
            RoadmapRules.FormatPeriod(i.PeriodUnit, i.StartDate), RoadmapRules.FormatPeriod(i.PeriodUnit, i.EndDate), i.StartDate, i.EndDate,
            i.Status, i.IndicatorId, i.IndicatorName, i.ExpectedEffect, 0))],
        [.. Dependencies.Select(d => new DependencyView(d.Id, d.Kind, d.Target, d.TargetProductSlug, d.Description, d.Status, 0))],
        [.. Risks.Select(r => new RiskView(r.Id, r.Title, r.Description, r.Probability, r.Impact, RoadmapRules.RiskScore(r.Probability, r.Impact), RoadmapRules.RiskLevel(r.Probability, r.Impact),
            r.Mitigation, r.OwnerName, r.OwnerPersonId, r.Status, 0))])
    {
        ClosedBeforeHorizon = ClosedBeforeHorizon,
    };
}
