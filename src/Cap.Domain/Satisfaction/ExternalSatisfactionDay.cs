using System.Text.Json.Serialization;
using Cap.Domain.Platform;

namespace Cap.Domain.Satisfaction;

/// <summary>Where satisfaction figures come from when they are not answers to Cap's own form.</summary>
public enum SatisfactionSource
{
    [JsonStringEnumMemberName("jdma")]
    Jdma = 1,
}

/// <summary>
/// One day of satisfaction figures collected by another tool (JDMA) for one of its forms, with the same counters as
/// <see cref="FeedbackDailyRollup"/> so the statistics, the indicator feed and the portfolio read both alike. A
/// synchronisation replaces the days it read whole (delete then insert in one transaction): a day never holds half an
/// answer set, nor the sum of two readings. Not audited (a copy of the source's figures; the connection is).
/// </summary>
public class ExternalSatisfactionDay : IAuditExempt
{
    public long Id { get; set; }
    public int ProductId { get; set; }
    public SatisfactionSource Source { get; set; }

    /// <summary>The connection that wrote it (its days go with it): its kind (a product's or an organisation's) and its id.</summary>
    public Connectors.ConnectorKind Kind { get; set; } = Connectors.ConnectorKind.Jdma;
    public int ConnectionId { get; set; }

    /// <summary>The source's service (JDMA product) and form ids.</summary>
    public int ServiceId { get; set; }
    public int FormId { get; set; }

    public DateOnly Day { get; set; }

    public long Count { get; set; }
    public long Points { get; set; }
    public long ClarityCount { get; set; }
    public long ClaritySum { get; set; }
    public long HelpAsked { get; set; }
    public long Reached { get; set; }

    public bool IsEmpty => Count == 0 && ClarityCount == 0 && HelpAsked == 0;

    public static string Label(SatisfactionSource source) => source switch
    {
        SatisfactionSource.Jdma => "JDMA",
        _ => source.ToString(),
    };
}
