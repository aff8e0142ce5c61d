using Cap.Domain.Checklist;

namespace Cap.Domain.Tests.Checklist;

public sealed class ChecklistEvidenceRulesTests
{
    private static readonly DateOnly Today = new(2026, 12, 5);

    private static ChecklistFacts Nothing() => new(Today, null, false, false, 0, 0, false, 0, false, 0, [], 0, null, 0);

    private static ChecklistEvidence For(ChecklistFacts facts, string key) => ChecklistEvidenceRules.For(facts).Single(e => e.QuestionKey == key);

    [Fact]
    public void Every_evidence_is_about_a_question_of_the_catalogue()
    {
        var facts = Nothing() with { VisionLastReviewed = Today, ActiveObjectives = 1, HasRoadmap = true, HasSatisfactionForm = true, RecentIterationDays = [14], LastRetrospective = Today };
        Assert.All(ChecklistEvidenceRules.For(facts), e => Assert.True(ChecklistCatalogue.Current.Knows(e.QuestionKey), e.QuestionKey));
        Assert.Equal(8, ChecklistEvidenceRules.For(facts).Count);
    }

    [Fact]
    public void Without_any_data_cap_says_so_and_suggests_nothing_except_for_vision_and_team()
    {
        var evidence = ChecklistEvidenceRules.For(Nothing());
        Assert.Equal(ChecklistAnswerValue.No, evidence.Single(e => e.QuestionKey == "vision-shared").Suggested);
        Assert.Equal(ChecklistAnswerValue.No, evidence.Single(e => e.QuestionKey == "decision-makers-known").Suggested);
        Assert.All(evidence.Where(e => e.QuestionKey is not ("vision-shared" or "decision-makers-known")), e => Assert.Null(e.Suggested));
        Assert.Equal("Aucune itération n’est enregistrée dans Cap.", evidence.Single(e => e.QuestionKey == "frequent-delivery").Sentence);
    }

    [Fact]
    public void Vision_reviewed_within_six_months_suggests_yes_and_older_partly()
    {
        var fresh = For(Nothing() with { VisionLastReviewed = Today.AddDays(-183) }, "vision-shared");
        Assert.Equal((ChecklistAnswerValue.Yes, EvidenceSource.Vision), (fresh.Suggested, fresh.Source));
        Assert.Equal("La vision a été écrite ou confirmée le 05/06/2026, il y a moins de six mois.", fresh.Sentence);
        Assert.Equal(ChecklistAnswerValue.Partly, For(Nothing() with { VisionLastReviewed = Today.AddDays(-184) }, "vision-shared").Suggested);
    }

    [Fact]
    public void Objectives_with_indicators_suggest_yes_some_partly_none_no()
    {
        var all = For(Nothing() with { ActiveObjectives = 3, ActiveObjectivesWithIndicator = 3 }, "objectives-measurable");
        Assert.Equal((ChecklistAnswerValue.Yes, "Les 3 objectifs actifs ont chacun au moins un indicateur."), (all.Suggested, all.Sentence));
        var some = For(Nothing() with { ActiveObjectives = 3, ActiveObjectivesWithIndicator = 1 }, "objectives-measurable");
        Assert.Equal((ChecklistAnswerValue.Partly, "1 objectif actif sur 3 a au moins un indicateur ; 2 n’en ont aucun."), (some.Suggested, some.Sentence));
        var none = For(Nothing() with { ActiveObjectives = 2 }, "objectives-measurable");
        Assert.Equal((ChecklistAnswerValue.No, "Aucun des 2 objectifs actifs n’a d’indicateur."), (none.Suggested, none.Sentence));
    }

    [Fact]
    public void Iterations_of_six_weeks_at_most_suggest_yes_on_last_and_median()
    {
        var short_ = For(Nothing() with { RecentIterationDays = [14, 14, 21] }, "frequent-delivery");
        Assert.Equal(ChecklistAnswerValue.Yes, short_.Suggested);
        Assert.Equal("Dernière itération : 2 semaines ; durée médiane des 3 dernières itérations : 2 semaines (repère : six semaines au plus).", short_.Sentence);
        Assert.Equal(ChecklistAnswerValue.Partly, For(Nothing() with { RecentIterationDays = [63, 14, 14] }, "frequent-delivery").Suggested);
        Assert.Equal(ChecklistAnswerValue.No, For(Nothing() with { RecentIterationDays = [90, 60] }, "frequent-delivery").Suggested);
        Assert.Equal(17, ChecklistEvidenceRules.Median([14, 21]));
        Assert.Equal(21, ChecklistEvidenceRules.Median([90, 14, 21]));
    }

    [Fact]
    public void Satisfaction_roadmap_and_retrospectives_follow_their_windows()
    {
        Assert.Equal(ChecklistAnswerValue.Yes, For(Nothing() with { HasSatisfactionForm = true, SatisfactionAnswersLast30Days = 12 }, "feedback-collected").Suggested);
        Assert.Equal(ChecklistAnswerValue.Partly, For(Nothing() with { HasSatisfactionForm = true }, "feedback-collected").Suggested);
        Assert.Equal(ChecklistAnswerValue.Yes, For(Nothing() with { HasRoadmap = true, RoadmapRevisionsLastQuarter = 2 }, "roadmap-follows-learning").Suggested);
        Assert.Equal("La feuille de route a été révisée 2 fois au cours du dernier trimestre.", For(Nothing() with { HasRoadmap = true, RoadmapRevisionsLastQuarter = 2 }, "roadmap-follows-learning").Sentence);
        var retro = Nothing() with { LastRetrospective = Today.AddDays(-200) };
        Assert.Equal(ChecklistAnswerValue.No, For(retro, "retrospectives-held").Suggested);
        Assert.Equal(ChecklistAnswerValue.Partly, For(retro with { RetrospectivesClosedLastQuarter = 1 }, "retrospectives-held").Suggested);
        Assert.Equal(ChecklistAnswerValue.Yes, For(retro with { RetrospectivesClosedLastQuarter = 4, RetroActionsDoneLastQuarter = 3 }, "retrospectives-held").Suggested);
        Assert.Equal("3 actions de rétrospective réalisées au cours du dernier trimestre.", For(retro with { RetroActionsDoneLastQuarter = 3 }, "process-adjusted").Sentence);
    }
}
