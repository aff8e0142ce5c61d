using Cap.Domain.Roadmap;

namespace Cap.Domain.Tests.Roadmap;

public sealed class RoadmapRulesTests
{
    private static readonly DateOnly Start = new(2027, 1, 1);

    [Fact]
    public void Horizon_of_six_months_is_accepted_without_warning()
    {
        Assert.Null(RoadmapRules.HorizonError(Start, new DateOnly(2027, 6, 30)));
        Assert.Null(RoadmapRules.HorizonWarning(Start, new DateOnly(2027, 6, 30)));
    }

    [Fact]
    public void Horizon_beyond_six_months_is_refused_in_french()
    {
        var error = RoadmapRules.HorizonError(Start, new DateOnly(2027, 7, 1));
        Assert.NotNull(error);
        Assert.Contains("6 mois", error, StringComparison.Ordinal);
        Assert.Contains("30/06/2027", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Horizon_at_the_end_of_the_calendar_is_refused_not_overflowed()
    {
        // Found by the OpenAPI fuzz test: a horizon ending on 31/12/9999 made the length check overflow (500).
        Assert.Equal("Choisissez un horizon entre le 01/01/2000 et le 31/12/2199.", RoadmapRules.HorizonError(Start, DateOnly.MaxValue));
        Assert.NotNull(RoadmapRules.HorizonError(DateOnly.MaxValue.AddMonths(-2), DateOnly.MaxValue));
        Assert.NotNull(RoadmapRules.HorizonError(DateOnly.MinValue, Start));
        Assert.Null(RoadmapRules.HorizonError(new DateOnly(2199, 7, 1), RoadmapRules.LatestDate));
    }

    [Fact]
    public void Horizon_ending_before_it_starts_is_refused()
    {
        Assert.NotNull(RoadmapRules.HorizonError(Start, Start));
        Assert.NotNull(RoadmapRules.HorizonError(Start, Start.AddDays(-1)));
    }

    [Fact]
    public void Horizon_under_three_months_is_accepted_with_a_warning()
    {
        Assert.Null(RoadmapRules.HorizonError(Start, new DateOnly(2027, 2, 15)));
        Assert.NotNull(RoadmapRules.HorizonWarning(Start, new DateOnly(2027, 2, 15)));
        Assert.Null(RoadmapRules.HorizonWarning(Start, new DateOnly(2027, 3, 31)));
    }

    [Theory]
    [InlineData(5, false)]
    [InlineData(6, true)]
    public void More_than_five_priorities_warns(int count, bool warns) =>
        Assert.Equal(warns, RoadmapRules.PrioritiesWarning(count) is not null);

    [Theory]
    [InlineData(1, 1, 1, "faible", 2, 0)]
    [InlineData(3, 1, 3, "moyenne", 2, 2)]
    [InlineData(2, 2, 4, "moyenne", 1, 1)]
    [InlineData(1, 3, 3, "moyenne", 0, 0)]
    [InlineData(3, 3, 9, "élevée", 0, 2)]
    public void Risk_score_level_and_matrix_cell(int probability, int impact, int score, string level, int row, int column)
    {
        Assert.Equal(score, RoadmapRules.RiskScore(probability, impact));
        Assert.Equal(level, RoadmapRules.RiskLevel(probability, impact));
        Assert.Equal((row, column), RoadmapRules.MatrixCell(probability, impact));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(3, true)]
    [InlineData(4, false)]
    public void Scales_go_from_one_to_three(int value, bool valid) => Assert.Equal(valid, RoadmapRules.IsValidScale(value));

    [Fact]
    public void Periods_are_read_as_months_or_iso_weeks()
    {
        Assert.Equal((PeriodUnit.Month, new DateOnly(2027, 2, 1), new DateOnly(2027, 2, 28)), RoadmapRules.ParsePeriod("2027-02"));
        Assert.Equal((PeriodUnit.Month, new DateOnly(2027, 2, 1), new DateOnly(2027, 2, 28)), RoadmapRules.ParsePeriod("02/2027"));
        Assert.Equal((PeriodUnit.Week, new DateOnly(2027, 1, 4), new DateOnly(2027, 1, 10)), RoadmapRules.ParsePeriod("2027-S01"));
        Assert.Equal((PeriodUnit.Week, new DateOnly(2027, 1, 4), new DateOnly(2027, 1, 10)), RoadmapRules.ParsePeriod("2027-w01"));
        Assert.Null(RoadmapRules.ParsePeriod("2027-S60"));
        Assert.Null(RoadmapRules.ParsePeriod("mars"));
        Assert.Equal("2027-S01", RoadmapRules.FormatPeriod(PeriodUnit.Week, new DateOnly(2027, 1, 4)));
        Assert.Equal("2027-02", RoadmapRules.FormatPeriod(PeriodUnit.Month, new DateOnly(2027, 2, 1)));
    }

    [Fact]
    public void Calendar_columns_cover_the_horizon()
    {
        Assert.Equal(6, RoadmapRules.Months(Start, new DateOnly(2027, 6, 30)).Count);
        Assert.Equal(new DateOnly(2026, 12, 28), RoadmapRules.Weeks(Start, new DateOnly(2027, 1, 31))[0]);
        Assert.True(RoadmapRules.ShowsWeeks(Start, new DateOnly(2027, 3, 31)));
        Assert.False(RoadmapRules.ShowsWeeks(Start, new DateOnly(2027, 4, 30)));
    }
}
