using Cap.Domain.Platform;

namespace Cap.Domain.Satisfaction;

/// <summary>
/// The totals of one placement's answers received on one Paris day: every figure of the statistics derives from
/// them, so the statistics tab reads a few rows per day instead of every answer. Kept current by increments in the
/// same transaction as the answers (answers never change once stored); not audited, like the answers themselves.
/// </summary>
public class FeedbackDailyRollup : IAuditExempt
{
    public long Id { get; set; }
    public int ProductId { get; set; }
    public int PlacementId { get; set; }

    /// <summary>Day of reception in Europe/Paris (<see cref="FeedbackAnswer.Day"/>).</summary>
    public DateOnly Day { get; set; }

    public long Count { get; set; }

    /// <summary>Sum of the overall-experience points (<see cref="SatisfactionScore.Points"/>).</summary>
    public long Points { get; set; }

    /// <summary>Answers to the clarity question, and the sum of their values.</summary>
    public long ClarityCount { get; set; }
    public long ClaritySum { get; set; }

    /// <summary>Answers saying whether they reached the administration (asked for help), and those who did.</summary>
    public long HelpAsked { get; set; }
    public long Reached { get; set; }

    /// <summary>Adds one answer's counts.</summary>
    public void Add(FeedbackAnswer answer)
    {
        Count++;
        Points += SatisfactionScore.Points(answer.Experience);
        if (answer.Clarity is { } clarity)
        {
            ClarityCount++;
            ClaritySum += clarity;
        }
        if (answer.AdministrationReached is { } reached)
        {
            HelpAsked++;
            if (reached)
            {
                Reached++;
            }
        }
    }

    /// <summary>The increments of these answers, one per (placement, day), ordered by placement then day.</summary>
    public static List<FeedbackDailyRollup> Of(IEnumerable<FeedbackAnswer> answers)
    {
        var rollups = new Dictionary<(int PlacementId, DateOnly Day), FeedbackDailyRollup>();
        foreach (var answer in answers)
        {
            if (!rollups.TryGetValue((answer.PlacementId, answer.Day), out var rollup))
            {
                rollup = new FeedbackDailyRollup { ProductId = answer.ProductId, PlacementId = answer.PlacementId, Day = answer.Day };
                rollups.Add((answer.PlacementId, answer.Day), rollup);
            }
            rollup.Add(answer);
        }
        return rollups.Values.OrderBy(r => r.PlacementId).ThenBy(r => r.Day).ToList();
    }
}
