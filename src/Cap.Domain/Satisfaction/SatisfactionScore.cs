using System.Linq.Expressions;

namespace Cap.Domain.Satisfaction;

public enum ScoreColour
{
    Red = 1,
    Amber = 2,
    Green = 3,
}

/// <summary>
/// The State's scoring of the overall-experience question: 1 → 0, 2 → 5, 3 → 10; the satisfaction index is the
/// mean out of 10. Colour: ≥ 8 green, ≥ 5 amber, below red; the interministerial target is 8/10.
/// </summary>
public static class SatisfactionScore
{
    public const decimal Target = 8m;
    public const decimal GreenFrom = 8m;
    public const decimal AmberFrom = 5m;

    public static int Points(int experience) => experience switch
    {
        1 => 0,
        2 => 5,
        3 => 10,
        _ => throw new ArgumentOutOfRangeException(nameof(experience), experience, "The overall experience is 1, 2 or 3."),
    };

    /// <summary>
    /// The same rules for the database: one answer as the totals it adds — <see cref="Points"/> for the experience,
    /// then what <see cref="FeedbackDailyRollup.Add"/> counts — as an expression EF Core translates to SQL
    /// (<c>CASE WHEN "Experience" = 3 THEN 10 …</c>). The statistics computed from the answers sum it; a test runs it on
    /// SQLite and PostgreSQL over every possible answer and compares it with the C# rules.
    /// </summary>
    public static readonly Expression<Func<FeedbackAnswer, FeedbackDailyRollup>> InSql = a => new FeedbackDailyRollup
    {
        ProductId = a.ProductId,
        PlacementId = a.PlacementId,
        Day = a.Day,
        Count = 1,
        Points = a.Experience == 3 ? 10 : a.Experience == 2 ? 5 : 0,
        ClarityCount = a.Clarity != null ? 1 : 0,
        ClaritySum = a.Clarity ?? 0,
        HelpAsked = a.AdministrationReached != null ? 1 : 0,
        Reached = a.AdministrationReached == true ? 1 : 0,
    };

    /// <summary>Index out of 10 from the number of answers at each level, rounded to one decimal; null without answers.</summary>
    public static decimal? Index(long bad, long average, long good)
    {
        var total = bad + average + good;
        return total == 0 ? null : Math.Round((5m * average + 10m * good) / total, 1, MidpointRounding.AwayFromZero);
    }

    /// <summary>Index from the sum of points and the number of answers.</summary>
    public static decimal? Index(long points, long count) =>
        count == 0 ? null : Math.Round((decimal)points / count, 1, MidpointRounding.AwayFromZero);

    /// <summary>Colour of an index as shown (rounded to one decimal), so that "8,0" is never amber.</summary>
    public static ScoreColour Colour(decimal index)
    {
        var shown = Math.Round(index, 1, MidpointRounding.AwayFromZero);
        return shown >= GreenFrom ? ScoreColour.Green : shown >= AmberFrom ? ScoreColour.Amber : ScoreColour.Red;
    }

    public static string Label(this ScoreColour colour) => colour switch
    {
        ScoreColour.Green => "Bon",
        ScoreColour.Amber => "Moyen",
        _ => "À améliorer",
    };

    public static string ExperienceLabel(int experience) => experience switch
    {
        1 => "Mauvaise",
        2 => "Moyenne",
        3 => "Bonne",
        _ => experience.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
