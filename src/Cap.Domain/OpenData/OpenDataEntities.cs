using Cap.Domain.Platform;

namespace Cap.Domain.OpenData;

/// <summary>
/// What a product's team chose to publish in the portfolio's open data (decision 0020): nothing until the team says so.
/// One row per product, created on the first save, versioned (two people editing it at once are told, not overwritten).
/// The product is published only while <see cref="IsPublished"/> is on and it is not archived; its satisfaction index and
/// each indicator are published only with it, and only when chosen here.
/// </summary>
public class ProductOpenData : IVersioned, IProductScoped, ITimestamped
{
    public int Id { get; set; }
    public int ProductId { get; set; }
    public Catalogue.Product? Product { get; set; }

    /// <summary>The product's row (name, summary, directorate, domain, phase, address) is in the open data.</summary>
    public bool IsPublished { get; set; }

    /// <summary>The satisfaction index of the period, with its number of answers, is in the product's row.</summary>
    public bool PublishSatisfaction { get; set; }

    /// <summary>The indicators whose latest value is published (each one chosen by the team).</summary>
    public List<OpenDataIndicator> Indicators { get; set; } = [];

    public int Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>One indicator the team publishes; removed with the indicator.</summary>
public class OpenDataIndicator : IProductScoped
{
    public int Id { get; set; }
    public int ProductOpenDataId { get; set; }
    public int ProductId { get; set; }
    public int IndicatorId { get; set; }
    public Steering.Indicator? Indicator { get; set; }
}

/// <summary>
/// The published dataset's fingerprint and the instant it last changed (one row): the files' <c>Last-Modified</c> and the
/// catalogue's <c>dct:modified</c>. Written when a build of the dataset finds a content that differs from the last one;
/// bookkeeping, not a person's change, hence out of the audit.
/// </summary>
public class OpenDataRelease : IAuditExempt
{
    public const int HashLength = 64;

    public int Id { get; set; }
    /// <summary>SHA-256 of the dataset's content, in hexadecimal.</summary>
    public string ContentHash { get; set; } = string.Empty;
    public DateTimeOffset ModifiedAt { get; set; }
}
