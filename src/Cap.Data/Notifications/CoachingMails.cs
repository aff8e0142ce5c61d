using Cap.Domain.Coaching;

namespace Cap.Data.Notifications;

/// <summary>
/// The coaching capability's e-mails (decision 0011): every word their recipients read, in one place. The workflow
/// chooses who receives which mail; the link to the request comes from the caller, which knows the public address.
/// </summary>
public static class CoachingMails
{
    /// <summary>The outbox topic of a request's mails (the outbox view and the tests group them by it).</summary>
    public static string Topic(int requestId) => $"coaching-request:{requestId}";

    /// <summary>To every coach, when a team asks for coaching.</summary>
    public static MailText NewRequest(string askedBy, string intervention, string product, CoachingUrgency urgency, string need, string link) => new(
        $"[Cap] Nouvelle demande d’accompagnement — {product}",
        $"Bonjour,\n\n{askedBy} demande un accompagnement « {intervention} » pour le produit « {product} » (urgence : {urgency.Label().ToLowerInvariant()}).\n\nBesoin :\n{need}\n\nPour l’instruire : {link}\n\nCap");

    /// <summary>To the team and the coaches, when someone writes in the request's conversation.</summary>
    public static MailText Message(string author, int requestId, string product, string text, string link) =>
        WithLink($"[Cap] Nouveau message — {product}", $"{author} a écrit sur la demande d’accompagnement n° {requestId} :\n\n{text}", link);

    /// <summary>To the team, when a coach moves the request along or asks a question; <paramref name="entry"/> is what the thread shows.</summary>
    public static MailText CoachUpdate(bool question, CoachingStatus before, CoachingStatus after, int requestId, string product, string entry, string coach, string link)
    {
        var subject = question
            ? $"[Cap] Question d’un coach — {product}"
            : before != after
                ? $"[Cap] Votre demande d’accompagnement est « {after.Label()} » — {product}"
                : $"[Cap] Votre demande d’accompagnement a évolué — {product}";
        return WithLink(subject, $"Demande d’accompagnement n° {requestId} ({product}) :\n\n{entry}\n\n— {coach}", link);
    }

    private static MailText WithLink(string subject, string body, string link) =>
        new(subject, $"Bonjour,\n\n{body}\n\nVoir la demande : {link}\n\nCap");
}
