using Cap.Domain.Checklist;

namespace Cap.Domain.Tests.Checklist;

public sealed class ChecklistRulesTests
{
    private static readonly ChecklistCatalogue Catalogue = ChecklistCatalogue.V1;

    private static List<ChecklistAnswerInput> All(ChecklistAnswerValue value) =>
        [.. Catalogue.Questions.Select(q => new ChecklistAnswerInput(q.Key, value, null))];

    [Fact]
    public void The_catalogue_has_the_guides_five_blocks_and_twenty_questions_with_unique_keys()
    {
        Assert.Equal(["vision", "team", "impact", "users", "improvement"], Catalogue.Blocks.Select(b => b.Key));
        Assert.Equal([3, 6, 4, 4, 3], Catalogue.Blocks.Select(b => b.Questions.Count));
        Assert.Equal(20, Catalogue.Questions.Select(q => q.Key).Distinct().Count());
        Assert.All(Catalogue.Questions, q => Assert.Matches("^[a-z]+(-[a-z]+)*$", q.Key));
        Assert.All(Catalogue.Questions, q => Assert.EndsWith(" ?", q.Text, StringComparison.Ordinal));
        Assert.All(Catalogue.Blocks, b => Assert.StartsWith("https://github.com/DNUM-SocialGouv/documentation/blob/main/", b.FurtherUrl, StringComparison.Ordinal));
        Assert.Same(Catalogue, ChecklistCatalogue.Of(1));
    }

    [Fact]
    public void Score_counts_yes_one_partly_half_no_zero_and_leaves_unknown_out()
    {
        var score = ChecklistRules.Score([ChecklistAnswerValue.Yes, ChecklistAnswerValue.Partly, ChecklistAnswerValue.No, ChecklistAnswerValue.Unknown]);
        Assert.Equal(new ChecklistScore(50, 3, 1), score);
        Assert.Equal(83, ChecklistRules.Score([ChecklistAnswerValue.Yes, ChecklistAnswerValue.Yes, ChecklistAnswerValue.Partly]).Percent);
        // 2.5 / 3 = 83.3 % → 83; ½ / 4 = 12.5 % → 13 (half away from zero).
        Assert.Equal(13, ChecklistRules.Score([ChecklistAnswerValue.Partly, .. Enumerable.Repeat(ChecklistAnswerValue.No, 3)]).Percent);
        Assert.Equal(new ChecklistScore(null, 0, 2), ChecklistRules.Score([ChecklistAnswerValue.Unknown, ChecklistAnswerValue.Unknown]));
        Assert.Equal(new ChecklistScore(100, 20, 0), ChecklistRules.Score(All(ChecklistAnswerValue.Yes).Select(a => a.Answer!.Value)));
    }

    [Fact]
    public void Block_scores_are_computed_per_block_and_overall_weighs_each_question_the_same()
    {
        // Vision (3): all yes → 100 %; every other block no → 0 %; overall 3 / 20 = 15 %, not the mean of the blocks (20 %).
        var answers = Catalogue.Questions.ToDictionary(q => q.Key, q => Catalogue.BlockOf(q.Key)!.Key == "vision" ? ChecklistAnswerValue.Yes : ChecklistAnswerValue.No);
        var blocks = ChecklistRules.BlockScores(Catalogue, answers);
        Assert.Equal([100, 0, 0, 0, 0], blocks.Select(b => b.Score.Percent));
        Assert.Equal(15, ChecklistRules.Score(answers.Values).Percent);
    }

    [Fact]
    public void A_whole_assessment_is_accepted_in_the_catalogues_order_with_comments_cleaned()
    {
        var input = All(ChecklistAnswerValue.Partly);
        input.Reverse();
        input[0] = input[0] with { Comment = "  À revoir  " };
        var result = ChecklistRules.Validate(Catalogue, input);
        Assert.True(result.Succeeded);
        Assert.Equal(Catalogue.Questions.Select(q => q.Key), result.Value!.Select(a => a.QuestionKey));
        Assert.Equal("À revoir", result.Value![^1].Comment);
    }

    [Fact]
    public void Unknown_key_duplicate_key_missing_answer_and_long_comment_are_invalid()
    {
        var input = All(ChecklistAnswerValue.Yes);
        input.Add(new ChecklistAnswerInput("vision-partagee", ChecklistAnswerValue.Yes, null));
        input.Add(new ChecklistAnswerInput("vision-shared", ChecklistAnswerValue.No, null));
        input[1] = input[1] with { Answer = null };
        input[2] = input[2] with { Comment = new string('x', 2001) };
        var refusal = ChecklistRules.Validate(Catalogue, input).Refusal!;
        Assert.Equal(RefusalKind.Invalid, refusal.Kind);
        Assert.Contains("n’existe pas", refusal.Errors["Answers[20].QuestionKey"], StringComparison.Ordinal);
        Assert.Contains("plusieurs réponses", refusal.Errors["Answers[21].QuestionKey"], StringComparison.Ordinal);
        Assert.StartsWith("Répondez à la question « Cette vision guide-t-elle", refusal.Errors["Answers[1].Answer"], StringComparison.Ordinal);
        Assert.Equal("Le commentaire ne doit pas dépasser 2000 caractères (actuellement 2001).", refusal.Errors["Answers[2].Comment"]);
    }

    [Fact]
    public void A_question_left_out_is_refused_by_the_rule_that_an_assessment_is_whole()
    {
        var refusal = ChecklistRules.Validate(Catalogue, All(ChecklistAnswerValue.Unknown).Skip(1).ToList()).Refusal!;
        Assert.Equal(RefusalKind.Rule, refusal.Kind);
        Assert.Contains("« L’équipe a-t-elle une vision claire et partagée du produit ? »", refusal.Errors[""], StringComparison.Ordinal);
        Assert.Equal(RefusalKind.Rule, ChecklistRules.Validate(Catalogue, null).Refusal!.Kind);
    }

    [Fact]
    public void An_assessment_is_stale_after_six_months()
    {
        var now = new DateTimeOffset(2026, 12, 5, 10, 0, 0, TimeSpan.Zero);
        Assert.False(ChecklistRules.IsStale(now.AddDays(-183), now));
        Assert.True(ChecklistRules.IsStale(now.AddDays(-184), now));
    }
}
