using Cap.Domain.Catalogue;

namespace Cap.Domain.LifeCycle;

/// <summary>One step of a product's life cycle: the phase it entered, when, and on what authority. Never edited.</summary>
public class PhaseChange : IProductScoped, ITimestamped
{
    public int Id { get; set; }
    public int ProductId { get; set; }
    public Product? Product { get; set; }
    /// <summary>Null for the phase the product was registered in.</summary>
    public Phase? From { get; set; }
    public Phase To { get; set; }
    /// <summary>When the product entered <see cref="To"/>.</summary>
    public DateTimeOffset At { get; set; }
    public PhaseChangeKind Kind { get; set; }
    /// <summary>The committee decision behind the move, when there is one.</summary>
    public int? GateDecisionId { get; set; }
    /// <summary>Mandatory for an administrator's override or reopening.</summary>
    public string? Reason { get; set; }
    public string AuthorName { get; set; } = string.Empty;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
