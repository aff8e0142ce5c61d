using Cap.Domain.Satisfaction;

namespace Cap.Domain.Tests.Satisfaction;

public sealed class SatisfactionScoreTests
{
    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 5)]
    [InlineData(3, 10)]
    public void Each_level_scores_the_state_points(int experience, int points) =>
        Assert.Equal(points, SatisfactionScore.Points(experience));

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void Levels_outside_one_to_three_are_refused(int experience) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SatisfactionScore.Points(experience));

    [Fact]
    public void Index_is_the_mean_out_of_ten()
    {
        Assert.Equal(10m, SatisfactionScore.Index(0, 0, 4));
        Assert.Equal(0m, SatisfactionScore.Index(3, 0, 0));
        Assert.Equal(5m, SatisfactionScore.Index(1, 0, 1));
        // (5 + 10 + 10) / 3 = 8.333...
        Assert.Equal(8.3m, SatisfactionScore.Index(0, 1, 2));
        Assert.Equal(8.3m, SatisfactionScore.Index(25, 3));
    }

    [Fact]
    public void No_answer_has_no_index()
    {
        Assert.Null(SatisfactionScore.Index(0, 0, 0));
        Assert.Null(SatisfactionScore.Index(0, 0));
    }

    [Theory]
    [InlineData("10", ScoreColour.Green)]
    [InlineData("8", ScoreColour.Green)]
    [InlineData("7.96", ScoreColour.Green)] // shown as 8,0: the colour follows what is shown
    [InlineData("7.94", ScoreColour.Amber)]
    [InlineData("5", ScoreColour.Amber)]
    [InlineData("4.96", ScoreColour.Amber)]
    [InlineData("4.9", ScoreColour.Red)]
    [InlineData("0", ScoreColour.Red)]
    public void Colour_is_green_from_8_amber_from_5_red_below(string index, ScoreColour expected) =>
        Assert.Equal(expected, SatisfactionScore.Colour(decimal.Parse(index, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Target_is_the_interministerial_8() => Assert.Equal(8m, SatisfactionScore.Target);
}
