using Cap.Domain.Coaching;
using Cap.Web.Shared;

namespace Cap.Web.Features.Coaching;

/// <summary>The badge tone of a coaching request's status, next to its label (<see cref="CoachingLabels"/>); the label is always written.</summary>
public static class CoachingBadges
{
    public static BadgeTone Tone(this CoachingStatus status) => status switch
    {
        CoachingStatus.Nouvelle => BadgeTone.New,
        CoachingStatus.EnInstruction => BadgeTone.Info,
        CoachingStatus.Acceptee => BadgeTone.Info,
        CoachingStatus.Planifiee => BadgeTone.Info,
        CoachingStatus.EnCours => BadgeTone.Warning,
        CoachingStatus.Terminee => BadgeTone.Success,
        _ => BadgeTone.Neutral,
    };
}
