using System.Globalization;
using Cap.Domain.Coaching;
using Cap.Domain.Portfolio;
using Cap.Domain.Satisfaction;
using Cap.Domain.Steering;
using Cap.Web.Shared;

namespace Cap.Web.Features.Portfolio;

/// <summary>How the dashboard says a line's figures in French (the page, its exports, the API's labels).</summary>
public static class PortfolioDisplay
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>The indicator statuses, worst first: the order the counts are shown in.</summary>
    public static readonly IndicatorStatus[] WorstFirst =
        [IndicatorStatus.OffTrack, IndicatorStatus.Watch, IndicatorStatus.Late, IndicatorStatus.NoData, IndicatorStatus.OnTrack, IndicatorStatus.Reached];

    public static int DaysInPhase(PortfolioRow r, DateOnly today) => Math.Max(0, today.DayNumber - Dates.ParisDay(r.PhaseSince).DayNumber);

    /// <summary>« 12 jours », « 3 mois », « 1 an et 2 mois ».</summary>
    public static string Duration(int days)
    {
        if (days < 31)
        {
            return days <= 1 ? $"{days} jour" : $"{days} jours";
        }
        var months = (int)Math.Floor(days / 30.44);
        if (months < 12)
        {
            return $"{months} mois";
        }
        var years = months / 12;
        var rest = months % 12;
        var y = years == 1 ? "1 an" : $"{years} ans";
        return rest == 0 ? y : $"{y} et {rest} mois";
    }

    public static IEnumerable<string> Codes(PortfolioSummary? s) =>
        s is null ? [] : s.FlagCodes.Split(';', StringSplitOptions.RemoveEmptyEntries);

    public static string Number(decimal value) => value.ToString("0.0", French);

    /// <summary>« en hausse de 0,4 », « en baisse de 1,2 », « stable »; null when a period has no answer.</summary>
    public static string? Trend(decimal? now, decimal? before)
    {
        if (now is not { } n || before is not { } b)
        {
            return null;
        }
        var delta = n - b;
        return delta > 0 ? $"en hausse de {Number(delta)}" : delta < 0 ? $"en baisse de {Number(-delta)}" : "stable";
    }

    public static BadgeTone Tone(this PortfolioHealth health) => health switch
    {
        PortfolioHealth.Good => BadgeTone.Success,
        PortfolioHealth.Watch => BadgeTone.Warning,
        PortfolioHealth.OffTrack => BadgeTone.Error,
        _ => BadgeTone.Neutral,
    };

    public static BadgeTone Tone(this ObservatoryLevel level) => level switch
    {
        ObservatoryLevel.Green => BadgeTone.Success,
        ObservatoryLevel.Amber => BadgeTone.Warning,
        ObservatoryLevel.Red => BadgeTone.Error,
        _ => BadgeTone.Neutral,
    };

    public static BadgeTone Tone(this WeatherLevel weather) => weather switch
    {
        WeatherLevel.AuVert => BadgeTone.Success,
        WeatherLevel.ASurveiller => BadgeTone.Warning,
        _ => BadgeTone.Error,
    };

    /// <summary>The French label of an indicator status counted on the dashboard (plural-aware).</summary>
    public static string Count(IndicatorStatus status, int n) => status switch
    {
        IndicatorStatus.OffTrack => $"{n} hors trajectoire",
        IndicatorStatus.Watch => $"{n} à surveiller",
        IndicatorStatus.Late => $"{n} en retard",
        IndicatorStatus.NoData => n == 1 ? "1 sans mesure" : $"{n} sans mesure",
        IndicatorStatus.OnTrack => $"{n} en bonne voie",
        _ => n == 1 ? "1 atteint" : $"{n} atteints",
    };

    public static string Percent(int part, int whole) =>
        whole == 0 ? "—" : $"{Math.Round(100m * part / whole, 0, MidpointRounding.AwayFromZero).ToString(French)} %";
}
