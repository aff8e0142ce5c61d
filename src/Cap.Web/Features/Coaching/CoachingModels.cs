using Cap.Domain.Coaching;
using Cap.Domain.Committee;

namespace Cap.Web.Features.Coaching;

/// <summary>A request for support, from a form or the API.</summary>
public sealed class CoachingRequestInput
{
    /// <summary>The product's slug.</summary>
    public string? Product { get; set; }
    public int? InterventionId { get; set; }
    /// <summary>The need in the team's words.</summary>
    public string? Need { get; set; }
    public string? Context { get; set; }
    /// <summary>Faible, Normale or Haute.</summary>
    public CoachingUrgency? Urgency { get; set; }
    public string? Availability { get; set; }
    /// <summary>The committee decision whose support need this request answers (optional, with <see cref="SupportNeed"/>).</summary>
    public int? DecisionId { get; set; }
    /// <summary>Technique, Architecture, Design, DevOps, Accessibilite or Produit.</summary>
    public SupportNeeds? SupportNeed { get; set; }
}

public sealed class InterventionInput
{
    public string? Title { get; set; }
    public string? Slug { get; set; }
    public string? Description { get; set; }
    public string? TypicalDuration { get; set; }
    public string? Deliverables { get; set; }
    public bool IsActive { get; set; } = true;
    public int? Order { get; set; }
    public int? Version { get; set; }
}

public sealed class SessionInput
{
    public DateOnly? Date { get; set; }
    public string? Participants { get; set; }
    public string? Summary { get; set; }
    public string? NextSteps { get; set; }
    /// <summary>Documents and links, one per line.</summary>
    public string? Links { get; set; }
}

public sealed record InterventionView(int Id, string Slug, string Title, string Description, string TypicalDuration, string Deliverables, bool IsActive, int Order, int Version)
{
    public static InterventionView From(CoachingIntervention i) => new(i.Id, i.Slug, i.Title, i.Description, i.TypicalDuration, i.Deliverables, i.IsActive, i.Order, i.Version);
}

public sealed record CoachingRequestSummary(
    int Id, string ProductSlug, string ProductName, int InterventionId, string InterventionTitle, CoachingStatus Status, string StatusLabel,
    CoachingUrgency Urgency, string RequestedByName, IReadOnlyList<string> Coaches, DateTimeOffset CreatedAt, DateOnly? ScheduledFor, int? Rating);

public sealed record CoachingMessageView(int Id, CoachingMessageKind Kind, string AuthorName, string Body, DateTimeOffset At);

public sealed record CoachingSessionView(int Id, DateOnly Date, string Participants, string Summary, string? NextSteps, IReadOnlyList<string> Links, string RecordedByName);

public sealed record CoachingCoachView(int PersonId, string Name);

public sealed record CoachingRequestDetail(
    int Id, string ProductSlug, string ProductName, bool ProductArchived, int InterventionId, string InterventionTitle,
    string Need, string? Context, CoachingUrgency Urgency, string? Availability, CoachingStatus Status, string StatusLabel,
    int? RequestedById, string RequestedByName, IReadOnlyList<CoachingCoachView> Coaches, string? DeclineReason, int? DuplicateOfId,
    int? FromDecisionId, SupportNeeds? FromNeed, DateOnly? ScheduledFor, string? OutcomeSummary, bool? AutonomyGained,
    int? Rating, string? RatingComment, string? RatedByName, DateTimeOffset CreatedAt, DateTimeOffset? AcceptedAt, DateTimeOffset? ClosedAt,
    IReadOnlyList<CoachingMessageView> Messages, IReadOnlyList<CoachingSessionView> Sessions, int Version)
{
    internal CoachingStatus StatusValue { get; init; }
    internal int ProductId { get; init; }
}

/// <summary>What the shared request table partial shows.</summary>
public sealed record CoachingRequestTable(IReadOnlyList<CoachingRequestSummary> Rows, string Caption, string Empty, bool ShowProduct = true, bool HideCaption = false);
