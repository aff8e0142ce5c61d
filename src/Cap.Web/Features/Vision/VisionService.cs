using Cap.Data;
using Cap.Domain;
using Cap.Domain.Platform;
using Cap.Domain.Steering;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Vision;

/// <summary>Writes of the vision: a new version, a review, the answer to a contribution; the objectives in the team's order.</summary>
public sealed class VisionService(CapDbContext db, TimeProvider time)
{
    public DateTimeOffset Now => time.GetUtcNow();

    public Task<Domain.Steering.Vision?> CurrentAsync(int productId, CancellationToken ct) =>
        db.Visions.Where(v => v.ProductId == productId).OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct);

    /// <summary>Adds the next version (the first when there is none), built from <paramref name="current"/> by <paramref name="edit"/>.</summary>
    public Domain.Steering.Vision AddVersion(int productId, Domain.Steering.Vision? current, Action<Domain.Steering.Vision> edit, string? note, Person author)
    {
        var next = current?.NextVersion() ?? new Domain.Steering.Vision { ProductId = productId, Number = 1 };
        edit(next);
        foreach (var part in Enum.GetValues<VisionPart>())
        {
            next.Set(part, Text.Clean(next.Get(part)) ?? (part == VisionPart.Statement ? string.Empty : null));
        }
        next.ChangeNote = Text.Clean(note);
        next.AuthorId = author.Id;
        next.AuthorName = author.DisplayName;
        next.CreatedAt = Now;
        db.Visions.Add(next);
        return next;
    }

    public void Confirm(Domain.Steering.Vision vision, Person person)
    {
        vision.ReviewedAt = Now;
        vision.ReviewedByName = person.DisplayName;
    }

    /// <summary>Accepts a proposal: the next version takes its wording for its part.</summary>
    public async Task<Domain.Steering.Vision> AcceptAsync(VisionContribution proposal, Person person, CancellationToken ct)
    {
        // The new version and the proposal's answer are saved together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var current = await CurrentAsync(proposal.ProductId, ct);
        var version = AddVersion(proposal.ProductId, current, v => v.Set(proposal.Part, proposal.Text),
            Truncate($"Proposition de {proposal.AuthorName} acceptée ({proposal.Part.Label()})", 500), person);
        await db.SaveChangesAsync(ct);
        Answer(proposal, ContributionStatus.Accepted, null, person);
        proposal.ResultingVisionId = version.Id;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return version;
    }

    public void Answer(VisionContribution contribution, ContributionStatus status, string? answer, Person person)
    {
        contribution.Status = status;
        contribution.Answer = Text.Clean(answer);
        contribution.AnsweredByName = person.DisplayName;
        contribution.AnsweredAt = Now;
    }

    /// <summary>The product's objectives in the order the team chose, with their ministry priorities.</summary>
    public async Task<IReadOnlyList<Objective>> ObjectivesAsync(int productId, bool tracking, CancellationToken ct)
    {
        var query = db.Objectives.Include(o => o.Priorities).ThenInclude(p => p.MinistryPriority).Where(o => o.ProductId == productId);
        if (!tracking)
        {
            query = query.AsNoTracking();
        }
        return await query.OrderBy(o => o.Position).ThenBy(o => o.Id).ToListAsync(ct);
    }

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}
