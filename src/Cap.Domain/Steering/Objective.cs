namespace Cap.Domain.Steering;

public enum ObjectiveStatus
{
    Active = 1,
    Reached = 2,
    Abandoned = 3,
}

public static class ObjectiveStatusExtensions
{
    public static string Label(this ObjectiveStatus status) => status switch
    {
        ObjectiveStatus.Active => "Actif",
        ObjectiveStatus.Reached => "Atteint",
        ObjectiveStatus.Abandoned => "Abandonné",
        _ => status.ToString(),
    };
}

/// <summary>A qualitative ambition of a product, aligned with zero or more ministry priorities.</summary>
public class Objective : IProductScoped, IVersioned, ITimestamped
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 2000;

    public int Id { get; set; }
    public int ProductId { get; set; }
    public Catalogue.Product? Product { get; set; }
    public string Title { get; set; } = string.Empty;
    public string? Description { get; set; }
    public DateOnly? Horizon { get; set; }
    public ObjectiveStatus Status { get; set; } = ObjectiveStatus.Active;
    /// <summary>Order chosen by the team (0 first).</summary>
    public int Position { get; set; }
    public int Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<ObjectivePriority> Priorities { get; set; } = [];
}

/// <summary>The alignment of an objective with a ministry priority.</summary>
public class ObjectivePriority : IProductScoped
{
    public int Id { get; set; }
    public int ObjectiveId { get; set; }
    public Objective? Objective { get; set; }
    public int MinistryPriorityId { get; set; }
    public Catalogue.MinistryPriority? MinistryPriority { get; set; }
    public int ProductId { get; set; }
}
