using Cap.Data;
using Cap.Domain.Portfolio;
using Cap.Domain.Steering;
using Cap.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Indicators;

/// <summary>
/// An availability and a page-load indicator, marked as the observatory's measures, for five demo products, with a year of
/// monthly measurements dated from today so that the portfolio's scorecard shows every level and a change since last month:
/// Contrats d’apprentissage green on both (page load was amber a month ago), Élections professionnelles amber availability
/// (green a month ago) and green page load in milliseconds, Parapheur green availability and amber page load, Hôpital Capacités
/// red on both, Minima sociaux Stats amber availability (red a month ago) and red page load in milliseconds. Runs once, on demo data.
/// </summary>
public static class DemoObservatoryMeasures
{
    /// <param name="Availability">Percent: first value (a year ago), a month ago, now.</param>
    /// <param name="PageLoad">In the unit given: first value, a month ago, now.</param>
    private sealed record Demo(string Slug, (decimal First, decimal MonthAgo, decimal Now) Availability, IndicatorUnit PageLoadUnit, (decimal First, decimal MonthAgo, decimal Now) PageLoad);

    private static readonly Demo[] Products =
    [
        new("apprentissage-contrats", (99.82m, 99.93m, 99.96m), IndicatorUnit.Seconds, (0.61m, 0.45m, 0.32m)),
        new("elections-pro", (99.90m, 99.95m, 99.62m), IndicatorUnit.Milliseconds, (420m, 380m, 350m)),
        new("parapheur", (99.95m, 99.97m, 99.98m), IndicatorUnit.Seconds, (0.52m, 0.58m, 0.62m)),
        new("hopital-capacites", (99.40m, 98.90m, 98.10m), IndicatorUnit.Seconds, (0.74m, 0.95m, 1.12m)),
        new("minima-sociaux-stats", (97.20m, 97.80m, 99.20m), IndicatorUnit.Milliseconds, (640m, 780m, 850m)),
    ];

    public static async Task SeedAsync(CapDbContext db, TimeProvider time, CancellationToken ct = default)
    {
        if (await db.Indicators.AnyAsync(i => i.ObservatoryMeasure != null, ct))
        {
            return;
        }
        var today = time.ParisToday();
        var now = time.GetUtcNow();
        var slugs = Products.Select(p => p.Slug).ToList();
        var ids = await db.Products.AsNoTracking().Where(p => slugs.Contains(p.Slug) && !p.IsArchived).ToDictionaryAsync(p => p.Slug, p => p.Id, ct);
        foreach (var demo in Products)
        {
            if (!ids.TryGetValue(demo.Slug, out var productId))
            {
                continue;
            }
            var position = await db.Indicators.Where(i => i.ProductId == productId).MaxAsync(i => (int?)i.Position, ct) ?? -1;
            db.Indicators.Add(Build(productId, ++position, ObservatoryMeasure.Availability, IndicatorUnit.Percent, demo.Availability, today, now));
            db.Indicators.Add(Build(productId, ++position, ObservatoryMeasure.PageLoad, demo.PageLoadUnit, demo.PageLoad, today, now));
        }
        await db.SaveChangesAsync(ct);
    }

    private static Indicator Build(int productId, int position, ObservatoryMeasure measure, IndicatorUnit unit,
        (decimal First, decimal MonthAgo, decimal Now) values, DateOnly today, DateTimeOffset now)
    {
        var availability = measure == ObservatoryMeasure.Availability;
        var first = today.AddMonths(-12);
        var target = availability ? 99.95m : unit == IndicatorUnit.Milliseconds ? 300m : 0.3m;
        var indicator = new Indicator
        {
            ProductId = productId, Position = position, Kind = IndicatorKind.Direction, ObservatoryMeasure = measure, Unit = unit,
            Name = availability ? "Disponibilité du service" : "Temps de chargement des pages",
            Definition = availability
                ? "Part du temps où le service répond, mesurée chaque mois par une sonde externe : la disponibilité de l’observatoire des démarches essentielles."
                : "Temps médian de chargement des pages principales, mesuré chaque mois par une sonde externe : le temps de chargement de l’observatoire des démarches essentielles.",
            DataSource = "Supervision du service (démonstration)",
            Direction = availability ? WantedDirection.Up : WantedDirection.Down,
            Baseline = values.First == target ? values.First + (availability ? -0.1m : 0.1m) : values.First, BaselineDate = first,
            Target = target, TargetDate = today.AddMonths(6), Frequency = UpdateFrequency.Monthly,
        };
        // A year of monthly values: from the first to the month-ago value, then the current one; a little deterministic wobble.
        for (var k = 12; k >= 0; k--)
        {
            var value = k switch
            {
                0 => values.Now,
                1 => values.MonthAgo,
                _ => values.First + (values.MonthAgo - values.First) * (12 - k) / 11m + (k % 3 - 1) * (availability ? 0.01m : unit == IndicatorUnit.Milliseconds ? 10m : 0.01m),
            };
            indicator.Measurements.Add(new Measurement
            {
                ProductId = productId, Date = today.AddMonths(-k), Value = Math.Round(value, availability ? 2 : unit == IndicatorUnit.Milliseconds ? 0 : 2),
                Source = MeasurementSource.Api, AuthorName = "Supervision (démonstration)", CreatedAt = now,
            });
        }
        return indicator;
    }
}
