namespace Cap.Domain;

/// <summary>An entity whose concurrent edits are detected: the data layer increments <see cref="Version"/> on every update.</summary>
public interface IVersioned
{
    int Version { get; set; }
}

/// <summary>An entity that belongs to one product, so that its changes appear in the product's history.</summary>
public interface IProductScoped
{
    int ProductId { get; }
}

/// <summary>An entity with creation and update times, stamped by the data layer.</summary>
public interface ITimestamped
{
    DateTimeOffset CreatedAt { get; set; }
    DateTimeOffset UpdatedAt { get; set; }
}
