using Cap.Domain.Satisfaction;

namespace Cap.Domain.Tests.Satisfaction;

public sealed class AnswerRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    [InlineData(4)]
    public void Experience_is_required_between_1_and_3(int? experience) =>
        Assert.Contains("experience", AnswerRules.Validate(new AnswerInput(experience)).Keys);

    [Fact]
    public void Scales_and_comment_length_are_checked_at_their_edges()
    {
        Assert.Empty(AnswerRules.Validate(new AnswerInput(3, Clarity: 1, HelpQuality: 5, Comment: new string('a', 2000))));
        Assert.Empty(AnswerRules.Validate(new AnswerInput(1, Clarity: 5, HelpQuality: 1)));
        var errors = AnswerRules.Validate(new AnswerInput(2, Clarity: 6, HelpQuality: 0, Comment: new string('a', 2001)));
        Assert.Equal(["clarity", "comment", "helpQuality"], errors.Keys.Order());
    }

    [Fact]
    public void Unknown_help_channel_bits_are_refused() =>
        Assert.Contains("helpChannels", AnswerRules.Validate(new AnswerInput(2, HelpChannels: (HelpChannels)1024)).Keys);

    [Fact]
    public void Blocks_the_form_does_not_ask_are_dropped_and_the_comment_masked()
    {
        var input = new AnswerInput(3, Clarity: 4, HelpChannels.Phone, AdministrationReached: true, HelpQuality: 2, Comment: "  Appelez le 06 12 34 56 78  ");
        var answer = AnswerRules.Build(input, 1, 2, new FormQuestions(Clarity: false, Help: false, Comment: true), 3, Now, new DateOnly(2026, 11, 26));
        Assert.Null(answer.Clarity);
        Assert.Equal(HelpChannels.None, answer.HelpChannels);
        Assert.Null(answer.AdministrationReached);
        Assert.Null(answer.HelpQuality);
        Assert.Equal($"Appelez le {PersonalDataMask.PhoneMask}", answer.Comment);
        Assert.Equal(3, answer.FormVersion);
    }

    [Fact]
    public void Help_quality_is_kept_only_when_the_administration_was_reached()
    {
        var all = new FormQuestions(true, true, true);
        var notReached = AnswerRules.Build(new AnswerInput(2, HelpChannels: HelpChannels.Phone | HelpChannels.Email, AdministrationReached: false, HelpQuality: 4), 1, 1, all, 1, Now, default);
        Assert.Equal(HelpChannels.Phone | HelpChannels.Email, notReached.HelpChannels);
        Assert.False(notReached.AdministrationReached);
        Assert.Null(notReached.HelpQuality);
        var noHelp = AnswerRules.Build(new AnswerInput(2, AdministrationReached: true, HelpQuality: 4), 1, 1, all, 1, Now, default);
        Assert.Null(noHelp.AdministrationReached);
    }

    [Fact]
    public void Changing_the_questions_makes_a_new_version_and_keeping_them_does_not()
    {
        var form = new FeedbackForm { ProductId = 7 };
        Assert.Null(form.ChangeQuestions(form.Questions, "Karim"));
        var version = form.ChangeQuestions(form.Questions with { Help = true }, "Karim");
        Assert.NotNull(version);
        Assert.Equal(2, version.Number);
        Assert.True(version.AskHelp);
        Assert.Equal(2, form.ConfigVersion);
    }
}
