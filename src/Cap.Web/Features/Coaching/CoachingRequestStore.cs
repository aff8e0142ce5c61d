using Cap.Data;
using Cap.Data.Notifications;
using Cap.Domain;
using Cap.Domain.Catalogue;
using Cap.Domain.Coaching;
using Cap.Domain.Platform;
using Cap.Web.Shared.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Coaching;

/// <summary>
/// What the commands on a coaching request share: the request loaded for writing, the person's role in its product,
/// the thread entry, the recipients of its mails, and the one save that enqueues them.
/// </summary>
public sealed class CoachingRequestStore(CapDbContext db, CoachingQueries queries, PublicUrls urls)
{
    public const string ConcurrencyMessage = "La demande a été modifiée par quelqu’un d’autre entre-temps : rechargez la page.";

    public Task<CoachingRequest?> LoadForWriteAsync(int id, CancellationToken ct) =>
        db.CoachingRequests.Include(r => r.Product).Include(r => r.Coaches).FirstOrDefaultAsync(r => r.Id == id, ct);

    public async Task<ProductRole?> RoleAsync(Person me, int productId, CancellationToken ct) =>
        await db.TeamMembers.Where(m => m.ProductId == productId && m.PersonId == me.Id).Select(m => (ProductRole?)m.Role).FirstOrDefaultAsync(ct);

    public static CoachingMessage Entry(CoachingRequest request, CoachingMessageKind kind, Person author, string body, DateTimeOffset now) => new()
    {
        ProductId = request.ProductId, Kind = kind, AuthorId = author.Id, AuthorName = author.DisplayName,
        Body = Text.Truncate(body, CoachingMessage.BodyMaxLength), At = now,
    };

    /// <summary>The requesting person and the product's team (and, for a message, the assigned coaches), never the author.</summary>
    public async Task<List<string>> RecipientsAsync(CoachingRequest request, Person author, bool includeCoaches, CancellationToken ct)
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
                : (await queries.CoachesAsync(ct)).Select(c => c.Id));
        }
        ids = [.. ids.Distinct().Where(i => i != author.Id)];
        return await db.People.AsNoTracking().Where(p => ids.Contains(p.Id) && p.IsActive).OrderBy(p => p.Email).Select(p => p.Email).ToListAsync(ct);
    }

    /// <summary>The request's page, as a link in a mail.</summary>
    public string Link(int requestId) => urls.Absolute($"/accompagnement/demandes/{requestId}");

    public void Notify(IEnumerable<string> recipients, MailText mail, int requestId, DateTimeOffset now)
    {
        foreach (var to in recipients)
        {
            db.EnqueueMail(to, mail, CoachingMails.Topic(requestId), now);
        }
    }

    /// <summary>Saves once; the e-mails are enqueued after the ids exist but in the same transaction.</summary>
    public async Task<Result<int>> SaveAsync(Func<int> id, CancellationToken ct, Action? afterIds = null)
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
}
