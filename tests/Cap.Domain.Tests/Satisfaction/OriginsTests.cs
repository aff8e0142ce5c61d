using Cap.Domain.Satisfaction;

namespace Cap.Domain.Tests.Satisfaction;

public sealed class OriginsTests
{
    [Theory]
    [InlineData("https://Demarche.Gouv.fr/", "https://demarche.gouv.fr")]
    [InlineData("https://demarche.gouv.fr:443", "https://demarche.gouv.fr")]
    [InlineData("http://localhost:5080", "http://localhost:5080")]
    public void Origins_are_normalised(string value, string expected) => Assert.Equal(expected, Origins.Normalize(value));

    [Theory]
    [InlineData("demarche.gouv.fr")]
    [InlineData("https://demarche.gouv.fr/page")]
    [InlineData("ftp://demarche.gouv.fr")]
    [InlineData("javascript:alert(1)")]
    public void Non_origins_are_refused(string value)
    {
        Assert.Null(Origins.Normalize(value));
        Assert.NotNull(Origins.Parse(value).Error);
    }

    [Fact]
    public void A_placement_allows_only_its_origins()
    {
        var placement = new Placement { AllowedOrigins = "https://a.gouv.fr\nhttps://b.gouv.fr" };
        Assert.True(placement.Allows("https://B.gouv.fr"));
        Assert.False(placement.Allows("https://c.gouv.fr"));
        Assert.False(placement.Allows("null"));
    }

    [Fact]
    public void Keys_are_long_random_and_url_safe()
    {
        var keys = Enumerable.Range(0, 100).Select(_ => Placement.NewKey()).ToList();
        Assert.Equal(100, keys.Distinct().Count());
        Assert.All(keys, k => Assert.Matches("^[A-Za-z0-9_-]{22}$", k));
    }
}
