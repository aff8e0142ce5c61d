using Cap.Data;
using Cap.Domain;
using Cap.Domain.Retrospectives;
using Cap.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Retrospectives;

/// <summary>What the pages, the live channel and the API read of a product's retrospectives.</summary>
public sealed class RetrospectiveQueries(CapDbContext db, TimeProvider time)
{
    public const string NotFoundMessage = "Cette rétrospective, ou cette action, n’existe pas pour ce produit.";

    /// <summary>How far back the live channel sends rows again, whatever their id (see <see cref="NewsAsync"/>).</summary>
    public static readonly TimeSpan LiveOverlap = TimeSpan.FromSeconds(10);

    public DateOnly Today => time.ParisToday();

    public Task<List<RetrospectiveRow>> ListAsync(int productId, CancellationToken ct) =>
        db.Retrospectives.AsNoTracking().Where(r => r.ProductId == productId)
            .OrderByDescending(r => r.HeldOn).ThenByDescending(r => r.Id)
            .Select(r => new RetrospectiveRow(r.Id, r.Title, r.HeldOn, r.Status, r.IterationId, r.Iteration != null ? (int?)r.Iteration.Number : null,
                r.Items.Count(i => i.Kind == RetroItemKind.Works), r.Items.Count(i => i.Kind == RetroItemKind.ToImprove),
                r.Actions.Count(a => a.Status == RetroActionStatus.Done), r.Actions.Count))
            .ToListAsync(ct);

    /// <summary>The share of the product's actions done, per month of the retrospective that decided them.</summary>
    public async Task<IReadOnlyList<DoneShare>> DoneSharePerMonthAsync(int productId, CancellationToken ct)
    {
        var actions = await db.RetroActions.AsNoTracking().Where(a => a.ProductId == productId)
            .Select(a => new ActionFacts(a.Id, a.RetrospectiveId, a.Retrospective!.HeldOn, a.Status, a.CarriedToRetrospectiveId))
            .ToListAsync(ct);
        return RetrospectiveRules.DoneSharePerMonth(actions);
    }

    public Task<List<TeamPersonView>> TeamAsync(int productId, CancellationToken ct) =>
        db.TeamMembers.AsNoTracking().Where(m => m.ProductId == productId)
            .OrderBy(m => m.Person!.DisplayName).Select(m => new TeamPersonView(m.PersonId, m.Person!.DisplayName))
            .ToListAsync(ct);

    /// <summary>The product's iterations that have no retrospective yet, latest first.</summary>
    public Task<List<(int Id, int Number, DateOnly Start, DateOnly End)>> IterationsWithoutRetrospectiveAsync(int productId, CancellationToken ct) =>
        db.Iterations.AsNoTracking()
            .Where(i => i.ProductId == productId && !db.Retrospectives.Any(r => r.IterationId == i.Id))
            .OrderByDescending(i => i.Start)
            .Select(i => new ValueTuple<int, int, DateOnly, DateOnly>(i.Id, i.Number, i.Start, i.End))
            .ToListAsync(ct);

    public async Task<RetrospectiveView?> LoadAsync(int productId, int id, CancellationToken ct)
    {
        var retro = await db.Retrospectives.AsNoTracking().Where(r => r.Id == id && r.ProductId == productId)
            .Select(r => new { r.Id, r.Product!.Slug, r.Title, r.HeldOn, r.Status, r.IterationId, Number = r.Iteration != null ? (int?)r.Iteration.Number : null, r.Version })
            .FirstOrDefaultAsync(ct);
        if (retro is null)
        {
            return null;
        }
        var items = await Items(db.RetroItems.AsNoTracking().Where(i => i.RetrospectiveId == id)).ToListAsync(ct);
        var actions = await Actions(db.RetroActions.AsNoTracking().Where(a => a.RetrospectiveId == id)).ToListAsync(ct);

        // Earlier retrospectives' actions still open, or carried here (kept visible as decided).
        var earlierActions = await Actions(db.RetroActions.AsNoTracking()
            .Where(a => a.ProductId == productId && a.RetrospectiveId != id
                && (a.Status == RetroActionStatus.Open || a.Status == RetroActionStatus.InProgress || a.CarriedToRetrospectiveId == id)))
            .ToListAsync(ct);
        var retros = await db.Retrospectives.AsNoTracking().Where(r => r.ProductId == productId)
            .Select(r => new { r.Id, r.HeldOn, r.Title }).ToDictionaryAsync(r => r.Id, ct);
        var facts = retros.ToDictionary(r => r.Key, r => new RetrospectiveFacts(r.Key, r.Value.HeldOn));
        var current = new RetrospectiveFacts(id, retro.HeldOn);
        var toReviewIds = RetrospectiveRules.ToReview(current,
                earlierActions.Select(a => new ActionFacts(a.Id, a.RetrospectiveId, retros[a.RetrospectiveId].HeldOn, a.Status, a.CarriedToRetrospectiveId)), facts)
            .Select(a => a.Id).ToList();
        EarlierActionView Earlier(RetroActionView a) => new(a, a.RetrospectiveId, retros[a.RetrospectiveId].Title, retros[a.RetrospectiveId].HeldOn, a.CarriedToRetrospectiveId == id);
        var toReview = toReviewIds.Select(i => Earlier(earlierActions.First(a => a.Id == i))).ToList();
        var carried = earlierActions.Where(a => a.CarriedToRetrospectiveId == id)
            .OrderBy(a => retros[a.RetrospectiveId].HeldOn).ThenBy(a => a.Id).Select(Earlier).ToList();
        return new RetrospectiveView(retro.Id, retro.Slug, retro.Title, retro.HeldOn, retro.Status, retro.IterationId, retro.Number,
            items, actions, toReview, carried, retro.Version);
    }

    /// <summary>Items and actions of a retrospective added after the given ids: the live channel's answer.</summary>
    public async Task<RetrospectiveNews?> NewsAsync(int productId, int id, int afterItem, int afterAction, CancellationToken ct)
    {
        var status = await db.Retrospectives.AsNoTracking().Where(r => r.Id == id && r.ProductId == productId)
            .Select(r => (RetrospectiveStatus?)r.Status).FirstOrDefaultAsync(ct);
        if (status is null)
        {
            return null;
        }
        // Ids are taken before commit: an item with a smaller id may become visible after a greater one was read. The
        // last seconds' rows are sent again whatever their id, and the screen ignores the ids it already shows.
        var recent = time.GetUtcNow().Add(-LiveOverlap);
        var items = await Items(db.RetroItems.AsNoTracking().Where(i => i.RetrospectiveId == id && (i.Id > afterItem || i.CreatedAt >= recent))).Take(200).ToListAsync(ct);
        var actions = await Actions(db.RetroActions.AsNoTracking().Where(a => a.RetrospectiveId == id && (a.Id > afterAction || a.CreatedAt >= recent))).Take(200).ToListAsync(ct);
        return new RetrospectiveNews(items, actions, status.Value);
    }

    internal static IQueryable<RetroItemView> Items(IQueryable<RetroItem> items) =>
        items.OrderBy(i => i.Id).Select(i => new RetroItemView(i.Id, i.Kind, i.Text, i.AuthorPersonId, i.Author != null ? i.Author.DisplayName : null, i.CreatedAt));

    internal static IQueryable<RetroActionView> Actions(IQueryable<RetroAction> actions) =>
        actions.OrderBy(a => a.Id).Select(a => new RetroActionView(a.Id, a.RetrospectiveId, a.Title, a.OwnerPersonId, a.Owner!.DisplayName, a.DueDate, a.Status,
            a.CarriedToRetrospectiveId, a.ClosedAt, a.Version));
}
