using Cap.Domain.Steering;
using Cap.Web.Shared;

namespace Cap.Web.Features.Vision;

/// <summary>The badge tone of an objective's status, next to its label (<c>Label()</c> in Cap.Domain.Steering); the label is always written.</summary>
public static class VisionBadges
{
    public static BadgeTone Tone(this ObjectiveStatus status) => status switch
    {
        ObjectiveStatus.Reached => BadgeTone.Success,
        ObjectiveStatus.Abandoned => BadgeTone.Warning,
        _ => BadgeTone.Info,
    };
}
