using System.Threading.RateLimiting;
using Cap.Web.Shared.Hosting;
using Cap.Web.Shared.Problems;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Cap.Web.Features.Satisfaction;

/// <summary>
/// The one middleware of the intake's short branch (decision 0004), after routing: what the security headers, the
/// rate limiter, the exception handler and the status-code pages do for the rest of Cap, in a single layer. Every
/// intake request waits for its batch's commit, and each middleware it crosses is one more suspended state machine
/// to allocate and resume; four layers cost about a tenth of the intake's CPU per answer (docs/PERFORMANCE.md).
/// It uses the same pieces as those middlewares: the same limiter instance (the public form shares its counters),
/// the same exception handlers and the same ProblemDetails.
/// </summary>
public sealed class IntakeGuard(RequestDelegate next, IOptions<RateLimiterOptions> rateLimits, IEnumerable<IExceptionHandler> exceptionHandlers, ILogger<IntakeGuard> logger)
{
    private readonly PartitionedRateLimiter<HttpContext> _limiter = rateLimits.Value.GlobalLimiter
        ?? throw new InvalidOperationException("The satisfaction rate limits are not configured.");
    private readonly IExceptionHandler[] _exceptionHandlers = [.. exceptionHandlers];

    // The shared limiter (PostgreSQL) may have to reserve permits from the database; it answers at once when it holds
    // some. The in-memory one is only tried: its chained windows would count a refused answer twice when waited on.
    private readonly bool _shared = rateLimits.Value.GlobalLimiter is SharedSatisfactionLimiter;

    public async Task InvokeAsync(HttpContext context)
    {
        var response = context.Response;
        // Set at once rather than when the response starts: nothing on this branch sets its own policy. Every answer of
        // this branch is JSON (a receipt or ProblemDetails), so it takes the JSON answers' headers.
        SecurityHeaders.ApplyToJson(response.Headers);
        using var lease = _shared ? await _limiter.AcquireAsync(context, 1, context.RequestAborted) : _limiter.AttemptAcquire(context);
        if (!lease.IsAcquired)
        {
            response.StatusCode = StatusCodes.Status429TooManyRequests;
            SatisfactionRateLimits.SetRetryAfter(response, lease);
            await StatusCodeResponses.WriteProblemAsync(context);
            return;
        }
        try
        {
            await next(context);
        }
        catch (Exception exception) when (!response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            response.Clear();
            response.StatusCode = StatusCodes.Status500InternalServerError;
            SecurityHeaders.ApplyToJson(response.Headers);
            foreach (var handler in _exceptionHandlers)
            {
                if (await handler.TryHandleAsync(context, exception, context.RequestAborted))
                {
                    return;
                }
            }
            logger.LogError(exception, "Unhandled exception on {Path}", context.Request.Path);
            await StatusCodeResponses.WriteProblemAsync(context);
            return;
        }
        if (StatusCodeResponses.IsBodilessError(response))
        {
            // Routing's own answers on this branch: 404 (no such address), 405 (method), 415 (not JSON).
            await StatusCodeResponses.WriteProblemAsync(context);
        }
    }
}
