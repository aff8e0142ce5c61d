using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

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

    /// <summary>How long the JSON intake trusts an open placement it looked up (0: looks it up for every answer).</summary>
    public int PlacementCacheSeconds { get; set; } = 5;
}

/// <summary>
/// Two chained fixed windows on the answer posts (JSON intake and public form): per client address and per
/// placement key; a refusal is a 429 with Retry-After (ProblemDetails under /api, the French error page elsewhere).
/// The counters live in each instance's memory: behind a load balancer each instance enforces the limits on its share.
/// </summary>
public static class SatisfactionRateLimits
{
    public static IServiceCollection AddSatisfactionRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<SatisfactionOptions>>((o, settings) =>
        {
            var s = settings.Value;
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) =>
            {
                SetRetryAfter(context.HttpContext.Response, context.Lease);
                return ValueTask.CompletedTask;
            };
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                // Partitioned by the address itself and by the route's key string: no key is built per request.
                PartitionedRateLimiter.Create<HttpContext, IPAddress>(ctx => IsAnswer(ctx)
                    ? RateLimitPartition.GetFixedWindowLimiter(ctx.Connection.RemoteIpAddress ?? IPAddress.None, _ => Window(s.PerClientPerMinute))
                    : RateLimitPartition.GetNoLimiter(IPAddress.Any)),
                PartitionedRateLimiter.Create<HttpContext, string>(ctx => IsAnswer(ctx)
                    ? RateLimitPartition.GetFixedWindowLimiter(ctx.GetRouteValue("key") as string ?? string.Empty, _ => Window(s.PerPlacementPerMinute))
                    : RateLimitPartition.GetNoLimiter(string.Empty)));
        });
        return services;
    }

    /// <summary>The Retry-After header of a refusal: when the window frees a permit (a minute when the lease does not say).</summary>
    public static void SetRetryAfter(HttpResponse response, RateLimitLease lease)
    {
        var seconds = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 60;
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
    }

    private static FixedWindowRateLimiterOptions Window(int permits) => new()
    {
        PermitLimit = permits,
        Window = TimeSpan.FromMinutes(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    /// <summary>Posts of an answer: the JSON intake (marked endpoint) and the public form's submission.</summary>
    private static bool IsAnswer(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method)
        && (context.GetEndpoint()?.Metadata.GetMetadata<SatisfactionIntakeMarker>() is not null
            || (context.Request.Path.StartsWithSegments("/avis") && context.GetRouteValue("key") is not null));
}
