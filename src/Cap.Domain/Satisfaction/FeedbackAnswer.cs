using Cap.Domain.Platform;

namespace Cap.Domain.Satisfaction;

/// <summary>Help channels a user tried before answering (several choices).</summary>
[Flags]
public enum HelpChannels
{
    None = 0,
    Email = 1,
    Phone = 2,
    Chat = 4,
    InPerson = 8,
    OnlineHelp = 16,
    Relative = 32,
    Other = 64,
}

/// <summary>
/// One answer to a satisfaction form. Immutable once stored (a correction is a new record) and not audited
/// one by one: answers are a stream, not people's changes. <see cref="Comment"/> is stored masked.
/// </summary>
public class FeedbackAnswer : IAuditExempt
{
    public const int CommentMaxLength = 2000;
    public const int ClientKeyMaxLength = 64;

    public long Id { get; init; }
    public int ProductId { get; init; }
    public int PlacementId { get; init; }

    /// <summary>Number of the form's configuration version the answer was given under.</summary>
    public int FormVersion { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }

    /// <summary>Day of reception in Europe/Paris: statistics group by it without time-zone arithmetic in SQL.</summary>
    public DateOnly Day { get; init; }

    /// <summary>Overall experience: 1 (bad), 2 (average), 3 (good).</summary>
    public int Experience { get; init; }
    public int? Clarity { get; init; }
    public HelpChannels HelpChannels { get; init; }
    public bool? AdministrationReached { get; init; }
    public int? HelpQuality { get; init; }
    public string? Comment { get; init; }

    /// <summary>A key chosen by the client (or the form) so that a resent answer is stored once per placement.</summary>
    public string? ClientKey { get; init; }
}

public static class HelpChannelLabels
{
    public static readonly HelpChannels[] All =
        [HelpChannels.Email, HelpChannels.Phone, HelpChannels.Chat, HelpChannels.InPerson, HelpChannels.OnlineHelp, HelpChannels.Relative, HelpChannels.Other];

    public static string Label(this HelpChannels channel) => channel switch
    {
        HelpChannels.Email => "Par e-mail ou formulaire de contact",
        HelpChannels.Phone => "Par téléphone",
        HelpChannels.Chat => "Par messagerie instantanée (chat)",
        HelpChannels.InPerson => "À un guichet ou un accueil physique",
        HelpChannels.OnlineHelp => "Dans l’aide en ligne (FAQ, tutoriels)",
        HelpChannels.Relative => "Auprès d’un proche",
        HelpChannels.Other => "Autrement",
        _ => channel.ToString(),
    };

    /// <summary>The JSON names of the API, stable and in English like the rest of the API.</summary>
    public static string Code(this HelpChannels channel) => channel switch
    {
        HelpChannels.Email => "email",
        HelpChannels.Phone => "phone",
        HelpChannels.Chat => "chat",
        HelpChannels.InPerson => "inPerson",
        HelpChannels.OnlineHelp => "onlineHelp",
        HelpChannels.Relative => "relative",
        HelpChannels.Other => "other",
        _ => channel.ToString(),
    };

    public static HelpChannels? FromCode(string? code) =>
        All.Cast<HelpChannels?>().FirstOrDefault(c => string.Equals(c!.Value.Code(), code?.Trim(), StringComparison.OrdinalIgnoreCase));
}
