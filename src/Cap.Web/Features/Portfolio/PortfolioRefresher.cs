using Cap.Data;
using Cap.Data.Coordination;
using Cap.Web.Shared;
using Microsoft.EntityFrameworkCore;

using Cap.Web.Shared.Hosting;

namespace Cap.Web.Features.Portfolio;

/// <summary>
/// Keeps the portfolio's lines current in the background: every <c>Portfolio:RefreshSeconds</c> (30 by default) it
/// recomputes the lines that are missing, marked changed, or computed another Paris day; every
/// <c>Portfolio:SatisfactionMinutes</c> (5) it also recomputes the products that received satisfaction answers today or
/// yesterday (answers do not go through the audited saves that mark a line). One instance at a time (a database lock);
/// a pass that fails is retried at the next tick.
/// </summary>
public sealed class PortfolioRefresher(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider time, ILogger<PortfolioRefresher> logger) : BackgroundService
{
    public const string LockName = "cap:portfolio-refresh";
    private DateTimeOffset _lastSatisfactionPass = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var period = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Portfolio:RefreshSeconds", 30)));
        await PeriodicPasses.RunAsync(period, runFirst: false, PassAsync,
            (e, p) => logger.LogError(e, "The portfolio's lines could not be refreshed; next pass in {Period}", p), stoppingToken);
    }

    /// <summary>One pass; returns how many lines were computed.</summary>
    public async Task<int> PassAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CapDbContext>();
        var refresh = scope.ServiceProvider.GetRequiredService<PortfolioRefresh>();
        await using var held = await DatabaseLocks.AcquireAsync(db, LockName, ct);
        var done = await refresh.RefreshStaleAsync(ct);
        var every = TimeSpan.FromMinutes(Math.Max(1, configuration.GetValue("Portfolio:SatisfactionMinutes", 5)));
        var now = time.GetUtcNow();
        if (now - _lastSatisfactionPass >= every)
        {
            var since = time.ParisToday().AddDays(-1);
            var answered = await db.FeedbackDailyRollups.AsNoTracking().Where(r => r.Day >= since)
                .Select(r => r.ProductId).Distinct().ToListAsync(ct);
            done += await refresh.RefreshAsync(answered, ct);
            _lastSatisfactionPass = now;
        }
        return done;
    }
}
