using Cap.Domain.Catalogue;
using Cap.Domain.Coaching;
using Cap.Domain.Platform;

namespace Cap.Domain.Tests.Coaching;

public class CoachingWorkflowTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 27);
    private static readonly Person Karim = new() { Id = 5, DisplayName = "Karim Benali", Roles = GlobalRoles.None };
    private static readonly Person Helene = new() { Id = 4, DisplayName = "Hélène Petit", Roles = GlobalRoles.Lecteur };
    private static readonly Person Sophie = new() { Id = 3, DisplayName = "Sophie Bernard", Roles = GlobalRoles.Coach };
    private static readonly Person Camille = new() { Id = 1, DisplayName = "Camille Martin", Roles = GlobalRoles.Administrateur };

    private static CoachingRequest In(CoachingStatus status, params int[] coaches) => new()
    {
        Id = 10, ProductId = 1, Status = status,
        Coaches = [.. coaches.Select(c => new CoachingAssignment { PersonId = c, ProductId = 1 })],
    };

    /// <summary>The one field a rule refusal is about.</summary>
    private static string RuleField(Refusal? refusal)
    {
        Assert.Equal(RefusalKind.Rule, refusal!.Kind);
        return Assert.Single(refusal.Errors).Key;
    }

    private static CoachingSession Session => new() { Date = Today, Participants = "Karim, Emma", Summary = "Atelier vision" };

    public static TheoryData<CoachingStatus> AllStatuses => [.. Enum.GetValues<CoachingStatus>()];

    [Theory]
    [InlineData(CoachingStatus.Nouvelle)]
    [InlineData(CoachingStatus.EnInstruction)]
    public void A_new_or_studied_request_is_accepted(CoachingStatus from)
    {
        var request = In(from);
        Assert.Null(CoachingWorkflow.Accept(request, Now));
        Assert.Equal(CoachingStatus.Acceptee, request.Status);
        Assert.Equal(Now, request.AcceptedAt);
    }

    [Theory]
    [InlineData(CoachingStatus.Acceptee)]
    [InlineData(CoachingStatus.Planifiee)]
    [InlineData(CoachingStatus.EnCours)]
    [InlineData(CoachingStatus.Terminee)]
    [InlineData(CoachingStatus.Refusee)]
    public void Accepting_after_triage_is_a_conflict_and_changes_nothing(CoachingStatus from)
    {
        var request = In(from);
        Assert.Equal(RefusalKind.Conflict, CoachingWorkflow.Accept(request, Now)!.Kind);
        Assert.Equal(from, request.Status);
    }

    [Fact]
    public void Declining_needs_a_reason_and_keeps_it()
    {
        var request = In(CoachingStatus.Nouvelle);
        Assert.Equal("Reason", RuleField(CoachingWorkflow.Decline(request, "  ")));
        Assert.Equal(CoachingStatus.Nouvelle, request.Status);
        Assert.Null(CoachingWorkflow.Decline(request, " Hors du périmètre du bureau. "));
        Assert.Equal(CoachingStatus.Refusee, request.Status);
        Assert.Equal("Hors du périmètre du bureau.", request.DeclineReason);
    }

    [Fact]
    public void An_accepted_request_is_not_declined() =>
        Assert.Equal(RefusalKind.Conflict, CoachingWorkflow.Decline(In(CoachingStatus.Acceptee), "Trop tard")!.Kind);

    [Fact]
    public void Merging_closes_the_request_as_a_duplicate_of_an_open_one_of_the_same_product()
    {
        var request = In(CoachingStatus.EnInstruction);
        var original = new CoachingRequest { Id = 3, ProductId = 1, Status = CoachingStatus.Planifiee };
        Assert.Null(CoachingWorkflow.MarkDuplicate(request, original));
        Assert.Equal(CoachingStatus.Refusee, request.Status);
        Assert.Equal(3, request.DuplicateOfId);
        Assert.Contains("n° 3", request.DeclineReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Merging_with_another_product_itself_or_a_closed_request_is_refused()
    {
        var request = In(CoachingStatus.Nouvelle);
        Assert.Equal("DuplicateOfId", RuleField(CoachingWorkflow.MarkDuplicate(request, new CoachingRequest { Id = 3, ProductId = 2, Status = CoachingStatus.Nouvelle })));
        Assert.Equal("DuplicateOfId", RuleField(CoachingWorkflow.MarkDuplicate(request, request)));
        Assert.Equal("DuplicateOfId", RuleField(CoachingWorkflow.MarkDuplicate(request, new CoachingRequest { Id = 3, ProductId = 1, Status = CoachingStatus.Terminee })));
        Assert.Equal("DuplicateOfId", RuleField(CoachingWorkflow.MarkDuplicate(request, null)));
        Assert.Equal(CoachingStatus.Nouvelle, request.Status);
        Assert.Equal(RefusalKind.Conflict,
            CoachingWorkflow.MarkDuplicate(In(CoachingStatus.EnCours), new CoachingRequest { Id = 3, ProductId = 1, Status = CoachingStatus.Nouvelle })!.Kind);
    }

    [Fact]
    public void A_question_puts_a_new_request_under_study_and_leaves_an_accepted_one_as_is()
    {
        var fresh = In(CoachingStatus.Nouvelle);
        Assert.Null(CoachingWorkflow.AskQuestion(fresh));
        Assert.Equal(CoachingStatus.EnInstruction, fresh.Status);
        var planned = In(CoachingStatus.Planifiee);
        Assert.Null(CoachingWorkflow.AskQuestion(planned));
        Assert.Equal(CoachingStatus.Planifiee, planned.Status);
        Assert.Equal(RefusalKind.Conflict, CoachingWorkflow.AskQuestion(In(CoachingStatus.Terminee))!.Kind);
    }

    [Fact]
    public void Assigning_replaces_the_coaches_and_needs_at_least_one()
    {
        var request = In(CoachingStatus.Acceptee, 3);
        Assert.Equal("CoachIds", RuleField(CoachingWorkflow.Assign(request, [])));
        Assert.Null(CoachingWorkflow.Assign(request, [21, 22]));
        Assert.Equal([21, 22], request.Coaches.Select(c => c.PersonId).Order());
        Assert.Equal(RefusalKind.Conflict, CoachingWorkflow.Assign(In(CoachingStatus.Refusee), [3])!.Kind);
    }

    [Fact]
    public void Scheduling_an_accepted_request_with_a_coach_makes_it_planned()
    {
        var request = In(CoachingStatus.Acceptee, 3);
        Assert.Null(CoachingWorkflow.Schedule(request, Today.AddDays(7), Today));
        Assert.Equal(CoachingStatus.Planifiee, request.Status);
        Assert.Equal(Today.AddDays(7), request.ScheduledFor);
        Assert.Null(CoachingWorkflow.Schedule(request, Today.AddDays(14), Today));
        Assert.Equal(Today.AddDays(14), request.ScheduledFor);
    }

    [Fact]
    public void Scheduling_refuses_a_missing_or_past_date_no_coach_and_an_unaccepted_request()
    {
        Assert.Equal("Date", RuleField(CoachingWorkflow.Schedule(In(CoachingStatus.Acceptee, 3), null, Today)));
        Assert.Equal("Date", RuleField(CoachingWorkflow.Schedule(In(CoachingStatus.Acceptee, 3), Today.AddDays(-1), Today)));
        Assert.Contains("coach", CoachingWorkflow.Schedule(In(CoachingStatus.Acceptee), Today, Today)!.Message, StringComparison.Ordinal);
        Assert.Contains("Acceptez", CoachingWorkflow.Schedule(In(CoachingStatus.Nouvelle, 3), Today, Today)!.Message, StringComparison.Ordinal);
        Assert.Equal(RefusalKind.Conflict, CoachingWorkflow.Schedule(In(CoachingStatus.EnCours, 3), Today, Today)!.Kind);
    }

    [Theory]
    [InlineData(CoachingStatus.Acceptee)]
    [InlineData(CoachingStatus.Planifiee)]
    [InlineData(CoachingStatus.EnCours)]
    public void The_first_session_puts_the_request_in_progress(CoachingStatus from)
    {
        var request = In(from, 3);
        Assert.Null(CoachingWorkflow.RecordSession(request, Session));
        Assert.Equal(CoachingStatus.EnCours, request.Status);
        Assert.Single(request.Sessions);
    }

    [Theory]
    [InlineData(CoachingStatus.Nouvelle)]
    [InlineData(CoachingStatus.EnInstruction)]
    [InlineData(CoachingStatus.Refusee)]
    [InlineData(CoachingStatus.Terminee)]
    public void No_session_before_acceptance_nor_after_the_end(CoachingStatus from)
    {
        var request = In(from);
        var refusal = CoachingWorkflow.RecordSession(request, Session)!;
        Assert.Equal(RefusalKind.Conflict, refusal.Kind);
        Assert.Empty(request.Sessions);
        Assert.Equal(from, request.Status);
    }

    [Fact]
    public void A_session_needs_what_was_done_and_who_was_there()
    {
        Assert.Equal("Summary", RuleField(CoachingWorkflow.RecordSession(In(CoachingStatus.Acceptee), new CoachingSession { Participants = "Karim" })));
        Assert.Equal("Participants", RuleField(CoachingWorkflow.RecordSession(In(CoachingStatus.Acceptee), new CoachingSession { Summary = "Atelier" })));
    }

    [Fact]
    public void Closing_records_the_outcome_and_the_autonomy_gained()
    {
        var request = In(CoachingStatus.EnCours, 3);
        Assert.Equal("Outcome", RuleField(CoachingWorkflow.Close(request, " ", true, Now)));
        Assert.Null(CoachingWorkflow.Close(request, "Vision écrite et partagée.", true, Now));
        Assert.Equal(CoachingStatus.Terminee, request.Status);
        Assert.True(request.AutonomyGained);
        Assert.Equal(Now, request.ClosedAt);
        Assert.Equal(RefusalKind.Conflict, CoachingWorkflow.Close(In(CoachingStatus.Nouvelle), "Fini", null, Now)!.Kind);
        Assert.Equal(RefusalKind.Conflict, CoachingWorkflow.Close(In(CoachingStatus.Terminee), "Fini", null, Now)!.Kind);
    }

    [Fact]
    public void A_team_member_rates_a_finished_request_once()
    {
        var request = In(CoachingStatus.Terminee, 3);
        Assert.Null(CoachingWorkflow.Rate(request, Karim, ProductRole.ResponsableProduit, 5, " Très utile ", Now));
        Assert.Equal(5, request.Rating);
        Assert.Equal("Très utile", request.RatingComment);
        Assert.Equal("Karim Benali", request.RatedByName);
        Assert.Equal(RefusalKind.Conflict, CoachingWorkflow.Rate(request, Karim, ProductRole.ResponsableProduit, 4, null, Now)!.Kind);
        Assert.Equal(5, request.Rating);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(null)]
    public void A_rating_outside_one_to_five_is_invalid(int? rating)
    {
        var request = In(CoachingStatus.Terminee);
        Assert.Equal("Rating", RuleField(CoachingWorkflow.Rate(request, Karim, ProductRole.MembreEquipe, rating, null, Now)));
        Assert.Null(request.Rating);
    }

    [Fact]
    public void Only_a_team_member_rates_and_only_once_finished()
    {
        var request = In(CoachingStatus.Terminee);
        Assert.Equal(RefusalKind.Forbidden, CoachingWorkflow.Rate(request, Sophie, null, 5, null, Now)!.Kind);
        Assert.Equal(RefusalKind.Forbidden, CoachingWorkflow.Rate(request, Camille, null, 5, null, Now)!.Kind);
        Assert.Equal(RefusalKind.Forbidden, CoachingWorkflow.Rate(request, Helene, ProductRole.MembreEquipe, 5, null, Now)!.Kind);
        Assert.Equal(RefusalKind.Conflict, CoachingWorkflow.Rate(In(CoachingStatus.EnCours), Karim, ProductRole.MembreEquipe, 5, null, Now)!.Kind);
        Assert.Null(request.Rating);
    }

    [Fact]
    public void Rights_follow_roles()
    {
        Assert.True(CoachingWorkflow.CanCoach(Sophie));
        Assert.True(CoachingWorkflow.CanCoach(Camille));
        Assert.False(CoachingWorkflow.CanCoach(Karim));
        Assert.False(CoachingWorkflow.CanCoach(new Person { Roles = GlobalRoles.Coach, IsActive = false }));
        Assert.True(CoachingWorkflow.CanAsk(Karim, ProductRole.MembreEquipe));
        Assert.False(CoachingWorkflow.CanAsk(Karim, null));
        Assert.False(CoachingWorkflow.CanAsk(Helene, ProductRole.MembreEquipe));
        Assert.True(CoachingWorkflow.CanWriteMessage(Sophie, null));
        Assert.False(CoachingWorkflow.CanWriteMessage(Helene, null));
    }

    [Fact]
    public void Open_statuses_are_the_five_before_the_end() =>
        Assert.Equal(CoachingLabels.Open, CoachingLabels.Statuses.Where(s => s.IsOpen()));

    [Theory]
    [MemberData(nameof(AllStatuses))]
    public void Every_status_has_a_label_and_a_slug_that_parses_back(CoachingStatus status)
    {
        Assert.True(CoachingLabels.TryParseStatus(status.Slug(), out var parsed));
        Assert.Equal(status, parsed);
        Assert.False(string.IsNullOrWhiteSpace(status.Label()));
    }
}
