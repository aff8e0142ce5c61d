using Cap.Data;
using Cap.Domain;
using Cap.Domain.Compliance;
using Cap.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Compliance;

/// <summary>A decision on a request, as typed: outcome, date, reservations and, for the définitif, the checks.</summary>
public sealed record SigDecisionInput(SigOutcome? Outcome, DateOnly? DecidedOn, string? Reservations, IReadOnlyList<(SigCheck Check, bool IsMet, string? Note)> Checks);

/// <summary>The agrément SIG procedure of a product: its requests, opening one, recording the agrément de principe and définitif.</summary>
public sealed class SigApprovals(CapDbContext db, TimeProvider time)
{
    /// <summary>The product's requests, latest first, with their checks.</summary>
    public Task<List<SigApproval>> ListAsync(int productId, CancellationToken ct) =>
        db.SigApprovals.AsNoTracking().Include(a => a.Checks).Where(a => a.ProductId == productId)
            .OrderByDescending(a => a.Number).ToListAsync(ct);

    public Task<SigApproval?> FindAsync(int productId, int id, CancellationToken ct) =>
        db.SigApprovals.AsNoTracking().Include(a => a.Checks).FirstOrDefaultAsync(a => a.ProductId == productId && a.Id == id, ct);

    /// <summary>Opens a request (framing sent); a major change declared while a request is open supersedes it.</summary>
    public async Task<Result<SigApproval>> OpenAsync(int productId, SigRequestKind? kind, DateOnly? framingSentOn, string? note, CancellationToken ct)
    {
        var today = time.ParisToday();
        var isPublic = await db.ProductCompliances.AnyAsync(c => c.ProductId == productId && c.IsPublic, ct);
        var latest = await db.SigApprovals.Where(a => a.ProductId == productId).OrderByDescending(a => a.Number).FirstOrDefaultAsync(ct);
        if (SigProcedure.CanOpen(isPublic, latest, kind, framingSentOn, note, today) is { } refusal)
        {
            return refusal;
        }
        if (latest is not null && !SigProcedure.IsClosed(latest.State))
        {
            latest.SupersededOn = framingSentOn;
        }
        var approval = new SigApproval
        {
            ProductId = productId, Number = (latest?.Number ?? 0) + 1, Kind = kind!.Value, FramingSentOn = framingSentOn!.Value, Note = Text.Clean(note),
        };
        db.SigApprovals.Add(approval);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two requests opened at once: the unique number keeps the first.
            db.ChangeTracker.Clear();
            return Refusal.Conflict("Une autre demande vient d’être ouverte pour ce produit : relisez la page avant de recommencer.");
        }
        return approval;
    }

    public async Task<Result<SigApproval>> RecordPrincipleAsync(int productId, int id, SigDecisionInput input, int version, CancellationToken ct)
    {
        var approval = await db.SigApprovals.Include(a => a.Checks).FirstOrDefaultAsync(a => a.ProductId == productId && a.Id == id, ct);
        if (approval is null)
        {
            return NotFound(id);
        }
        if (SigProcedure.CanRecordPrinciple(approval, input.Outcome, input.DecidedOn, input.Reservations, time.ParisToday()) is { } refusal)
        {
            return refusal;
        }
        if (approval.Version != version)
        {
            return Changed(approval);
        }
        approval.PrincipleOutcome = input.Outcome;
        approval.PrincipleDecidedOn = input.DecidedOn;
        approval.PrincipleReservations = Text.Clean(input.Reservations);
        return await SaveAsync(approval, ct);
    }

    public async Task<Result<SigApproval>> RecordFinalAsync(int productId, int id, SigDecisionInput input, int version, CancellationToken ct)
    {
        var approval = await db.SigApprovals.Include(a => a.Checks).FirstOrDefaultAsync(a => a.ProductId == productId && a.Id == id, ct);
        if (approval is null)
        {
            return NotFound(id);
        }
        if (SigProcedure.CanRecordFinal(approval, input.Outcome, input.DecidedOn, input.Reservations, input.Checks, time.ParisToday()) is { } refusal)
        {
            return refusal;
        }
        if (approval.Version != version)
        {
            return Changed(approval);
        }
        approval.FinalOutcome = input.Outcome;
        approval.FinalDecidedOn = input.DecidedOn;
        approval.FinalReservations = Text.Clean(input.Reservations);
        foreach (var check in Enum.GetValues<SigCheck>())
        {
            var typed = input.Checks.FirstOrDefault(c => c.Check == check);
            var row = approval.Checks.FirstOrDefault(c => c.Check == check);
            if (row is null)
            {
                row = new SigApprovalCheck { ProductId = productId, Check = check };
                approval.Checks.Add(row);
            }
            row.IsMet = typed.IsMet;
            row.Note = Text.Clean(typed.Note);
        }
        return await SaveAsync(approval, ct);
    }

    private async Task<Result<SigApproval>> SaveAsync(SigApproval approval, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Changed(approval);
        }
        return approval;
    }

    private static Refusal NotFound(int id) => Refusal.NotFound($"Ce produit n’a pas de demande d’agrément SIG {id}.");

    private static Refusal Changed(SigApproval approval) => Refusal.Conflict(
        $"La demande n° {approval.Number} a été modifiée par quelqu’un d’autre pendant que vous la complétiez : rien n’est enregistré. Relisez-la puis recommencez.",
        currentVersion: approval.Version);
}
