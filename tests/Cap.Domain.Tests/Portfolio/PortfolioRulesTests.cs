using Cap.Domain.Portfolio;
using Cap.Domain.Steering;

namespace Cap.Domain.Tests.Portfolio;

public sealed class PortfolioRulesTests
{
    [Theory]
    [InlineData(8.0, 100, ObservatoryLevel.Green)]
    [InlineData(7.96, 100, ObservatoryLevel.Green)] // shown 8,0
    [InlineData(7.94, 100, ObservatoryLevel.Amber)]
    [InlineData(5.0, 250, ObservatoryLevel.Amber)]
    [InlineData(4.9, 250, ObservatoryLevel.Red)]
    [InlineData(9.5, 99, ObservatoryLevel.Insufficient)]
    [InlineData(0.0, 100, ObservatoryLevel.Red)]
    public void Satisfaction_and_clarity_follow_the_observatory_from_100_answers(double value, long answers, ObservatoryLevel expected) =>
        Assert.Equal(expected, Observatory.OutOfTen((decimal)value, answers));

    [Fact]
    public void No_figure_is_not_enough_answers() => Assert.Equal(ObservatoryLevel.Insufficient, Observatory.OutOfTen(null, 500));

    [Theory]
    [InlineData(85, 100, ObservatoryLevel.Green)]
    [InlineData(84, 100, ObservatoryLevel.Amber)]
    [InlineData(70, 100, ObservatoryLevel.Amber)]
    [InlineData(69, 100, ObservatoryLevel.Red)]
    [InlineData(100, 99, ObservatoryLevel.Insufficient)]
    public void Help_reachable_is_green_from_85_percent(int percent, long answers, ObservatoryLevel expected) =>
        Assert.Equal(expected, Observatory.HelpReachable(percent, answers));

    [Fact]
    public void Rgaa_needs_an_audit_of_less_than_three_years()
    {
        var today = new DateOnly(2026, 12, 5);
        Assert.Equal(ObservatoryLevel.Green, Observatory.Rgaa(100m, today.AddYears(-3).AddDays(1), today));
        Assert.Equal(ObservatoryLevel.Red, Observatory.Rgaa(100m, today.AddYears(-3), today));
        Assert.Equal(ObservatoryLevel.Amber, Observatory.Rgaa(99.9m, today, today));
        Assert.Equal(ObservatoryLevel.Amber, Observatory.Rgaa(50m, today, today));
        Assert.Equal(ObservatoryLevel.Red, Observatory.Rgaa(49.9m, today, today));
        Assert.Equal(ObservatoryLevel.Red, Observatory.Rgaa(null, today, today));
        Assert.Equal(ObservatoryLevel.Red, Observatory.Rgaa(100m, null, today));
    }

    [Fact]
    public void Health_is_the_worst_status_and_missing_measures_are_to_watch()
    {
        var line = new PortfolioSummary();
        line.SetIndicators([]);
        Assert.Equal(PortfolioHealth.NoIndicator, line.Health);
        line.SetIndicators([IndicatorStatus.Reached, IndicatorStatus.OnTrack]);
        Assert.Equal(PortfolioHealth.Good, line.Health);
        line.SetIndicators([IndicatorStatus.Reached, IndicatorStatus.Late]);
        Assert.Equal(PortfolioHealth.Watch, line.Health);
        line.SetIndicators([IndicatorStatus.NoData]);
        Assert.Equal(PortfolioHealth.Watch, line.Health);
        line.SetIndicators([IndicatorStatus.Watch, IndicatorStatus.OffTrack, IndicatorStatus.Reached]);
        Assert.Equal(PortfolioHealth.OffTrack, line.Health);
        Assert.Equal(3, line.Indicators);
        Assert.Equal(1, line.Count(IndicatorStatus.OffTrack));
    }

    [Fact]
    public void Flags_are_counted_and_listed_for_a_LIKE_filter()
    {
        var line = new PortfolioSummary();
        line.SetFlags([("vision-stale", false), ("homologation-expired", true), ("vision-stale", false)]);
        Assert.Equal(3, line.FlagCount);
        Assert.Equal(1, line.AlertCount);
        Assert.Equal(";homologation-expired;vision-stale;", line.FlagCodes);
        Assert.True(line.Has("vision-stale"));
        Assert.False(line.Has("vision"));

        var many = Enumerable.Range(0, 100).Select(i => ($"code-numero-{i:000}", false)).ToList();
        line.SetFlags(many);
        Assert.Equal(100, line.FlagCount);
        Assert.True(line.FlagCodes.Length <= PortfolioSummary.FlagCodesMaxLength);
        Assert.EndsWith(";", line.FlagCodes, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_is_stale_when_changed_since_computed_or_computed_another_day()
    {
        var today = new DateOnly(2026, 12, 5);
        var line = new PortfolioSummary { ChangeCount = 3, RefreshedChange = 3, ComputedOn = today };
        Assert.False(line.IsStale(today));
        Assert.True(line.IsStale(today.AddDays(1)));
        line.ChangeCount++;
        Assert.True(line.IsStale(today));
    }
}
