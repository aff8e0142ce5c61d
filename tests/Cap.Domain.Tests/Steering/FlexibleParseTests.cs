using Cap.Domain.Steering;

namespace Cap.Domain.Tests.Steering;

public sealed class FlexibleParseTests
{
    [Theory]
    [InlineData("12,5", 12.5)]
    [InlineData("12.5", 12.5)]
    [InlineData("1 234,5", 1234.5)]
    [InlineData("1\u00A0234,5", 1234.5)]
    [InlineData("1\u202F234,5", 1234.5)]
    [InlineData("1.234,5", 1234.5)]
    [InlineData("1,234.5", 1234.5)]
    [InlineData("1,234,567", 1234567)]
    [InlineData("1.234.567", 1234567)]
    [InlineData("-3,25", -3.25)]
    [InlineData("85%", 85)]
    [InlineData("12 %", 12)]
    [InlineData("\u22123,5", -3.5)]
    [InlineData("1e3", 1000)]
    public void Numbers_in_french_or_international_form_are_read(string text, double expected)
    {
        Assert.True(FlexibleParse.TryDecimal(text, out var value));
        Assert.Equal((decimal)expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("1,2,3.4,5")]
    [InlineData("12,5,")]
    public void Text_that_is_not_a_number_is_refused(string text) =>
        Assert.False(FlexibleParse.TryDecimal(text, out _));

    [Theory]
    [InlineData("31/12/2025")]
    [InlineData("2025-12-31")]
    [InlineData("31-12-2025")]
    [InlineData("31.12.2025")]
    [InlineData("2025/12/31")]
    [InlineData("31/12/2025 14:30")]
    [InlineData("2025-12-31T08:00:00")]
    public void Dates_in_usual_forms_are_read(string text)
    {
        Assert.True(FlexibleParse.TryDate(text, out var date));
        Assert.Equal(new DateOnly(2025, 12, 31), date);
    }

    [Theory]
    [InlineData("31/02/2025")]
    [InlineData("12/31/2025")]
    [InlineData("hier")]
    public void Impossible_or_american_dates_are_refused(string text) =>
        Assert.False(FlexibleParse.TryDate(text, out _));

    [Fact]
    public void Normalize_removes_the_trailing_zeros_a_database_adds() =>
        Assert.Equal("30", FlexibleParse.Normalize(30.0000m).ToString(System.Globalization.CultureInfo.InvariantCulture));
}
