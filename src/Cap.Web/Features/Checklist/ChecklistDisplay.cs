using Cap.Domain.Checklist;
using Cap.Web.Shared;
using Cap.Web.Shared.TagHelpers;

namespace Cap.Web.Features.Checklist;

/// <summary>How the checklist's scores and answers read on the screens.</summary>
public static class ChecklistDisplay
{
    public static string Percent(int? percent) => percent is { } p ? $"{p} %" : "non calculable";

    public static string UnknownNote(int unknown) => unknown switch
    {
        0 => "",
        1 => " (1 « ne sait pas », hors calcul)",
        _ => $" ({unknown} « ne sait pas », hors calcul)",
    };

    public static string Score(ChecklistScore score) => $"{Percent(score.Percent)}{UnknownNote(score.Unknown)}";

    public static BadgeTone Tone(ChecklistAnswerValue value) => value switch
    {
        ChecklistAnswerValue.Yes => BadgeTone.Success,
        ChecklistAnswerValue.Partly => BadgeTone.Warning,
        ChecklistAnswerValue.No => BadgeTone.Error,
        _ => BadgeTone.Neutral,
    };

    /// <summary>The scale as radio options, in the order people answer.</summary>
    public static IReadOnlyList<DsfrChoice> Choices { get; } = DsfrChoice.Of<ChecklistAnswerValue>(v => v.Label());
}
