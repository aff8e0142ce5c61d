using Cap.Domain.Portfolio;
using Cap.Domain.Steering;

namespace Cap.Domain.Tests.Portfolio;

/// <summary>Availability and page load: the observatory's thresholds, the indicator that gives them, and the portfolio's kept figures.</summary>
public sealed class ObservatoryMeasuresTests
{
    [Theory]
    [InlineData("100", ObservatoryLevel.Green)]
    [InlineData("99.901", ObservatoryLevel.Green)]
    [InlineData("99.9", ObservatoryLevel.Amber)] // 99.9 exactly is not above 99.9
    [InlineData("99.0", ObservatoryLevel.Amber)]
    [InlineData("98.5", ObservatoryLevel.Amber)]
    [InlineData("98.49", ObservatoryLevel.Red)]
    [InlineData("0", ObservatoryLevel.Red)]
    public void Availability_is_green_above_99_9_and_red_below_98_5(string percent, ObservatoryLevel expected) =>
        Assert.Equal(expected, Observatory.Availability(decimal.Parse(percent, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("0", ObservatoryLevel.Green)]
    [InlineData("0.399", ObservatoryLevel.Green)]
    [InlineData("0.4", ObservatoryLevel.Amber)] // 0.4 exactly is amber
    [InlineData("0.6", ObservatoryLevel.Amber)]
    [InlineData("0.8", ObservatoryLevel.Amber)] // 0.8 exactly is still amber
    [InlineData("0.801", ObservatoryLevel.Red)]
    [InlineData("3", ObservatoryLevel.Red)]
    public void Page_load_is_green_below_0_4_s_and_red_above_0_8_s(string seconds, ObservatoryLevel expected) =>
        Assert.Equal(expected, Observatory.PageLoad(decimal.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Nothing_measured_is_not_measured_rather_than_too_few_answers()
    {
        Assert.Equal(ObservatoryLevel.Insufficient, Observatory.Availability(null));
        Assert.Equal(ObservatoryLevel.Insufficient, Observatory.PageLoad(null));
        Assert.Equal("Non mesuré", ObservatoryLevel.Insufficient.Label(ObservatoryMeasure.Availability));
        Assert.Equal("Non mesuré", ObservatoryLevel.Insufficient.Label(ObservatoryMeasure.PageLoad));
        Assert.Equal("Nombre d’avis insuffisant", ObservatoryLevel.Insufficient.Label(ObservatoryMeasure.Satisfaction));
        Assert.Equal("Vert", ObservatoryLevel.Green.Label(ObservatoryMeasure.PageLoad));
        Assert.Contains("99,9 %", ObservatoryMeasure.Availability.Threshold(), StringComparison.Ordinal);
        Assert.Contains("0,4 s", ObservatoryMeasure.PageLoad.Threshold(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ObservatoryMeasure.Availability, IndicatorUnit.Percent, true)]
    [InlineData(ObservatoryMeasure.Availability, IndicatorUnit.Number, false)]
    [InlineData(ObservatoryMeasure.Availability, IndicatorUnit.Seconds, false)]
    [InlineData(ObservatoryMeasure.PageLoad, IndicatorUnit.Seconds, true)]
    [InlineData(ObservatoryMeasure.PageLoad, IndicatorUnit.Milliseconds, true)]
    [InlineData(ObservatoryMeasure.PageLoad, IndicatorUnit.Percent, false)]
    [InlineData(ObservatoryMeasure.PageLoad, IndicatorUnit.Minutes, false)]
    public void An_indicator_gives_a_measure_only_in_its_unit(ObservatoryMeasure measure, IndicatorUnit unit, bool fits)
    {
        var errors = IndicatorRules.Validate(Input(measure, unit));
        Assert.Equal(fits, !errors.ContainsKey(nameof(IndicatorInput.ObservatoryMeasure)));
        Assert.Equal(fits, Observatory.Fits(measure, unit));
    }

    [Fact]
    public void Only_availability_and_page_load_can_be_given_by_an_indicator()
    {
        var errors = IndicatorRules.Validate(Input(ObservatoryMeasure.Satisfaction, IndicatorUnit.ScoreOn10));
        Assert.Contains("Disponibilité (observatoire)", errors[nameof(IndicatorInput.ObservatoryMeasure)], StringComparison.Ordinal);
        Assert.Empty(IndicatorRules.Validate(Input(null, IndicatorUnit.Number)));
    }

    [Fact]
    public void Milliseconds_are_converted_to_seconds()
    {
        Assert.Equal(0.4m, Observatory.InObservatoryUnit(ObservatoryMeasure.PageLoad, IndicatorUnit.Milliseconds, 400m));
        Assert.Equal(0.4m, Observatory.InObservatoryUnit(ObservatoryMeasure.PageLoad, IndicatorUnit.Seconds, 0.4m));
        Assert.Null(Observatory.InObservatoryUnit(ObservatoryMeasure.PageLoad, IndicatorUnit.Percent, 0.4m));
        Assert.Equal(ObservatoryLevel.Amber, Observatory.PageLoad(Observatory.InObservatoryUnit(ObservatoryMeasure.PageLoad, IndicatorUnit.Milliseconds, 800m)));
        Assert.Equal(ObservatoryLevel.Red, Observatory.PageLoad(Observatory.InObservatoryUnit(ObservatoryMeasure.PageLoad, IndicatorUnit.Milliseconds, 801m)));
    }

    [Fact]
    public void One_indicator_per_product_and_measure()
    {
        var uptime = new Indicator { Id = 1, Name = "Disponibilité", ObservatoryMeasure = ObservatoryMeasure.Availability };
        var other = new Indicator { Id = 2, Name = "Taux de dossiers complets" };
        var refusal = IndicatorRules.ObservatoryMeasureTaken(ObservatoryMeasure.Availability, [uptime, other]);
        Assert.NotNull(refusal);
        Assert.Equal(RefusalKind.Rule, refusal.Kind);
        Assert.Contains("« Disponibilité »", refusal.Errors[nameof(IndicatorInput.ObservatoryMeasure)], StringComparison.Ordinal);
        Assert.Null(IndicatorRules.ObservatoryMeasureTaken(ObservatoryMeasure.PageLoad, [uptime, other]));
        Assert.Null(IndicatorRules.ObservatoryMeasureTaken(null, [uptime, other]));
        Assert.Null(IndicatorRules.ObservatoryMeasureTaken(ObservatoryMeasure.Availability, [other]));
    }

    [Fact]
    public void The_portfolio_line_keeps_integers_and_judges_the_kept_values()
    {
        var line = new PortfolioSummary();
        line.SetMeasure(ObservatoryMeasure.Availability, IndicatorUnit.Percent, 99.95m, 99.9m);
        line.SetMeasure(ObservatoryMeasure.PageLoad, IndicatorUnit.Milliseconds, 380m, 1200m);
        line.SetLevels(new DateOnly(2026, 12, 5));
        Assert.Equal((99_950, 99_900), (line.AvailabilityKept, line.AvailabilityKeptPrevious));
        Assert.Equal((380, 1200), (line.PageLoadMs, line.PageLoadMsPrevious));
        Assert.Equal(99.95m, line.Availability);
        Assert.Equal(0.38m, line.PageLoadSeconds);
        Assert.Equal((ObservatoryLevel.Green, ObservatoryLevel.Amber), (line.AvailabilityLevel, line.AvailabilityLevelPrevious));
        Assert.Equal((ObservatoryLevel.Green, ObservatoryLevel.Red), (line.PageLoadLevel, line.PageLoadLevelPrevious));

        line.SetMeasure(ObservatoryMeasure.PageLoad, IndicatorUnit.Seconds, 0.4m, null);
        line.SetLevels(new DateOnly(2026, 12, 5));
        Assert.Equal(400, line.PageLoadMs);
        Assert.Equal((ObservatoryLevel.Amber, ObservatoryLevel.Insufficient), (line.PageLoadLevel, line.PageLoadLevelPrevious));
        Assert.Equal(int.MaxValue, Observatory.Kept(10_000_000m));
    }

    private static IndicatorInput Input(ObservatoryMeasure? measure, IndicatorUnit unit) => new()
    {
        Kind = IndicatorKind.Direction, Name = "Mesure", Unit = unit, Direction = WantedDirection.Up, Baseline = 1m, BaselineDate = new DateOnly(2026, 1, 1),
        Target = 2m, TargetDate = new DateOnly(2027, 1, 1), Frequency = UpdateFrequency.Monthly, ObservatoryMeasure = measure,
    };
}
