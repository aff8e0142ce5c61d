using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Cap.Data;
using Cap.Data.Coordination;
using Cap.Web.Shared.Data;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Cap.Web.Features.Satisfaction;

/// <summary>
/// Two chained fixed windows on the answer posts (JSON intake and public form): per client address and per
/// placement key; a refusal is a 429 with Retry-After (ProblemDetails under /api, the French error page elsewhere).
/// On SQLite the counters live in the instance's memory; on PostgreSQL they are shared by every instance through the
/// database (<see cref="SharedSatisfactionLimiter"/>), so the limits hold for the deployment, not for each instance.
/// </summary>
public static class SatisfactionRateLimits
{
    /// <summary>Whether the limits are counted in the database (see <see cref="SatisfactionOptions.SharedRateLimits"/>).</summary>
    public static bool AreShared(IConfiguration configuration, SatisfactionOptions options) =>
        configuration.GetValue("Database:Provider", DatabaseProvider.Sqlite) == DatabaseProvider.Postgres && options.SharedRateLimits != false;

    public static IServiceCollection AddSatisfactionRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddSingleton(sp => new SharedWindowCounters(
            sp.GetRequiredService<IConfiguration>().GetConnectionString("Cap") ?? throw new InvalidOperationException("ConnectionStrings:Cap is empty: the shared rate limits need the PostgreSQL database."),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<SharedWindowCounters>>()));
        services.AddSingleton<SharedSatisfactionLimiter>();
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<SatisfactionOptions>, IConfiguration, IServiceProvider>((o, settings, configuration, provider) =>
        {
            var s = settings.Value;
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) =>
            {
                SetRetryAfter(context.HttpContext.Response, context.Lease);
                return ValueTask.CompletedTask;
            };
            if (AreShared(configuration, s))
            {
                o.GlobalLimiter = provider.GetRequiredService<SharedSatisfactionLimiter>();
                return;
            }
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
    internal static bool IsAnswer(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method)
        && (context.GetEndpoint()?.Metadata.GetMetadata<SatisfactionIntakeMarker>() is not null
            || (context.Request.Path.StartsWithSegments("/avis") && context.GetRouteValue("key") is not null));
}
