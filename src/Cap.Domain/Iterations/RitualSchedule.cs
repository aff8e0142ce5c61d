using System.Globalization;

namespace Cap.Domain.Iterations;

/// <summary>Suggested settings of a ritual of a given kind, offered when the team adds one.</summary>
public sealed record RitualDefaults(string Name, RitualFrequency Frequency, int DurationMinutes, TimeOnly StartTime, string Advice);

/// <summary>
/// When a ritual takes place. Occurrences are Paris local date-times: the ritual keeps its wall-clock time across
/// daylight-saving changes. Daily = Monday to Friday; weekly, every two or four weeks on the first date's weekday;
/// monthly on the first date's day of the month, clamped to the month's last day (the 31st → 30 April, 28 February).
/// </summary>
public static class RitualSchedule
{
    public const int MinDurationMinutes = 5;
    public const int MaxDurationMinutes = 480;
    public const string ParisTimeZoneId = "Europe/Paris";

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById(ParisTimeZoneId);

    /// <summary>The kind's label, also the default name.</summary>
    public static string Label(this RitualKind kind) => kind switch
    {
        RitualKind.Daily => "Daily",
        RitualKind.Demo => "Démo",
        RitualKind.Retrospective => "Rétrospective",
        RitualKind.Refinement => "Priorisation et affinage",
        _ => "Autre rituel",
    };

    public static string Label(this RitualFrequency frequency) => frequency switch
    {
        RitualFrequency.Daily => "Chaque jour ouvré (du lundi au vendredi)",
        RitualFrequency.Weekly => "Chaque semaine",
        RitualFrequency.EveryTwoWeeks => "Toutes les deux semaines",
        RitualFrequency.EveryFourWeeks => "Toutes les quatre semaines",
        _ => "Chaque mois",
    };

    /// <summary>What the team is offered when it adds a ritual of that kind.</summary>
    public static RitualDefaults Defaults(RitualKind kind) => kind switch
    {
        RitualKind.Daily => new("Daily", RitualFrequency.Daily, 15, new TimeOnly(9, 30),
            "Un point quotidien court, debout, à heure fixe : 15 minutes suffisent."),
        RitualKind.Demo => new("Démo", RitualFrequency.EveryFourWeeks, 60, new TimeOnly(14, 0),
            "Une à deux démos par mois, ouvertes aux utilisateurs et aux parties prenantes : toutes les quatre semaines par défaut, toutes les deux semaines pour deux démos par mois."),
        RitualKind.Retrospective => new("Rétrospective", RitualFrequency.EveryTwoWeeks, 90, new TimeOnly(15, 0),
            "À la fin de chaque itération : toutes les deux semaines par défaut, à accorder à la durée de vos itérations."),
        RitualKind.Refinement => new("Priorisation et affinage", RitualFrequency.Weekly, 60, new TimeOnly(10, 0),
            "Chaque semaine, pour prioriser et préparer les prochains sujets avec l’équipe."),
        _ => new(string.Empty, RitualFrequency.Weekly, 60, new TimeOnly(10, 0),
            "Nommez le rituel et choisissez sa fréquence."),
    };

    /// <summary>The frequency in words with the day and time: « Toutes les deux semaines, le jeudi à 15:00 ».</summary>
    public static string Describe(RitualFrequency frequency, DateOnly firstDate, TimeOnly startTime)
    {
        var at = startTime.ToString("HH':'mm", CultureInfo.InvariantCulture);
        var weekday = French.DateTimeFormat.GetDayName(firstDate.DayOfWeek);
        return frequency switch
        {
            RitualFrequency.Daily => $"Du lundi au vendredi à {at}",
            RitualFrequency.Weekly => $"Chaque semaine, le {weekday} à {at}",
            RitualFrequency.EveryTwoWeeks => $"Toutes les deux semaines, le {weekday} à {at}",
            RitualFrequency.EveryFourWeeks => $"Toutes les quatre semaines, le {weekday} à {at}",
            _ => firstDate.Day > 28
                ? $"Chaque mois, le {firstDate.Day} (ou le dernier jour du mois) à {at}"
                : $"Chaque mois, le {(firstDate.Day == 1 ? "1er" : firstDate.Day.ToString(CultureInfo.InvariantCulture))} à {at}",
        };
    }

    /// <summary>The day of the first occurrence: the first date, or for a daily ritual the first working day from it.</summary>
    public static DateOnly FirstOccurrenceDay(RitualFrequency frequency, DateOnly firstDate)
    {
        var day = firstDate;
        if (frequency == RitualFrequency.Daily)
        {
            while (!IsWorkingDay(day))
            {
                day = day.AddDays(1);
            }
        }
        return day;
    }

    /// <summary>
    /// The next <paramref name="count"/> occurrences (Paris local start date-times) strictly after
    /// <paramref name="afterParis"/>, a Paris local date-time.
    /// </summary>
    public static IReadOnlyList<DateTime> NextOccurrences(RitualFrequency frequency, DateOnly firstDate, TimeOnly startTime, DateTime afterParis, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var result = new List<DateTime>(count);
        foreach (var day in DaysFrom(frequency, firstDate, DateOnly.FromDateTime(afterParis)))
        {
            if (result.Count == count)
            {
                break;
            }
            var at = day.ToDateTime(startTime);
            if (at > afterParis)
            {
                result.Add(at);
            }
        }
        return result;
    }

    /// <summary>The next occurrence strictly after <paramref name="afterParis"/>.</summary>
    public static DateTime NextOccurrence(RitualFrequency frequency, DateOnly firstDate, TimeOnly startTime, DateTime afterParis) =>
        NextOccurrences(frequency, firstDate, startTime, afterParis, 1)[0];

    /// <summary>
    /// The instant of a Paris local date-time. A time skipped when clocks go forward (02:30 on the last Sunday of
    /// March) is moved forward by the gap (03:30); a time repeated when they go back is the first one (summer time).
    /// </summary>
    public static DateTimeOffset ToInstant(DateTime parisLocal)
    {
        var local = DateTime.SpecifyKind(parisLocal, DateTimeKind.Unspecified);
        if (Paris.IsInvalidTime(local))
        {
            var before = Paris.GetUtcOffset(local.AddHours(-3));
            var after = Paris.GetUtcOffset(local.AddHours(3));
            local = local.Add(after - before);
            return new DateTimeOffset(local, after);
        }
        if (Paris.IsAmbiguousTime(local))
        {
            var offsets = Paris.GetAmbiguousTimeOffsets(local);
            return new DateTimeOffset(local, offsets.Max());
        }
        return new DateTimeOffset(local, Paris.GetUtcOffset(local));
    }

    /// <summary>A Paris local date-time of an instant.</summary>
    public static DateTime ToParis(DateTimeOffset instant) =>
        DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(instant, Paris).DateTime, DateTimeKind.Unspecified);

    private static bool IsWorkingDay(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>Occurrence days in order, from the first one on or shortly before <paramref name="from"/> (never before the first date).</summary>
    private static IEnumerable<DateOnly> DaysFrom(RitualFrequency frequency, DateOnly firstDate, DateOnly from)
    {
        // Jump close to "from" instead of walking from a first date years ago; start one period early so that an
        // occurrence later on the same day as "from" is not missed.
        switch (frequency)
        {
            case RitualFrequency.Daily:
            {
                var day = FirstOccurrenceDay(frequency, from > firstDate ? from.AddDays(-1) : firstDate);
                if (day < firstDate)
                {
                    day = FirstOccurrenceDay(frequency, firstDate);
                }
                while (true)
                {
                    yield return day;
                    day = FirstOccurrenceDay(frequency, day.AddDays(1));
                }
            }
            case RitualFrequency.Monthly:
            {
                var months = from > firstDate ? Math.Max(0, (from.Year - firstDate.Year) * 12 + from.Month - firstDate.Month - 1) : 0;
                for (var n = months; ; n++)
                {
                    // From the first date each time: the 31st stays the 31st after a short month.
                    yield return firstDate.AddMonths(n);
                }
            }
            default:
            {
                var step = frequency switch
                {
                    RitualFrequency.Weekly => 7,
                    RitualFrequency.EveryTwoWeeks => 14,
                    _ => 28,
                };
                var periods = from > firstDate ? Math.Max(0, (from.DayNumber - firstDate.DayNumber) / step - 1) : 0;
                for (var n = periods; ; n++)
                {
                    yield return firstDate.AddDays(n * step);
                }
            }
        }
    }
}
