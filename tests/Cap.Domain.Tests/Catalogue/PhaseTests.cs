using Cap.Domain.Catalogue;

namespace Cap.Domain.Tests.Catalogue;

public sealed class PhaseTests
{
    [Theory]
    [InlineData("idee", Phase.Idee)]
    [InlineData("poc", Phase.Poc)]
    [InlineData("mvp", Phase.Mvp)]
    [InlineData("construction", Phase.Construction)]
    [InlineData("generalisation", Phase.Generalisation)]
    [InlineData("arret", Phase.Arret)]
    public void TryParseSlug_reads_each_phase_slug(string slug, Phase expected)
    {
        Assert.True(PhaseExtensions.TryParseSlug(slug, out var phase));
        Assert.Equal(expected, phase);
    }

    [Theory]
    [InlineData("MVP", Phase.Mvp)]
    [InlineData("Generalisation", Phase.Generalisation)]
    public void TryParseSlug_ignores_case(string slug, Phase expected)
    {
        Assert.True(PhaseExtensions.TryParseSlug(slug, out var phase));
        Assert.Equal(expected, phase);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("généralisation")]
    [InlineData("Idée")]
    [InlineData("3")]
    [InlineData("beta")]
    public void TryParseSlug_refuses_labels_numbers_and_unknown_words(string? value) =>
        Assert.False(PhaseExtensions.TryParseSlug(value, out _));

    [Fact]
    public void Every_phase_slug_reads_back_as_that_phase()
    {
        foreach (var phase in Enum.GetValues<Phase>())
        {
            Assert.True(PhaseExtensions.TryParseSlug(phase.Slug(), out var parsed));
            Assert.Equal(phase, parsed);
        }
    }

    [Fact]
    public void Every_phase_has_a_french_label_and_goal()
    {
        Assert.Equal("Généralisation", Phase.Generalisation.Label());
        Assert.All(Enum.GetValues<Phase>(), p => Assert.False(string.IsNullOrWhiteSpace(p.Goal())));
    }
}
