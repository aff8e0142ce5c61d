using Cap.Data;
using Cap.Domain.Coaching;
using Cap.Domain.Platform;
using Cap.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Coaching;

/// <summary>What the pages and the API read of coaching requests, and who the coaches are.</summary>
public sealed class CoachingQueries(CapDbContext db, TimeProvider time)
{
    public const string NotFoundMessage = "Cette demande d’accompagnement n’existe pas.";

    public DateOnly Today => time.ParisToday();

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
}
