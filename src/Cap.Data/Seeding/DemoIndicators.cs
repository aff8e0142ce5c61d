using Cap.Domain.Steering;
using Microsoft.EntityFrameworkCore;

namespace Cap.Data.Seeding;

/// <summary>Demo indicators with measurement histories for most demo products (called by <see cref="DemoPortfolio"/> after <see cref="DemoVisions"/>).</summary>
public static class DemoIndicators
{
    private enum Scenario { OnTrack, Reached, Watch, OffTrack, Late, NoData }

    private static readonly Scenario[] Cycle =
        [Scenario.OnTrack, Scenario.Reached, Scenario.Watch, Scenario.OffTrack, Scenario.OnTrack, Scenario.Late, Scenario.Watch, Scenario.OnTrack, Scenario.OffTrack, Scenario.Reached];

    /// <summary>
    /// About 80 % of the non-archived demo products (the synthetic "produit-NNNNN" of benchmarks are left out) get 2 to 4
    /// indicators from their typology's templates, with 12 to 24 months of monthly (or a year of weekly) noisy history shaped to give
    /// every status; exactly one indicator has no data. The guided journey's product starts without indicators. Deterministic: same seed, dates relative to today.
    /// </summary>
    public static async Task SeedAsync(CapDbContext db, CancellationToken ct = default)
    {
        if (await db.Indicators.AnyAsync(ct))
        {
            return;
        }
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        var products = await db.Products.AsNoTracking()
            .Where(p => !p.IsArchived && !p.Slug.StartsWith("produit-") && p.Slug != DemoPortfolio.JourneyProductSlug)
            .OrderBy(p => p.Id).Select(p => new { p.Id, p.TypologyId }).ToListAsync(ct);
        var templates = (await db.IndicatorTemplates.AsNoTracking().OrderBy(t => t.Id).ToListAsync(ct)).ToLookup(t => t.TypologyId);
        var objectives = (await db.Objectives.AsNoTracking().OrderBy(o => o.Position).Select(o => new { o.Id, o.ProductId }).ToListAsync(ct))
            .ToLookup(o => o.ProductId, o => o.Id);
        var random = new Random(30031126);
        var createdAt = TimeProvider.System.GetUtcNow();
        var scenarioIndex = 0;
        var noDataPlaced = false;
        var pending = 0;
        // New entities only: no change to detect, and small batches keep the audit pass short.
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        foreach (var product in products)
        {
            var available = templates[product.TypologyId].ToList();
            if (available.Count < 2 || random.NextDouble() >= 0.8)
            {
                continue;
            }
            var count = Math.Min(available.Count, 2 + random.Next(3));
            var chosen = available.OrderBy(_ => random.Next()).Take(count).ToList();
            var productObjectives = objectives[product.Id].ToList();
            for (var n = 0; n < chosen.Count; n++)
            {
                var scenario = !noDataPlaced && n == chosen.Count - 1 ? Scenario.NoData : Cycle[scenarioIndex++ % Cycle.Length];
                noDataPlaced |= scenario == Scenario.NoData;
                var indicator = Build(product.Id, chosen[n], n, scenario, productObjectives, random, today, createdAt);
                db.Indicators.Add(indicator);
                pending += indicator.Measurements.Count;
            }
            if (pending >= 400)
            {
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                pending = 0;
            }
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
    }

    private static Indicator Build(int productId, IndicatorTemplate t, int position, Scenario scenario, List<int> objectives, Random random, DateOnly today, DateTimeOffset createdAt)
    {
        var weekly = random.Next(8) == 0;
        var months = 12 + random.Next(13);
        // Weekly histories are kept to a year so the demo stays quick to seed.
        var baselineDate = weekly ? today.AddDays(-7 * 52) : today.AddMonths(-months);
        var targetDate = today.AddMonths(4 + random.Next(9));
        var (baseline, target) = Values(t.Unit, t.Direction, random);
        var indicator = new Indicator
        {
            ProductId = productId, Kind = t.Kind, Name = t.Name, Definition = t.Definition, Unit = t.Unit, Direction = t.Direction,
            Family = t.Family, Baseline = baseline, BaselineDate = baselineDate, Target = target.Low,
            TargetMax = t.Direction == WantedDirection.Range ? target.High : null, TargetDate = targetDate,
            Frequency = weekly ? UpdateFrequency.Weekly : UpdateFrequency.Monthly,
            ObjectiveId = objectives.Count > 0 && random.Next(4) > 0 ? objectives[random.Next(objectives.Count)] : null,
            DataSource = "Outil de mesure d’audience et enquêtes (démonstration)", Position = position,
        };
        if (scenario == Scenario.NoData)
        {
            return indicator;
        }
        var span = (double)(targetDate.DayNumber - baselineDate.DayNumber);
        var nowShare = (today.DayNumber - baselineDate.DayNumber) / span;
        var gap = (double)(target.Low - baseline);
        var decimals = t.Unit is IndicatorUnit.Number or IndicatorUnit.Euros ? 0 : 1;
        var stop = scenario == Scenario.Late ? today.AddDays(weekly ? -21 : -75) : today;
        for (var k = 1; ; k++)
        {
            var date = weekly ? baselineDate.AddDays(7 * k) : baselineDate.AddMonths(k);
            if (date > stop)
            {
                break;
            }
            var share = (date.DayNumber - baselineDate.DayNumber) / span;
            var progress = scenario switch
            {
                Scenario.Reached => share / nowShare * 1.06,
                Scenario.Watch => Math.Min(share * 1.6, nowShare * 1.08),
                Scenario.OffTrack => share * 0.3,
                _ => share * 1.12,
            };
            var noise = (random.NextDouble() - 0.5) * 0.04;
            var value = (double)baseline + gap * (progress + noise);
            indicator.Measurements.Add(new Measurement
            {
                ProductId = productId, Date = date, Value = Math.Round((decimal)value, decimals),
                Source = MeasurementSource.Import, AuthorName = "Reprise de l’historique (démonstration)", CreatedAt = createdAt,
            });
        }
        return indicator;
    }

    private static (decimal Baseline, (decimal Low, decimal High) Target) Values(IndicatorUnit unit, WantedDirection direction, Random random)
    {
        decimal R(int min, int max) => random.Next(min, max + 1);
        switch (unit, direction)
        {
            case (IndicatorUnit.Percent, WantedDirection.Down):
                var high = R(30, 50);
                return (high, (Math.Round(high / 2), 0));
            case (IndicatorUnit.Percent, _):
                var low = R(30, 55);
                return (low, (Math.Min(95, low + R(20, 30)), 0));
            case (IndicatorUnit.ScoreOn10, _):
                var score = R(55, 70) / 10m;
                return (score, (R(80, 88) / 10m, 0));
            case (IndicatorUnit.Days or IndicatorUnit.Minutes, WantedDirection.Down):
                var days = R(20, 45);
                return (days, (Math.Round(days * 0.5m), 0));
            case (IndicatorUnit.Minutes, _):
                var minutes = R(10, 25);
                return (minutes, (minutes * 2, 0));
            case (IndicatorUnit.Euros, WantedDirection.Down):
                var cost = R(8, 15) * 100_000m;
                return (cost, (cost * 0.8m, 0));
            case (IndicatorUnit.Euros, _):
                var saved = R(5, 20) * 10_000m;
                return (saved, (saved * 2, 0));
            default:
                var number = R(10, 50) * 100m;
                return (number, (number * 1.5m, 0));
        }
    }
}
