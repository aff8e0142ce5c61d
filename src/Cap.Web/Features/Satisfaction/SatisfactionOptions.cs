using Cap.Data.Intake;

namespace Cap.Web.Features.Satisfaction;

/// <summary>Settings of the public intake (section "Satisfaction" of the configuration).</summary>
public sealed class SatisfactionOptions
{
    /// <summary>Answers per minute from one client address (public form and JSON intake together).</summary>
    public int PerClientPerMinute { get; set; } = 120;

    /// <summary>Answers per minute for one placement, whoever sends them.</summary>
    public int PerPlacementPerMinute { get; set; } = 3000;

    public long MaxBodyBytes { get; set; } = 16 * 1024;

    /// <summary>How long a browser's answer for a placement suppresses a second one (double submission).</summary>
    public int RepeatWindowMinutes { get; set; } = 10;

    /// <summary>Answers of the JSON intake waiting for their transaction at most; beyond, the intake answers 503 with Retry-After.</summary>
    public int IntakeQueueCapacity { get; set; } = 4096;

    /// <summary>Answers written in one transaction at most.</summary>
    public int IntakeBatchSize { get; set; } = 256;

    /// <summary>
    /// How long the writer waits for more answers when a batch is not full. 0 (default): it writes what has arrived,
    /// and answers arriving during a commit make the next batch, so batches grow with the load without a fixed delay.
    /// </summary>
    public int IntakeBatchLingerMilliseconds { get; set; }

    /// <summary>
    /// How far behind the statistics may be, as the statistics tab says: their daily rollups are written in the
    /// answers' own transactions, so they count every stored answer; an answer of the JSON intake is stored once its
    /// batch commits, after the linger and the commit of the batch ahead of it (milliseconds at the measured rates).
    /// </summary>
    public int StatisticsDelaySeconds => 1 + (int)Math.Ceiling(Math.Max(0, IntakeBatchLingerMilliseconds) / 1000.0);

    /// <summary>SQLite: the intake writer's page cache in MiB (<see cref="IntakeOptions.SqliteWriterCacheMebibytes"/>, 256).</summary>
    public int IntakeWriterCacheMebibytes { get; set; } = 256;

    /// <summary>The intake engine's settings (Cap.Data), from the four above.</summary>
    public IntakeOptions Intake => new()
    {
        QueueCapacity = IntakeQueueCapacity,
        BatchSize = IntakeBatchSize,
        LingerMilliseconds = IntakeBatchLingerMilliseconds,
        SqliteWriterCacheMebibytes = IntakeWriterCacheMebibytes,
    };

    /// <summary>How long the JSON intake trusts an open placement it looked up (0: looks it up for every answer).</summary>
    public int PlacementCacheSeconds { get; set; } = 5;

    /// <summary>
    /// Whether the rate limits are counted in the database, for every instance together (PostgreSQL only, the default
    /// there: several instances may share the database). False: each instance counts in its memory, as on SQLite, where
    /// one instance is the deployment.
    /// </summary>
    public bool? SharedRateLimits { get; set; }
}
