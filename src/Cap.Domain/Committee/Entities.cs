using Cap.Domain.Catalogue;
using Cap.Domain.Platform;

namespace Cap.Domain.Committee;

/// <summary>A team's request to pass a phase gate before the product committee.</summary>
public class GateRequest : IProductScoped, IVersioned, ITimestamped
{
    public const int ContextMaxLength = 4000;
    public const int AskMaxLength = 2000;

    public int Id { get; set; }
    public int ProductId { get; set; }
    public Product? Product { get; set; }
    /// <summary>The product's phase when the request was written.</summary>
    /// <summary>A phase change, or a review of a redesign or a major change (then <see cref="TargetPhase"/> is <see cref="FromPhase"/>).</summary>
    public GateRequestKind Kind { get; set; } = GateRequestKind.PassagePhase;
    public Phase FromPhase { get; set; }
    public Phase TargetPhase { get; set; }
    public string Context { get; set; } = string.Empty;
    /// <summary>What the team asks of the committee.</summary>
    public string Ask { get; set; } = string.Empty;
    public DateOnly? DesiredDate { get; set; }
    public GateRequestStatus Status { get; set; } = GateRequestStatus.Brouillon;
    public int? SessionId { get; set; }
    public CommitteeSession? Session { get; set; }
    public int? AuthorId { get; set; }
    public string AuthorName { get; set; } = string.Empty;
    public DateTimeOffset? SubmittedAt { get; set; }
    public int Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public bool IsOpen => GateRules.IsOpen(Status);
}

/// <summary>A weekly meeting of the product committee.</summary>
public class CommitteeSession : IVersioned, ITimestamped
{
    public const int NotesMaxLength = 4000;

    public int Id { get; set; }
    public DateOnly Date { get; set; }
    public SessionStatus Status { get; set; } = SessionStatus.Planifiee;
    public string? Notes { get; set; }
    public List<SessionMember> Members { get; set; } = [];
    public List<GateRequest> Agenda { get; set; } = [];
    public int Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A committee member present at a session.</summary>
public class SessionMember
{
    public int Id { get; set; }
    public int SessionId { get; set; }
    public CommitteeSession? Session { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }
}

/// <summary>
/// The committee's review of a request and its decision. Final once recorded: a correction is a new decision
/// that references the one it corrects, which stays.
/// </summary>
public class GateDecision : IProductScoped, ITimestamped
{
    public const int SummaryMaxLength = 4000;

    public int Id { get; set; }
    public int ProductId { get; set; }
    public Product? Product { get; set; }
    public int GateRequestId { get; set; }
    public GateRequest? GateRequest { get; set; }
    public int? SessionId { get; set; }
    public CommitteeSession? Session { get; set; }
    /// <summary>The request's kind: a Go on a redesign or a major change keeps the phase.</summary>
    public GateRequestKind Kind { get; set; } = GateRequestKind.PassagePhase;
    public Phase FromPhase { get; set; }
    /// <summary>The phase the decision opens (Go) — always the requested one.</summary>
    public Phase TargetPhase { get; set; }
    public DecisionOutcome Outcome { get; set; }
    public string Summary { get; set; } = string.Empty;
    public SupportNeeds SupportNeeds { get; set; }
    public int? CorrectsDecisionId { get; set; }
    public GateDecision? CorrectsDecision { get; set; }
    public DateTimeOffset DecidedAt { get; set; }
    public int? DecidedById { get; set; }
    public string DecidedByName { get; set; } = string.Empty;
    public List<AspectAssessment> Assessments { get; set; } = [];
    public List<GateCondition> Conditions { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>The assessment of one of the seven aspects in a review.</summary>
public class AspectAssessment : IProductScoped
{
    public const int CommentMaxLength = 2000;

    public int Id { get; set; }
    public int DecisionId { get; set; }
    public int ProductId { get; set; }
    public ReviewAspect Aspect { get; set; }
    public AspectRating Rating { get; set; }
    public string? Comment { get; set; }
}

/// <summary>A condition attached to a « Go avec conditions »: the team meets it, the committee confirms.</summary>
public class GateCondition : IProductScoped, IVersioned, ITimestamped
{
    public const int DescriptionMaxLength = 1000;
    public const int EvidenceMaxLength = 2000;
    public const int LinkMaxLength = 500;

    public int Id { get; set; }
    public int DecisionId { get; set; }
    public GateDecision? Decision { get; set; }
    public int ProductId { get; set; }
    public Product? Product { get; set; }
    public string Description { get; set; } = string.Empty;
    public int? OwnerId { get; set; }
    public Person? Owner { get; set; }
    public string OwnerName { get; set; } = string.Empty;
    public DateOnly DueDate { get; set; }
    public ConditionStatus Status { get; set; } = ConditionStatus.Ouverte;
    public string? Evidence { get; set; }
    public string? EvidenceLink { get; set; }
    public DateTimeOffset? DeclaredAt { get; set; }
    public string? DeclaredByName { get; set; }
    public DateTimeOffset? ConfirmedAt { get; set; }
    public string? ConfirmedByName { get; set; }
    public int Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
