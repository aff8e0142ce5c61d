using Cap.Data;
using Cap.Domain.Committee;
using Cap.Domain.Portfolio;
using Cap.Domain.Satisfaction;
using Cap.Domain.Steering;
using Cap.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Portfolio;

/// <summary>
/// Recomputes the portfolio's kept lines (<see cref="PortfolioSummary"/>) of a set of products from their sources, in a
/// fixed number of queries per batch of <see cref="BatchSize"/> products: the indicators' kept measurement summaries
/// (statuses judged today), the satisfaction daily rollups (30 days, the 30 before, 12 months), the latest checklist
/// assessment, the latest coaching météo, the committee conditions not confirmed, the compliance record, the indicators marked
/// as the observatory's availability and page load (their latest value and the latest a month earlier) and every
/// points-of-attention source. Never reads a history row by row.
/// </summary>
public sealed class PortfolioRefresh(CapDbContext db, ProductFlags flags, ChecklistSummaries checklists, TimeProvider time)
{
    public const int BatchSize = 400;

    /// <summary>The products whose line is missing or stale (changed since computed, or computed another day), at most <paramref name="limit"/>.</summary>
    public async Task<List<int>> StaleAsync(int limit, CancellationToken ct)
    {
        var today = time.ParisToday();
        var missing = await db.Products.AsNoTracking().Where(p => !p.IsArchived && !db.PortfolioSummaries.Any(s => s.ProductId == p.Id))
            .OrderBy(p => p.Id).Select(p => p.Id).Take(limit).ToListAsync(ct);
        if (missing.Count >= limit)
        {
            return missing;
        }
        var stale = await db.PortfolioSummaries.AsNoTracking()
            .Where(s => s.RefreshedChange < s.ChangeCount || s.ComputedOn != today)
            .Where(s => db.Products.Any(p => p.Id == s.ProductId && !p.IsArchived))
            .OrderBy(s => s.ProductId).Select(s => s.ProductId).Take(limit - missing.Count).ToListAsync(ct);
        return [.. missing, .. stale];
    }

    /// <summary>How many lines are missing or stale (the dashboard's notice, and whether it refreshes them itself).</summary>
    public async Task<int> CountStaleAsync(CancellationToken ct)
    {
        var today = time.ParisToday();
        return await db.Products.AsNoTracking().Where(p => !p.IsArchived)
            .CountAsync(p => !db.PortfolioSummaries.Any(s => s.ProductId == p.Id && s.RefreshedChange >= s.ChangeCount && s.ComputedOn == today), ct);
    }

    /// <summary>Refreshes every missing or stale line, batch after batch; returns how many were computed.</summary>
    public async Task<int> RefreshStaleAsync(CancellationToken ct)
    {
        var done = 0;
        while (await StaleAsync(BatchSize, ct) is { Count: > 0 } batch)
        {
            done += await RefreshAsync(batch, ct);
            if (batch.Count < BatchSize)
            {
                break;
            }
        }
        return done;
    }

    /// <summary>Recomputes the lines of these products (every product when they are more than a batch: in batches).</summary>
    public async Task<int> RefreshAsync(IReadOnlyCollection<int> productIds, CancellationToken ct)
    {
        var done = 0;
        foreach (var batch in productIds.Distinct().Chunk(BatchSize))
        {
            done += await RefreshBatchAsync(batch, ct);
        }
        return done;
    }

    private async Task<int> RefreshBatchAsync(int[] ids, CancellationToken ct)
    {
        var today = time.ParisToday();
        var now = time.GetUtcNow();
        db.ChangeTracker.Clear();
        // The counters as they are before the sources are read: a change committed meanwhile leaves the line stale.
        var lines = await db.PortfolioSummaries.Where(s => ids.Contains(s.ProductId)).ToDictionaryAsync(s => s.ProductId, ct);
        var products = await db.Products.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct);

        var indicatorRows = await db.Indicators.AsNoTracking().Where(i => ids.Contains(i.ProductId)).ToListAsync(ct);
        var indicators = indicatorRows.ToLookup(i => i.ProductId, i => IndicatorStatusRule.Assess(i.Spec, i.Summary, today).Status);
        // Availability and page load: the latest value is the indicator's kept summary; the value a month earlier is its latest
        // measurement dated a month ago or earlier (one query for the batch's marked indicators, never a history row by row).
        var monthAgo = today.AddMonths(-1);
        var marked = indicatorRows.Where(i => i.ObservatoryMeasure is not null).ToList();
        var markedIds = marked.Select(i => i.Id).ToList();
        var monthEarlier = markedIds.Count == 0 ? [] : await db.Measurements.AsNoTracking()
            .Where(m => markedIds.Contains(m.IndicatorId) && m.Date <= monthAgo
                && m.Date == db.Measurements.Where(x => x.IndicatorId == m.IndicatorId && x.Date <= monthAgo).Max(x => x.Date))
            .Select(m => new { m.IndicatorId, m.Value }).ToDictionaryAsync(m => m.IndicatorId, m => m.Value, ct);
        var measures = marked.ToLookup(i => i.ProductId);

        var from30 = today.AddDays(-29);
        var fromPrevious30 = today.AddDays(-59);
        var from12 = today.AddYears(-1).AddDays(1);
        var to12Previous = today.AddDays(-30);
        var from12Previous = to12Previous.AddYears(-1).AddDays(1);
        var oldest = from12Previous < fromPrevious30 ? from12Previous : fromPrevious30;
        var satisfaction = await db.FeedbackDailyRollups.AsNoTracking()
            .Where(r => ids.Contains(r.ProductId) && r.Day >= oldest && r.Day <= today)
            .GroupBy(r => r.ProductId)
            .Select(g => new
            {
                ProductId = g.Key,
                Answers30 = g.Sum(r => r.Day >= from30 ? r.Count : 0L),
                Points30 = g.Sum(r => r.Day >= from30 ? r.Points : 0L),
                AnswersPrevious30 = g.Sum(r => r.Day >= fromPrevious30 && r.Day < from30 ? r.Count : 0L),
                PointsPrevious30 = g.Sum(r => r.Day >= fromPrevious30 && r.Day < from30 ? r.Points : 0L),
                ClarityCount30 = g.Sum(r => r.Day >= from30 ? r.ClarityCount : 0L),
                ClaritySum30 = g.Sum(r => r.Day >= from30 ? r.ClaritySum : 0L),
                ClarityCountPrevious30 = g.Sum(r => r.Day >= fromPrevious30 && r.Day < from30 ? r.ClarityCount : 0L),
                ClaritySumPrevious30 = g.Sum(r => r.Day >= fromPrevious30 && r.Day < from30 ? r.ClaritySum : 0L),
                HelpAsked12 = g.Sum(r => r.Day >= from12 ? r.HelpAsked : 0L),
                Reached12 = g.Sum(r => r.Day >= from12 ? r.Reached : 0L),
                HelpAskedPrevious12 = g.Sum(r => r.Day >= from12Previous && r.Day <= to12Previous ? r.HelpAsked : 0L),
                ReachedPrevious12 = g.Sum(r => r.Day >= from12Previous && r.Day <= to12Previous ? r.Reached : 0L),
            })
            .ToDictionaryAsync(s => s.ProductId, ct);

        var checklist = await checklists.LatestAsync(ids, ct);
        var weather = await db.ProductWeathers.AsNoTracking()
            .Where(w => ids.Contains(w.ProductId) && w.At == db.ProductWeathers.Where(x => x.ProductId == w.ProductId).Max(x => x.At))
            .Select(w => new { w.ProductId, w.Level, w.At }).ToListAsync(ct);
        var weatherByProduct = weather.GroupBy(w => w.ProductId).ToDictionary(g => g.Key, g => g.First());
        var conditions = await db.GateConditions.AsNoTracking()
            .Where(c => ids.Contains(c.ProductId) && c.Status != ConditionStatus.Confirmee)
            .GroupBy(c => c.ProductId)
            .Select(g => new { ProductId = g.Key, Open = g.Count(), Overdue = g.Count(c => c.Status == ConditionStatus.Ouverte && c.DueDate < today) })
            .ToDictionaryAsync(c => c.ProductId, ct);
        var compliance = await db.ProductCompliances.AsNoTracking().Where(c => ids.Contains(c.ProductId))
            .Select(c => new { c.ProductId, c.IsPublic, c.RgaaRate, c.RgaaAuditDate }).ToDictionaryAsync(c => c.ProductId, ct);
        var productFlags = await flags.ForProductsAsync(ids, ct);
        var newIds = products.Where(id => !lines.ContainsKey(id)).ToList();
        var lastActivity = newIds.Count == 0 ? [] : await db.AuditEntries.AsNoTracking()
            .Where(a => a.ProductId != null && newIds.Contains(a.ProductId.Value))
            .GroupBy(a => a.ProductId!.Value).Select(g => new { ProductId = g.Key, At = g.Max(a => a.At) })
            .ToDictionaryAsync(a => a.ProductId, a => (DateTimeOffset?)a.At, ct);

        foreach (var id in products)
        {
            if (!lines.TryGetValue(id, out var line))
            {
                line = new PortfolioSummary { ProductId = id, ChangeCount = 0, LastActivityAt = lastActivity.GetValueOrDefault(id) };
                db.PortfolioSummaries.Add(line);
            }
            line.RefreshedChange = line.ChangeCount;
            line.ComputedOn = today;
            line.RefreshedAt = now;
            line.SetIndicators(indicators[id]);

            var s = satisfaction.GetValueOrDefault(id);
            line.Answers30 = s?.Answers30 ?? 0;
            line.Points30 = s?.Points30 ?? 0;
            line.Index30Tenths = line.Index30 is { } index ? (int)(index * 10) : null;
            line.AnswersPrevious30 = s?.AnswersPrevious30 ?? 0;
            line.PointsPrevious30 = s?.PointsPrevious30 ?? 0;
            line.ClarityCount30 = s?.ClarityCount30 ?? 0;
            line.ClaritySum30 = s?.ClaritySum30 ?? 0;
            line.ClarityCountPrevious30 = s?.ClarityCountPrevious30 ?? 0;
            line.ClaritySumPrevious30 = s?.ClaritySumPrevious30 ?? 0;
            line.HelpAsked12 = s?.HelpAsked12 ?? 0;
            line.Reached12 = s?.Reached12 ?? 0;
            line.HelpAskedPrevious12 = s?.HelpAskedPrevious12 ?? 0;
            line.ReachedPrevious12 = s?.ReachedPrevious12 ?? 0;

            var c = checklist.GetValueOrDefault(id);
            line.ChecklistScore = c?.ScorePercent;
            line.ChecklistAt = c?.AssessedAt;
            var w = weatherByProduct.GetValueOrDefault(id);
            line.Weather = w?.Level;
            line.WeatherAt = w?.At;
            var k = conditions.GetValueOrDefault(id);
            line.OpenConditions = k?.Open ?? 0;
            line.OverdueConditions = k?.Overdue ?? 0;
            var r = compliance.GetValueOrDefault(id);
            line.IsPublic = r?.IsPublic ?? false;
            line.RgaaRate = r?.RgaaRate;
            line.RgaaAuditDate = r?.RgaaAuditDate;
            line.SetMeasure(ObservatoryMeasure.Availability, IndicatorUnit.Percent, null, null);
            line.SetMeasure(ObservatoryMeasure.PageLoad, IndicatorUnit.Seconds, null, null);
            foreach (var m in measures[id])
            {
                line.SetMeasure(m.ObservatoryMeasure!.Value, m.Unit, m.LastValue, monthEarlier.TryGetValue(m.Id, out var v) ? v : null);
            }
            line.SetFlags(productFlags[id].Select(f => (f.Code, f.Level == FlagLevel.Alert)).ToList());
            line.SetLevels(today);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another instance (or request) created some of these lines at the same moment: theirs are as fresh.
            db.ChangeTracker.Clear();
            return 0;
        }
        db.ChangeTracker.Clear();
        PortfolioChanges.Committed();
        return products.Count;
    }
}
