namespace Cap.Domain.Tests;

public sealed class TextTests
{
    [Theory]
    [InlineData("Santé", "sante")]
    [InlineData("ÉPROUVETTE", "eprouvette")]
    [InlineData("Généralisation", "generalisation")]
    [InlineData("Œuvre", "oeuvre")]
    [InlineData("Cœur", "coeur")]
    [InlineData("Ça déménage à Noël", "ca demenage a noel")]
    public void Fold_lowers_and_removes_diacritics(string value, string expected) =>
        Assert.Equal(expected, Text.Fold(value));

    [Fact]
    public void Fold_keeps_spaces_digits_and_punctuation() =>
        Assert.Equal("l’index 2026 : egal ?", Text.Fold("L’Index 2026 : Égal ?"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Fold_of_nothing_is_empty(string? value) =>
        Assert.Equal(string.Empty, Text.Fold(value));

    [Fact]
    public void Fold_makes_composed_and_decomposed_forms_equal() =>
        Assert.Equal(Text.Fold("Sant\u00e9"), Text.Fold("Sante\u0301"));

    [Theory]
    [InlineData("Court", 5, "Court")]
    [InlineData("Trop long", 5, "Trop…")]
    [InlineData("", 1, "")]
    public void Truncate_keeps_at_most_max_characters_and_marks_a_cut_with_an_ellipsis(string value, int max, string expected)
    {
        var cut = Text.Truncate(value, max);

        Assert.Equal(expected, cut);
        Assert.True(cut.Length <= max);
    }
}
