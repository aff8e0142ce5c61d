using Cap.Domain.Iterations;

namespace Cap.Domain.Tests.Iterations;

public sealed class RitualScheduleTests
{
    private static readonly TimeOnly NineThirty = new(9, 30);

    private static DateTime At(int year, int month, int day, int hour = 0, int minute = 0) => new(year, month, day, hour, minute, 0);

    [Fact]
    public void Daily_ritual_skips_the_weekend()
    {
        // Thursday 3 December 2026, after the daily of the day.
        var next = RitualSchedule.NextOccurrences(RitualFrequency.Daily, new DateOnly(2026, 11, 2), NineThirty, At(2026, 12, 3, 10), 3);

        Assert.Equal([At(2026, 12, 4, 9, 30), At(2026, 12, 7, 9, 30), At(2026, 12, 8, 9, 30)], next);
    }

    [Fact]
    public void Daily_ritual_starting_on_a_saturday_first_takes_place_on_monday()
    {
        Assert.Equal(new DateOnly(2026, 12, 7), RitualSchedule.FirstOccurrenceDay(RitualFrequency.Daily, new DateOnly(2026, 12, 5)));
        var next = RitualSchedule.NextOccurrences(RitualFrequency.Daily, new DateOnly(2026, 12, 5), NineThirty, At(2026, 12, 1), 1);
        Assert.Equal([At(2026, 12, 7, 9, 30)], next);
    }

    [Fact]
    public void Occurrence_later_the_same_day_is_the_next_one_and_an_occurrence_at_that_very_minute_is_not()
    {
        var first = new DateOnly(2026, 12, 1); // a Tuesday
        Assert.Equal(At(2026, 12, 8, 14, 0), RitualSchedule.NextOccurrence(RitualFrequency.Weekly, first, new TimeOnly(14, 0), At(2026, 12, 8, 13, 59)));
        Assert.Equal(At(2026, 12, 15, 14, 0), RitualSchedule.NextOccurrence(RitualFrequency.Weekly, first, new TimeOnly(14, 0), At(2026, 12, 8, 14, 0)));
    }

    [Fact]
    public void Nothing_happens_before_the_first_date()
    {
        var next = RitualSchedule.NextOccurrence(RitualFrequency.EveryTwoWeeks, new DateOnly(2027, 3, 4), NineThirty, At(2026, 1, 1));
        Assert.Equal(At(2027, 3, 4, 9, 30), next);
    }

    [Theory]
    [InlineData(RitualFrequency.Weekly, "2026-12-10", "2026-12-17", "2026-12-24")]
    [InlineData(RitualFrequency.EveryTwoWeeks, "2026-12-17", "2026-12-31", "2027-01-14")]
    [InlineData(RitualFrequency.EveryFourWeeks, "2026-12-31", "2027-01-28", "2027-02-25")]
    public void Weekly_rhythms_keep_the_first_dates_weekday(RitualFrequency frequency, string a, string b, string c)
    {
        // First on Thursday 3 December 2026, asked on Wednesday 9 December 2026.
        var next = RitualSchedule.NextOccurrences(frequency, new DateOnly(2026, 12, 3), new TimeOnly(15, 0), At(2026, 12, 9, 12), 3);

        Assert.Equal([DateOnly.Parse(a), DateOnly.Parse(b), DateOnly.Parse(c)], next.Select(DateOnly.FromDateTime));
        Assert.All(next, d => Assert.Equal(DayOfWeek.Thursday, d.DayOfWeek));
    }

    [Fact]
    public void Every_two_weeks_from_a_first_date_years_ago_stays_on_the_same_parity()
    {
        var first = new DateOnly(2020, 1, 6); // a Monday
        var next = RitualSchedule.NextOccurrence(RitualFrequency.EveryTwoWeeks, first, NineThirty, At(2026, 12, 1));
        Assert.Equal(0, (DateOnly.FromDateTime(next).DayNumber - first.DayNumber) % 14);
        Assert.True(next > At(2026, 12, 1) && next <= At(2026, 12, 15));
    }

    [Fact]
    public void Monthly_on_the_31st_is_clamped_to_the_months_last_day_and_comes_back_to_the_31st()
    {
        var next = RitualSchedule.NextOccurrences(RitualFrequency.Monthly, new DateOnly(2027, 1, 31), NineThirty, At(2027, 1, 1), 5);

        Assert.Equal(
            [new DateOnly(2027, 1, 31), new DateOnly(2027, 2, 28), new DateOnly(2027, 3, 31), new DateOnly(2027, 4, 30), new DateOnly(2027, 5, 31)],
            next.Select(DateOnly.FromDateTime));
    }

    [Fact]
    public void Monthly_on_the_30th_falls_on_the_29th_of_february_in_a_leap_year()
    {
        var next = RitualSchedule.NextOccurrence(RitualFrequency.Monthly, new DateOnly(2027, 11, 30), NineThirty, At(2028, 2, 1));
        Assert.Equal(At(2028, 2, 29, 9, 30), next);
    }

    [Fact]
    public void Ritual_keeps_its_paris_time_when_clocks_go_forward_and_back()
    {
        // Daily at 09:30: Friday 27 March 2026 is winter time (UTC+1), Monday 30 March summer time (UTC+2).
        var next = RitualSchedule.NextOccurrences(RitualFrequency.Daily, new DateOnly(2026, 3, 2), NineThirty, At(2026, 3, 27), 2);
        Assert.Equal([At(2026, 3, 27, 9, 30), At(2026, 3, 30, 9, 30)], next);
        Assert.Equal(new DateTimeOffset(2026, 3, 27, 8, 30, 0, TimeSpan.Zero), RitualSchedule.ToInstant(next[0]).ToUniversalTime());
        Assert.Equal(new DateTimeOffset(2026, 3, 30, 7, 30, 0, TimeSpan.Zero), RitualSchedule.ToInstant(next[1]).ToUniversalTime());

        // Weekly on Friday across 25 October 2026 (back to winter time).
        var autumn = RitualSchedule.NextOccurrences(RitualFrequency.Weekly, new DateOnly(2026, 10, 23), NineThirty, At(2026, 10, 1), 2);
        Assert.Equal(new DateTimeOffset(2026, 10, 23, 7, 30, 0, TimeSpan.Zero), RitualSchedule.ToInstant(autumn[0]).ToUniversalTime());
        Assert.Equal(new DateTimeOffset(2026, 10, 30, 8, 30, 0, TimeSpan.Zero), RitualSchedule.ToInstant(autumn[1]).ToUniversalTime());
    }

    [Fact]
    public void Time_skipped_or_repeated_by_a_clock_change_has_a_single_instant()
    {
        // 02:30 does not exist on 29 March 2026: it is held at 03:30 summer time.
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero), RitualSchedule.ToInstant(At(2026, 3, 29, 2, 30)).ToUniversalTime());
        // 02:30 happens twice on 25 October 2026: the first one (summer time) is taken.
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero), RitualSchedule.ToInstant(At(2026, 10, 25, 2, 30)).ToUniversalTime());
        Assert.Equal(At(2026, 10, 25, 2, 30), RitualSchedule.ToParis(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Frequency_is_said_in_words_with_the_day_and_time()
    {
        Assert.Equal("Du lundi au vendredi à 09:30", RitualSchedule.Describe(RitualFrequency.Daily, new DateOnly(2026, 12, 3), NineThirty));
        Assert.Equal("Toutes les deux semaines, le jeudi à 15:00", RitualSchedule.Describe(RitualFrequency.EveryTwoWeeks, new DateOnly(2026, 12, 3), new TimeOnly(15, 0)));
        Assert.Equal("Chaque mois, le 31 (ou le dernier jour du mois) à 09:30", RitualSchedule.Describe(RitualFrequency.Monthly, new DateOnly(2026, 12, 31), NineThirty));
        Assert.Equal("Chaque mois, le 1er à 09:30", RitualSchedule.Describe(RitualFrequency.Monthly, new DateOnly(2026, 12, 1), NineThirty));
    }

    [Fact]
    public void Defaults_follow_the_usual_rhythm_of_each_kind()
    {
        Assert.Equal((RitualFrequency.Daily, 15), (RitualSchedule.Defaults(RitualKind.Daily).Frequency, RitualSchedule.Defaults(RitualKind.Daily).DurationMinutes));
        Assert.Equal(RitualFrequency.EveryTwoWeeks, RitualSchedule.Defaults(RitualKind.Retrospective).Frequency);
        Assert.Equal(RitualFrequency.Weekly, RitualSchedule.Defaults(RitualKind.Refinement).Frequency);
        Assert.Equal(string.Empty, RitualSchedule.Defaults(RitualKind.Custom).Name);
    }
}
