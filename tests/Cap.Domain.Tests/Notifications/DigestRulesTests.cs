using Cap.Domain.Notifications;
using Cap.Domain.Satisfaction;
using Cap.Domain.Steering;

namespace Cap.Domain.Tests.Notifications;

public class DigestRulesTests
{
    private static readonly TimeOnly Seven = new(7, 0);

    [Theory]
    [InlineData("2026-12-05", "2026-W49")]
    [InlineData("2026-11-30", "2026-W49")] // Monday
    [InlineData("2026-12-06", "2026-W49")] // Sunday: still the same ISO week
    [InlineData("2027-01-01", "2026-W53")] // a Friday: the last week of 2026 in ISO terms
    [InlineData("2027-01-04", "2027-W01")]
    [InlineData("2025-12-29", "2026-W01")] // a Monday of December that starts 2026's first week
    public void The_period_key_is_the_iso_week(string day, string key) =>
        Assert.Equal(key, DigestRules.IsoWeekKey(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void The_latest_occurrence_is_this_mondays_seven_oclock_once_past_else_last_weeks()
    {
        var saturday = new DateTime(2026, 12, 5, 10, 0, 0);
        Assert.Equal(new DateTime(2026, 11, 30, 7, 0, 0), DigestRules.LatestOccurrence(saturday, DayOfWeek.Monday, Seven));
        var mondayEarly = new DateTime(2026, 11, 30, 6, 59, 0);
        Assert.Equal(new DateTime(2026, 11, 23, 7, 0, 0), DigestRules.LatestOccurrence(mondayEarly, DayOfWeek.Monday, Seven));
        var mondayOnTime = new DateTime(2026, 11, 30, 7, 0, 0);
        Assert.Equal(mondayOnTime, DigestRules.LatestOccurrence(mondayOnTime, DayOfWeek.Monday, Seven));
    }

    [Fact]
    public void A_week_missed_by_more_than_the_catch_up_window_is_skipped()
    {
        var occurrence = new DateTime(2026, 11, 30, 7, 0, 0);
        Assert.True(DigestRules.WithinCatchUp(occurrence, occurrence, 24));
        Assert.True(DigestRules.WithinCatchUp(occurrence.AddHours(23), occurrence, 24));
        Assert.False(DigestRules.WithinCatchUp(occurrence.AddHours(25), occurrence, 24));
        Assert.False(DigestRules.WithinCatchUp(occurrence.AddMinutes(-1), occurrence, 24));
    }

    [Fact]
    public void The_committee_digest_is_due_from_n_days_before_at_its_hour_until_the_session_day()
    {
        var session = new DateOnly(2026, 12, 10);
        Assert.False(DigestRules.CommitteeDue(session, new DateTime(2026, 12, 8, 6, 59, 0), 2, Seven));
        Assert.True(DigestRules.CommitteeDue(session, new DateTime(2026, 12, 8, 7, 0, 0), 2, Seven));
        Assert.True(DigestRules.CommitteeDue(session, new DateTime(2026, 12, 10, 18, 0, 0), 2, Seven));
        Assert.False(DigestRules.CommitteeDue(session, new DateTime(2026, 12, 11, 8, 0, 0), 2, Seven));
    }

    [Fact]
    public void A_change_is_a_status_different_from_the_one_the_last_digest_saw_and_a_new_indicator_is_none()
    {
        var seen = new Dictionary<int, IndicatorStatus> { [1] = IndicatorStatus.OnTrack, [2] = IndicatorStatus.Watch };
        var changes = DigestRules.Changes(
            [(1, "Délai", IndicatorStatus.Late), (2, "Taux", IndicatorStatus.Watch), (3, "Nouveau", IndicatorStatus.NoData)], seen);
        var change = Assert.Single(changes);
        Assert.Equal(new StatusChange(1, "Délai", IndicatorStatus.OnTrack, IndicatorStatus.Late), change);
    }

    [Fact]
    public void Conditions_are_listed_when_due_within_fourteen_days_or_overdue_and_sessions_from_today_to_fourteen_days()
    {
        var today = new DateOnly(2026, 12, 5);
        Assert.True(DigestRules.ConditionListed(today.AddDays(-30), today));
        Assert.True(DigestRules.ConditionListed(today.AddDays(14), today));
        Assert.False(DigestRules.ConditionListed(today.AddDays(15), today));
        Assert.False(DigestRules.SessionListed(today.AddDays(-1), today));
        Assert.True(DigestRules.SessionListed(today, today));
        Assert.True(DigestRules.SessionListed(today.AddDays(14), today));
        Assert.False(DigestRules.SessionListed(today.AddDays(15), today));
    }

    [Fact]
    public void The_satisfaction_windows_are_thirty_days_to_today_and_to_a_week_ago()
    {
        var (nowFrom, agoFrom, agoTo) = DigestRules.SatisfactionWindows(new DateOnly(2026, 12, 31));
        Assert.Equal(new DateOnly(2026, 12, 2), nowFrom);
        Assert.Equal(new DateOnly(2026, 11, 25), agoFrom);
        Assert.Equal(new DateOnly(2026, 12, 24), agoTo);
    }

    [Fact]
    public void A_product_with_nothing_to_say_is_left_out()
    {
        var empty = new ProductDigest(1, "p", "P", [], [], null, [], []);
        Assert.False(empty.HasSomethingToSay);
        Assert.False((empty with { Satisfaction = new SatisfactionChange(8.2m, 40, 8.2m, 38) }).HasSomethingToSay);
        Assert.True((empty with { Satisfaction = new SatisfactionChange(8.2m, 40, 7.9m, 38) }).HasSomethingToSay);
        Assert.True((empty with { Satisfaction = new SatisfactionChange(8.2m, 4, null, 0) }).HasSomethingToSay);
        Assert.True((empty with { Late = [new LateIndicator(1, "I", null, UpdateFrequency.Monthly)] }).HasSomethingToSay);
        Assert.True((empty with { Sessions = [new ComingSession(1, new DateOnly(2026, 12, 7), "Atelier")] }).HasSomethingToSay);
        Assert.True((empty with { Conditions = [new DueCondition(1, "C", new DateOnly(2026, 12, 7), "", false)] }).HasSomethingToSay);
        Assert.True((empty with { StatusChanges = [new StatusChange(1, "I", IndicatorStatus.OnTrack, IndicatorStatus.Watch)] }).HasSomethingToSay);
        Assert.Equal(ScoreColour.Green, new SatisfactionChange(8.2m, 40, 7.9m, 38).ColourNow);
        Assert.Equal(ScoreColour.Amber, new SatisfactionChange(8.2m, 40, 7.9m, 38).ColourWeekAgo);
    }

    [Fact]
    public void Both_digests_are_opt_out_and_kinds_read_back_from_their_slug()
    {
        Assert.All(DigestKinds.All, k => Assert.True(DigestRules.ReceivesByDefault(k)));
        Assert.All(DigestKinds.All, k => Assert.Equal(k, DigestKinds.FromSlug(k.Slug())));
        Assert.Null(DigestKinds.FromSlug("inconnu"));
        Assert.Null(DigestKinds.FromSlug(null));
    }
}
