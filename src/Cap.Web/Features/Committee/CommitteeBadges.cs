using Cap.Domain.Committee;
using Cap.Web.Shared;

namespace Cap.Web.Features.Committee;

/// <summary>The badge tone of each committee status, next to its label (<c>Label()</c> in Cap.Domain.Committee); the label is always written.</summary>
public static class CommitteeBadges
{
    public static BadgeTone Tone(this GateRequestStatus status) => status switch
    {
        GateRequestStatus.Brouillon => BadgeTone.New,
        GateRequestStatus.Soumise => BadgeTone.Info,
        GateRequestStatus.Inscrite => BadgeTone.Info,
        GateRequestStatus.Examinee => BadgeTone.Success,
        _ => BadgeTone.Neutral,
    };

    public static BadgeTone Tone(this ConditionStatus status) => status switch
    {
        ConditionStatus.Ouverte => BadgeTone.Warning,
        ConditionStatus.LeveeDeclaree => BadgeTone.Info,
        _ => BadgeTone.Success,
    };

    public static BadgeTone Tone(this DecisionOutcome outcome) => outcome switch
    {
        DecisionOutcome.Go => BadgeTone.Success,
        DecisionOutcome.GoAvecConditions => BadgeTone.Success,
        DecisionOutcome.Ajourne => BadgeTone.Warning,
        _ => BadgeTone.Error,
    };

    public static BadgeTone Tone(this SessionStatus status) => status switch
    {
        SessionStatus.Planifiee => BadgeTone.Info,
        SessionStatus.Tenue => BadgeTone.Success,
        _ => BadgeTone.Neutral,
    };
}
