using System.Globalization;

namespace Cap.Domain.Roadmap;

/// <summary>The roadmap's pure rules: horizon length, number of priorities, periods and risk scores.</summary>
public static class RoadmapRules
{
    public const int MaxHorizonMonths = 6;
    public const int MinAdvisedHorizonMonths = 3;
    public const int MaxAdvisedPriorities = 5;

    /// <summary>The calendar a roadmap may use: a plan for the next months, never near the end of <see cref="DateOnly.MaxValue"/>.</summary>
    public static readonly DateOnly EarliestDate = new(2000, 1, 1);

    public static readonly DateOnly LatestDate = new(2199, 12, 31);

    /// <summary>The refusal for a horizon, or null when it is acceptable (end inclusive).</summary>
    public static string? HorizonError(DateOnly start, DateOnly end)
    {
        if (start < EarliestDate || end > LatestDate)
        {
            return $"Choisissez un horizon entre le {EarliestDate.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)} et le {LatestDate.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}.";
        }
        if (end <= start)
        {
            return "La fin de l’horizon doit être après son début.";
        }
        if (end.AddDays(1) > start.AddMonths(MaxHorizonMonths))
        {
            return $"L’horizon d’une feuille de route ne dépasse pas {MaxHorizonMonths} mois : choisissez une fin au plus tard le {start.AddMonths(MaxHorizonMonths).AddDays(-1).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}.";
        }
        return null;
    }

    /// <summary>Advice (not a refusal) when the horizon is shorter than 3 months.</summary>
    public static string? HorizonWarning(DateOnly start, DateOnly end) =>
        end > start && end.AddDays(1) < start.AddMonths(MinAdvisedHorizonMonths)
            ? $"L’horizon couvre moins de {MinAdvisedHorizonMonths} mois : une feuille de route porte en général sur 3 à 6 mois."
            : null;

    /// <summary>Advice when more than 5 objectives are priorities.</summary>
    public static string? PrioritiesWarning(int count) =>
        count > MaxAdvisedPriorities
            ? $"{count} objectifs prioritaires : au-delà de {MaxAdvisedPriorities}, les priorités se diluent. Gardez-en peu."
            : null;

    public static bool IsValidScale(int value) => value is >= 1 and <= 3;

    public static int RiskScore(int probability, int impact) => probability * impact;

    /// <summary>The criticality: faible (1–2), moyenne (3–4) or élevée (6–9).</summary>
    public static string RiskLevel(int probability, int impact) => RiskScore(probability, impact) switch
    {
        <= 2 => "faible",
        <= 4 => "moyenne",
        _ => "élevée",
    };

    /// <summary>The matrix cell of a risk: row index 0 for impact 3 (top) down to 2 for impact 1; column 0 for probability 1.</summary>
    public static (int Row, int Column) MatrixCell(int probability, int impact) => (3 - impact, probability - 1);

    public static string ScaleLabel(int value) => value switch
    {
        1 => "faible",
        2 => "moyen",
        3 => "fort",
        _ => value.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// Reads a period bound: a month "2027-03" (or "03/2027") or an ISO week "2027-W12" / "2027-S12".
    /// Returns its first and last days; null when unreadable.
    /// </summary>
    public static (PeriodUnit Unit, DateOnly First, DateOnly Last)? ParsePeriod(string? text)
    {
        var t = text?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(t))
        {
            return null;
        }
        if (DateOnly.TryParseExact(t, ["yyyy-MM", "MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            return (PeriodUnit.Month, month, month.AddMonths(1).AddDays(-1));
        }
        var parts = t.Split('-');
        if (parts.Length == 2 && parts[1].Length >= 2 && (parts[1][0] == 'W' || parts[1][0] == 'S')
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 2000 and <= 2100
            && int.TryParse(parts[1][1..], NumberStyles.None, CultureInfo.InvariantCulture, out var week)
            && week >= 1 && week <= ISOWeek.GetWeeksInYear(year))
        {
            var monday = DateOnly.FromDateTime(ISOWeek.ToDateTime(year, week, DayOfWeek.Monday));
            return (PeriodUnit.Week, monday, monday.AddDays(6));
        }
        return null;
    }

    /// <summary>The text a period bound is typed as: "2027-03" or "2027-S12".</summary>
    public static string FormatPeriod(PeriodUnit unit, DateOnly day) => unit == PeriodUnit.Week
        ? $"{ISOWeek.GetYear(day.ToDateTime(TimeOnly.MinValue))}-S{ISOWeek.GetWeekOfYear(day.ToDateTime(TimeOnly.MinValue)):00}"
        : day.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>The months a horizon covers, each as its first day.</summary>
    public static IReadOnlyList<DateOnly> Months(DateOnly start, DateOnly end)
    {
        var list = new List<DateOnly>();
        for (var m = new DateOnly(start.Year, start.Month, 1); m <= end; m = m.AddMonths(1))
        {
            list.Add(m);
        }
        return list;
    }

    /// <summary>The ISO weeks a horizon covers, each as its Monday.</summary>
    public static IReadOnlyList<DateOnly> Weeks(DateOnly start, DateOnly end)
    {
        var list = new List<DateOnly>();
        var monday = start.AddDays(-(((int)start.DayOfWeek + 6) % 7));
        for (var w = monday; w <= end; w = w.AddDays(7))
        {
            list.Add(w);
        }
        return list;
    }

    /// <summary>A short horizon (at most 3 months) is also shown by week.</summary>
    public static bool ShowsWeeks(DateOnly start, DateOnly end) => end.AddDays(1) <= start.AddMonths(MinAdvisedHorizonMonths);

    public static bool Overlaps(DateOnly start, DateOnly end, DateOnly first, DateOnly last) => start <= last && end >= first;
}
