using System.Globalization;
using Cap.Data;
using Cap.Domain;
using Cap.Domain.Iterations;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Iterations;

/// <summary>What the iteration commands share when they write: the carry released, the version moved, the one save.</summary>
public sealed class IterationStore(CapDbContext db)
{
    public static string Day(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>A row carried in and now removed: the earlier iteration's row is no longer carried, only unfinished.</summary>
    public async Task ReleaseCarryAsync(IterationInitiative row, CancellationToken ct)
    {
        if (row.CarriedFromId is { } fromId && await db.IterationInitiatives.FirstOrDefaultAsync(w => w.Id == fromId, ct) is { } from
            && from.Outcome == IterationWorkOutcome.CarriedOver)
        {
            from.Outcome = IterationWorkOutcome.NotDone;
        }
    }

    /// <summary>Child rows changed: the iteration's version moves too, so concurrent edits are caught.</summary>
    public void TouchVersion(Iteration it)
    {
        if (db.Entry(it).State == EntityState.Unchanged)
        {
            db.Entry(it).State = EntityState.Modified;
        }
    }

    /// <summary>A stale version: the conflict's message goes with the other messages found, for the form to show them all.</summary>
    public static Refusal StaleVersion(Dictionary<string, string> errors)
    {
        errors[string.Empty] = "L’itération a été modifiée par quelqu’un d’autre pendant votre saisie : rechargez la page, vos valeurs sont conservées ci-dessous.";
        return new Refusal(RefusalKind.Conflict, errors);
    }

    public async Task<Result<IterationSaved>> CommitAsync(Iteration it, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Refusal.Conflict("L’itération a été modifiée par quelqu’un d’autre pendant votre saisie : rechargez la page.");
        }
        catch (DbUpdateException)
        {
            // A unique number or (iteration, initiative) taken by a simultaneous write.
            db.ChangeTracker.Clear();
            return Refusal.Conflict("Une autre modification des itérations de ce produit vient d’être enregistrée : rechargez la page et recommencez.");
        }
        return new IterationSaved(it.Number);
    }

    public static void MaxLength(Dictionary<string, string> errors, string field, string? value, int max, string what)
    {
        if (value is not null && value.Length > max)
        {
            errors[field] = $"{what} ne doit pas dépasser {max} caractères (actuellement {value.Length}).";
        }
    }
}
