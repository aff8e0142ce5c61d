using Cap.Domain.Retrospectives;

namespace Cap.Domain.Tests.Retrospectives;

public sealed class RetrospectiveRulesTests
{
    private static readonly RetrospectiveFacts First = new(1, new DateOnly(2027, 1, 15));
    private static readonly RetrospectiveFacts Second = new(2, new DateOnly(2027, 2, 12));
    private static readonly RetrospectiveFacts Third = new(3, new DateOnly(2027, 3, 12));
    private static readonly Dictionary<int, RetrospectiveFacts> All = new() { [1] = First, [2] = Second, [3] = Third };

    [Fact]
    public void Iteration_that_already_has_a_retrospective_is_refused()
    {
        Assert.Equal(RetrospectiveRules.IterationTaken, RetrospectiveRules.IterationError(7, [7, 8]));
        Assert.Null(RetrospectiveRules.IterationError(9, [7, 8]));
        Assert.Null(RetrospectiveRules.IterationError(null, [7, 8]));
    }

    [Theory]
    [InlineData(null, "Écrivez le texte de l’élément.")]
    [InlineData("   ", "Écrivez le texte de l’élément.")]
    public void Empty_item_text_is_refused(string? text, string expected) => Assert.Equal(expected, RetrospectiveRules.ItemTextError(text));

    [Fact]
    public void Item_text_is_accepted_from_one_to_a_thousand_characters_after_trimming()
    {
        Assert.Null(RetrospectiveRules.ItemTextError("x"));
        Assert.Null(RetrospectiveRules.ItemTextError(new string('a', 1000)));
        Assert.Null(RetrospectiveRules.ItemTextError("  " + new string('a', 1000) + "  "));
        Assert.Contains("1000 caractères (actuellement 1001)", RetrospectiveRules.ItemTextError(new string('a', 1001)), StringComparison.Ordinal);
    }

    [Fact]
    public void Action_needs_an_owner_from_the_product_team()
    {
        Assert.Equal(RetrospectiveRules.OwnerMissing, RetrospectiveRules.OwnerError(null, [1, 2]));
        Assert.Equal(RetrospectiveRules.OwnerNotInTeam, RetrospectiveRules.OwnerError(3, [1, 2]));
        Assert.Null(RetrospectiveRules.OwnerError(2, [1, 2]));
    }

    [Fact]
    public void Due_date_may_be_the_day_of_the_retrospective_but_not_before()
    {
        var held = new DateOnly(2027, 2, 12);
        Assert.Null(RetrospectiveRules.DueDateError(null, held));
        Assert.Null(RetrospectiveRules.DueDateError(held, held));
        Assert.Contains("12/02/2027", RetrospectiveRules.DueDateError(held.AddDays(-1), held), StringComparison.Ordinal);
    }

    [Fact]
    public void Open_actions_of_earlier_retrospectives_are_to_review_and_carried_ones_come_back_later()
    {
        ActionFacts[] actions =
        [
            new(10, 1, First.HeldOn, RetroActionStatus.Open, null),
            new(11, 1, First.HeldOn, RetroActionStatus.Done, null),
            new(12, 1, First.HeldOn, RetroActionStatus.InProgress, 2),
            new(13, 2, Second.HeldOn, RetroActionStatus.Open, null),
            new(14, 3, Third.HeldOn, RetroActionStatus.Open, null),
            new(15, 1, First.HeldOn, RetroActionStatus.Abandoned, null),
        ];

        // The second retrospective: the first's open action; the one it already carried is no longer to review.
        Assert.Equal([10], RetrospectiveRules.ToReview(Second, actions, All).Select(a => a.Id));
        // The third: still-open actions of both earlier ones, including the one carried by the second; not its own.
        Assert.Equal([10, 12, 13], RetrospectiveRules.ToReview(Third, actions, All).Select(a => a.Id));
        // The first has nothing before it.
        Assert.Empty(RetrospectiveRules.ToReview(First, actions, All));
    }

    [Fact]
    public void Retrospectives_of_the_same_day_are_ordered_by_creation()
    {
        var morning = new RetrospectiveFacts(20, new DateOnly(2027, 4, 1));
        var afternoon = new RetrospectiveFacts(21, new DateOnly(2027, 4, 1));
        Assert.True(RetrospectiveRules.IsBefore(morning, afternoon));
        Assert.False(RetrospectiveRules.IsBefore(afternoon, morning));
        Assert.False(RetrospectiveRules.IsBefore(morning, morning));
    }

    [Fact]
    public void Review_closes_as_done_or_abandoned_and_carrying_keeps_the_status()
    {
        Assert.Equal(RetroActionStatus.Done, RetrospectiveRules.StatusAfter(ActionReview.Done, RetroActionStatus.InProgress));
        Assert.Equal(RetroActionStatus.Abandoned, RetrospectiveRules.StatusAfter(ActionReview.Abandoned, RetroActionStatus.Open));
        Assert.Equal(RetroActionStatus.InProgress, RetrospectiveRules.StatusAfter(ActionReview.Carry, RetroActionStatus.InProgress));
    }

    [Fact]
    public void Review_is_refused_for_a_later_retrospectives_action_or_a_closed_one()
    {
        Assert.Null(RetrospectiveRules.ReviewError(new(10, 1, First.HeldOn, RetroActionStatus.Open, null), Second, First));
        Assert.NotNull(RetrospectiveRules.ReviewError(new(13, 2, Second.HeldOn, RetroActionStatus.Open, null), First, Second));
        Assert.NotNull(RetrospectiveRules.ReviewError(new(13, 2, Second.HeldOn, RetroActionStatus.Open, null), Second, Second));
        Assert.NotNull(RetrospectiveRules.ReviewError(new(11, 1, First.HeldOn, RetroActionStatus.Done, null), Second, First));
    }

    [Fact]
    public void Share_of_actions_done_per_retrospective_is_done_over_decided()
    {
        ActionFacts[] actions =
        [
            new(10, 1, First.HeldOn, RetroActionStatus.Done, null),
            new(11, 1, First.HeldOn, RetroActionStatus.Abandoned, null),
            new(12, 1, First.HeldOn, RetroActionStatus.Open, 2),
            new(13, 3, Third.HeldOn, RetroActionStatus.Done, null),
        ];

        var shares = RetrospectiveRules.DoneSharePerRetrospective([Third, First, Second], actions);

        Assert.Equal([(1, 3, 33), (0, 0, (int?)null), (1, 1, 100)], shares.Select(s => (s.Done, s.Decided, s.Percent)));
        Assert.Equal([First.HeldOn, Second.HeldOn, Third.HeldOn], shares.Select(s => s.From));
    }

    [Fact]
    public void Share_of_actions_done_per_month_fills_the_months_without_action()
    {
        ActionFacts[] actions =
        [
            new(10, 1, new DateOnly(2027, 1, 15), RetroActionStatus.Done, null),
            new(11, 1, new DateOnly(2027, 1, 29), RetroActionStatus.Done, null),
            new(12, 3, new DateOnly(2027, 3, 12), RetroActionStatus.InProgress, null),
            new(13, 3, new DateOnly(2027, 3, 12), RetroActionStatus.Done, null),
        ];

        var shares = RetrospectiveRules.DoneSharePerMonth(actions);

        Assert.Equal(["2027-01", "2027-02", "2027-03"], shares.Select(s => s.Key));
        Assert.Equal([100, null, 50], shares.Select(s => s.Percent));
        Assert.Empty(RetrospectiveRules.DoneSharePerMonth([]));
    }
}
