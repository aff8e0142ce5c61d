using System.Globalization;
using Cap.Domain.Steering;

namespace Cap.Domain.Connectors;

/// <summary>One period Cap asks Matomo for: its first day (Matomo's key) and its last day (the measurement's date).</summary>
public readonly record struct MatomoPeriod(DateOnly From, DateOnly To);

/// <summary>
/// What a Matomo connection accepts and how Matomo's reports become measurements. A mapping is read at its indicator's
/// frequency — weekly → Matomo's <c>week</c> (Monday to Sunday), monthly → <c>month</c>, quarterly → one <c>range</c> per
/// calendar quarter (Matomo has no quarter period), yearly → <c>year</c> — and only whole periods are written (the current
/// week or month would look like a drop), each dated its last day (the day its figure is final, so that a weekly
/// indicator is not « late » by the status rule while its current week runs). A metric feeds only an indicator whose unit fits it.
/// </summary>
public static class MatomoRules
{
    /// <summary>The first synchronisation reads the periods that end within this many months back.</summary>
    public const int BackfillMonths = 12;

    public const string VisitsSummaryMethod = "VisitsSummary.get";
    public const string GoalsMethod = "Goals.get";

    public static string Label(this MatomoMetric metric) => metric switch
    {
        MatomoMetric.UniqueVisitors => "Visiteurs uniques",
        MatomoMetric.Visits => "Visites",
        MatomoMetric.BounceRate => "Taux de rebond",
        MatomoMetric.AverageTimeOnSite => "Durée moyenne de la visite",
        MatomoMetric.GoalConversions => "Conversions d’un objectif",
        _ => metric.ToString(),
    };

    /// <summary>Matomo's API method that gives the metric.</summary>
    public static string Method(this MatomoMetric metric) => metric == MatomoMetric.GoalConversions ? GoalsMethod : VisitsSummaryMethod;

    /// <summary>The name of the metric in Matomo's answer.</summary>
    public static string Field(this MatomoMetric metric) => metric switch
    {
        MatomoMetric.UniqueVisitors => "nb_uniq_visitors",
        MatomoMetric.Visits => "nb_visits",
        MatomoMetric.BounceRate => "bounce_rate",
        MatomoMetric.AverageTimeOnSite => "avg_time_on_site",
        _ => "nb_conversions",
    };

    /// <summary>The indicator units a metric can feed: counts a number, the bounce rate a percentage, the time seconds or minutes.</summary>
    public static IReadOnlyList<IndicatorUnit> Units(this MatomoMetric metric) => metric switch
    {
        MatomoMetric.BounceRate => [IndicatorUnit.Percent],
        MatomoMetric.AverageTimeOnSite => [IndicatorUnit.Seconds, IndicatorUnit.Minutes],
        _ => [IndicatorUnit.Number, IndicatorUnit.Free],
    };

    /// <summary>The message when the indicator's unit does not fit the metric, null when it does.</summary>
    public static string? UnitError(MatomoMetric metric, IndicatorUnit unit) =>
        metric.Units().Contains(unit) ? null
        : $"« {metric.Label()} » ne peut alimenter qu’un indicateur en {string.Join(" ou ", metric.Units().Select(u => u.Label()))} (celui-ci est en {unit.Label()}).";

    /// <summary>The message when the goal id is missing or given where it does not belong, null when it is right.</summary>
    public static string? GoalError(MatomoMetric metric, int? goalId) => metric switch
    {
        MatomoMetric.GoalConversions when goalId is null or < 1 => "Indiquez le numéro de l’objectif (idGoal) dans Matomo, un entier à partir de 1.",
        not MatomoMetric.GoalConversions when goalId is not null => "Le numéro d’objectif ne concerne que les conversions d’un objectif.",
        _ => null,
    };

    /// <summary>The message beside the address when it is not acceptable, null when it is.</summary>
    public static string? BaseUrlError(string? url) =>
        ConnectorAddress.Error(url, "de Matomo", "https://stats.data.gouv.fr", MatomoConnection.BaseUrlMaxLength);

    /// <summary>The address kept: trimmed, without a trailing <c>/index.php</c> nor slash.</summary>
    public static string NormalizeBaseUrl(string url)
    {
        var trimmed = url.Trim().TrimEnd('/');
        return trimmed.EndsWith("/index.php", StringComparison.OrdinalIgnoreCase) ? trimmed[..^"/index.php".Length].TrimEnd('/') : trimmed;
    }

    public static string? SiteIdError(int? siteId) => siteId is null or < 1 ? "Indiquez le numéro du site dans Matomo (idSite), un entier à partir de 1." : null;

    /// <summary>The message beside the token when it is not acceptable, null when it is.</summary>
    public static string? TokenError(string? token)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return "Saisissez le jeton d’authentification (token_auth) créé dans Matomo.";
        }
        if (Text.TooLong("Le jeton", token.Trim(), MatomoConnection.TokenMaxLength) is { } tooLong)
        {
            return tooLong;
        }
        return token.Trim().Any(c => char.IsWhiteSpace(c) || char.IsControl(c)) ? "Le jeton ne contient ni espace ni retour à la ligne." : null;
    }

    /// <summary>Matomo's period for an indicator's frequency (a quarter is asked as a <c>range</c>).</summary>
    public static string PeriodName(UpdateFrequency frequency) => frequency switch
    {
        UpdateFrequency.Weekly => "week",
        UpdateFrequency.Monthly => "month",
        UpdateFrequency.Quarterly => "range",
        _ => "year",
    };

    /// <summary>The period (of the frequency) that holds <paramref name="day"/>.</summary>
    public static MatomoPeriod PeriodOf(UpdateFrequency frequency, DateOnly day)
    {
        switch (frequency)
        {
            case UpdateFrequency.Weekly:
                var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
                return new MatomoPeriod(monday, monday.AddDays(6));
            case UpdateFrequency.Monthly:
                var month = new DateOnly(day.Year, day.Month, 1);
                return new MatomoPeriod(month, month.AddMonths(1).AddDays(-1));
            case UpdateFrequency.Quarterly:
                var quarter = new DateOnly(day.Year, (day.Month - 1) / 3 * 3 + 1, 1);
                return new MatomoPeriod(quarter, quarter.AddMonths(3).AddDays(-1));
            default:
                var year = new DateOnly(day.Year, 1, 1);
                return new MatomoPeriod(year, year.AddYears(1).AddDays(-1));
        }
    }

    /// <summary>
    /// The whole periods a synchronisation reads, oldest first: those ending before today and, on the first one
    /// (<paramref name="syncedThrough"/> null), ending within <see cref="BackfillMonths"/> months back; afterwards those
    /// ending on or after the last day read (the period that held it is read again: Matomo may have re-archived it).
    /// </summary>
    public static List<MatomoPeriod> Periods(UpdateFrequency frequency, DateOnly? syncedThrough, DateOnly today)
    {
        var yesterday = today.AddDays(-1);
        var since = syncedThrough ?? today.AddMonths(-BackfillMonths);
        var periods = new List<MatomoPeriod>();
        for (var period = PeriodOf(frequency, since); period.To <= yesterday; period = PeriodOf(frequency, period.To.AddDays(1)))
        {
            periods.Add(period);
        }
        return periods;
    }

    /// <summary>The date of Matomo's key for a period (<c>2026-11-30</c>, <c>2026-11-30,2026-12-06</c>, <c>2026-11</c>, <c>2026</c>), null when unreadable.</summary>
    public static DateOnly? KeyDate(string key)
    {
        var k = key.Trim();
        if (k.Length >= 10 && DateOnly.TryParseExact(k[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }
        if (k.Length == 7 && DateOnly.TryParseExact(k + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            return month;
        }
        return k.Length == 4 && int.TryParse(k, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is > 1900 and < 3000 ? new DateOnly(year, 1, 1) : null;
    }

    /// <summary>
    /// A metric's value as Matomo writes it (a number, or a string such as « 45% » or « 12,5 % »), null when it is not a
    /// number. Read with the invariant culture; a comma is taken as a decimal separator.
    /// </summary>
    public static decimal? ParseValue(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }
        var text = raw.Trim().TrimEnd('%').Trim().Replace(',', '.');
        return decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    /// <summary>The measurement for an indicator in <paramref name="unit"/>: the time in minutes when the indicator counts minutes; two decimals at most.</summary>
    public static decimal ToIndicatorValue(MatomoMetric metric, IndicatorUnit unit, decimal value) =>
        Math.Round(metric == MatomoMetric.AverageTimeOnSite && unit == IndicatorUnit.Minutes ? value / 60m : value, 2, MidpointRounding.AwayFromZero);
}

/// <summary>The address rules every connector shares: https, or http for a loopback host; no user info, query or fragment.</summary>
public static class ConnectorAddress
{
    /// <summary>The message when <paramref name="url"/> is not acceptable, null when it is. <paramref name="ofTool"/>: « de JDMA », « de Matomo ».</summary>
    public static string? Error(string? url, string ofTool, string example, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return $"Saisissez l’adresse {ofTool}, par exemple {example}.";
        }
        if (Text.TooLong("L’adresse", url.Trim(), maxLength) is { } tooLong)
        {
            return tooLong;
        }
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || uri.UserInfo.Length > 0 || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            return $"Saisissez une adresse complète, par exemple {example}.";
        }
        if (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
        {
            return null;
        }
        return uri.Scheme == Uri.UriSchemeHttp
            ? "L’adresse doit commencer par https:// (http:// n’est accepté que pour un serveur local, localhost)."
            : "Saisissez une adresse web en https://.";
    }
}
