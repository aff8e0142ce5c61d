using Cap.Domain.Connectors;

namespace Cap.Domain.Tests.Connectors;

public class JdmaRulesTests
{
    private static readonly DateOnly Day = new(2026, 3, 10);

    [Theory]
    [InlineData("https://jedonnemonavis.numerique.gouv.fr", true)]
    [InlineData("https://jdma.example.org/", true)]
    [InlineData("http://localhost:5000", true)]
    [InlineData("http://127.0.0.1:8080", true)]
    [InlineData("http://jdma.example.org", false)]
    [InlineData("ftp://jdma.example.org", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("https://user:secret@jdma.example.org", false)]
    [InlineData("https://jdma.example.org/?cle=1", false)]
    [InlineData("jdma.example.org", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Only_https_addresses_or_a_local_http_server_are_accepted(string? url, bool accepted) =>
        Assert.Equal(accepted, JdmaRules.BaseUrlError(url) is null);

    [Fact]
    public void Messages_are_french_and_say_what_to_do()
    {
        Assert.Contains("https://", JdmaRules.BaseUrlError("http://jdma.example.org"), StringComparison.Ordinal);
        Assert.Equal("Saisissez la clé d’API créée dans JDMA.", JdmaRules.KeyError(" "));
        Assert.NotNull(JdmaRules.KeyError("deux mots"));
        Assert.NotNull(JdmaRules.KeyError(new string('k', JdmaConnection.KeyMaxLength + 1)));
        Assert.Null(JdmaRules.KeyError("jdma_0123456789abcdef"));
    }

    [Fact]
    public void The_smiley_question_scores_good_medium_bad_as_ten_five_zero_and_nothing_else_counts()
    {
        Assert.Equal(10, JdmaRules.Points("good"));
        Assert.Equal(5, JdmaRules.Points("medium"));
        Assert.Equal(0, JdmaRules.Points("bad"));
        Assert.Null(JdmaRules.Points("neutral"));
        Assert.Null(JdmaRules.Points(null));
    }

    [Fact]
    public void Comprehension_counts_only_values_one_to_five_and_reached_only_yes_or_no()
    {
        Assert.Equal(1, JdmaRules.Clarity("1"));
        Assert.Equal(5, JdmaRules.Clarity(" 5 "));
        Assert.Null(JdmaRules.Clarity("6"));
        Assert.Null(JdmaRules.Clarity("Très clair"));
        Assert.True(JdmaRules.Reached("good"));
        Assert.False(JdmaRules.Reached("bad"));
        Assert.Null(JdmaRules.Reached("neutral"));
    }

    [Fact]
    public void Hits_become_one_day_per_mapped_form_with_the_rollups_counters()
    {
        JdmaHit[] hits =
        [
            new(1, 11, Day, "satisfaction", "good", "Très bien", 6),
            new(1, 11, Day, "satisfaction", "medium", "Moyen", 2),
            new(1, 11, Day, "satisfaction", "bad", "Mal", 2),
            new(1, 11, Day, "satisfaction", "neutral", "Sans avis", 7),
            new(1, 11, Day, "comprehension", "good", "4", 2),
            new(1, 11, Day, "comprehension", "good", "5", 1),
            new(1, 11, Day, "comprehension", "good", "Très clair", 9),
            new(1, 11, Day, "contact_reached", "good", "Oui", 3),
            new(1, 11, Day, "contact_reached", "bad", "Non", 1),
            new(1, 11, Day, "autre_question", "good", "Oui", 50),
            new(1, 11, Day.AddDays(1), "satisfaction", "good", "Très bien", 0),
            // A form that is not mapped.
            new(1, 12, Day, "satisfaction", "good", "Très bien", 4),
        ];
        var day = Assert.Single(JdmaRules.Days(hits, new HashSet<(int, int)> { (1, 11) }));
        Assert.Equal((Day, 10L, 70L, 3L, 13L, 4L, 3L), (day.Day, day.Count, day.Points, day.ClarityCount, day.ClaritySum, day.HelpAsked, day.Reached));
        Assert.Equal(Cap.Domain.Satisfaction.SatisfactionSource.Jdma, day.Source);
    }

    [Fact]
    public void The_first_sync_reads_twelve_months_and_the_next_ones_a_few_days_back()
    {
        var today = new DateOnly(2026, 12, 5);
        Assert.Equal((new DateOnly(2025, 12, 6), today), JdmaRules.Range(null, today));
        Assert.Equal((today.AddDays(1 - JdmaRules.RefetchDays), today), JdmaRules.Range(today, today));
        Assert.Equal((new DateOnly(2026, 11, 28), today), JdmaRules.Range(new DateOnly(2026, 11, 30), today));
        // Synced long ago: never more than twelve months back.
        Assert.Equal((new DateOnly(2025, 12, 6), today), JdmaRules.Range(new DateOnly(2020, 1, 1), today));
    }

    [Fact]
    public void A_range_is_cut_into_consecutive_chunks_that_cover_it_once()
    {
        var from = new DateOnly(2025, 12, 6);
        var to = new DateOnly(2026, 12, 5);
        var chunks = JdmaRules.Chunks(from, to).ToList();
        Assert.Equal(from, chunks[0].From);
        Assert.Equal(to, chunks[^1].To);
        Assert.All(chunks, c => Assert.InRange(c.To.DayNumber - c.From.DayNumber + 1, 1, JdmaRules.DaysPerCall));
        Assert.All(chunks.Zip(chunks.Skip(1)), p => Assert.Equal(p.First.To.AddDays(1), p.Second.From));
        Assert.Equal([(to, to)], JdmaRules.Chunks(to, to));
    }
}
