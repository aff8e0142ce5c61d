namespace Cap.Domain.Iterations;

/// <summary>
/// A short cycle of work (1 to 6 weeks) of one product, numbered from 1, never overlapping another of the same
/// product. Dates are Paris calendar days, both inclusive. The review is filled in at the end.
/// </summary>
public class Iteration : IProductScoped, IVersioned, ITimestamped
{
    public const int GoalMaxLength = 500;
    public const int TextMaxLength = 4000;
    public const int AudienceMaxLength = 300;

    public int Id { get; set; }
    public int ProductId { get; set; }
    public Catalogue.Product? Product { get; set; }
    /// <summary>1, 2, 3… per product, in date order; unique per product.</summary>
    public int Number { get; set; }
    public DateOnly Start { get; set; }
    /// <summary>Last day of the iteration (inclusive).</summary>
    public DateOnly End { get; set; }
    public string Goal { get; set; } = string.Empty;
    /// <summary>The product's life-cycle phase the iteration belongs to, set from the life cycle when it is planned.</summary>
    public Catalogue.Phase Phase { get; set; }

    // Review, filled in at the end of the iteration.
    public string? ReviewDelivered { get; set; }
    public string? ReviewLearned { get; set; }
    /// <summary>User feedback taken into account, in the team's words (verbatims are linked in <see cref="FeedbackLinks"/>).</summary>
    public string? ReviewFeedback { get; set; }
    public DateOnly? DemoDate { get; set; }
    public string? DemoAudience { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }

    public List<IterationInitiative> Initiatives { get; set; } = [];
    public List<IterationFeedbackLink> FeedbackLinks { get; set; } = [];

    public int Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>What became of an initiative worked on in an iteration, judged at the end of it.</summary>
public enum IterationWorkOutcome
{
    /// <summary>The iteration is not over or the outcome is not recorded yet.</summary>
    Pending = 1,
    Done = 2,
    /// <summary>Unfinished and taken into the next iteration (see <see cref="IterationInitiative.CarriedFromId"/> there).</summary>
    CarriedOver = 3,
    /// <summary>Unfinished and not carried.</summary>
    NotDone = 4,
}

/// <summary>An initiative of the roadmap worked on in an iteration.</summary>
public class IterationInitiative : IProductScoped
{
    public int Id { get; set; }
    public int ProductId { get; set; }
    public int IterationId { get; set; }
    public Iteration? Iteration { get; set; }
    public int InitiativeId { get; set; }
    public Roadmap.Initiative? Initiative { get; set; }
    public IterationWorkOutcome Outcome { get; set; } = IterationWorkOutcome.Pending;
    /// <summary>When carried over from an earlier iteration: the row of that iteration.</summary>
    public int? CarriedFromId { get; set; }
}

/// <summary>User feedback taken into account by an iteration's review: a satisfaction verbatim, or a note.</summary>
public class IterationFeedbackLink : IProductScoped
{
    public const int NoteMaxLength = 1000;

    public int Id { get; set; }
    public int ProductId { get; set; }
    public int IterationId { get; set; }
    public Iteration? Iteration { get; set; }
    /// <summary>A verbatim of the product's satisfaction answers, when the link is to one.</summary>
    public long? FeedbackAnswerId { get; set; }
    public string? Note { get; set; }
}

public enum RitualKind
{
    Daily = 1,
    Demo = 2,
    Retrospective = 3,
    Refinement = 4,
    Custom = 5,
}

public enum RitualFrequency
{
    /// <summary>Every working day (Monday to Friday).</summary>
    Daily = 1,
    Weekly = 2,
    EveryTwoWeeks = 3,
    /// <summary>Every four weeks on the same weekday.</summary>
    EveryFourWeeks = 4,
    Monthly = 5,
}

/// <summary>A ritual a product team holds (daily stand-up, demo, retrospective, prioritisation, custom).</summary>
public class Ritual : IProductScoped, IVersioned, ITimestamped
{
    public const int NameMaxLength = 120;
    public const int LocationMaxLength = 300;

    public int Id { get; set; }
    public int ProductId { get; set; }
    public RitualKind Kind { get; set; }
    /// <summary>The ritual's name; required for <see cref="RitualKind.Custom"/>, otherwise the kind's label by default.</summary>
    public string Name { get; set; } = string.Empty;
    public RitualFrequency Frequency { get; set; }
    /// <summary>The first occurrence's day; later ones follow <see cref="Frequency"/>.</summary>
    public DateOnly FirstDate { get; set; }
    /// <summary>Paris local start time.</summary>
    public TimeOnly StartTime { get; set; }
    public int DurationMinutes { get; set; }
    /// <summary>Room or video-conference link.</summary>
    public string? Location { get; set; }
    public bool IsActive { get; set; } = true;
    public int Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
