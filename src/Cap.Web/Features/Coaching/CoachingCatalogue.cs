using Cap.Data;
using Cap.Domain;
using Cap.Domain.Catalogue;
using Cap.Domain.Coaching;
using Cap.Domain.Platform;
using Cap.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Coaching;

/// <summary>The catalogue of coaching interventions: read by everyone, written by administrators.</summary>
public sealed class CoachingCatalogue(CapDbContext db)
{
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
        CoachingChecks.Required(errors, "Title", title, CoachingIntervention.TitleMaxLength, "Saisissez le titre de l’accompagnement.", "Le titre");
        CoachingChecks.Required(errors, "Description", Text.Clean(input.Description), CoachingIntervention.TextMaxLength, "Décrivez l’accompagnement.", "La description");
        CoachingChecks.Required(errors, "TypicalDuration", Text.Clean(input.TypicalDuration), CoachingIntervention.DurationMaxLength, "Indiquez la durée habituelle.", "La durée");
        CoachingChecks.Required(errors, "Deliverables", Text.Clean(input.Deliverables), CoachingIntervention.TextMaxLength, "Indiquez ce que l’équipe obtient.", "Ce que l’équipe obtient");
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
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Refusal.Conflict(CoachingRequestStore.ConcurrencyMessage);
        }
        return item.Id;
    }
}
