using System.Globalization;
using Cap.Data;
using Cap.Domain;
using Cap.Domain.Iterations;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Rituals;

/// <summary>
/// Reads and writes a team's rituals for the pages and the API. A refused command is a rule's (messages by field), a
/// conflict (a stale version, with the version stored) or not found.
/// </summary>
public sealed class TeamRituals(CapDbContext db, TimeProvider time)
{
    public const string ConflictMessage = "Le rituel a été modifié depuis la version lue. Relisez-le, puis renvoyez vos changements.";

    public const string NotFoundMessage = "Ce rituel n’existe pas dans l’équipe de ce produit.";

    /// <summary>The current Paris local date-time.</summary>
    public DateTime ParisNow => RitualSchedule.ToParis(time.GetUtcNow());

    public async Task<RitualsView?> LoadAsync(int productId, CancellationToken ct)
    {
        var product = await db.Products.AsNoTracking().Where(p => p.Id == productId).Select(p => new { p.Slug, p.Name }).FirstOrDefaultAsync(ct);
        if (product is null)
        {
            return null;
        }
        var rituals = await db.Rituals.AsNoTracking().Where(r => r.ProductId == productId).ToListAsync(ct);
        var now = ParisNow;
        var views = rituals.Select(r => ToView(r, now))
            .OrderByDescending(r => r.IsActive).ThenBy(r => r.NextOccurrence).ThenBy(r => r.Name, StringComparer.Create(CultureInfo.GetCultureInfo("fr-FR"), true)).ToList();
        return new RitualsView(product.Slug, product.Name, views);
    }

    public async Task<RitualView?> FindAsync(int productId, int id, CancellationToken ct)
    {
        var ritual = await db.Rituals.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && r.ProductId == productId, ct);
        return ritual is null ? null : ToView(ritual, ParisNow);
    }

    internal static RitualView ToView(Ritual r, DateTime parisNow) => new(
        r.Id, r.Kind, r.Name, r.Frequency, RitualSchedule.Describe(r.Frequency, r.FirstDate, r.StartTime), r.FirstDate,
        r.StartTime.ToString("HH':'mm", CultureInfo.InvariantCulture), r.DurationMinutes, r.Location, r.IsActive,
        r.IsActive ? RitualSchedule.ToInstant(RitualSchedule.NextOccurrence(r.Frequency, r.FirstDate, r.StartTime, parisNow)) : null,
        r.Version);

    /// <summary>Creates (<paramref name="id"/> null) or replaces a ritual and answers its id; nothing is saved when a field is refused.</summary>
    public async Task<Result<int>> SaveAsync(int productId, int? id, RitualInput input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        Ritual? ritual = null;
        if (id is not null)
        {
            ritual = await db.Rituals.FirstOrDefaultAsync(r => r.Id == id && r.ProductId == productId, ct);
            if (ritual is null)
            {
                return Refusal.NotFound(NotFoundMessage);
            }
            if (input.Version is { } read && read != ritual.Version)
            {
                return Refusal.Conflict(ConflictMessage, currentVersion: ritual.Version);
            }
        }
        var name = Text.Clean(input.Name);
        var location = Text.Clean(input.Location);
        if (input.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors[nameof(RitualInput.Kind)] = "Choisissez le type de rituel : daily, démo, rétrospective, priorisation et affinage ou autre.";
            kind = RitualKind.Custom;
        }
        else if (kind == RitualKind.Custom && name is null)
        {
            errors[nameof(RitualInput.Name)] = "Nommez le rituel, par exemple « Point hebdomadaire avec le sponsor ».";
        }
        if (name is { Length: > Ritual.NameMaxLength })
        {
            errors[nameof(RitualInput.Name)] = $"Le nom ne doit pas dépasser {Ritual.NameMaxLength} caractères (actuellement {name.Length}).";
        }
        if (input.Frequency is not { } frequency || !Enum.IsDefined(frequency))
        {
            errors[nameof(RitualInput.Frequency)] = "Choisissez la fréquence du rituel.";
            frequency = RitualFrequency.Weekly;
        }
        if (input.FirstDate is not { } firstDate)
        {
            errors[nameof(RitualInput.FirstDate)] = "Saisissez la date de la première occurrence sous la forme jj/mm/aaaa.";
            firstDate = default;
        }
        else if (firstDate.Year is < 2000 or > 2100)
        {
            errors[nameof(RitualInput.FirstDate)] = "Saisissez une date de première occurrence entre 2000 et 2100.";
        }
        var startTime = ParseTime(input.StartTime);
        if (startTime is null)
        {
            errors[nameof(RitualInput.StartTime)] = "Saisissez l’heure de début sous la forme hh:mm, par exemple 09:30.";
        }
        if (input.DurationMinutes is not { } duration)
        {
            errors[nameof(RitualInput.DurationMinutes)] = $"Saisissez la durée en minutes, de {RitualSchedule.MinDurationMinutes} à {RitualSchedule.MaxDurationMinutes}.";
            duration = 0;
        }
        else if (duration is < RitualSchedule.MinDurationMinutes or > RitualSchedule.MaxDurationMinutes)
        {
            errors[nameof(RitualInput.DurationMinutes)] = $"La durée doit être comprise entre {RitualSchedule.MinDurationMinutes} et {RitualSchedule.MaxDurationMinutes} minutes (8 heures).";
        }
        if (location is { Length: > Ritual.LocationMaxLength })
        {
            errors[nameof(RitualInput.Location)] = $"Le lieu ne doit pas dépasser {Ritual.LocationMaxLength} caractères (actuellement {location.Length}).";
        }
        if (errors.Count > 0)
        {
            return Refusal.Rule(errors);
        }
        if (ritual is null)
        {
            ritual = new Ritual { ProductId = productId };
            db.Rituals.Add(ritual);
        }
        ritual.Kind = kind;
        ritual.Name = name ?? kind.Label();
        ritual.Frequency = frequency;
        ritual.FirstDate = firstDate;
        ritual.StartTime = startTime!.Value;
        ritual.DurationMinutes = duration;
        ritual.Location = location;
        ritual.IsActive = input.IsActive ?? true;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Changed between the check and the save: the version now stored is not known here.
            db.Entry(ritual).State = EntityState.Detached;
            return Refusal.Conflict(ConflictMessage, currentVersion: -1);
        }
        return ritual.Id;
    }

    /// <summary>Activates or deactivates a ritual (an inactive one leaves the calendar feed but stays listed); answers its name.</summary>
    public async Task<Result<string>> SetActiveAsync(int productId, int id, bool active, CancellationToken ct)
    {
        var ritual = await db.Rituals.FirstOrDefaultAsync(r => r.Id == id && r.ProductId == productId, ct);
        if (ritual is null)
        {
            return Refusal.NotFound(NotFoundMessage);
        }
        ritual.IsActive = active;
        await db.SaveChangesAsync(ct);
        return ritual.Name;
    }

    /// <summary>Deletes a ritual; answers the name it had.</summary>
    public async Task<Result<string>> DeleteAsync(int productId, int id, CancellationToken ct)
    {
        var ritual = await db.Rituals.FirstOrDefaultAsync(r => r.Id == id && r.ProductId == productId, ct);
        if (ritual is null)
        {
            return Refusal.NotFound(NotFoundMessage);
        }
        db.Rituals.Remove(ritual);
        await db.SaveChangesAsync(ct);
        return ritual.Name;
    }

    internal static TimeOnly? ParseTime(string? value)
    {
        var text = Text.Clean(value)?.Replace('h', ':').Replace('H', ':');
        if (text is null)
        {
            return null;
        }
        if (text.EndsWith(':'))
        {
            text += "00";
        }
        return TimeOnly.TryParseExact(text, ["H:mm", "HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null;
    }
}
