using Cap.Domain.Iterations;

namespace Cap.Domain.Tests.Iterations;

public class IterationRulesTests
{
    private static readonly DateOnly Monday = new(2027, 3, 1);

    private static IterationSpan Span(int number, DateOnly start, int days) => new(number, start, start.AddDays(days - 1));

    [Theory]
    [InlineData(7, true)]
    [InlineData(14, true)]
    [InlineData(42, true)]
    [InlineData(6, false)]
    [InlineData(43, false)]
    public void Length_is_one_to_six_weeks_inclusive(int days, bool accepted)
    {
        var error = IterationRules.LengthError(Monday, Monday.AddDays(days - 1));
        Assert.Equal(accepted, error is null);
        if (days == 43)
        {
            Assert.Contains("au plus 6 semaines (42 jours) : celle-ci en compte 43", error, StringComparison.Ordinal);
            Assert.Contains("11/04/2027", error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void End_before_start_is_refused()
    {
        Assert.Equal("La fin de l’itération ne peut pas précéder son début.", IterationRules.LengthError(Monday, Monday.AddDays(-1)));
    }

    [Fact]
    public void Overlap_with_another_iteration_is_named_and_refused_even_on_a_single_shared_day()
    {
        var others = new[] { Span(1, Monday, 14), Span(2, Monday.AddDays(14), 14) };
        var error = IterationRules.PlacementError(others, null, Monday.AddDays(27), Monday.AddDays(40));
        Assert.Contains("chevauchent l’itération 2 (du 15/03/2027 au 28/03/2027)", error, StringComparison.Ordinal);
        Assert.Null(IterationRules.PlacementError(others, null, Monday.AddDays(28), Monday.AddDays(41)));
    }

    [Fact]
    public void A_new_iteration_comes_after_the_last_one_so_numbers_follow_dates()
    {
        var others = new[] { Span(1, Monday, 14) };
        var error = IterationRules.PlacementError(others, null, Monday.AddDays(-21), Monday.AddDays(-8));
        Assert.Contains("commence après la dernière", error, StringComparison.Ordinal);
        Assert.Equal(2, IterationRules.NextNumber(others.Select(o => o.Number)));
        Assert.Equal(1, IterationRules.NextNumber([]));
    }

    [Fact]
    public void An_edited_iteration_stays_between_its_neighbours()
    {
        var others = new[] { Span(1, Monday, 14), Span(3, Monday.AddDays(42), 14) };
        Assert.Null(IterationRules.PlacementError(others, 2, Monday.AddDays(14), Monday.AddDays(41)));
        Assert.Contains("chevauchent l’itération 3", IterationRules.PlacementError(others, 2, Monday.AddDays(14), Monday.AddDays(42)), StringComparison.Ordinal);
        Assert.Contains("reste entre", IterationRules.PlacementError(others, 2, Monday.AddDays(60), Monday.AddDays(70)), StringComparison.Ordinal);
    }

    [Fact]
    public void Suggested_dates_follow_the_last_iteration_for_two_weeks()
    {
        Assert.Equal((Monday.AddDays(1), Monday.AddDays(14)), IterationRules.SuggestedDates(Monday, new DateOnly(2026, 1, 1)));
        Assert.Equal((Monday, Monday.AddDays(13)), IterationRules.SuggestedDates(null, Monday));
    }

    [Fact]
    public void State_is_upcoming_running_or_ended_with_both_ends_inclusive()
    {
        var end = Monday.AddDays(13);
        Assert.Equal(IterationState.Upcoming, IterationRules.State(Monday, end, Monday.AddDays(-1)));
        Assert.Equal(IterationState.Running, IterationRules.State(Monday, end, Monday));
        Assert.Equal(IterationState.Running, IterationRules.State(Monday, end, end));
        Assert.Equal(IterationState.Ended, IterationRules.State(Monday, end, end.AddDays(1)));
    }

    private static (Iteration First, Iteration Second) TwoIterations()
    {
        var first = new Iteration { Id = 10, ProductId = 1, Number = 1 };
        first.Initiatives.AddRange(
        [
            new IterationInitiative { Id = 100, ProductId = 1, IterationId = 10, InitiativeId = 1, Outcome = IterationWorkOutcome.Done },
            new IterationInitiative { Id = 101, ProductId = 1, IterationId = 10, InitiativeId = 2, Outcome = IterationWorkOutcome.Pending },
            new IterationInitiative { Id = 102, ProductId = 1, IterationId = 10, InitiativeId = 3, Outcome = IterationWorkOutcome.NotDone },
        ]);
        var second = new Iteration { Id = 11, ProductId = 1, Number = 2 };
        second.Initiatives.Add(new IterationInitiative { Id = 110, ProductId = 1, IterationId = 11, InitiativeId = 3 });
        return (first, second);
    }

    [Fact]
    public void Carry_over_moves_unfinished_initiatives_into_the_next_iteration_once()
    {
        var (first, second) = TwoIterations();

        var (error, added) = IterationRules.CarryOver(first, second);

        Assert.Null(error);
        Assert.Equal([IterationWorkOutcome.Done, IterationWorkOutcome.CarriedOver, IterationWorkOutcome.CarriedOver], first.Initiatives.Select(r => r.Outcome));
        var copy = Assert.Single(added);
        Assert.Equal((2, 101, IterationWorkOutcome.Pending), (copy.InitiativeId, copy.CarriedFromId!.Value, copy.Outcome));
        Assert.Equal([3, 2], second.Initiatives.Select(r => r.InitiativeId));
        Assert.Contains("Aucune initiative non terminée", IterationRules.CarryOver(first, second).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Carry_over_is_refused_for_a_done_initiative_and_beyond_the_next_iteration()
    {
        var (first, second) = TwoIterations();
        Assert.Equal("Une initiative terminée ne se reporte pas.", IterationRules.CarryOver(first, second, [100]).Error);
        var third = new Iteration { Id = 12, ProductId = 1, Number = 3 };
        Assert.Contains("qui suit immédiatement (l’itération 2)", IterationRules.CarryOver(first, third).Error, StringComparison.Ordinal);
        Assert.All(first.Initiatives.Skip(1), r => Assert.NotEqual(IterationWorkOutcome.CarriedOver, r.Outcome));
        Assert.Single(second.Initiatives);
    }

    [Fact]
    public void Cadence_counts_ended_iterations_only()
    {
        var today = new DateOnly(2027, 5, 1);
        var iterations = new List<(DateOnly, DateOnly, bool)>
        {
            (new(2027, 3, 1), new(2027, 3, 14), true),   // 14 days
            (new(2027, 3, 15), new(2027, 4, 4), false),  // 21 days
            (new(2027, 4, 5), new(2027, 4, 25), true),   // 21 days, ended 6 days before today
            (new(2027, 5, 3), new(2027, 5, 16), false),  // upcoming
        };

        var cadence = IterationRules.Cadence(iterations, today);

        Assert.Equal(4, cadence.Total);
        Assert.Equal(3, cadence.Ended);
        Assert.False(cadence.Running);
        Assert.Equal(56 / 3.0, cadence.MeanLengthDays!.Value, 6);
        Assert.Equal(6, cadence.DaysSinceLastEnded);
        Assert.Equal(2 / 3.0, cadence.RetrospectiveShare!.Value, 6);
    }

    [Fact]
    public void Cadence_has_no_days_since_while_an_iteration_runs_and_nothing_without_iterations()
    {
        var running = IterationRules.Cadence([(new(2027, 3, 1), new(2027, 3, 14), false), (new(2027, 3, 15), new(2027, 3, 28), false)], new DateOnly(2027, 3, 20));
        Assert.True(running.Running);
        Assert.Null(running.DaysSinceLastEnded);
        Assert.Equal(14, running.MeanLengthDays);
        Assert.Equal(0, running.RetrospectiveShare);

        var none = IterationRules.Cadence([], new DateOnly(2027, 3, 20));
        Assert.Equal((0, null, null, null), (none.Total, none.MeanLengthDays, none.DaysSinceLastEnded, none.RetrospectiveShare));
    }
}
