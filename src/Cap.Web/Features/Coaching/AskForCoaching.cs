using Cap.Data;
using Cap.Data.Notifications;
using Cap.Domain;
using Cap.Domain.Coaching;
using Cap.Domain.Committee;
using Cap.Domain.Platform;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Coaching;

/// <summary>
/// A product's team asks for coaching (from the catalogue, or for a need the committee identified): the request, its
/// first thread entry and the mail to every coach are saved together.
/// </summary>
public sealed class AskForCoaching(CapDbContext db, CoachingQueries queries, CoachingRequestStore store, TimeProvider time)
{
    public async Task<Result<int>> CreateAsync(Person me, CoachingRequestInput input, CancellationToken ct)
    {
        var slug = Text.Clean(input.Product);
        var product = slug is null ? null : await db.Products.AsNoTracking().Where(p => p.Slug == slug).Select(p => new { p.Id, p.Name, p.Slug, p.IsArchived }).FirstOrDefaultAsync(ct);
        if (product is null)
        {
            return Refusal.Rule("Product", "Choisissez le produit pour lequel l’équipe demande un accompagnement.");
        }
        var role = await store.RoleAsync(me, product.Id, ct);
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
        CoachingChecks.Required(errors, "Need", Text.Clean(input.Need), CoachingRequest.NeedMaxLength, "Décrivez votre besoin avec vos mots.", "Le besoin");
        CoachingChecks.MaxLength(errors, "Context", Text.Clean(input.Context), CoachingRequest.ContextMaxLength, "Le contexte");
        CoachingChecks.MaxLength(errors, "Availability", Text.Clean(input.Availability), CoachingRequest.AvailabilityMaxLength, "Les disponibilités");
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
        request.Messages.Add(CoachingRequestStore.Entry(request, CoachingMessageKind.StatusChange, me, $"Demande « {intervention.Title} » envoyée aux coachs.", now));
        var coaches = await queries.CoachesAsync(ct);
        var saved = await store.SaveAsync(() => request.Id, ct, () =>
        {
            var mail = CoachingMails.NewRequest(me.DisplayName, intervention.Title, product.Name, request.Urgency, request.Need, store.Link(request.Id));
            store.Notify(coaches.Where(c => c.Id != me.Id).Select(c => c.Email), mail, request.Id, now);
        });
        return saved;
    }
}
