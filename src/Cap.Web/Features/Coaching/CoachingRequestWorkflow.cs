using System.Globalization;
using Cap.Data;
using Cap.Data.Notifications;
using Cap.Domain;
using Cap.Domain.Coaching;
using Cap.Domain.Platform;
using Cap.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Coaching;

/// <summary>
/// A coaching request after it is asked: the coaches' commands (accept, decline, merge, question, assign, schedule,
/// record a session, close) and the team's (rate, write). Each command checks the person's rights, applies the
/// workflow rule (<see cref="CoachingWorkflow"/>), writes the thread entry the team sees and enqueues its mails, all in
/// one save.
/// </summary>
public sealed class CoachingRequestWorkflow(CapDbContext db, CoachingRequestStore store, TimeProvider time)
{
    // ---- Coaches' commands ---------------------------------------------------------------------------

    public Task<Result<int>> AcceptAsync(Person me, int id, int? version, CancellationToken ct) =>
        CoachCommandAsync(me, id, version, (r, now) =>
        {
            var refusal = CoachingWorkflow.Accept(r, now);
            // The coach who accepts follows the request unless coaches were already assigned.
            if (refusal is null && r.Coaches.Count == 0 && me.Has(GlobalRoles.Coach))
            {
                r.Coaches.Add(new CoachingAssignment { PersonId = me.Id, ProductId = r.ProductId });
            }
            return (refusal, $"Demande acceptée par {me.DisplayName}.");
        }, ct);

    public Task<Result<int>> DeclineAsync(Person me, int id, string? reason, int? version, CancellationToken ct) =>
        CoachCommandAsync(me, id, version, (r, _) => (CoachingWorkflow.Decline(r, reason), $"Demande refusée : {Text.Clean(reason)}"), ct);

    public async Task<Result<int>> MergeAsync(Person me, int id, int? duplicateOfId, int? version, CancellationToken ct)
    {
        var original = duplicateOfId is { } d ? await db.CoachingRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == d, ct) : null;
        return await CoachCommandAsync(me, id, version, (r, _) => (CoachingWorkflow.MarkDuplicate(r, original),
            $"Demande fusionnée avec la demande n° {duplicateOfId}, qui la remplace."), ct);
    }

    public Task<Result<int>> QuestionAsync(Person me, int id, string? question, int? version, CancellationToken ct)
    {
        var body = Text.Clean(question);
        if (body is null || body.Length > CoachingMessage.BodyMaxLength)
        {
            return Task.FromResult<Result<int>>(Refusal.Rule("Body", body is null ? "Écrivez votre question à l’équipe." : $"La question ne doit pas dépasser {CoachingMessage.BodyMaxLength} caractères."));
        }
        return CoachCommandAsync(me, id, version, (r, _) => (CoachingWorkflow.AskQuestion(r), body), ct, CoachingMessageKind.Question);
    }

    public async Task<Result<int>> AssignAsync(Person me, int id, IReadOnlyCollection<int> coachIds, int? version, CancellationToken ct)
    {
        var wanted = coachIds.Distinct().ToList();
        var coaches = await db.People.AsNoTracking().Where(p => wanted.Contains(p.Id) && p.IsActive && (p.Roles & GlobalRoles.Coach) == GlobalRoles.Coach)
            .OrderBy(p => p.DisplayName).ToListAsync(ct);
        if (coaches.Count != wanted.Count)
        {
            return Refusal.Rule("CoachIds", "Une des personnes choisies n’est pas un coach actif.");
        }
        return await CoachCommandAsync(me, id, version, (r, _) => (CoachingWorkflow.Assign(r, wanted),
            coaches.Count == 1 ? $"Coach affecté : {coaches[0].DisplayName}." : $"Coachs affectés : {string.Join(", ", coaches.Select(c => c.DisplayName))}."), ct);
    }

    public Task<Result<int>> ScheduleAsync(Person me, int id, DateOnly? date, int? version, CancellationToken ct) =>
        CoachCommandAsync(me, id, version, (r, _) => (CoachingWorkflow.Schedule(r, date, time.ParisToday()),
            $"Première séance prévue le {date?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}."), ct);

    public Task<Result<int>> RecordSessionAsync(Person me, int id, SessionInput input, CancellationToken ct)
    {
        if (input.Date is null)
        {
            return Task.FromResult<Result<int>>(Refusal.Rule("Date", "Saisissez la date de la séance sous la forme jj/mm/aaaa."));
        }
        foreach (var (field, value, max, what) in new[]
        {
            ("Participants", input.Participants, CoachingSession.ParticipantsMaxLength, "Les participants"),
            ("Summary", input.Summary, CoachingSession.TextMaxLength, "Ce qui a été fait"),
            ("NextSteps", input.NextSteps, CoachingSession.TextMaxLength, "Les prochaines étapes"),
            ("Links", input.Links, CoachingSession.LinksMaxLength, "Les documents et liens"),
        })
        {
            if (Text.Clean(value) is { } text && text.Length > max)
            {
                return Task.FromResult<Result<int>>(Refusal.Rule(field, $"{what} ne doi(ven)t pas dépasser {max} caractères."));
            }
        }
        return CoachCommandAsync(me, id, null, (r, _) =>
        {
            var session = new CoachingSession
            {
                ProductId = r.ProductId, Date = input.Date.Value, Participants = Text.Clean(input.Participants) ?? string.Empty,
                Summary = Text.Clean(input.Summary) ?? string.Empty, NextSteps = Text.Clean(input.NextSteps), Links = Text.Clean(input.Links),
                RecordedById = me.Id, RecordedByName = me.DisplayName,
            };
            return (CoachingWorkflow.RecordSession(r, session), $"Séance du {input.Date.Value.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)} enregistrée.");
        }, ct);
    }

    public Task<Result<int>> CloseAsync(Person me, int id, string? outcome, bool? autonomyGained, int? version, CancellationToken ct) =>
        CoachCommandAsync(me, id, version, (r, now) => (CoachingWorkflow.Close(r, outcome, autonomyGained, now),
            $"Accompagnement terminé. Résultat : {Text.Clean(outcome)}"), ct);

    // ---- The team's commands -------------------------------------------------------------------------

    public async Task<Result<int>> RateAsync(Person me, int id, int? rating, string? comment, CancellationToken ct)
    {
        var request = await store.LoadForWriteAsync(id, ct);
        if (request is null)
        {
            return Refusal.NotFound(CoachingQueries.NotFoundMessage);
        }
        var now = time.GetUtcNow();
        if (CoachingWorkflow.Rate(request, me, await store.RoleAsync(me, request.ProductId, ct), rating, comment, now) is { } refusal)
        {
            return refusal;
        }
        request.Messages.Add(CoachingRequestStore.Entry(request, CoachingMessageKind.StatusChange, me, $"Accompagnement évalué {rating}/5 par {me.DisplayName}.", now));
        return await store.SaveAsync(() => request.Id, ct);
    }

    public async Task<Result<int>> MessageAsync(Person me, int id, string? body, CancellationToken ct)
    {
        var text = Text.Clean(body);
        if (text is null || text.Length > CoachingMessage.BodyMaxLength)
        {
            return Refusal.Rule("Body", text is null ? "Écrivez votre message." : $"Le message ne doit pas dépasser {CoachingMessage.BodyMaxLength} caractères.");
        }
        var request = await store.LoadForWriteAsync(id, ct);
        if (request is null)
        {
            return Refusal.NotFound(CoachingQueries.NotFoundMessage);
        }
        if (!CoachingWorkflow.CanWriteMessage(me, await store.RoleAsync(me, request.ProductId, ct)))
        {
            return Refusal.Forbidden("Seuls l’équipe du produit et les coachs écrivent dans cette conversation.");
        }
        var now = time.GetUtcNow();
        request.Messages.Add(CoachingRequestStore.Entry(request, CoachingMessageKind.Message, me, text, now));
        // Touching the request makes two concurrent writers meet on its version.
        request.UpdatedAt = now;
        var recipients = await store.RecipientsAsync(request, me, includeCoaches: true, ct);
        var mail = CoachingMails.Message(me.DisplayName, request.Id, request.Product!.Name, text, store.Link(request.Id));
        return await store.SaveAsync(() => request.Id, ct, () => store.Notify(recipients, mail, request.Id, now));
    }

    private async Task<Result<int>> CoachCommandAsync(Person me, int id, int? version, Func<CoachingRequest, DateTimeOffset, (Refusal? Refusal, string Entry)> apply,
        CancellationToken ct, CoachingMessageKind kind = CoachingMessageKind.StatusChange)
    {
        var request = await store.LoadForWriteAsync(id, ct);
        if (request is null)
        {
            return Refusal.NotFound(CoachingQueries.NotFoundMessage);
        }
        if (!CoachingWorkflow.CanCoach(me))
        {
            return Refusal.Forbidden("Seuls les coachs instruisent et suivent les demandes d’accompagnement.");
        }
        if (version is { } v && v != request.Version)
        {
            return Refusal.Conflict(CoachingRequestStore.ConcurrencyMessage, currentVersion: request.Version);
        }
        var before = request.Status;
        var now = time.GetUtcNow();
        var (refusal, text) = apply(request, now);
        if (refusal is not null)
        {
            return refusal;
        }
        var body = kind == CoachingMessageKind.StatusChange && before != request.Status
            ? $"Statut : {before.Label()} → {request.Status.Label()}. {text}"
            : text;
        request.Messages.Add(CoachingRequestStore.Entry(request, kind, me, body, now));
        request.UpdatedAt = now;
        var recipients = await store.RecipientsAsync(request, me, includeCoaches: false, ct);
        var mail = CoachingMails.CoachUpdate(kind == CoachingMessageKind.Question, before, request.Status, request.Id, request.Product!.Name, body, me.DisplayName, store.Link(request.Id));
        return await store.SaveAsync(() => request.Id, ct, () => store.Notify(recipients, mail, request.Id, now));
    }
}
