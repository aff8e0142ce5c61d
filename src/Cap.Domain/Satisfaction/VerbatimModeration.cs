namespace Cap.Domain.Satisfaction;

/// <summary>
/// The team's decision on a comment: answers never change, so hiding a verbatim (an insult, personal data the
/// masking missed) is a separate, audited record; the answer still counts in the statistics.
/// </summary>
public class VerbatimModeration : IProductScoped, ITimestamped, IVersioned
{
    public const int ReasonMaxLength = 300;

    public int Id { get; set; }
    public int ProductId { get; set; }
    public long AnswerId { get; set; }
    public bool IsHidden { get; set; }
    public string Reason { get; set; } = string.Empty;
    public string ModeratorName { get; set; } = string.Empty;
    public int Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
