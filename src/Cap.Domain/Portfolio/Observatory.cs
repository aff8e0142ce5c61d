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
}

/// <summary>
/// The observatory's thresholds (reference: guide-portfolio.md, « The State's observatory »; DISIC/observatoire
/// indicator-levels): satisfaction and clarity out of 10 green from 8, amber from 5; help reachable green from 85 %,
/// amber from 70 %; RGAA green at 100 %, amber from 50 %, red below or without an audit of less than three years.
/// Satisfaction-based figures are given only from 100 answers (« nombre d'avis insuffisant » below).
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
        _ => "Accessibilité (RGAA)",
    };

    public static string Threshold(this ObservatoryMeasure measure) => measure switch
    {
        ObservatoryMeasure.Satisfaction or ObservatoryMeasure.Clarity => "vert ≥ 8/10, orange de 5 à 8, rouge < 5 ; à partir de 100 avis",
        ObservatoryMeasure.HelpReachable => "vert ≥ 85 %, orange de 70 à 85 %, rouge < 70 % ; sur 12 mois glissants, à partir de 100 avis",
        _ => "vert 100 %, orange de 50 à 99 %, rouge < 50 % ou sans audit de moins de 3 ans",
    };
}
