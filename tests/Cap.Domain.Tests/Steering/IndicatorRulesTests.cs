using Cap.Domain.Steering;

namespace Cap.Domain.Tests.Steering;

public sealed class IndicatorRulesTests
{
    private static IndicatorInput Valid() => new()
    {
        Kind = IndicatorKind.Success,
        Name = "Satisfaction",
        Unit = IndicatorUnit.ScoreOn10,
        Direction = WantedDirection.Up,
        Baseline = 6m,
        BaselineDate = new DateOnly(2026, 1, 1),
        Target = 8m,
        TargetDate = new DateOnly(2027, 1, 1),
        Frequency = UpdateFrequency.Monthly,
    };

    [Fact]
    public void A_complete_indicator_is_valid()
    {
        Assert.Empty(IndicatorRules.Validate(Valid()));
    }

    [Fact]
    public void Missing_fields_each_get_a_message()
    {
        var errors = IndicatorRules.Validate(new IndicatorInput());
        foreach (var field in new[] { "Kind", "Name", "Unit", "Direction", "Frequency", "Baseline", "BaselineDate", "Target", "TargetDate" })
        {
            Assert.True(errors.ContainsKey(field), field);
        }
    }

    [Fact]
    public void Target_equal_to_baseline_is_refused()
    {
        var input = Valid();
        input.Target = 6m;
        Assert.Equal("La cible doit être différente de la valeur de référence.", IndicatorRules.Validate(input)["Target"]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Target_date_must_follow_the_baseline_date(int days)
    {
        var input = Valid();
        input.TargetDate = input.BaselineDate!.Value.AddDays(days);
        Assert.Contains("postérieure", IndicatorRules.Validate(input)["TargetDate"], StringComparison.Ordinal);
    }

    [Fact]
    public void A_range_needs_an_upper_bound_above_the_target()
    {
        var input = Valid();
        input.Direction = WantedDirection.Range;
        Assert.True(IndicatorRules.Validate(input).ContainsKey("TargetMax"));
        input.TargetMax = 8m;
        Assert.True(IndicatorRules.Validate(input).ContainsKey("TargetMax"));
        input.TargetMax = 9m;
        Assert.Empty(IndicatorRules.Validate(input));
    }

    [Fact]
    public void A_range_may_have_its_target_equal_to_the_baseline()
    {
        var input = Valid();
        input.Direction = WantedDirection.Range;
        input.Target = 6m;
        input.TargetMax = 9m;
        Assert.Empty(IndicatorRules.Validate(input));
    }

    [Fact]
    public void A_free_unit_needs_its_name()
    {
        var input = Valid();
        input.Unit = IndicatorUnit.Free;
        Assert.True(IndicatorRules.Validate(input).ContainsKey("CustomUnit"));
        input.CustomUnit = "appels";
        Assert.Empty(IndicatorRules.Validate(input));
    }

    [Fact]
    public void Lengths_are_limited()
    {
        var input = Valid();
        input.Name = new string('a', Indicator.NameMaxLength + 1);
        input.Definition = new string('a', Indicator.DefinitionMaxLength + 1);
        input.DataSource = new string('a', Indicator.SourceMaxLength + 1);
        input.CustomUnit = new string('a', Indicator.UnitMaxLength + 1);
        var errors = IndicatorRules.Validate(input);
        Assert.Equal(["CustomUnit", "DataSource", "Definition", "Name"], errors.Keys.Order().ToArray());
    }

    [Fact]
    public void Unknown_enum_values_are_refused()
    {
        var input = Valid();
        input.Kind = (IndicatorKind)42;
        input.Family = (ImpactFamily)42;
        var errors = IndicatorRules.Validate(input);
        Assert.True(errors.ContainsKey("Kind"));
        Assert.True(errors.ContainsKey("Family"));
    }

    [Fact]
    public void Measurement_may_be_dated_tomorrow_but_not_later()
    {
        var today = new DateOnly(2026, 11, 26);
        Assert.Empty(IndicatorRules.ValidateMeasurement(new MeasurementInput(today.AddDays(1), 1m, null), today));
        Assert.Equal("La date de la mesure ne peut pas dépasser demain.",
            IndicatorRules.ValidateMeasurement(new MeasurementInput(today.AddDays(2), 1m, null), today)["Date"]);
    }

    [Fact]
    public void Measurement_needs_a_date_and_a_value_and_a_short_comment()
    {
        var errors = IndicatorRules.ValidateMeasurement(new MeasurementInput(null, null, new string('a', Measurement.CommentMaxLength + 1)), new DateOnly(2026, 1, 1));
        Assert.Equal(["Comment", "Date", "Value"], errors.Keys.Order().ToArray());
    }

    [Theory]
    [InlineData("12,5", 12.5)]
    [InlineData("12.5", 12.5)]
    [InlineData(" -3 ", -3)]
    [InlineData("1 234,5", 1234.5)]
    [InlineData("1\u202F234,5", 1234.5)]
    [InlineData("1,234.5", 1234.5)]
    [InlineData("1.234,5", 1234.5)]
    [InlineData("0", 0)]
    public void Numbers_are_read_in_french_and_international_forms(string text, double expected)
    {
        Assert.True(IndicatorRules.TryParseNumber(text, out var value));
        Assert.Equal((decimal)expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("12,5,3")]
    [InlineData("1.2.3")]
    [InlineData(null)]
    public void Non_numbers_are_refused(string? text)
    {
        Assert.False(IndicatorRules.TryParseNumber(text, out _));
    }

    [Fact]
    public void Numbers_are_shown_in_french()
    {
        Assert.Equal("1\u202F234,5", IndicatorRules.Format(1234.5m).Replace('\u00A0', '\u202F'));
    }
}
