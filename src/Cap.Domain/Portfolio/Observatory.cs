using Cap.Domain.Steering;
using System.Text.Json.Serialization;

namespace Cap.Domain.Portfolio;

/// <summary>A figure's level in the State's observatory of essential online procedures (« Vos démarches essentielles »).</summary>
public enum ObservatoryLevel
{
    /// <summary>Not enough answers to say (below <see cref="Observatory.MinimumAnswers"/>), or nothing recorded.</summary>
    [JsonStringEnumMemberName("insufficient")]
    Insufficient = 0,
    [JsonStringEnumMemberName("green")]
    Green = 1,
    [JsonStringEnumMemberName("amber")]
    Amber = 2,
    [JsonStringEnumMemberName("red")]
    Red = 3,
}

/// <summary>The figures of the observatory's scorecard Cap can fill.</summary>
public enum ObservatoryMeasure
{
    [JsonStringEnumMemberName("satisfaction")]
    Satisfaction = 1,
    [JsonStringEnumMemberName("clarity")]
    Clarity = 2,
    [JsonStringEnumMemberName("help-reachable")]
    HelpReachable = 3,
    [JsonStringEnumMemberName("rgaa")]
    Rgaa = 4,
    /// <summary>Availability (uptime, %), from the product's indicator marked as this measure.</summary>
    [JsonStringEnumMemberName("availability")]
    Availability = 5,
    /// <summary>Page load time (seconds), from the product's indicator marked as this measure.</summary>
    [JsonStringEnumMemberName("page-load")]
    PageLoad = 6,
}

/// <summary>
/// The observatory's thresholds (reference: guide-portfolio.md, « The State's observatory »; DISIC/observatoire
/// indicator-levels): satisfaction and clarity out of 10 green from 8, amber from 5; help reachable green from 85 %,
/// amber from 70 %; RGAA green at 100 %, amber from 50 %, red below or without an audit of less than three years.
/// Satisfaction-based figures are given only from 100 answers (« nombre d'avis insuffisant » below). Availability (green
/// above 99.9 %, amber from 98.5 % to 99.9 % included, red below) and page load time (green below 0.4 s, amber from 0.4 s to
/// 0.8 s included, red above) come from the indicators a team marks as the observatory's measures (« non mesuré » without).
/// </summary>
public static class Observatory
{
    public const int MinimumAnswers = 100;
    public const int RgaaAuditValidityYears = 3;

    public static ObservatoryLevel OutOfTen(decimal? value, long answers)
    {
        if (value is not { } v || answers < MinimumAnswers)
        {
            return ObservatoryLevel.Insufficient;
        }
        var shown = Math.Round(v, 1, MidpointRounding.AwayFromZero);
        return shown >= 8m ? ObservatoryLevel.Green : shown >= 5m ? ObservatoryLevel.Amber : ObservatoryLevel.Red;
    }

    public static ObservatoryLevel HelpReachable(decimal? percent, long answers)
    {
        if (percent is not { } p || answers < MinimumAnswers)
        {
            return ObservatoryLevel.Insufficient;
        }
        return p >= 85m ? ObservatoryLevel.Green : p >= 70m ? ObservatoryLevel.Amber : ObservatoryLevel.Red;
    }

    /// <summary>RGAA: red without a valid declaration (no audit, or an audit older than three years on <paramref name="today"/>).</summary>
    public static ObservatoryLevel Rgaa(decimal? rate, DateOnly? auditDate, DateOnly today)
    {
        if (rate is not { } r || auditDate is not { } audited || audited.AddYears(RgaaAuditValidityYears) <= today)
        {
            return ObservatoryLevel.Red;
        }
        return r >= 100m ? ObservatoryLevel.Green : r >= 50m ? ObservatoryLevel.Amber : ObservatoryLevel.Red;
    }

    /// <summary>The measures an indicator can be marked as (the others are computed by Cap from answers and records).</summary>
    public static readonly ObservatoryMeasure[] IndicatorMeasures = [ObservatoryMeasure.Availability, ObservatoryMeasure.PageLoad];

    public static bool IsIndicatorMeasure(this ObservatoryMeasure measure) => measure is ObservatoryMeasure.Availability or ObservatoryMeasure.PageLoad;

    /// <summary>Availability (uptime) in percent: green above 99.9, amber from 98.5 to 99.9 included, red below; nothing measured: insufficient (« non mesuré »).</summary>
    public static ObservatoryLevel Availability(decimal? percent) =>
        percent is not { } p ? ObservatoryLevel.Insufficient
        : p > 99.9m ? ObservatoryLevel.Green
        : p >= 98.5m ? ObservatoryLevel.Amber
        : ObservatoryLevel.Red;

    /// <summary>Page load time in seconds: green below 0.4, amber from 0.4 to 0.8 included, red above; nothing measured: insufficient (« non mesuré »).</summary>
    public static ObservatoryLevel PageLoad(decimal? seconds) =>
        seconds is not { } s ? ObservatoryLevel.Insufficient
        : s < 0.4m ? ObservatoryLevel.Green
        : s <= 0.8m ? ObservatoryLevel.Amber
        : ObservatoryLevel.Red;

    /// <summary>
    /// A measurement of an indicator marked as <paramref name="measure"/>, in the observatory's unit: availability in percent,
    /// page load in seconds (an indicator in milliseconds is divided by 1,000). Null when the unit does not fit the measure.
    /// </summary>
    public static decimal? InObservatoryUnit(ObservatoryMeasure measure, IndicatorUnit unit, decimal value) => (measure, unit) switch
    {
        (ObservatoryMeasure.Availability, IndicatorUnit.Percent) => value,
        (ObservatoryMeasure.PageLoad, IndicatorUnit.Seconds) => value,
        (ObservatoryMeasure.PageLoad, IndicatorUnit.Milliseconds) => value / 1000m,
        _ => null,
    };

    /// <summary>Whether an indicator in <paramref name="unit"/> can be marked as <paramref name="measure"/>.</summary>
    public static bool Fits(ObservatoryMeasure measure, IndicatorUnit unit) => InObservatoryUnit(measure, unit, 0m) is not null;

    /// <summary>
    /// The kept integer of a value in the observatory's unit (the portfolio's line never stores a decimal to compare): thousandths
    /// of a percent for availability (99 950 for 99,95 %), milliseconds for page load (400 for 0,4 s), rounded half away from
    /// zero and bounded to an int. The level is judged on this kept value.
    /// </summary>
    public static int Kept(decimal value) =>
        (int)Math.Clamp(Math.Round(value * 1000m, 0, MidpointRounding.AwayFromZero), int.MinValue, int.MaxValue);

    /// <summary>The value back from its kept integer (percent, or seconds).</summary>
    public static decimal? FromKept(int? kept) => kept is { } k ? k / 1000m : null;

    public static string Label(this ObservatoryLevel level) => level switch
    {
        ObservatoryLevel.Green => "Vert",
        ObservatoryLevel.Amber => "Orange",
        ObservatoryLevel.Red => "Rouge",
        _ => "Nombre d’avis insuffisant",
    };

    public static string Label(this ObservatoryMeasure measure) => measure switch
    {
        ObservatoryMeasure.Satisfaction => "Satisfaction usagers",
        ObservatoryMeasure.Clarity => "Clarté du langage",
        ObservatoryMeasure.HelpReachable => "Aide joignable",
        ObservatoryMeasure.Availability => "Disponibilité",
        ObservatoryMeasure.PageLoad => "Temps de chargement",
        _ => "Accessibilité (RGAA)",
    };

    /// <summary>The level's label for this measure: below the threshold of answers, or without any measurement (« non mesuré »).</summary>
    public static string Label(this ObservatoryLevel level, ObservatoryMeasure measure) =>
        level == ObservatoryLevel.Insufficient ? measure.InsufficientLabel() : level.Label();

    /// <summary>What « no level » means for this measure: too few answers, or nothing measured.</summary>
    public static string InsufficientLabel(this ObservatoryMeasure measure) =>
        measure.IsIndicatorMeasure() ? "Non mesuré" : "Nombre d’avis insuffisant";

    /// <summary>The choice offered on an indicator's form.</summary>
    public static string ChoiceLabel(this ObservatoryMeasure measure) => measure switch
    {
        ObservatoryMeasure.Availability => "Disponibilité (observatoire)",
        ObservatoryMeasure.PageLoad => "Temps de chargement (observatoire)",
        _ => measure.Label(),
    };

    public static string Threshold(this ObservatoryMeasure measure) => measure switch
    {
        ObservatoryMeasure.Satisfaction or ObservatoryMeasure.Clarity => "vert ≥ 8/10, orange de 5 à 8, rouge < 5 ; à partir de 100 avis",
        ObservatoryMeasure.HelpReachable => "vert ≥ 85 %, orange de 70 à 85 %, rouge < 70 % ; sur 12 mois glissants, à partir de 100 avis",
        ObservatoryMeasure.Availability => "vert > 99,9 %, orange de 98,5 à 99,9 %, rouge < 98,5 % ; dernière mesure de l’indicateur de disponibilité",
        ObservatoryMeasure.PageLoad => "vert < 0,4 s, orange de 0,4 à 0,8 s, rouge > 0,8 s ; dernière mesure de l’indicateur de temps de chargement",
        _ => "vert 100 %, orange de 50 à 99 %, rouge < 50 % ou sans audit de moins de 3 ans",
    };
}
