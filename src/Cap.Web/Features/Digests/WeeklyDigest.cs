using System.Diagnostics;
using Cap.Data;
using Cap.Data.Notifications;
using Cap.Domain.Committee;
using Cap.Domain.Notifications;
using Cap.Domain.Satisfaction;
using Cap.Domain.Steering;
using Cap.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Digests;

/// <summary>
/// The team weekly digest (decision 0022). One run per ISO week (Europe/Paris) for every product: seven reads whatever
/// the number of products (team members, opt-outs, indicators with their kept summaries, the statuses the last digest
/// saw, the satisfaction totals, the conditions, the coaching sessions), then one mail per person grouping their
/// products that have something to say, and the statuses seen, all saved in the run's transaction.
/// </summary>
public sealed class WeeklyDigest(CapDbContext db, DigestRuns runs, UnsubscribeTokens tokens, DigestLinks links, TimeProvider time)
{
    public sealed record Member(int PersonId, string Name, string Email, int ProductId);

    /// <summary>What a run computed, before it is saved: the mails, the products with something to say, the statuses now.</summary>
    public sealed record Content(IReadOnlyList<DigestMail> Mails, int Products, IReadOnlyList<IndicatorStatusMark> Marks);

    /// <summary>The current Paris week's digest.</summary>
    public Task<DigestOutcome> GenerateAsync(string trigger, CancellationToken ct) => GenerateAsync(time.ParisToday(), trigger, ct);

    /// <summary>The digest of the ISO week of <paramref name="today"/>, judged as of that day (tests and the bench choose the day).</summary>
    public async Task<DigestOutcome> GenerateAsync(DateOnly today, string trigger, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var key = DigestRules.IsoWeekKey(today);
        if (await runs.ExistsAsync(DigestKind.Weekly, key, 0, ct))
        {
            return new DigestOutcome(DigestKind.Weekly, key, 0, false, 0, 0);
        }
        var content = await ComputeAsync(today, ct);
        return await runs.SaveAsync(DigestKind.Weekly, key, 0, trigger, content.Products, content.Mails, clock,
            c => StatusMarks.ReplaceAsync(db, content.Marks, c), ct);
    }

    public async Task<Content> ComputeAsync(DateOnly today, CancellationToken ct)
    {
        var optedOut = (await DigestPreferences.OptedOutAsync(db, DigestKind.Weekly, ct)).ToHashSet();
        var members = (await db.TeamMembers.AsNoTracking()
            .Where(m => !m.Product!.IsArchived && m.Person!.IsActive)
            .Select(m => new Member(m.PersonId, m.Person!.DisplayName, m.Person.Email, m.ProductId))
            .ToListAsync(ct)).Where(m => !optedOut.Contains(m.PersonId)).ToList();
        var products = await db.Products.AsNoTracking().Where(p => !p.IsArchived)
            .Select(p => new { p.Id, p.Slug, p.Name }).ToDictionaryAsync(p => p.Id, ct);

        // Indicators: today's status from the kept summary, against the status the last digest saw.
        var indicators = await db.Indicators.AsNoTracking().Where(i => !i.Product!.IsArchived)
            .Select(i => new Indicator
            {
                Id = i.Id, ProductId = i.ProductId, Name = i.Name, Direction = i.Direction, Baseline = i.Baseline, BaselineDate = i.BaselineDate,
                Target = i.Target, TargetMax = i.TargetMax, TargetDate = i.TargetDate, Frequency = i.Frequency,
                LastDate = i.LastDate, LastValue = i.LastValue, TrendValue = i.TrendValue, TrendSlope = i.TrendSlope,
            })
            .ToListAsync(ct);
        var seen = await db.IndicatorStatusMarks.AsNoTracking().ToDictionaryAsync(m => m.IndicatorId, m => m.Status, ct);
        var statuses = indicators.Select(i => (Indicator: i, Status: IndicatorStatusRule.Assess(i.Spec, i.Summary, today).Status)).ToList();
        var marks = statuses.Select(s => new IndicatorStatusMark { IndicatorId = s.Indicator.Id, Status = s.Status, MarkedOn = today }).ToList();

        // Satisfaction: the 30 days to today and the 30 days to a week ago, from the daily totals.
        var (nowFrom, agoFrom, agoTo) = DigestRules.SatisfactionWindows(today);
        var satisfaction = await db.FeedbackDailyRollups.AsNoTracking().Where(r => r.Day >= agoFrom && r.Day <= today)
            .GroupBy(r => r.ProductId)
            .Select(g => new
            {
                ProductId = g.Key,
                CountNow = g.Sum(r => r.Day >= nowFrom ? r.Count : 0),
                PointsNow = g.Sum(r => r.Day >= nowFrom ? r.Points : 0),
                CountAgo = g.Sum(r => r.Day <= agoTo ? r.Count : 0),
                PointsAgo = g.Sum(r => r.Day <= agoTo ? r.Points : 0),
            })
            .ToDictionaryAsync(s => s.ProductId, ct);

        var horizon = today.AddDays(DigestRules.HorizonDays);
        var conditions = (await db.GateConditions.AsNoTracking()
            .Where(c => c.Status == ConditionStatus.Ouverte && c.DueDate <= horizon && !c.Product!.IsArchived)
            .OrderBy(c => c.DueDate).ThenBy(c => c.Id)
            .Select(c => new { c.ProductId, Condition = new DueCondition(c.Id, c.Description, c.DueDate, c.OwnerName, c.DueDate < today) })
            .ToListAsync(ct)).ToLookup(c => c.ProductId, c => c.Condition);
        var sessions = (await db.CoachingSessions.AsNoTracking()
            .Where(s => s.Date >= today && s.Date <= horizon)
            .OrderBy(s => s.Date).ThenBy(s => s.Id)
            .Select(s => new { s.ProductId, Session = new ComingSession(s.RequestId, s.Date, s.Request!.Intervention!.Title) })
            .ToListAsync(ct)).ToLookup(s => s.ProductId, s => s.Session);

        var byProduct = statuses.ToLookup(s => s.Indicator.ProductId);
        var digests = new Dictionary<int, ProductDigest>();
        foreach (var productId in members.Select(m => m.ProductId).Distinct())
        {
            if (!products.TryGetValue(productId, out var product))
            {
                continue;
            }
            var own = byProduct[productId].ToList();
            var changes = DigestRules.Changes(own.Select(s => (s.Indicator.Id, s.Indicator.Name, s.Status)), seen);
            var late = own.Where(s => s.Status == IndicatorStatus.Late)
                .Select(s => new LateIndicator(s.Indicator.Id, s.Indicator.Name, s.Indicator.LastDate, s.Indicator.Frequency)).ToList();
            SatisfactionChange? change = satisfaction.TryGetValue(productId, out var s)
                ? new SatisfactionChange(SatisfactionScore.Index(s.PointsNow, s.CountNow), s.CountNow, SatisfactionScore.Index(s.PointsAgo, s.CountAgo), s.CountAgo)
                : null;
            var digest = new ProductDigest(productId, product.Slug, product.Name, changes, late, change, conditions[productId].ToList(), sessions[productId].ToList());
            if (digest.HasSomethingToSay)
            {
                digests.Add(productId, digest);
            }
        }

        var baseUrl = links.Base();
        var mails = new List<DigestMail>();
        foreach (var person in members.GroupBy(m => m.PersonId).OrderBy(g => g.Key))
        {
            var theirs = person.Select(m => m.ProductId).Distinct().Where(digests.ContainsKey).Select(id => digests[id])
                .OrderBy(d => d.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), true)).ToList();
            if (theirs.Count == 0)
            {
                continue;
            }
            var first = person.First();
            var mail = DigestMails.Weekly(first.Name, DigestRules.IsoWeekKey(today), WeekStart(today), theirs, baseUrl, tokens.Links(baseUrl, first.PersonId, DigestKind.Weekly));
            mails.Add(new DigestMail(first.Email, mail));
        }
        return new Content(mails, digests.Count, marks);
    }

    /// <summary>The Monday of a day's ISO week.</summary>
    public static DateOnly WeekStart(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
