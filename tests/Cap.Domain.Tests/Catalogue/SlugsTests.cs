using Cap.Domain.Catalogue;

namespace Cap.Domain.Tests.Catalogue;

public sealed class SlugsTests
{
    [Theory]
    [InlineData("Santé Publique", "sante-publique")]
    [InlineData("Éprouvette", "eprouvette")]
    [InlineData("Œuvre sociale", "oeuvre-sociale")]
    [InlineData("Cœur de métier", "coeur-de-metier")]
    [InlineData("Index Égalité", "index-egalite")]
    [InlineData("Version 2.0", "version-2-0")]
    public void FromName_lowers_and_strips_accents(string name, string expected) =>
        Assert.Equal(expected, Slugs.FromName(name));

    [Theory]
    [InlineData("L’index : égalité !", "l-index-egalite")]
    [InlineData("  Signal -- Santé  ", "signal-sante")]
    [InlineData("a / b \\ c", "a-b-c")]
    [InlineData("(Registre) des dons d’organes...", "registre-des-dons-d-organes")]
    public void FromName_collapses_punctuation_and_spaces_into_single_hyphens(string name, string expected) =>
        Assert.Equal(expected, Slugs.FromName(name));

    [Fact]
    public void FromName_caps_length_at_80() =>
        Assert.Equal(new string('a', Product.SlugMaxLength), Slugs.FromName(new string('a', 100)));

    [Fact]
    public void FromName_does_not_end_with_a_hyphen_when_cut()
    {
        var slug = Slugs.FromName(new string('a', 79) + " bbbb");

        Assert.Equal(new string('a', 79), slug);
        Assert.True(Slugs.IsValid(slug));
    }

    [Theory]
    [InlineData("!!!")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("— ’ …")]
    public void FromName_is_empty_when_nothing_usable_remains(string name) =>
        Assert.Equal(string.Empty, Slugs.FromName(name));

    [Theory]
    [InlineData("Santé Publique")]
    [InlineData("Œuvre")]
    [InlineData("Les chiffres : 12 %, 3 €")]
    public void FromName_gives_a_valid_slug(string name) =>
        Assert.True(Slugs.IsValid(Slugs.FromName(name)));

    [Theory]
    [InlineData("vaccin-suivi")]
    [InlineData("a")]
    [InlineData("produit-00042")]
    [InlineData("2026")]
    public void IsValid_accepts_lowercase_letters_digits_and_single_hyphens(string slug) =>
        Assert.True(Slugs.IsValid(slug));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Vaccin-suivi")]
    [InlineData("vaccin suivi")]
    [InlineData("santé")]
    [InlineData("-vaccin")]
    [InlineData("vaccin-")]
    [InlineData("vaccin--suivi")]
    [InlineData("vaccin_suivi")]
    [InlineData("vaccin/suivi")]
    public void IsValid_refuses_anything_else(string? slug) =>
        Assert.False(Slugs.IsValid(slug));

    [Fact]
    public void IsValid_refuses_more_than_80_characters()
    {
        Assert.True(Slugs.IsValid(new string('a', Product.SlugMaxLength)));
        Assert.False(Slugs.IsValid(new string('a', Product.SlugMaxLength + 1)));
    }
}
