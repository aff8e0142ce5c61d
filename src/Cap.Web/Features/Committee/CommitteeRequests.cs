using Cap.Data;
using Cap.Domain;
using Cap.Domain.Catalogue;
using Cap.Domain.Committee;
using Cap.Domain.LifeCycle;
using Cap.Domain.Platform;
using Cap.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Committee;

/// <summary>A product's requests to the committee: written (draft or submitted), withdrawn, put on and off an agenda.</summary>
public sealed class CommitteeRequests(CapDbContext db, TimeProvider time)
{
    public const string ConcurrencyMessage = "La demande a été modifiée par quelqu’un d’autre entre-temps : rechargez la page.";

    public DateOnly Today => time.ParisToday();

    public Task<bool> HasOpenRequestAsync(int productId, CancellationToken ct) =>
        db.GateRequests.AnyAsync(r => r.ProductId == productId
            && (r.Status == GateRequestStatus.Brouillon || r.Status == GateRequestStatus.Soumise || r.Status == GateRequestStatus.Inscrite), ct);

    public async Task<Result<GateRequest>> CreateRequestAsync(int productId, Phase current, GateRequestInput input, bool submit, Person author, CancellationToken ct)
    {
        if (await HasOpenRequestAsync(productId, ct))
        {
            return Refusal.Conflict(GateRules.DuplicateOpenRequest);
        }
        var errors = GateRules.ValidateRequest(current, input, Today);
        if (errors.Count > 0)
        {
            return Refusal.Rule(errors);
        }
        var request = new GateRequest
        {
            ProductId = productId,
            Kind = input.Kind!.Value,
            FromPhase = current,
            TargetPhase = input.TargetFrom(current)!.Value,
            Context = input.Context!.Trim(),
            Ask = input.Ask!.Trim(),
            DesiredDate = input.DesiredDate,
            Status = submit ? GateRequestStatus.Soumise : GateRequestStatus.Brouillon,
            SubmittedAt = submit ? time.GetUtcNow() : null,
            AuthorId = author.Id,
            AuthorName = author.DisplayName,
        };
        db.GateRequests.Add(request);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (db.Entry(request).State == EntityState.Added)
        {
            // Another request of the same product was written between the check and the insert (unique filtered index).
            db.Entry(request).State = EntityState.Detached;
            if (!await HasOpenRequestAsync(productId, ct))
            {
                throw;
            }
            return Refusal.Conflict(GateRules.DuplicateOpenRequest);
        }
        return request;
    }

    public Task<Result<GateRequest>> SubmitAsync(GateRequest request, CancellationToken ct) =>
        ChangeAsync(request, GateRules.SubmitRefusal(request.Status), r =>
        {
            r.Status = GateRequestStatus.Soumise;
            r.SubmittedAt = time.GetUtcNow();
        }, ct);

    public Task<Result<GateRequest>> WithdrawAsync(GateRequest request, CancellationToken ct) =>
        ChangeAsync(request, GateRules.WithdrawRefusal(request.Status), r =>
        {
            r.Status = GateRequestStatus.Retiree;
            r.SessionId = null;
        }, ct);

    /// <summary>Puts the request on the session's agenda; a refusal is about the chosen request (the form's <c>RequestId</c>).</summary>
    public Task<Result<GateRequest>> ScheduleAsync(GateRequest request, CommitteeSession session, CancellationToken ct) =>
        ChangeAsync(request, GateRules.ScheduleRefusal(request.Status, session.Status), r =>
        {
            r.Status = GateRequestStatus.Inscrite;
            r.SessionId = session.Id;
        }, ct, field: "RequestId");

    public Task<Result<GateRequest>> UnscheduleAsync(GateRequest request, CancellationToken ct) =>
        ChangeAsync(request, GateRules.UnscheduleRefusal(request.Status), r =>
        {
            r.Status = GateRequestStatus.Soumise;
            r.SessionId = null;
        }, ct);

    /// <param name="field">The field a refusal is about; the whole command by default.</param>
    private async Task<Result<GateRequest>> ChangeAsync(GateRequest request, string? refusal, Action<GateRequest> change, CancellationToken ct, string field = "")
    {
        if (refusal is not null)
        {
            return Refusal.Conflict(refusal, field);
        }
        change(request);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Refusal.Conflict(ConcurrencyMessage, field);
        }
        return request;
    }
}
