using Cap.Domain.Steering;

namespace Cap.Domain.Tests.Steering;

public sealed class IndicatorStatusRuleTests
{
    private static readonly DateOnly Start = new(2026, 1, 1);
    private static readonly DateOnly End = new(2027, 1, 1);

    private static IndicatorSpec Up(UpdateFrequency frequency = UpdateFrequency.Monthly) =>
        new(WantedDirection.Up, 0m, Start, 100m, null, End, frequency);

    private static IndicatorSpec Down() => new(WantedDirection.Down, 30m, Start, 15m, null, End, UpdateFrequency.Monthly);

    private static IndicatorSpec Range() => new(WantedDirection.Range, 50m, Start, 40m, 60m, End, UpdateFrequency.Monthly);

    private static Point P(int year, int month, int day, decimal value) => new(new DateOnly(year, month, day), value);

    private static IndicatorStatus StatusOf(IndicatorSpec spec, DateOnly today, params Point[] points) =>
        IndicatorStatusRule.Assess(spec, points, today).Status;

    [Fact]
    public void No_measurement_means_no_data()
    {
        var result = IndicatorStatusRule.Assess(Up(), [], new DateOnly(2026, 6, 1));
        Assert.Equal(IndicatorStatus.NoData, result.Status);
        Assert.Null(result.Last);
        Assert.Null(result.Progress);
    }

    [Theory]
    [InlineData(UpdateFrequency.Weekly, 10)]
    [InlineData(UpdateFrequency.Monthly, 46)]
    [InlineData(UpdateFrequency.Quarterly, 138)]
    [InlineData(UpdateFrequency.Yearly, 549)]
    public void Data_is_late_one_day_after_a_period_and_a_half(UpdateFrequency frequency, int allowedDays)
    {
        var last = new DateOnly(2026, 3, 1);
        var points = new[] { new Point(last, 90m) };
        Assert.NotEqual(IndicatorStatus.Late, StatusOf(Up(frequency), last.AddDays(allowedDays), points));
        Assert.Equal(IndicatorStatus.Late, StatusOf(Up(frequency), last.AddDays(allowedDays + 1), points));
    }

    [Fact]
    public void Late_data_wins_over_a_reached_target()
    {
        Assert.Equal(IndicatorStatus.Late, StatusOf(Up(), new DateOnly(2026, 9, 1), P(2026, 6, 1, 120m)));
    }

    [Fact]
    public void Exactly_at_target_is_reached_with_full_progress()
    {
        var result = IndicatorStatusRule.Assess(Up(), [P(2026, 6, 1, 100m)], new DateOnly(2026, 6, 2));
        Assert.Equal(IndicatorStatus.Reached, result.Status);
        Assert.Equal(100m, result.Progress);
    }

    [Fact]
    public void Beyond_target_is_reached_and_progress_is_capped()
    {
        var result = IndicatorStatusRule.Assess(Up(), [P(2026, 6, 1, 150m)], new DateOnly(2026, 6, 2));
        Assert.Equal(IndicatorStatus.Reached, result.Status);
        Assert.Equal(100m, result.Progress);
    }

    [Fact]
    public void Rising_on_the_path_with_a_trend_reaching_the_target_is_on_track()
    {
        var today = new DateOnly(2026, 6, 5);
        Assert.Equal(IndicatorStatus.OnTrack, StatusOf(Up(), today,
            P(2026, 2, 1, 10m), P(2026, 3, 1, 18m), P(2026, 4, 1, 27m), P(2026, 5, 1, 35m), P(2026, 6, 1, 44m)));
    }

    [Fact]
    public void Above_the_path_but_flat_is_to_watch()
    {
        var today = new DateOnly(2026, 6, 5);
        var result = IndicatorStatusRule.Assess(Up(), [P(2026, 4, 1, 60m), P(2026, 5, 1, 60m), P(2026, 6, 1, 60m)], today);
        Assert.Equal(IndicatorStatus.Watch, result.Status);
        Assert.Equal(60m, Math.Round(result.Projected!.Value, 6));
    }

    [Fact]
    public void Below_the_path_but_rising_fast_is_to_watch()
    {
        var today = new DateOnly(2026, 6, 5);
        Assert.Equal(IndicatorStatus.Watch, StatusOf(Up(), today, P(2026, 4, 1, 5m), P(2026, 5, 1, 15m), P(2026, 6, 1, 30m)));
    }

    [Fact]
    public void Below_the_path_and_flat_is_off_track()
    {
        var today = new DateOnly(2026, 6, 5);
        Assert.Equal(IndicatorStatus.OffTrack, StatusOf(Up(), today, P(2026, 4, 1, 5m), P(2026, 5, 1, 5m), P(2026, 6, 1, 5m)));
    }

    [Fact]
    public void With_fewer_than_three_points_only_the_path_counts()
    {
        var today = new DateOnly(2026, 6, 5);
        Assert.Equal(IndicatorStatus.OnTrack, StatusOf(Up(), today, P(2026, 5, 1, 40m), P(2026, 6, 1, 45m)));
        Assert.Equal(IndicatorStatus.Watch, StatusOf(Up(), today, P(2026, 5, 1, 10m), P(2026, 6, 1, 12m)));
    }

    [Fact]
    public void Exactly_on_the_path_counts_as_on_the_path()
    {
        var spec = Up();
        var date = new DateOnly(2026, 7, 2);
        var expected = IndicatorStatusRule.ExpectedAt(spec, date);
        Assert.Equal(IndicatorStatus.OnTrack, StatusOf(spec, date, new Point(date, expected)));
        Assert.Equal(IndicatorStatus.Watch, StatusOf(spec, date, new Point(date, expected - 0.01m)));
    }

    [Fact]
    public void Target_date_passed_without_reaching_is_off_track()
    {
        var today = new DateOnly(2027, 1, 10);
        Assert.Equal(IndicatorStatus.OffTrack, StatusOf(Up(), today, P(2026, 11, 1, 85m), P(2026, 12, 1, 92m), P(2027, 1, 5, 99m)));
        Assert.Equal(IndicatorStatus.Reached, StatusOf(Up(), today, P(2026, 12, 1, 92m), P(2027, 1, 5, 100m)));
    }

    [Fact]
    public void Down_direction_reaches_at_or_below_the_target()
    {
        var today = new DateOnly(2026, 6, 5);
        Assert.Equal(IndicatorStatus.Reached, StatusOf(Down(), today, P(2026, 6, 1, 15m)));
        Assert.Equal(IndicatorStatus.Reached, StatusOf(Down(), today, P(2026, 6, 1, 12m)));
    }

    [Fact]
    public void Down_direction_judges_the_path_and_trend_downwards()
    {
        var today = new DateOnly(2026, 6, 5);
        Assert.Equal(IndicatorStatus.OnTrack, StatusOf(Down(), today, P(2026, 4, 1, 25m), P(2026, 5, 1, 23m), P(2026, 6, 1, 21m)));
        Assert.Equal(IndicatorStatus.OffTrack, StatusOf(Down(), today, P(2026, 4, 1, 31m), P(2026, 5, 1, 31m), P(2026, 6, 1, 32m)));
        Assert.Equal(IndicatorStatus.Watch, StatusOf(Down(), today, P(2026, 4, 1, 20m), P(2026, 5, 1, 20m), P(2026, 6, 1, 20m)));
    }

    [Fact]
    public void Down_progress_counts_the_way_down()
    {
        var result = IndicatorStatusRule.Assess(Down(), [P(2026, 6, 1, 22.5m)], new DateOnly(2026, 6, 5));
        Assert.Equal(50m, result.Progress);
    }

    [Theory]
    [InlineData(40, IndicatorStatus.Reached)]
    [InlineData(60, IndicatorStatus.Reached)]
    [InlineData(50, IndicatorStatus.Reached)]
    [InlineData(62, IndicatorStatus.Watch)]
    [InlineData(38, IndicatorStatus.Watch)]
    [InlineData(62.01, IndicatorStatus.OffTrack)]
    [InlineData(30, IndicatorStatus.OffTrack)]
    public void Range_is_reached_inside_and_watched_within_a_tenth_of_its_width(double value, IndicatorStatus expected)
    {
        var result = IndicatorStatusRule.Assess(Range(), [P(2026, 6, 1, (decimal)value)], new DateOnly(2026, 6, 5));
        Assert.Equal(expected, result.Status);
        Assert.Null(result.Progress);
        Assert.Null(result.Projected);
    }

    [Fact]
    public void Projection_is_the_least_squares_line_at_the_target_date()
    {
        // Days 0, 1, 2 with values 1, 3, 2: slope 0.5, intercept 1.5, so 3.5 at day 4.
        var points = new[] { P(2026, 1, 1, 1m), P(2026, 1, 2, 3m), P(2026, 1, 3, 2m) };
        Assert.Equal(3.5m, Math.Round(IndicatorStatusRule.Project(points, new DateOnly(2026, 1, 5))!.Value, 6));
    }

    [Fact]
    public void Projection_uses_only_the_last_eight_points()
    {
        var points = new List<Point> { P(2025, 1, 1, 1000m), P(2025, 2, 1, -1000m) };
        for (var i = 0; i < IndicatorStatusRule.TrendPoints; i++)
        {
            points.Add(new Point(new DateOnly(2026, 1, 1).AddDays(i), i));
        }
        Assert.Equal(20m, Math.Round(IndicatorStatusRule.Project(points, new DateOnly(2026, 1, 21))!.Value, 6));
    }

    [Fact]
    public void Projection_needs_three_points()
    {
        Assert.Null(IndicatorStatusRule.Project([P(2026, 1, 1, 1m), P(2026, 2, 1, 2m)], End));
    }

    [Fact]
    public void Points_are_assessed_in_date_order_whatever_the_input_order()
    {
        var result = IndicatorStatusRule.Assess(Up(), [P(2026, 6, 1, 44m), P(2026, 2, 1, 10m), P(2026, 4, 1, 27m)], new DateOnly(2026, 6, 5));
        Assert.Equal(new DateOnly(2026, 6, 1), result.Last!.Value.Date);
        Assert.Equal(IndicatorStatus.OnTrack, result.Status);
    }

    [Fact]
    public void Kept_summary_gives_the_same_assessment_as_the_points_whatever_the_day()
    {
        var random = new Random(7);
        var points = Enumerable.Range(0, 30).Select(i => new Point(Start.AddDays(i * 9), (decimal)Math.Round(random.NextDouble() * 100, 2))).ToList();
        var summary = IndicatorStatusRule.Summarise(points)!;
        // The summary round-trips through the indicator's columns as the data layer keeps it.
        var indicator = new Indicator
        {
            LastDate = summary.Last.Date, LastValue = summary.Last.Value,
            TrendValue = summary.Trend!.Value.ValueAtAnchor, TrendSlope = summary.Trend.Value.SlopePerDay,
        };
        foreach (var spec in new[] { Up(), Down(), Range(), Up(UpdateFrequency.Weekly) })
        {
            foreach (var today in new[] { points[^1].Date, points[^1].Date.AddDays(40), End.AddDays(1) })
            {
                Assert.Equal(IndicatorStatusRule.Assess(spec, points, today), IndicatorStatusRule.Assess(spec, indicator.Summary, today));
            }
        }
    }

    [Fact]
    public void Summary_of_no_points_is_none_and_of_two_points_has_no_trend()
    {
        Assert.Null(IndicatorStatusRule.Summarise([]));
        var two = IndicatorStatusRule.Summarise([P(2026, 3, 1, 5m), P(2026, 1, 1, 1m)])!;
        Assert.Equal(P(2026, 3, 1, 5m), two.Last);
        Assert.Null(two.Trend);
        Assert.Null(new Indicator { LastDate = null, LastValue = 3m }.Summary);
    }

    [Fact]
    public void Expected_value_is_clamped_to_the_baseline_and_target_dates()
    {
        Assert.Equal(0m, IndicatorStatusRule.ExpectedAt(Up(), new DateOnly(2025, 6, 1)));
        Assert.Equal(100m, IndicatorStatusRule.ExpectedAt(Up(), new DateOnly(2027, 6, 1)));
    }

    [Fact]
    public void Every_status_has_a_french_label()
    {
        foreach (var status in Enum.GetValues<IndicatorStatus>())
        {
            Assert.NotEqual(status.ToString(), status.Label());
        }
    }
}
