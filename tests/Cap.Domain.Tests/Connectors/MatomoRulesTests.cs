using Cap.Domain.Connectors;
using Cap.Domain.Steering;

namespace Cap.Domain.Tests.Connectors;

public class MatomoRulesTests
{
    // A Wednesday.
    private static readonly DateOnly Today = new(2026, 12, 9);

    [Theory]
    [InlineData("45%", 45)]
    [InlineData("45 %", 45)]
    [InlineData("12.5%", 12.5)]
    [InlineData("12,5 %", 12.5)]
    [InlineData("0%", 0)]
    [InlineData("187", 187)]
    public void Values_are_read_with_or_without_their_percent_sign(string raw, double expected) =>
        Assert.Equal((decimal)expected, MatomoRules.ParseValue(raw));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("n/a")]
    [InlineData("%")]
    public void What_is_not_a_number_gives_no_value(string? raw) => Assert.Null(MatomoRules.ParseValue(raw));

    [Theory]
    [InlineData("2026-11-30", 2026, 11, 30)]
    [InlineData("2026-11-30,2026-12-06", 2026, 11, 30)]
    [InlineData("2026-11", 2026, 11, 1)]
    [InlineData("2026", 2026, 1, 1)]
    public void Matomo_period_keys_give_the_period_first_day(string key, int y, int m, int d) =>
        Assert.Equal(new DateOnly(y, m, d), MatomoRules.KeyDate(key));

    [Theory]
    [InlineData("semaine")]
    [InlineData("20261")]
    [InlineData("")]
    public void An_unreadable_key_gives_no_date(string key) => Assert.Null(MatomoRules.KeyDate(key));

    [Fact]
    public void Weekly_periods_run_monday_to_sunday_and_only_finished_ones_are_read()
    {
        var periods = MatomoRules.Periods(UpdateFrequency.Weekly, null, Today);
        Assert.All(periods, p => Assert.Equal(DayOfWeek.Monday, p.From.DayOfWeek));
        Assert.All(periods, p => Assert.Equal(p.From.AddDays(6), p.To));
        Assert.Equal(new DateOnly(2026, 12, 6), periods[^1].To);
        // Twelve months back: the week holding 9 December 2025.
        Assert.Equal(new DateOnly(2025, 12, 8), periods[0].From);
        Assert.Equal(52, periods.Count);
    }

    [Fact]
    public void After_a_first_sync_the_period_holding_the_last_day_read_is_read_again()
    {
        // Synced on Monday 7 December through Sunday 6: the week that just ended is read once more, then nothing.
        Assert.Equal(new[] { new MatomoPeriod(new DateOnly(2026, 11, 30), new DateOnly(2026, 12, 6)) },
            MatomoRules.Periods(UpdateFrequency.Weekly, new DateOnly(2026, 12, 6), new DateOnly(2026, 12, 7)));
        Assert.Empty(MatomoRules.Periods(UpdateFrequency.Weekly, new DateOnly(2026, 12, 8), Today));
        Assert.Equal(new DateOnly(2026, 11, 1), MatomoRules.Periods(UpdateFrequency.Monthly, new DateOnly(2026, 11, 30), new DateOnly(2026, 12, 1)).Single().From);
    }

    [Fact]
    public void Monthly_quarterly_and_yearly_periods_are_calendar_ones()
    {
        var months = MatomoRules.Periods(UpdateFrequency.Monthly, null, Today);
        Assert.Equal((new DateOnly(2025, 12, 1), new DateOnly(2026, 11, 30)), (months[0].From, months[^1].To));
        Assert.Equal(12, months.Count);
        var quarters = MatomoRules.Periods(UpdateFrequency.Quarterly, null, Today);
        Assert.Equal(new[] { new DateOnly(2025, 10, 1), new DateOnly(2026, 1, 1), new DateOnly(2026, 4, 1), new DateOnly(2026, 7, 1) }, quarters.Select(q => q.From));
        Assert.Equal(new DateOnly(2026, 9, 30), quarters[^1].To);
        Assert.Equal(new[] { new MatomoPeriod(new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)) }, MatomoRules.Periods(UpdateFrequency.Yearly, null, Today));
        Assert.Equal("range", MatomoRules.PeriodName(UpdateFrequency.Quarterly));
    }

    [Theory]
    [InlineData(MatomoMetric.UniqueVisitors, IndicatorUnit.Number, true)]
    [InlineData(MatomoMetric.Visits, IndicatorUnit.Free, true)]
    [InlineData(MatomoMetric.Visits, IndicatorUnit.Percent, false)]
    [InlineData(MatomoMetric.BounceRate, IndicatorUnit.Percent, true)]
    [InlineData(MatomoMetric.BounceRate, IndicatorUnit.Number, false)]
    [InlineData(MatomoMetric.AverageTimeOnSite, IndicatorUnit.Seconds, true)]
    [InlineData(MatomoMetric.AverageTimeOnSite, IndicatorUnit.Minutes, true)]
    [InlineData(MatomoMetric.AverageTimeOnSite, IndicatorUnit.Days, false)]
    [InlineData(MatomoMetric.GoalConversions, IndicatorUnit.Number, true)]
    [InlineData(MatomoMetric.GoalConversions, IndicatorUnit.ScoreOn10, false)]
    public void A_metric_feeds_only_an_indicator_whose_unit_fits(MatomoMetric metric, IndicatorUnit unit, bool fits) =>
        Assert.Equal(fits, MatomoRules.UnitError(metric, unit) is null);

    [Fact]
    public void The_time_on_site_is_converted_for_an_indicator_in_minutes() =>
        Assert.Equal((200m, 3.33m), (MatomoRules.ToIndicatorValue(MatomoMetric.AverageTimeOnSite, IndicatorUnit.Seconds, 200),
            MatomoRules.ToIndicatorValue(MatomoMetric.AverageTimeOnSite, IndicatorUnit.Minutes, 200)));

    [Fact]
    public void A_goal_is_required_for_conversions_only()
    {
        Assert.NotNull(MatomoRules.GoalError(MatomoMetric.GoalConversions, null));
        Assert.NotNull(MatomoRules.GoalError(MatomoMetric.GoalConversions, 0));
        Assert.Null(MatomoRules.GoalError(MatomoMetric.GoalConversions, 2));
        Assert.NotNull(MatomoRules.GoalError(MatomoMetric.Visits, 2));
        Assert.Null(MatomoRules.GoalError(MatomoMetric.Visits, null));
    }

    [Theory]
    [InlineData("https://stats.data.gouv.fr/index.php", "https://stats.data.gouv.fr")]
    [InlineData("https://matomo.example.org/analytics/", "https://matomo.example.org/analytics")]
    [InlineData(" http://localhost:8080/index.php/ ", "http://localhost:8080")]
    public void The_address_is_kept_without_index_php(string typed, string kept) => Assert.Equal(kept, MatomoRules.NormalizeBaseUrl(typed));

    [Theory]
    [InlineData("https://stats.data.gouv.fr", true)]
    [InlineData("http://127.0.0.1:8080", true)]
    [InlineData("http://matomo.example.org", false)]
    [InlineData("https://u:p@matomo.example.org", false)]
    public void Matomo_addresses_follow_the_connectors_rules(string url, bool ok) => Assert.Equal(ok, MatomoRules.BaseUrlError(url) is null);
}
