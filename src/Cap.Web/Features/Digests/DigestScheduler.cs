using Cap.Domain.Notifications;
using Cap.Web.Shared;
using Microsoft.Extensions.Options;

using Cap.Web.Shared.Hosting;

namespace Cap.Web.Features.Digests;

/// <summary>
/// Generates the digests on schedule (decision 0022): every <see cref="DigestOptions.PollSeconds"/> it looks whether the
/// weekly digest of the latest occurrence (Monday 07:00 Paris by default) is due and not generated yet — within
/// <see cref="DigestOptions.WeeklyOptions.CatchUpHours"/> of it, so a service down on Monday does not mail on Friday — and
/// which planned committee sessions are <see cref="DigestOptions.CommitteeDigestOptions.DaysBefore"/> days away. Every
/// instance runs it; the period's unique row makes one of them generate (<see cref="DigestRuns"/>).
/// </summary>
public sealed class DigestScheduler(IServiceScopeFactory scopes, IOptions<DigestOptions> options, TimeProvider time, ILogger<DigestScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            logger.LogInformation("Digests: the scheduler is disabled (Digests:Enabled=false).");
            return;
        }
        // The first pass (at start-up, when asked) generates the current week whatever the schedule (the demo's).
        var first = settings.RunAtStartup;
        await PeriodicPasses.RunAsync(TimeSpan.FromSeconds(Math.Max(0.1, settings.PollSeconds)), runFirst: first, async ct =>
        {
            var ignoreSchedule = first;
            first = false;
            await PassAsync(ignoreSchedule, ct);
        }, (e, _) => logger.LogError(e, "Digests: the pass failed; next attempt at the next tick."), stoppingToken);
    }

    /// <summary>One look at the schedule; <paramref name="ignoreSchedule"/> generates the current week and the sessions within reach now (start-up of the demo).</summary>
    public async Task<List<DigestOutcome>> PassAsync(bool ignoreSchedule, CancellationToken ct)
    {
        var settings = options.Value;
        var outcomes = new List<DigestOutcome>();
        var parisNow = Dates.ToParis(time.GetUtcNow()).DateTime;
        var weeklyAt = DigestOptions.ParseTime(settings.Weekly.Time);
        var occurrence = DigestRules.LatestOccurrence(parisNow, settings.Weekly.Day, weeklyAt);
        var trigger = ignoreSchedule ? "démarrage" : "planification";
        if (ignoreSchedule || DigestRules.WithinCatchUp(parisNow, occurrence, settings.Weekly.CatchUpHours))
        {
            await using var scope = scopes.CreateAsyncScope();
            outcomes.Add(await scope.ServiceProvider.GetRequiredService<WeeklyDigest>().GenerateAsync(trigger, ct));
        }
        await using (var scope = scopes.CreateAsyncScope())
        {
            var committee = scope.ServiceProvider.GetRequiredService<CommitteeDigest>();
            var at = ignoreSchedule ? TimeOnly.MinValue : DigestOptions.ParseTime(settings.Committee.Time);
            foreach (var session in await committee.DueSessionsAsync(settings.Committee.DaysBefore, at, ct))
            {
                await using var one = scopes.CreateAsyncScope();
                if (await one.ServiceProvider.GetRequiredService<CommitteeDigest>().GenerateAsync(session, trigger, ct) is { } outcome)
                {
                    outcomes.Add(outcome);
                }
            }
        }
        if (logger.IsEnabled(LogLevel.Information))
        {
            foreach (var o in outcomes.Where(o => o.Generated))
            {
                logger.LogInformation("Digest {Kind} {Period}: {Mails} mails enqueued.", o.Kind.ToString(), o.PeriodKey, o.Mails);
            }
        }
        return outcomes;
    }
}
