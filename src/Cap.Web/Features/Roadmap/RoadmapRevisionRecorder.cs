using System.Globalization;
using Cap.Data;
using Cap.Domain;
using Cap.Domain.Roadmap;
using Cap.Web.Shared.Auth;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Roadmap;

/// <summary>
/// Saves a roadmap write with its <see cref="RoadmapRevision"/> (summary and <see cref="RoadmapSnapshot"/>) in the
/// same transaction, so the history misses no change, and answers the roadmap as saved.
/// </summary>
public sealed class RoadmapRevisionRecorder(CapDbContext db, RoadmapQueries queries, CurrentUser currentUser, TimeProvider time)
{
    internal static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public async Task<Result<RoadmapView>> CommitAsync(int productId, string summary, CancellationToken ct)
    {
        var person = await currentUser.GetAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Changed between the check and the save: the version now stored is not known here.
            return Refusal.Conflict(RoadmapChecks.ConflictMessage, currentVersion: -1);
        }
        var view = await queries.LoadAsync(productId, ct);
        var number = (await db.RoadmapRevisions.Where(r => r.ProductId == productId).MaxAsync(r => (int?)r.Number, ct) ?? 0) + 1;
        db.RoadmapRevisions.Add(new RoadmapRevision
        {
            ProductId = productId,
            Number = number,
            At = time.GetUtcNow(),
            AuthorName = person?.DisplayName ?? currentUser.Name,
            Summary = Text.Truncate(summary, RoadmapRevision.SummaryMaxLength),
            Snapshot = RoadmapSnapshot.Of(view!).Serialize(),
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return view!;
    }

    internal static string Plural(int count, string one, string many) => $"{count} {(count > 1 ? many : one)}";
}
