namespace Cap.Domain.Retrospectives;

public enum RetrospectiveStatus
{
    /// <summary>Being held: team members add items and actions.</summary>
    Open = 1,
    Closed = 2,
}

/// <summary>A retrospective: one per iteration, or free-standing (no iteration).</summary>
public class Retrospective : IProductScoped, IVersioned, ITimestamped
{
    public const int TitleMaxLength = 200;

    public int Id { get; set; }
    public int ProductId { get; set; }
    public Catalogue.Product? Product { get; set; }
    /// <summary>The iteration it closes; unique when set. Null for a free-standing retrospective.</summary>
    public int? IterationId { get; set; }
    public Iterations.Iteration? Iteration { get; set; }
    public string Title { get; set; } = string.Empty;
    public DateOnly HeldOn { get; set; }
    public RetrospectiveStatus Status { get; set; } = RetrospectiveStatus.Open;
    public List<RetroItem> Items { get; set; } = [];
    public List<RetroAction> Actions { get; set; } = [];
    public int Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public enum RetroItemKind
{
    /// <summary>« Ce qui fonctionne ».</summary>
    Works = 1,
    /// <summary>« À améliorer ».</summary>
    ToImprove = 2,
}

/// <summary>One sticky note of a retrospective. Several team members add them at once.</summary>
public class RetroItem : IProductScoped
{
    public const int TextMaxLength = 1000;

    public int Id { get; set; }
    public int ProductId { get; set; }
    public int RetrospectiveId { get; set; }
    public Retrospective? Retrospective { get; set; }
    public RetroItemKind Kind { get; set; }
    public string Text { get; set; } = string.Empty;
    public int? AuthorPersonId { get; set; }
    public Platform.Person? Author { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public enum RetroActionStatus
{
    Open = 1,
    InProgress = 2,
    Done = 3,
    Abandoned = 4,
}

/// <summary>
/// An action decided in a retrospective, with an owner (required) and a due date. Open actions are shown at the
/// start of the next retrospective, to be closed or carried (<see cref="CarriedToRetrospectiveId"/>).
/// </summary>
public class RetroAction : IProductScoped, IVersioned, ITimestamped
{
    public const int TitleMaxLength = 300;

    public int Id { get; set; }
    public int ProductId { get; set; }
    public int RetrospectiveId { get; set; }
    public Retrospective? Retrospective { get; set; }
    public string Title { get; set; } = string.Empty;
    public int OwnerPersonId { get; set; }
    public Platform.Person? Owner { get; set; }
    public DateOnly? DueDate { get; set; }
    public RetroActionStatus Status { get; set; } = RetroActionStatus.Open;
    /// <summary>The later retrospective that reviewed this action and kept it open.</summary>
    public int? CarriedToRetrospectiveId { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public int Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
