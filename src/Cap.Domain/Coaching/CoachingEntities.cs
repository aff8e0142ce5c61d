using Cap.Domain.Catalogue;
using Cap.Domain.Committee;
using Cap.Domain.Platform;

namespace Cap.Domain.Coaching;

/// <summary>A kind of support the coaches offer (catalogue administered by administrators).</summary>
public class CoachingIntervention : IVersioned, ITimestamped
{
    public const int TitleMaxLength = 120;
    public const int SlugMaxLength = 80;
    public const int TextMaxLength = 2000;
    public const int DurationMaxLength = 120;

    public int Id { get; set; }
    public string Title { get; set; } = string.Empty;
    public string Slug { get; set; } = string.Empty;
    public string Description { get; set; } = string.Empty;
    /// <summary>Typical duration in words ("une demi-journée", "3 mois, une séance par sprint").</summary>
    public string TypicalDuration { get; set; } = string.Empty;
    /// <summary>What the team gets at the end.</summary>
    public string Deliverables { get; set; } = string.Empty;
    public bool IsActive { get; set; } = true;
    public int Order { get; set; }
    public int Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A team's request for a coaching intervention on one product, from intake to the team's rating.</summary>
public class CoachingRequest : IProductScoped, IVersioned, ITimestamped
{
    public const int NeedMaxLength = 4000;
    public const int ContextMaxLength = 4000;
    public const int AvailabilityMaxLength = 500;
    public const int ReasonMaxLength = 2000;
    public const int OutcomeMaxLength = 4000;
    public const int CommentMaxLength = 2000;

    public int Id { get; set; }
    public int ProductId { get; set; }
    public Product? Product { get; set; }
    public int InterventionId { get; set; }
    public CoachingIntervention? Intervention { get; set; }
    /// <summary>The need in the team's words.</summary>
    public string Need { get; set; } = string.Empty;
    public string? Context { get; set; }
    public CoachingUrgency Urgency { get; set; } = CoachingUrgency.Normale;
    public string? Availability { get; set; }
    public CoachingStatus Status { get; set; } = CoachingStatus.Nouvelle;
    public int? RequestedById { get; set; }
    public Person? RequestedBy { get; set; }
    public string RequestedByName { get; set; } = string.Empty;
    public string? DeclineReason { get; set; }
    public int? DuplicateOfId { get; set; }
    public CoachingRequest? DuplicateOf { get; set; }
    /// <summary>The committee decision whose support need this request answers, with the need.</summary>
    public int? FromDecisionId { get; set; }
    public GateDecision? FromDecision { get; set; }
    public SupportNeeds? FromNeed { get; set; }
    /// <summary>The first session planned when the request was scheduled.</summary>
    public DateOnly? ScheduledFor { get; set; }
    public string? OutcomeSummary { get; set; }
    /// <summary>Recorded by the coach at closing: did the team gain autonomy on the practice?</summary>
    public bool? AutonomyGained { get; set; }
    public int? Rating { get; set; }
    public string? RatingComment { get; set; }
    public int? RatedById { get; set; }
    public string? RatedByName { get; set; }
    public DateTimeOffset? RatedAt { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public List<CoachingAssignment> Coaches { get; set; } = [];
    public List<CoachingMessage> Messages { get; set; } = [];
    public List<CoachingSession> Sessions { get; set; } = [];
    public int Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A coach assigned to a request.</summary>
public class CoachingAssignment : IProductScoped
{
    public int Id { get; set; }
    public int RequestId { get; set; }
    public CoachingRequest? Request { get; set; }
    public int ProductId { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }
}

/// <summary>An entry of a request's thread: a message, a question of a coach, or a status change.</summary>
public class CoachingMessage : IProductScoped, ITimestamped
{
    public const int BodyMaxLength = 4000;

    public int Id { get; set; }
    public int RequestId { get; set; }
    public CoachingRequest? Request { get; set; }
    public int ProductId { get; set; }
    public CoachingMessageKind Kind { get; set; }
    public int? AuthorId { get; set; }
    public string AuthorName { get; set; } = string.Empty;
    public string Body { get; set; } = string.Empty;
    public DateTimeOffset At { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A coaching session held with the team.</summary>
public class CoachingSession : IProductScoped, IVersioned, ITimestamped
{
    public const int ParticipantsMaxLength = 1000;
    public const int TextMaxLength = 4000;
    public const int LinksMaxLength = 2000;

    public int Id { get; set; }
    public int RequestId { get; set; }
    public CoachingRequest? Request { get; set; }
    public int ProductId { get; set; }
    public DateOnly Date { get; set; }
    public string Participants { get; set; } = string.Empty;
    public string Summary { get; set; } = string.Empty;
    public string? NextSteps { get; set; }
    /// <summary>Documents and links, one per line.</summary>
    public string? Links { get; set; }
    public int? RecordedById { get; set; }
    public string RecordedByName { get; set; } = string.Empty;
    public int Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A coach's "météo" of a followed product; rows are kept as history, the latest is current.</summary>
public class ProductWeather : IProductScoped, ITimestamped
{
    public const int NoteMaxLength = 1000;

    public int Id { get; set; }
    public int ProductId { get; set; }
    public Product? Product { get; set; }
    public WeatherLevel Level { get; set; }
    public string? Note { get; set; }
    public int? AuthorId { get; set; }
    public string AuthorName { get; set; } = string.Empty;
    public DateTimeOffset At { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
