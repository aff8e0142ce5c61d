namespace Cap.Domain.Platform;

public enum AuditAction
{
    Created = 1,
    Updated = 2,
    Deleted = 3,
}

/// <summary>One change to one entity, written by the data layer in the same transaction as the change.</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public int? PersonId { get; set; }
    /// <summary>Who made the change, as displayed at that time (kept if the person is renamed).</summary>
    public string ActorName { get; set; } = string.Empty;
    public AuditAction Action { get; set; }
    /// <summary>CLR name of the entity ("Product", "TeamMember").</summary>
    public string EntityType { get; set; } = string.Empty;
    public string EntityId { get; set; } = string.Empty;
    /// <summary>A human label of the entity at the time of the change.</summary>
    public string? EntityLabel { get; set; }
    public int? ProductId { get; set; }
    /// <summary>JSON object of the changed properties' values before the change (null for a creation).</summary>
    public string? Before { get; set; }
    /// <summary>JSON object of the changed properties' values after the change (null for a deletion).</summary>
    public string? After { get; set; }
}
