using Cap.Domain.Catalogue;
using Cap.Domain.Committee;
using Cap.Domain.Platform;

namespace Cap.Domain.Tests.Committee;

public class GateRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    private static GateRequestInput Request(Phase? target) => new(target, "Le MVP est en service depuis six mois.", "Passer en construction.", Today.AddDays(7));

    private static DecisionInput Review(DecisionOutcome? outcome, Phase? target = null, int aspects = 7, params ConditionInput[] conditions) => new(
        [.. CommitteeLabels.Aspects.Take(aspects).Select(a => new AspectInput(a, AspectRating.Satisfaisant, "RAS"))],
        outcome, target, "Le comité valide le passage.", conditions, SupportNeeds.Design | SupportNeeds.DevOps);

    private static ConditionInput Condition => new("Publier la déclaration d’accessibilité", 1, Today.AddDays(30));

    [Fact]
    public void A_request_to_the_next_phase_is_valid() =>
        Assert.Empty(GateRules.ValidateRequest(Phase.Mvp, Request(Phase.Construction), Today));

    [Theory]
    [InlineData(Phase.Mvp, Phase.Generalisation)]
    [InlineData(Phase.Mvp, Phase.Mvp)]
    [InlineData(Phase.Arret, Phase.Idee)]
    public void A_request_for_a_move_the_life_cycle_forbids_is_refused(Phase from, Phase to)
    {
        var errors = GateRules.ValidateRequest(from, Request(to), Today);
        Assert.True(errors.ContainsKey("Target"));
    }

    [Fact]
    public void A_request_needs_a_target_a_context_an_ask_and_no_past_date()
    {
        var errors = GateRules.ValidateRequest(Phase.Mvp, new GateRequestInput(null, " ", null, Today.AddDays(-1)), Today);
        Assert.Equal(["Ask", "Context", "DesiredDate", "Target"], errors.Keys.Order());
    }

    [Theory]
    [InlineData(GateRequestKind.Refonte)]
    [InlineData(GateRequestKind.EvolutionMajeure)]
    public void A_review_of_a_redesign_or_a_major_change_needs_no_target_and_names_the_current_phase(GateRequestKind kind)
    {
        var review = Request(null) with { Kind = kind };
        Assert.Empty(GateRules.ValidateRequest(Phase.Mvp, review, Today));
        Assert.Equal(Phase.Mvp, review.TargetFrom(Phase.Mvp));
        // The current phase may be named; another one may not: a review does not change the phase.
        Assert.Empty(GateRules.ValidateRequest(Phase.Mvp, review with { Target = Phase.Mvp }, Today));
        Assert.Contains("ne change pas de phase", GateRules.ValidateRequest(Phase.Mvp, review with { Target = Phase.Construction }, Today)["Target"], StringComparison.Ordinal);
        // A stopped product presents no redesign: it asks to be reopened first.
        Assert.True(GateRules.ValidateRequest(Phase.Arret, review, Today).ContainsKey("Kind"));
    }

    [Fact]
    public void A_request_without_a_known_kind_is_refused()
    {
        Assert.True(GateRules.ValidateRequest(Phase.Mvp, Request(Phase.Construction) with { Kind = null }, Today).ContainsKey("Kind"));
        Assert.True(GateRules.ValidateRequest(Phase.Mvp, Request(Phase.Construction) with { Kind = (GateRequestKind)9 }, Today).ContainsKey("Kind"));
    }

    [Theory]
    [InlineData(DecisionOutcome.Go, false, Phase.Mvp)]
    [InlineData(DecisionOutcome.GoAvecConditions, false, Phase.Mvp)]
    [InlineData(DecisionOutcome.Ajourne, false, Phase.Mvp)]
    [InlineData(DecisionOutcome.Ajourne, true, Phase.Mvp)]
    [InlineData(DecisionOutcome.Arret, false, Phase.Arret)]
    public void A_decision_on_a_review_keeps_the_phase_unless_the_committee_stops_the_product(DecisionOutcome outcome, bool correction, Phase expected)
    {
        // A review's target is its own phase (TargetFrom), so its Go keeps the product where it is.
        Assert.Equal(expected, GateRules.PhaseAfterDecision(outcome, Phase.Mvp, Phase.Mvp, Phase.Mvp, correction));
        Assert.Empty(GateRules.ValidateDecision(Phase.Mvp, Phase.Mvp, Review(outcome, conditions: outcome == DecisionOutcome.GoAvecConditions ? [Condition] : []), Today));
    }

    [Fact]
    public void The_subject_of_a_request_says_what_it_is_about()
    {
        Assert.Equal("MVP → Construction", CommitteeLabels.Subject(GateRequestKind.PassagePhase, Phase.Mvp, Phase.Construction));
        Assert.Equal("Refonte (phase MVP)", CommitteeLabels.Subject(GateRequestKind.Refonte, Phase.Mvp, Phase.Mvp));
        Assert.Equal("Évolution majeure (phase Généralisation)", CommitteeLabels.Subject(GateRequestKind.EvolutionMajeure, Phase.Generalisation, Phase.Generalisation));
    }

    [Fact]
    public void Request_targets_follow_the_life_cycle() =>
        Assert.Equal([Phase.Idee, Phase.Poc, Phase.Construction, Phase.Arret], GateRules.RequestTargets(Phase.Mvp));

    [Fact]
    public void Request_statuses_move_draft_submitted_scheduled_and_withdrawn()
    {
        Assert.Null(GateRules.SubmitRefusal(GateRequestStatus.Brouillon));
        Assert.NotNull(GateRules.SubmitRefusal(GateRequestStatus.Soumise));
        Assert.Null(GateRules.ScheduleRefusal(GateRequestStatus.Soumise, SessionStatus.Planifiee));
        Assert.NotNull(GateRules.ScheduleRefusal(GateRequestStatus.Brouillon, SessionStatus.Planifiee));
        Assert.NotNull(GateRules.ScheduleRefusal(GateRequestStatus.Soumise, SessionStatus.Tenue));
        Assert.Null(GateRules.UnscheduleRefusal(GateRequestStatus.Inscrite));
        Assert.Null(GateRules.WithdrawRefusal(GateRequestStatus.Inscrite));
        Assert.NotNull(GateRules.WithdrawRefusal(GateRequestStatus.Examinee));
        Assert.True(GateRules.IsOpen(GateRequestStatus.Brouillon));
        Assert.False(GateRules.IsOpen(GateRequestStatus.Retiree));
    }

    [Fact]
    public void A_session_in_the_past_is_refused()
    {
        Assert.NotNull(GateRules.SessionDateRefusal(Today.AddDays(-1), Today));
        Assert.NotNull(GateRules.SessionDateRefusal(null, Today));
        Assert.Null(GateRules.SessionDateRefusal(Today, Today));
    }

    [Theory]
    [InlineData(DecisionOutcome.Go, Phase.Construction)]
    [InlineData(DecisionOutcome.GoAvecConditions, Phase.Construction)]
    [InlineData(DecisionOutcome.Arret, Phase.Arret)]
    public void Go_moves_to_the_requested_phase_and_arret_stops(DecisionOutcome outcome, Phase expected) =>
        Assert.Equal(expected, GateRules.PhaseAfter(outcome, Phase.Construction));

    [Fact]
    public void Ajourne_leaves_the_phase() =>
        Assert.Null(GateRules.PhaseAfter(DecisionOutcome.Ajourne, Phase.Construction));

    [Fact]
    public void A_first_ajourne_leaves_the_product_in_its_phase_and_says_so()
    {
        var after = GateRules.PhaseAfterDecision(DecisionOutcome.Ajourne, Phase.Mvp, Phase.Construction, Phase.Mvp, correction: false);
        Assert.Equal(Phase.Mvp, after);
        Assert.Equal("le produit reste en phase MVP.", GateRules.PhaseEffect(Phase.Mvp, after));
    }

    [Fact]
    public void A_correction_to_ajourne_takes_back_the_corrected_move_and_says_where_the_product_goes()
    {
        // The corrected Go had moved the product from MVP to Construction.
        var after = GateRules.PhaseAfterDecision(DecisionOutcome.Ajourne, Phase.Mvp, Phase.Construction, Phase.Construction, correction: true);
        Assert.Equal(Phase.Mvp, after);
        Assert.Equal("le produit passe de la phase Construction à la phase MVP.", GateRules.PhaseEffect(Phase.Construction, after));
    }

    [Theory]
    [InlineData(DecisionOutcome.Go, Phase.Construction)]
    [InlineData(DecisionOutcome.Arret, Phase.Arret)]
    public void A_correction_to_go_or_arret_moves_as_a_first_decision_would(DecisionOutcome outcome, Phase expected) =>
        Assert.Equal(expected, GateRules.PhaseAfterDecision(outcome, Phase.Mvp, Phase.Construction, Phase.Mvp, correction: true));

    [Fact]
    public void A_complete_review_is_valid()
    {
        Assert.Empty(GateRules.ValidateDecision(Phase.Mvp, Phase.Construction, Review(DecisionOutcome.Go), Today));
        Assert.Empty(GateRules.ValidateDecision(Phase.Mvp, Phase.Construction, Review(DecisionOutcome.GoAvecConditions, Phase.Construction, 7, Condition), Today));
        Assert.Empty(GateRules.ValidateDecision(Phase.Mvp, Phase.Construction, Review(DecisionOutcome.Ajourne), Today));
    }

    [Fact]
    public void A_review_without_all_seven_assessments_is_refused()
    {
        var errors = GateRules.ValidateDecision(Phase.Mvp, Phase.Construction, Review(DecisionOutcome.Go, aspects: 6), Today);
        Assert.Equal("Aspects[6].Rating", Assert.Single(errors).Key);
        Assert.Contains("Pratiques de développement", errors["Aspects[6].Rating"]);
    }

    [Fact]
    public void A_go_to_another_phase_than_the_requested_one_is_refused()
    {
        var errors = GateRules.ValidateDecision(Phase.Mvp, Phase.Construction, Review(DecisionOutcome.Go, Phase.Poc), Today);
        Assert.Contains("phase demandée", errors["TargetPhase"]);
    }

    [Fact]
    public void Go_avec_conditions_needs_a_complete_condition()
    {
        var none = GateRules.ValidateDecision(Phase.Mvp, Phase.Construction, Review(DecisionOutcome.GoAvecConditions), Today);
        Assert.True(none.ContainsKey("Conditions"));
        var partial = GateRules.ValidateDecision(Phase.Mvp, Phase.Construction,
            Review(DecisionOutcome.GoAvecConditions, null, 7, new ConditionInput("Faire un audit", null, Today.AddDays(-2))), Today);
        Assert.Equal(["Conditions[0].DueDate", "Conditions[0].OwnerId"], partial.Keys.Order());
        var blankRowsIgnored = GateRules.ValidateDecision(Phase.Mvp, Phase.Construction,
            Review(DecisionOutcome.GoAvecConditions, null, 7, new ConditionInput(null, null, null), Condition), Today);
        Assert.Empty(blankRowsIgnored);
    }

    [Fact]
    public void Conditions_belong_to_go_avec_conditions_only() =>
        Assert.True(GateRules.ValidateDecision(Phase.Mvp, Phase.Construction, Review(DecisionOutcome.Go, null, 7, Condition), Today).ContainsKey("Conditions"));

    [Fact]
    public void A_go_the_life_cycle_no_longer_allows_is_refused()
    {
        // The product moved since the request (an administrator's correction): MVP → Construction from Idée skips a phase.
        var errors = GateRules.ValidateDecision(Phase.Idee, Phase.Construction, Review(DecisionOutcome.Go), Today);
        Assert.Contains("saute une étape", errors["Outcome"]);
    }

    [Fact]
    public void Conditions_are_declared_met_with_evidence_then_confirmed()
    {
        Assert.NotNull(GateRules.DeclareMetRefusal(ConditionStatus.Ouverte, " ", null));
        Assert.NotNull(GateRules.DeclareMetRefusal(ConditionStatus.Ouverte, null, "pas un lien"));
        Assert.Null(GateRules.DeclareMetRefusal(ConditionStatus.Ouverte, null, "https://exemple.gouv.fr/audit"));
        Assert.NotNull(GateRules.DeclareMetRefusal(ConditionStatus.Confirmee, "fait", null));
        Assert.Null(GateRules.ConfirmRefusal(ConditionStatus.LeveeDeclaree));
        Assert.NotNull(GateRules.ConfirmRefusal(ConditionStatus.Ouverte));
    }

    [Fact]
    public void Conditions_due_within_fourteen_days_or_overdue_are_due_soon()
    {
        Assert.True(GateRules.IsDueSoon(ConditionStatus.Ouverte, Today.AddDays(-3), Today));
        Assert.True(GateRules.IsDueSoon(ConditionStatus.Ouverte, Today.AddDays(14), Today));
        Assert.False(GateRules.IsDueSoon(ConditionStatus.Ouverte, Today.AddDays(15), Today));
        Assert.False(GateRules.IsDueSoon(ConditionStatus.Confirmee, Today.AddDays(-3), Today));
    }

    [Fact]
    public void Committee_members_and_administrators_sit_on_the_committee()
    {
        Assert.True(Access.CanSitOnCommittee(new Person { Roles = GlobalRoles.MembreComite }));
        Assert.True(Access.CanSitOnCommittee(new Person { Roles = GlobalRoles.Administrateur }));
        Assert.False(Access.CanSitOnCommittee(new Person { Roles = GlobalRoles.Lecteur }));
        Assert.False(Access.CanSitOnCommittee(new Person { Roles = GlobalRoles.MembreComite, IsActive = false }));
    }
}
