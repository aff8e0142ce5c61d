namespace Cap.Domain.Steering;

public enum IndicatorStatus
{
    NoData = 1,
    Late = 2,
    Reached = 3,
    OnTrack = 4,
    Watch = 5,
    OffTrack = 6,
}

/// <summary>What the rule needs of an indicator.</summary>
public sealed record IndicatorSpec(
    WantedDirection Direction, decimal Baseline, DateOnly BaselineDate, decimal Target, decimal? TargetMax,
    DateOnly TargetDate, UpdateFrequency Frequency);

public readonly record struct Point(DateOnly Date, decimal Value);

/// <summary>The least-squares line through the recent measurements, anchored at the last one's date.</summary>
public readonly record struct Trend(DateOnly Anchor, double ValueAtAnchor, double SlopePerDay)
{
    /// <summary>The line's value at a date, or null when it overflows.</summary>
    public decimal? At(DateOnly date)
    {
        var value = ValueAtAnchor + SlopePerDay * (date.DayNumber - Anchor.DayNumber);
        return double.IsFinite(value) ? (decimal)Math.Clamp(value, (double)decimal.MinValue / 2, (double)decimal.MaxValue / 2) : null;
    }
}

/// <summary>
/// All the rule needs of an indicator's measurements: the last point and the trend of the recent ones
/// (null with fewer than 3 points or a single date). It is kept on the indicator and refreshed whenever its
/// measurements change, so statuses are computed without reading histories.
/// </summary>
public sealed record MeasurementSummary(Point Last, Trend? Trend);

/// <summary>The outcome of the rule: the status and what explains it.</summary>
/// <param name="Progress">Share of the way from baseline to target covered by the last value, 0 to 100 (null for a range or without data).</param>
/// <param name="Expected">The value the straight path from baseline to target expects at the last measurement's date.</param>
/// <param name="Projected">The trend of the recent measurements (least squares) extended to the target date.</param>
public sealed record IndicatorAssessment(IndicatorStatus Status, Point? Last, decimal? Progress, decimal? Expected, decimal? Projected);

public static class IndicatorStatusExtensions
{
    public static string Label(this IndicatorStatus status) => status switch
    {
        IndicatorStatus.NoData => "Pas de données",
        IndicatorStatus.Late => "Données en retard",
        IndicatorStatus.Reached => "Atteint",
        IndicatorStatus.OnTrack => "En bonne voie",
        IndicatorStatus.Watch => "À surveiller",
        IndicatorStatus.OffTrack => "Hors trajectoire",
        _ => status.ToString(),
    };
}

/// <summary>
/// The status rule of an indicator, in this order:
/// <list type="number">
/// <item>no measurement: <b>Pas de données</b>;</item>
/// <item>the last measurement is older than one period of the update frequency plus half a period
/// (weekly 10 days, monthly 46, quarterly 138, yearly 549): <b>Données en retard</b>;</item>
/// <item>the last value reaches the target in the wanted direction (≥ target when up, ≤ when down,
/// within [target, targetMax] for a range): <b>Atteint</b>;</item>
/// <item>for a range, a value outside it by at most 10 % of the range's width: <b>À surveiller</b>, further: <b>Hors trajectoire</b>;</item>
/// <item>the target date has passed without reaching it: <b>Hors trajectoire</b>;</item>
/// <item>otherwise two tests: <i>on the path</i> — the last value is at or beyond the straight line
/// from (baseline date, baseline) to (target date, target) at its date; <i>trend reaches</i> — the least-squares
/// line through the last <see cref="TrendPoints"/> measurements (at least 3, spanning at least two
/// distinct dates; otherwise this test counts as passed) reaches the target by the target date.
/// Both: <b>En bonne voie</b>; one: <b>À surveiller</b>; none: <b>Hors trajectoire</b>.</item>
/// </list>
/// </summary>
public static class IndicatorStatusRule
{
    public const int TrendPoints = 8;

    public static IndicatorAssessment Assess(IndicatorSpec spec, IReadOnlyList<Point> points, DateOnly today) =>
        Assess(spec, Summarise(points), today);

    /// <summary>The last point and the recent trend of measurements in any order; null without measurements.</summary>
    public static MeasurementSummary? Summarise(IReadOnlyList<Point> points)
    {
        if (points.Count == 0)
        {
            return null;
        }
        var ordered = points.OrderBy(p => p.Date).ToList();
        return new MeasurementSummary(ordered[^1], Fit(ordered));
    }

    /// <summary>The rule on a kept summary (see <see cref="MeasurementSummary"/>); the same outcome as on the points.</summary>
    public static IndicatorAssessment Assess(IndicatorSpec spec, MeasurementSummary? summary, DateOnly today)
    {
        if (summary is null)
        {
            return new IndicatorAssessment(IndicatorStatus.NoData, null, null, null, null);
        }
        var last = summary.Last;
        var period = spec.Frequency.Days();
        var progress = Progress(spec, last.Value);
        var expected = spec.Direction == WantedDirection.Range ? (decimal?)null : ExpectedAt(spec, last.Date);
        var projected = spec.Direction == WantedDirection.Range ? null : summary.Trend?.At(spec.TargetDate);

        IndicatorStatus status;
        if (today.DayNumber - last.Date.DayNumber > period + period / 2)
        {
            status = IndicatorStatus.Late;
        }
        else if (Reaches(spec, last.Value))
        {
            status = IndicatorStatus.Reached;
        }
        else if (spec.Direction == WantedDirection.Range)
        {
            var low = Math.Min(spec.Target, spec.TargetMax ?? spec.Target);
            var high = Math.Max(spec.Target, spec.TargetMax ?? spec.Target);
            var tolerance = (high - low) * 0.1m;
            var distance = last.Value < low ? low - last.Value : last.Value - high;
            status = distance <= tolerance ? IndicatorStatus.Watch : IndicatorStatus.OffTrack;
        }
        else if (today > spec.TargetDate)
        {
            status = IndicatorStatus.OffTrack;
        }
        else
        {
            var onPath = IsBeyond(spec.Direction, last.Value, expected!.Value);
            var trendReaches = projected is not { } p || IsBeyond(spec.Direction, p, spec.Target);
            status = (onPath, trendReaches) switch
            {
                (true, true) => IndicatorStatus.OnTrack,
                (false, false) => IndicatorStatus.OffTrack,
                _ => IndicatorStatus.Watch,
            };
        }
        return new IndicatorAssessment(status, last, progress, expected, projected);
    }

    public static bool Reaches(IndicatorSpec spec, decimal value) => spec.Direction switch
    {
        WantedDirection.Up => value >= spec.Target,
        WantedDirection.Down => value <= spec.Target,
        _ => value >= Math.Min(spec.Target, spec.TargetMax ?? spec.Target) && value <= Math.Max(spec.Target, spec.TargetMax ?? spec.Target),
    };

    /// <summary>The straight path's value at a date (clamped to the baseline before it and to the target after).</summary>
    public static decimal ExpectedAt(IndicatorSpec spec, DateOnly date)
    {
        var span = spec.TargetDate.DayNumber - spec.BaselineDate.DayNumber;
        if (span <= 0)
        {
            return spec.Target;
        }
        var elapsed = Math.Clamp(date.DayNumber - spec.BaselineDate.DayNumber, 0, span);
        return spec.Baseline + (spec.Target - spec.Baseline) * elapsed / span;
    }

    /// <summary>The share of the way from baseline to target, 0 to 100.</summary>
    public static decimal? Progress(IndicatorSpec spec, decimal value)
    {
        if (spec.Direction == WantedDirection.Range || spec.Target == spec.Baseline)
        {
            return null;
        }
        var share = (value - spec.Baseline) / (spec.Target - spec.Baseline) * 100m;
        return Math.Round(Math.Clamp(share, 0m, 100m), 1);
    }

    /// <summary>Least squares through the last points, evaluated at the target date; null when there are too few points.</summary>
    public static decimal? Project(IReadOnlyList<Point> ordered, DateOnly targetDate) => Fit(ordered)?.At(targetDate);

    /// <summary>The least-squares line through the last <see cref="TrendPoints"/> of points ordered by date; null with fewer than 3 or a single date.</summary>
    public static Trend? Fit(IReadOnlyList<Point> ordered)
    {
        var recent = ordered.Skip(Math.Max(0, ordered.Count - TrendPoints)).ToList();
        if (recent.Count < 3 || recent[0].Date == recent[^1].Date)
        {
            return null;
        }
        double n = recent.Count, sx = 0, sy = 0, sxx = 0, sxy = 0;
        var origin = recent[^1].Date.DayNumber;
        foreach (var p in recent)
        {
            double x = p.Date.DayNumber - origin, y = (double)p.Value;
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        var denominator = n * sxx - sx * sx;
        if (denominator == 0)
        {
            return null;
        }
        var slope = (n * sxy - sx * sy) / denominator;
        var intercept = (sy - slope * sx) / n;
        return double.IsFinite(slope) && double.IsFinite(intercept) ? new Trend(recent[^1].Date, intercept, slope) : null;
    }

    private static bool IsBeyond(WantedDirection direction, decimal value, decimal reference) =>
        direction == WantedDirection.Down ? value <= reference : value >= reference;
}
