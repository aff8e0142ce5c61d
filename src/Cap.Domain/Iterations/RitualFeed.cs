namespace Cap.Domain.Iterations;

/// <summary>
/// The iCalendar feed of a product team's rituals, read without signing in through an unguessable token. Only the
/// token's hash is stored: the address is shown once; regenerating revokes the previous one.
/// </summary>
public class RitualFeed : IProductScoped, ITimestamped
{
    public int Id { get; set; }
    public int ProductId { get; set; }
    [Platform.AuditIgnore]
    public string Hash { get; set; } = string.Empty;
    public string CreatedByName { get; set; } = string.Empty;
    public DateTimeOffset? RevokedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>A random 256-bit token for the URL and its hash.</summary>
    public static (string Token, string Hash) NewToken() => Platform.ApiToken.NewSecret(string.Empty);
}
