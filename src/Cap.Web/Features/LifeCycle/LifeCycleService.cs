using Cap.Data;
using Cap.Domain;
using Cap.Domain.Catalogue;
using Cap.Domain.LifeCycle;
using Cap.Domain.Platform;
using Cap.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.LifeCycle;

/// <summary>
/// The life cycle's reads (phase changes, deliverables) and writes (an administrator's override, the team's deliverable
/// records). Phase moves themselves are staged by <see cref="PhaseMoves"/>, shared with the catalogue and the committee.
/// </summary>
public sealed class LifeCycleService(CapDbContext db, PhaseMoves phaseMoves, TimeProvider time)
{
    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>
    /// An administrator's correction of the phase, or the reopening of a stopped product, with its mandatory reason;
    /// saved at once (the product's version guards against a concurrent move).
    /// </summary>
    /// <param name="product">The product, tracked.</param>
    /// <returns>The product in its new phase, or the refusal: about the reason (Reason) or the phase asked for (Target).</returns>
    public async Task<Result<Product>> OverrideAsync(Product product, Phase to, string? reason, Person administrator, CancellationToken ct)
    {
        if (!Access.CanChangePhase(administrator))
        {
            return Refusal.Forbidden("Seul un administrateur peut corriger la phase d’un produit.");
        }
        var kind = product.Phase == Phase.Arret ? PhaseChangeKind.Reopening : PhaseChangeKind.AdministratorOverride;
        if (PhaseTransitions.ReasonRefusal(kind, reason) is { } reasonRefused)
        {
            return Refusal.Rule(OverrideFields.Reason, reasonRefused);
        }
        if (phaseMoves.Stage(product, to, kind, administrator.DisplayName, reason) is { } moveRefused)
        {
            return Refusal.Rule(OverrideFields.Target, moveRefused);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Nothing was written: forget the staged move so that nothing half-recorded is saved later.
            db.ChangeTracker.Clear();
            return Refusal.Conflict("Le produit a été modifié par quelqu’un d’autre pendant votre saisie : sa phase n’a pas changé. Rechargez la page pour voir sa phase actuelle, puis recommencez si besoin.");
        }
        return product;
    }

    /// <summary>The product's phase changes, oldest first.</summary>
    public async Task<IReadOnlyList<PhaseChange>> ChangesAsync(int productId, CancellationToken ct)
    {
        var changes = await db.PhaseChanges.AsNoTracking().Where(c => c.ProductId == productId).ToListAsync(ct);
        // Dates are stored as ticks on SQLite: order in memory (a product has a handful of changes).
        return [.. changes.OrderBy(c => c.At).ThenBy(c => c.Id)];
    }

    /// <summary>The phases the product went through, each with its start and (except the current one) its end.</summary>
    public static IReadOnlyList<PhasePeriod> Periods(IReadOnlyList<PhaseChange> changesOldestFirst)
    {
        var periods = new List<PhasePeriod>(changesOldestFirst.Count);
        for (var i = 0; i < changesOldestFirst.Count; i++)
        {
            var change = changesOldestFirst[i];
            var end = i + 1 < changesOldestFirst.Count ? changesOldestFirst[i + 1].At : (DateTimeOffset?)null;
            periods.Add(new PhasePeriod(change.To, change.At, end, change));
        }
        return periods;
    }

    /// <summary>The deliverable records of the product, all phases.</summary>
    public async Task<IReadOnlyList<DeliverableRecord>> DeliverablesAsync(int productId, CancellationToken ct) =>
        await db.DeliverableRecords.AsNoTracking().Where(d => d.ProductId == productId).ToListAsync(ct);

    /// <summary>
    /// Records what the team says about one typical deliverable of the product's current phase.
    /// </summary>
    /// <param name="expectedVersion">The version of the record the person started from (0 when there was none).</param>
    public async Task<Result<DeliverableRecord>> SaveDeliverableAsync(int productId, Phase phase, DeliverableInput input, int expectedVersion, Person author, CancellationToken ct)
    {
        var definition = PhaseDeliverables.Find(phase, input.Key);
        if (definition is null)
        {
            return Refusal.Invalid(nameof(DeliverableInput.Key), $"Ce livrable n’est pas un livrable type de la phase {phase.Label()}.");
        }
        var link = Text.Clean(input.Link);
        var note = Text.Clean(input.Note);
        var errors = new Dictionary<string, string>();
        if (link is not null)
        {
            if (link.Length > DeliverableRecord.LinkMaxLength)
            {
                errors[nameof(DeliverableInput.Link)] = $"Le lien ne doit pas dépasser {DeliverableRecord.LinkMaxLength} caractères (actuellement {link.Length}).";
            }
            else if (!IsWebLink(link))
            {
                errors[nameof(DeliverableInput.Link)] = "Saisissez une adresse web complète commençant par https:// ou http://, par exemple https://wiki.exemple.gouv.fr/note-de-cadrage.";
            }
        }
        if (note is not null && note.Length > DeliverableRecord.NoteMaxLength)
        {
            errors[nameof(DeliverableInput.Note)] = $"La note ne doit pas dépasser {DeliverableRecord.NoteMaxLength} caractères (actuellement {note.Length}).";
        }
        if (input.Provided && link is null && note is null && !errors.ContainsKey(nameof(DeliverableInput.Link)))
        {
            errors[nameof(DeliverableInput.Link)] = "Pour marquer ce livrable comme fourni, indiquez le lien où le trouver ou une note qui le décrit.";
        }
        if (errors.Count > 0)
        {
            return Refusal.Invalid(errors);
        }

        var record = await db.DeliverableRecords.FirstOrDefaultAsync(d => d.ProductId == productId && d.Phase == phase && d.Key == definition.Key, ct);
        if ((record?.Version ?? 0) != expectedVersion)
        {
            return Changed(record is null ? null : Detach(record));
        }
        if (record is null)
        {
            // Version 1 for a new record: 0 means "no record yet" in the form, so that two first saves conflict.
            record = new DeliverableRecord { ProductId = productId, Phase = phase, Key = definition.Key, Version = 1 };
            db.DeliverableRecords.Add(record);
        }
        else
        {
            db.Entry(record).Property(d => d.Version).OriginalValue = expectedVersion;
        }
        record.IsProvided = input.Provided;
        record.Link = link;
        record.Note = note;
        record.UpdatedByName = author.DisplayName;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone saved the same deliverable meanwhile (a changed version, or the same new row inserted first).
            db.ChangeTracker.Clear();
            var stored = await db.DeliverableRecords.AsNoTracking().FirstOrDefaultAsync(d => d.ProductId == productId && d.Phase == phase && d.Key == definition.Key, ct);
            if (stored is null)
            {
                throw;
            }
            return Changed(stored);
        }
        return record;
    }

    private DeliverableRecord Detach(DeliverableRecord record)
    {
        db.Entry(record).State = EntityState.Detached;
        return record;
    }

    /// <summary>Someone saved the deliverable since it was read: the stored record (if any) comes back to be shown.</summary>
    private static Result<DeliverableRecord> Changed(DeliverableRecord? stored) =>
        Result<DeliverableRecord>.Refused(Refusal.Conflict(ConflictMessage(stored), currentVersion: stored?.Version ?? 0), stored);

    private static string ConflictMessage(DeliverableRecord? stored) => stored is null
        ? "Ce livrable a changé pendant votre saisie : votre saisie n’est pas enregistrée. Rechargez la page, puis recommencez."
        : $"{stored.UpdatedByName} a modifié ce livrable le {Shared.Dates.WithTime(stored.UpdatedAt)} pendant votre saisie : votre saisie n’est pas enregistrée. La version enregistrée est affichée ; enregistrez à nouveau pour la remplacer par la vôtre.";

    /// <summary>Absolute http or https address: a link a reader can follow, never javascript: or a file path.</summary>
    public static bool IsWebLink(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && !string.IsNullOrEmpty(uri.Host);

}

/// <summary>A phase the product held: from <see cref="Start"/> to <see cref="End"/> (null while it still holds it).</summary>
/// <param name="Entry">The change that brought the product into the phase.</param>
public sealed record PhasePeriod(Phase Phase, DateTimeOffset Start, DateTimeOffset? End, PhaseChange Entry);

/// <summary>What the team says about one typical deliverable.</summary>
public sealed record DeliverableInput(string? Key, bool Provided, string? Link, string? Note);

/// <summary>The fields an override's refusal can be about.</summary>
public static class OverrideFields
{
    public const string Target = nameof(Target);
    public const string Reason = nameof(Reason);
}
