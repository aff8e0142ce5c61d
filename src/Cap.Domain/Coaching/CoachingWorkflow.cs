using Cap.Domain.Catalogue;
using Cap.Domain.Platform;

namespace Cap.Domain.Coaching;

/// <summary>
/// The life of a coaching request, as pure rules: Nouvelle → (question) En instruction → Acceptée → (scheduled)
/// Planifiée → (first session) En cours → Terminée, or Refusée (declined, or merged as a duplicate) before acceptance.
/// Each method changes the request and returns null, or returns why it refused and changes nothing: a rule about a
/// field (<see cref="RefusalKind.Rule"/>), the request's state (<see cref="RefusalKind.Conflict"/>) or the person's
/// rights (<see cref="RefusalKind.Forbidden"/>).
/// </summary>
public static class CoachingWorkflow
{
    public const int MinRating = 1;
    public const int MaxRating = 5;

    /// <summary>Coaches (and administrators) triage, plan, record sessions and close.</summary>
    public static bool CanCoach(Person person) =>
        Access.CanAdminister(person) || (person.IsActive && person.Has(GlobalRoles.Coach));

    /// <summary>The product's team (or an administrator) asks for support.</summary>
    public static bool CanAsk(Person person, ProductRole? roleInProduct) => Access.CanEditProduct(person, roleInProduct);

    /// <summary>The team and the coaches write in the thread.</summary>
    public static bool CanWriteMessage(Person person, ProductRole? roleInProduct) => CanCoach(person) || CanAsk(person, roleInProduct);

    /// <summary>Only a member of the product's team rates the support it received.</summary>
    public static bool CanRate(Person person, ProductRole? roleInProduct) => Access.CanWrite(person) && roleInProduct is not null;

    public static Refusal? Accept(CoachingRequest request, DateTimeOffset now)
    {
        if (request.Status is not (CoachingStatus.Nouvelle or CoachingStatus.EnInstruction))
        {
            return Refusal.Conflict($"La demande est « {request.Status.Label()} » : seule une demande nouvelle ou en instruction peut être acceptée.");
        }
        request.Status = CoachingStatus.Acceptee;
        request.AcceptedAt = now;
        return null;
    }

    public static Refusal? Decline(CoachingRequest request, string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return Refusal.Rule("Reason", "Indiquez la raison du refus : l’équipe la lira.");
        }
        if (reason.Trim().Length > CoachingRequest.ReasonMaxLength)
        {
            return Refusal.Rule("Reason", $"La raison du refus ne doit pas dépasser {CoachingRequest.ReasonMaxLength} caractères.");
        }
        if (request.Status is not (CoachingStatus.Nouvelle or CoachingStatus.EnInstruction))
        {
            return Refusal.Conflict($"La demande est « {request.Status.Label()} » : seule une demande nouvelle ou en instruction peut être refusée.");
        }
        request.Status = CoachingStatus.Refusee;
        request.DeclineReason = reason.Trim();
        return null;
    }

    /// <summary>Closes the request as a duplicate of another, open request of the same product.</summary>
    public static Refusal? MarkDuplicate(CoachingRequest request, CoachingRequest? original)
    {
        if (original is null || original.Id == request.Id || original.ProductId != request.ProductId)
        {
            return Refusal.Rule("DuplicateOfId", "Choisissez une autre demande du même produit.");
        }
        if (!original.Status.IsOpen())
        {
            return Refusal.Rule("DuplicateOfId", $"La demande n° {original.Id} est close : choisissez une demande en cours.");
        }
        if (request.Status is not (CoachingStatus.Nouvelle or CoachingStatus.EnInstruction))
        {
            return Refusal.Conflict($"La demande est « {request.Status.Label()} » : seule une demande nouvelle ou en instruction peut être fusionnée.");
        }
        request.Status = CoachingStatus.Refusee;
        request.DuplicateOfId = original.Id;
        request.DeclineReason = $"Doublon de la demande n° {original.Id}.";
        return null;
    }

    /// <summary>A coach's question: a new request goes « En instruction »; an open one keeps its status.</summary>
    public static Refusal? AskQuestion(CoachingRequest request)
    {
        if (!request.Status.IsOpen())
        {
            return Refusal.Conflict($"La demande est « {request.Status.Label()} » : elle n’accepte plus de question.");
        }
        if (request.Status == CoachingStatus.Nouvelle)
        {
            request.Status = CoachingStatus.EnInstruction;
        }
        return null;
    }

    public static Refusal? Assign(CoachingRequest request, IReadOnlyCollection<int> coachIds)
    {
        if (coachIds.Count == 0)
        {
            return Refusal.Rule("CoachIds", "Choisissez au moins un coach.");
        }
        if (!request.Status.IsOpen())
        {
            return Refusal.Conflict($"La demande est « {request.Status.Label()} » : ses coachs ne changent plus.");
        }
        request.Coaches.RemoveAll(c => !coachIds.Contains(c.PersonId));
        foreach (var id in coachIds.Where(id => request.Coaches.All(c => c.PersonId != id)))
        {
            request.Coaches.Add(new CoachingAssignment { PersonId = id, ProductId = request.ProductId });
        }
        return null;
    }

    /// <summary>Plans the first session: an accepted request with at least one coach becomes « Planifiée ».</summary>
    public static Refusal? Schedule(CoachingRequest request, DateOnly? date, DateOnly today)
    {
        if (date is null)
        {
            return Refusal.Rule("Date", "Saisissez la date de la première séance sous la forme jj/mm/aaaa.");
        }
        if (date < today)
        {
            return Refusal.Rule("Date", "La date de la première séance ne peut pas être passée.");
        }
        if (request.Status is not (CoachingStatus.Acceptee or CoachingStatus.Planifiee))
        {
            return Refusal.Conflict(request.Status is CoachingStatus.Nouvelle or CoachingStatus.EnInstruction
                ? "Acceptez la demande avant de la planifier."
                : $"La demande est « {request.Status.Label()} » : elle ne se planifie plus.");
        }
        if (request.Coaches.Count == 0)
        {
            return Refusal.Conflict("Affectez au moins un coach avant de planifier la demande.");
        }
        request.Status = CoachingStatus.Planifiee;
        request.ScheduledFor = date;
        return null;
    }

    /// <summary>A session is recorded only on an accepted request; the first one makes it « En cours ».</summary>
    public static Refusal? RecordSession(CoachingRequest request, CoachingSession session)
    {
        if (request.Status is CoachingStatus.Nouvelle or CoachingStatus.EnInstruction)
        {
            return Refusal.Conflict("Une séance ne peut être enregistrée qu’après l’acceptation de la demande.");
        }
        if (!request.Status.IsOpen())
        {
            return Refusal.Conflict($"La demande est « {request.Status.Label()} » : elle n’accepte plus de séance.");
        }
        if (string.IsNullOrWhiteSpace(session.Summary))
        {
            return Refusal.Rule("Summary", "Décrivez ce qui a été fait pendant la séance.");
        }
        if (string.IsNullOrWhiteSpace(session.Participants))
        {
            return Refusal.Rule("Participants", "Indiquez les participants de la séance.");
        }
        request.Status = CoachingStatus.EnCours;
        request.Sessions.Add(session);
        return null;
    }

    public static Refusal? Close(CoachingRequest request, string? outcome, bool? autonomyGained, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(outcome))
        {
            return Refusal.Rule("Outcome", "Résumez le résultat de l’accompagnement.");
        }
        if (outcome.Trim().Length > CoachingRequest.OutcomeMaxLength)
        {
            return Refusal.Rule("Outcome", $"Le résumé ne doit pas dépasser {CoachingRequest.OutcomeMaxLength} caractères.");
        }
        if (request.Status is not (CoachingStatus.Acceptee or CoachingStatus.Planifiee or CoachingStatus.EnCours))
        {
            return Refusal.Conflict($"La demande est « {request.Status.Label()} » : seule une demande acceptée, planifiée ou en cours peut être terminée.");
        }
        request.Status = CoachingStatus.Terminee;
        request.OutcomeSummary = outcome.Trim();
        request.AutonomyGained = autonomyGained;
        request.ClosedAt = now;
        return null;
    }

    /// <summary>The team rates the support once it is over, from 1 to 5, once.</summary>
    public static Refusal? Rate(CoachingRequest request, Person person, ProductRole? roleInProduct, int? rating, string? comment, DateTimeOffset now)
    {
        if (!CanRate(person, roleInProduct))
        {
            return Refusal.Forbidden("Seul un membre de l’équipe du produit peut évaluer l’accompagnement.");
        }
        if (rating is not { } value || value < MinRating || value > MaxRating)
        {
            return Refusal.Rule("Rating", "Choisissez une note de 1 (pas utile) à 5 (très utile).");
        }
        if (comment is not null && comment.Trim().Length > CoachingRequest.CommentMaxLength)
        {
            return Refusal.Rule("Comment", $"Le commentaire ne doit pas dépasser {CoachingRequest.CommentMaxLength} caractères.");
        }
        if (request.Status != CoachingStatus.Terminee)
        {
            return Refusal.Conflict("L’accompagnement s’évalue une fois terminé.");
        }
        if (request.Rating is not null)
        {
            return Refusal.Conflict($"L’accompagnement a déjà été évalué par {request.RatedByName}.");
        }
        request.Rating = value;
        request.RatingComment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        request.RatedById = person.Id;
        request.RatedByName = person.DisplayName;
        request.RatedAt = now;
        return null;
    }
}
