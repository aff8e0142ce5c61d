using System.Globalization;
using Cap.Data;
using Cap.Data.Notifications;
using Cap.Domain;
using Cap.Domain.Catalogue;
using Cap.Domain.Coaching;
using Cap.Domain.Committee;
using Cap.Domain.Platform;
using Cap.Web.Shared;
using Cap.Web.Shared.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Coaching;

/// <summary>
/// Every read and write of the coaching capability, for the pages and the API alike. Each command checks the person's
/// rights, applies the workflow rule, writes the thread entry the team sees and enqueues its e-mails, all in one save.
/// </summary>
public sealed class CoachingService(CapDbContext db, TimeProvider time, PublicUrls urls)
{
    public const string ConcurrencyMessage = "La demande a été modifiée par quelqu’un d’autre entre-temps : rechargez la page.";
    public const string NotFoundMessage = "Cette demande d’accompagnement n’existe pas.";

    public DateOnly Today => time.ParisToday();


    // ---- Catalogue -----------------------------------------------------------------------------------

    public async Task<List<InterventionView>> InterventionsAsync(bool activeOnly, CancellationToken ct) =>
        (await db.CoachingInterventions.AsNoTracking().Where(i => !activeOnly || i.IsActive).OrderBy(i => i.Order).ThenBy(i => i.Title).ToListAsync(ct))
            .Select(InterventionView.From).ToList();

    public async Task<Result<int>> SaveInterventionAsync(Person me, int? id, InterventionInput input, CancellationToken ct)
    {
        if (!Access.CanAdminister(me))
        {
            return Refusal.Forbidden("Seuls les administrateurs modifient le catalogue des accompagnements.");
        }
        CoachingIntervention? item = null;
        if (id is not null)
        {
            item = await db.CoachingInterventions.FirstOrDefaultAsync(i => i.Id == id, ct);
            if (item is null)
            {
                return Refusal.NotFound("Cet accompagnement n’existe pas dans le catalogue.");
            }
        }
        var errors = new Dictionary<string, string>();
        var title = Text.Clean(input.Title);
        var slug = Text.Clean(input.Slug) ?? (title is null ? null : Slugs.FromName(title));
        Check(errors, "Title", title, CoachingIntervention.TitleMaxLength, "Saisissez le titre de l’accompagnement.", "Le titre");
        Check(errors, "Description", Text.Clean(input.Description), CoachingIntervention.TextMaxLength, "Décrivez l’accompagnement.", "La description");
        Check(errors, "TypicalDuration", Text.Clean(input.TypicalDuration), CoachingIntervention.DurationMaxLength, "Indiquez la durée habituelle.", "La durée");
        Check(errors, "Deliverables", Text.Clean(input.Deliverables), CoachingIntervention.TextMaxLength, "Indiquez ce que l’équipe obtient.", "Ce que l’équipe obtient");
        if (slug is not null && (slug.Length > CoachingIntervention.SlugMaxLength || !Slugs.IsValid(slug)))
        {
            errors["Slug"] = "L’identifiant ne contient que des minuscules sans accent, des chiffres et des tirets.";
        }
        else if (slug is not null && await db.CoachingInterventions.AnyAsync(i => i.Slug == slug && i.Id != (id ?? 0), ct))
        {
            errors["Slug"] = $"L’identifiant « {slug} » est déjà pris par un autre accompagnement.";
        }
        if (input.Order is < 0 or > 1000)
        {
            errors["Order"] = "L’ordre est un nombre entre 0 et 1000.";
        }
        if (errors.Count > 0)
        {
            return Refusal.Rule(errors);
        }
        if (item is not null && input.Version is { } v && v != item.Version)
        {
            return Refusal.Conflict("L’accompagnement a été modifié par quelqu’un d’autre entre-temps : rechargez la page.", currentVersion: item.Version);
        }
        if (item is null)
        {
            item = new CoachingIntervention { Order = input.Order ?? (await db.CoachingInterventions.MaxAsync(i => (int?)i.Order, ct) ?? 0) + 1 };
            db.CoachingInterventions.Add(item);
        }
        item.Title = title!;
        item.Slug = slug!;
        item.Description = Text.Clean(input.Description)!;
        item.TypicalDuration = Text.Clean(input.TypicalDuration)!;
        item.Deliverables = Text.Clean(input.Deliverables)!;
        item.IsActive = input.IsActive;
        if (input.Order is { } order)
        {
            item.Order = order;
        }
        return await SaveAsync(() => item.Id, ct);
    }

    // ---- Reading -------------------------------------------------------------------------------------

    public async Task<CoachingRequestDetail?> LoadAsync(int id, CancellationToken ct)
    {
        var r = await db.CoachingRequests.AsNoTracking()
            .Include(x => x.Product).Include(x => x.Intervention)
            .Include(x => x.Coaches).ThenInclude(c => c.Person)
            .Include(x => x.Messages).Include(x => x.Sessions)
            .AsSplitQuery().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null)
        {
            return null;
        }
        return new CoachingRequestDetail(r.Id, r.Product!.Slug, r.Product.Name, r.Product.IsArchived, r.InterventionId, r.Intervention!.Title,
            r.Need, r.Context, r.Urgency, r.Availability, r.Status, r.Status.Label(), r.RequestedById, r.RequestedByName,
            [.. r.Coaches.OrderBy(c => c.Person!.DisplayName).Select(c => new CoachingCoachView(c.PersonId, c.Person!.DisplayName))],
            r.DeclineReason, r.DuplicateOfId, r.FromDecisionId, r.FromNeed, r.ScheduledFor, r.OutcomeSummary, r.AutonomyGained,
            r.Rating, r.RatingComment, r.RatedByName, r.CreatedAt, r.AcceptedAt, r.ClosedAt,
            [.. r.Messages.OrderBy(m => m.At).ThenBy(m => m.Id).Select(m => new CoachingMessageView(m.Id, m.Kind, m.AuthorName, m.Body, m.At))],
            [.. r.Sessions.OrderBy(s => s.Date).ThenBy(s => s.Id).Select(ToView)], r.Version)
        {
            StatusValue = r.Status,
            ProductId = r.ProductId,
        };
    }

    internal static CoachingSessionView ToView(CoachingSession s) =>
        new(s.Id, s.Date, s.Participants, s.Summary, s.NextSteps,
            [.. (s.Links ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)], s.RecordedByName);

    /// <summary>Requests, newest first, optionally for one product, one status, or one coach.</summary>
    public async Task<List<CoachingRequestSummary>> ListAsync(int? productId, IReadOnlyCollection<CoachingStatus>? statuses, int? coachId, int take, CancellationToken ct)
    {
        var query = db.CoachingRequests.AsNoTracking();
        if (productId is { } p)
        {
            query = query.Where(r => r.ProductId == p);
        }
        if (statuses is { Count: > 0 })
        {
            query = query.Where(r => statuses.Contains(r.Status));
        }
        if (coachId is { } c)
        {
            query = query.Where(r => r.Coaches.Any(a => a.PersonId == c));
        }
        var rows = await query.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Take(take)
            .Select(r => new
            {
                r.Id, r.Product!.Slug, r.Product.Name, r.InterventionId, r.Intervention!.Title, r.Status, r.Urgency, r.RequestedByName,
                Coaches = r.Coaches.Select(a => a.Person!.DisplayName).ToList(), r.CreatedAt, r.ScheduledFor, r.Rating,
            }).ToListAsync(ct);
        return [.. rows.Select(r => new CoachingRequestSummary(r.Id, r.Slug, r.Name, r.InterventionId, r.Title, r.Status, r.Status.Label(),
            r.Urgency, r.RequestedByName, [.. r.Coaches.Order()], r.CreatedAt, r.ScheduledFor, r.Rating))];
    }

    /// <summary>Active people who hold the Coach role, for assignment and notifications.</summary>
    public Task<List<Person>> CoachesAsync(CancellationToken ct) =>
        db.People.AsNoTracking().Where(p => p.IsActive && (p.Roles & GlobalRoles.Coach) == GlobalRoles.Coach).OrderBy(p => p.DisplayName).ToListAsync(ct);

    // ---- Asking --------------------------------------------------------------------------------------

    public async Task<Result<int>> CreateAsync(Person me, CoachingRequestInput input, CancellationToken ct)
    {
        var slug = Text.Clean(input.Product);
        var product = slug is null ? null : await db.Products.AsNoTracking().Where(p => p.Slug == slug).Select(p => new { p.Id, p.Name, p.Slug, p.IsArchived }).FirstOrDefaultAsync(ct);
        if (product is null)
        {
            return Refusal.Rule("Product", "Choisissez le produit pour lequel l’équipe demande un accompagnement.");
        }
        var role = await RoleAsync(me, product.Id, ct);
        if (!CoachingWorkflow.CanAsk(me, role))
        {
            return Refusal.Forbidden("Seule l’équipe du produit peut demander un accompagnement pour lui.");
        }
        if (product.IsArchived)
        {
            return Refusal.Rule("Product", $"Le produit « {product.Name} » est archivé : il ne peut plus recevoir d’accompagnement.");
        }
        var errors = new Dictionary<string, string>();
        var intervention = input.InterventionId is { } iid ? await db.CoachingInterventions.AsNoTracking().FirstOrDefaultAsync(i => i.Id == iid && i.IsActive, ct) : null;
        if (intervention is null)
        {
            errors["InterventionId"] = "Choisissez un accompagnement du catalogue.";
        }
        Check(errors, "Need", Text.Clean(input.Need), CoachingRequest.NeedMaxLength, "Décrivez votre besoin avec vos mots.", "Le besoin");
        MaxLength(errors, "Context", Text.Clean(input.Context), CoachingRequest.ContextMaxLength, "Le contexte");
        MaxLength(errors, "Availability", Text.Clean(input.Availability), CoachingRequest.AvailabilityMaxLength, "Les disponibilités");
        if (input.Urgency is { } u && !Enum.IsDefined(u))
        {
            errors["Urgency"] = "Choisissez une urgence : faible, normale ou haute.";
        }
        if (input.DecisionId is not null || input.SupportNeed is not null)
        {
            var need = input.SupportNeed ?? SupportNeeds.None;
            var decision = input.DecisionId is { } did ? await db.GateDecisions.AsNoTracking().Where(d => d.Id == did && d.ProductId == product.Id).Select(d => new { d.SupportNeeds }).FirstOrDefaultAsync(ct) : null;
            if (decision is null || !CommitteeLabels.Needs.Contains(need) || !decision.SupportNeeds.HasFlag(need))
            {
                errors["SupportNeed"] = "Ce besoin n’a pas été identifié par le comité pour ce produit.";
            }
            else if (await db.CoachingRequests.AnyAsync(r => r.FromDecisionId == input.DecisionId && r.FromNeed == need, ct))
            {
                return Refusal.Conflict($"Un accompagnement a déjà été demandé pour le besoin « {need.Label()} » identifié par ce comité.");
            }
        }
        if (errors.Count > 0)
        {
            return Refusal.Rule(errors);
        }
        var now = time.GetUtcNow();
        var request = new CoachingRequest
        {
            ProductId = product.Id,
            InterventionId = intervention!.Id,
            Need = Text.Clean(input.Need)!,
            Context = Text.Clean(input.Context),
            Availability = Text.Clean(input.Availability),
            Urgency = input.Urgency ?? CoachingUrgency.Normale,
            RequestedById = me.Id,
            RequestedByName = me.DisplayName,
            FromDecisionId = input.DecisionId,
            FromNeed = input.DecisionId is null ? null : input.SupportNeed,
        };
        db.CoachingRequests.Add(request);
        request.Messages.Add(Entry(request, CoachingMessageKind.StatusChange, me, $"Demande « {intervention.Title} » envoyée aux coachs.", now));
        var coaches = await CoachesAsync(ct);
        var saved = await SaveAsync(() => request.Id, ct, () =>
        {
            foreach (var coach in coaches.Where(c => c.Id != me.Id))
            {
                db.EnqueueMail(coach.Email, $"[Cap] Nouvelle demande d’accompagnement — {product.Name}",
                    $"Bonjour,\n\n{me.DisplayName} demande un accompagnement « {intervention.Title} » pour le produit « {product.Name} » (urgence : {request.Urgency.Label().ToLowerInvariant()}).\n\nBesoin :\n{request.Need}\n\nPour l’instruire : {urls.Absolute($"/accompagnement/demandes/{request.Id}")}\n\nCap",
                    Topic(request.Id), now);
            }
        });
        return saved;
    }

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
        CoachCommandAsync(me, id, version, (r, _) => (CoachingWorkflow.Schedule(r, date, Today),
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

    // ---- Team's and everyone's commands --------------------------------------------------------------

    public async Task<Result<int>> RateAsync(Person me, int id, int? rating, string? comment, CancellationToken ct)
    {
        var request = await LoadForWriteAsync(id, ct);
        if (request is null)
        {
            return Refusal.NotFound(NotFoundMessage);
        }
        var now = time.GetUtcNow();
        if (CoachingWorkflow.Rate(request, me, await RoleAsync(me, request.ProductId, ct), rating, comment, now) is { } refusal)
        {
            return refusal;
        }
        request.Messages.Add(Entry(request, CoachingMessageKind.StatusChange, me, $"Accompagnement évalué {rating}/5 par {me.DisplayName}.", now));
        return await SaveAsync(() => request.Id, ct);
    }

    public async Task<Result<int>> MessageAsync(Person me, int id, string? body, CancellationToken ct)
    {
        var text = Text.Clean(body);
        if (text is null || text.Length > CoachingMessage.BodyMaxLength)
        {
            return Refusal.Rule("Body", text is null ? "Écrivez votre message." : $"Le message ne doit pas dépasser {CoachingMessage.BodyMaxLength} caractères.");
        }
        var request = await LoadForWriteAsync(id, ct);
        if (request is null)
        {
            return Refusal.NotFound(NotFoundMessage);
        }
        if (!CoachingWorkflow.CanWriteMessage(me, await RoleAsync(me, request.ProductId, ct)))
        {
            return Refusal.Forbidden("Seuls l’équipe du produit et les coachs écrivent dans cette conversation.");
        }
        var now = time.GetUtcNow();
        request.Messages.Add(Entry(request, CoachingMessageKind.Message, me, text, now));
        // Touching the request makes two concurrent writers meet on its version.
        request.UpdatedAt = now;
        var recipients = await RecipientsAsync(request, me, includeCoaches: true, ct);
        return await SaveAsync(() => request.Id, ct, () => Notify(request, recipients, $"[Cap] Nouveau message — {request.Product!.Name}",
            $"{me.DisplayName} a écrit sur la demande d’accompagnement n° {request.Id} :\n\n{text}", now));
    }

    public async Task<Result<int>> SetWeatherAsync(Person me, int productId, WeatherLevel? level, string? note, CancellationToken ct)
    {
        if (!CoachingWorkflow.CanCoach(me))
        {
            return Refusal.Forbidden("Seuls les coachs donnent la météo d’un produit.");
        }
        if (!await db.Products.AnyAsync(p => p.Id == productId, ct))
        {
            return Refusal.NotFound("Ce produit n’existe pas.");
        }
        if (level is not { } l || !Enum.IsDefined(l))
        {
            return Refusal.Rule("Level", "Choisissez la météo : au vert, à surveiller ou en difficulté.");
        }
        var text = Text.Clean(note);
        if (text is { Length: > ProductWeather.NoteMaxLength })
        {
            return Refusal.Rule("Note", $"La note ne doit pas dépasser {ProductWeather.NoteMaxLength} caractères.");
        }
        var weather = new ProductWeather { ProductId = productId, Level = l, Note = text, AuthorId = me.Id, AuthorName = me.DisplayName, At = time.GetUtcNow() };
        db.ProductWeathers.Add(weather);
        return await SaveAsync(() => weather.Id, ct);
    }

    // ---- Helpers -------------------------------------------------------------------------------------

    private async Task<Result<int>> CoachCommandAsync(Person me, int id, int? version, Func<CoachingRequest, DateTimeOffset, (Refusal? Refusal, string Entry)> apply,
        CancellationToken ct, CoachingMessageKind kind = CoachingMessageKind.StatusChange)
    {
        var request = await LoadForWriteAsync(id, ct);
        if (request is null)
        {
            return Refusal.NotFound(NotFoundMessage);
        }
        if (!CoachingWorkflow.CanCoach(me))
        {
            return Refusal.Forbidden("Seuls les coachs instruisent et suivent les demandes d’accompagnement.");
        }
        if (version is { } v && v != request.Version)
        {
            return Refusal.Conflict(ConcurrencyMessage, currentVersion: request.Version);
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
        request.Messages.Add(Entry(request, kind, me, body, now));
        request.UpdatedAt = now;
        var recipients = await RecipientsAsync(request, me, includeCoaches: false, ct);
        var subject = kind == CoachingMessageKind.Question
            ? $"[Cap] Question d’un coach — {request.Product!.Name}"
            : before != request.Status
                ? $"[Cap] Votre demande d’accompagnement est « {request.Status.Label()} » — {request.Product!.Name}"
                : $"[Cap] Votre demande d’accompagnement a évolué — {request.Product!.Name}";
        return await SaveAsync(() => request.Id, ct, () => Notify(request, recipients, subject,
            $"Demande d’accompagnement n° {request.Id} ({request.Product!.Name}) :\n\n{body}\n\n— {me.DisplayName}", now));
    }

    private Task<CoachingRequest?> LoadForWriteAsync(int id, CancellationToken ct) =>
        db.CoachingRequests.Include(r => r.Product).Include(r => r.Coaches).FirstOrDefaultAsync(r => r.Id == id, ct);

    private async Task<ProductRole?> RoleAsync(Person me, int productId, CancellationToken ct) =>
        await db.TeamMembers.Where(m => m.ProductId == productId && m.PersonId == me.Id).Select(m => (ProductRole?)m.Role).FirstOrDefaultAsync(ct);

    private static CoachingMessage Entry(CoachingRequest request, CoachingMessageKind kind, Person author, string body, DateTimeOffset now) => new()
    {
        ProductId = request.ProductId, Kind = kind, AuthorId = author.Id, AuthorName = author.DisplayName,
        Body = body.Length > CoachingMessage.BodyMaxLength ? body[..(CoachingMessage.BodyMaxLength - 1)] + "…" : body, At = now,
    };

    /// <summary>The requesting person and the product's team (and, for a message, the assigned coaches), never the author.</summary>
    private async Task<List<string>> RecipientsAsync(CoachingRequest request, Person author, bool includeCoaches, CancellationToken ct)
    {
        var ids = await db.TeamMembers.Where(m => m.ProductId == request.ProductId).Select(m => m.PersonId).ToListAsync(ct);
        if (request.RequestedById is { } requester)
        {
            ids.Add(requester);
        }
        if (includeCoaches)
        {
            // No coach yet: every coach hears of the team's message, as of the request itself.
            ids.AddRange(request.Coaches.Count > 0
                ? request.Coaches.Select(c => c.PersonId)
                : (await CoachesAsync(ct)).Select(c => c.Id));
        }
        ids = [.. ids.Distinct().Where(i => i != author.Id)];
        return await db.People.AsNoTracking().Where(p => ids.Contains(p.Id) && p.IsActive).OrderBy(p => p.Email).Select(p => p.Email).ToListAsync(ct);
    }

    private void Notify(CoachingRequest request, List<string> recipients, string subject, string body, DateTimeOffset now)
    {
        foreach (var to in recipients)
        {
            db.EnqueueMail(to, subject, $"Bonjour,\n\n{body}\n\nVoir la demande : {urls.Absolute($"/accompagnement/demandes/{request.Id}")}\n\nCap", Topic(request.Id), now);
        }
    }

    public static string Topic(int requestId) => $"coaching-request:{requestId}";

    /// <summary>Saves once; the e-mails are enqueued after the ids exist but in the same transaction.</summary>
    private async Task<Result<int>> SaveAsync(Func<int> id, CancellationToken ct, Action? afterIds = null)
    {
        try
        {
            if (afterIds is null)
            {
                await db.SaveChangesAsync(ct);
            }
            else
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                await db.SaveChangesAsync(ct);
                afterIds();
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
            }
            return id();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Refusal.Conflict(ConcurrencyMessage);
        }
        catch (DbUpdateException) when (afterIds is not null)
        {
            // The unique (decision, need) index: another request won the race.
            db.ChangeTracker.Clear();
            return Refusal.Conflict("Un accompagnement vient d’être demandé pour ce besoin identifié par le comité.");
        }
    }

    private static void Check(Dictionary<string, string> errors, string field, string? value, int max, string missing, string what)
    {
        if (value is null)
        {
            errors[field] = missing;
        }
        else
        {
            MaxLength(errors, field, value, max, what);
        }
    }

    private static void MaxLength(Dictionary<string, string> errors, string field, string? value, int max, string what)
    {
        if (value is { } v && v.Length > max)
        {
            errors[field] = $"{what} ne doit pas dépasser {max} caractères.";
        }
    }
}
