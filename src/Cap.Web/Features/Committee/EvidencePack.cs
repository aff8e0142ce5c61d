using Cap.Data;
using Cap.Domain.Catalogue;
using Cap.Domain.Committee;
using Cap.Domain.LifeCycle;
using Cap.Domain.Steering;
using Cap.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Committee;

public sealed record PackVision(int Number, DateTimeOffset CreatedAt, string Statement, int AgeDays);

public sealed record PackDeliverable(DeliverableDefinition Definition, bool Provided, string? Link, string? Note);

public sealed record PackTeamMember(string Name, ProductRole Role, string? Organisation);

public sealed record PackSatisfaction(decimal? Index, long Answers, DateOnly From, DateOnly To);

/// <summary>Everything the committee reads before a gate review, assembled from what Cap knows of the product.</summary>
public sealed record EvidencePackData(
    RequestRow Request, Phase Phase, string DirectorateName, PackVision? Vision, List<Objective> Objectives, List<IndicatorRow> Indicators,
    PackSatisfaction? Satisfaction, List<PackDeliverable> Deliverables, List<PackTeamMember> Team,
    List<GateDecision> Decisions, List<ConditionRow> OpenConditions, IReadOnlyList<ProductFlag> Flags)
{
    /// <summary>The latest checklist self-assessment (date, overall and block scores), or null when the team has made none.</summary>
    public ChecklistLatest? Checklist { get; init; }
}

/// <summary>
/// Builds the evidence pack. Statuses of indicators come from their kept summaries (<see cref="IndicatorRows"/>, no history
/// read); the satisfaction index and answer count over the last 12 months from the satisfaction statistics; the points of
/// attention from every <see cref="IProductFlagSource"/>; the latest checklist self-assessment from <see cref="ChecklistSummaries"/>.
/// </summary>
public sealed class EvidencePackBuilder(CapDbContext db, SatisfactionStatistics satisfaction, ProductFlags flags, ChecklistSummaries checklists, TimeProvider time)
{
    public async Task<EvidencePackData?> BuildAsync(int requestId, CancellationToken ct)
    {
        var request = await CommitteeQueries.Rows(db.GateRequests.AsNoTracking().Where(r => r.Id == requestId)).FirstOrDefaultAsync(ct);
        if (request is null)
        {
            return null;
        }
        var productId = request.ProductId;
        var directorate = await db.Products.AsNoTracking().Where(p => p.Id == productId).Select(p => p.Directorate!.Name).FirstAsync(ct);
        var now = time.GetUtcNow();
        var vision = await db.Visions.AsNoTracking().Where(v => v.ProductId == productId).OrderByDescending(v => v.Number)
            .Select(v => new { v.Number, v.CreatedAt, v.Statement }).FirstOrDefaultAsync(ct);
        var objectives = await db.Objectives.AsNoTracking().Where(o => o.ProductId == productId).OrderBy(o => o.Position).ThenBy(o => o.Id).ToListAsync(ct);
        var today = time.ParisToday();
        var indicatorRows = await IndicatorRows.ListAsync(db, productId, today, ct);

        PackSatisfaction? satisfactionFigures = null;
        if (await db.FeedbackForms.AnyAsync(f => f.ProductId == productId, ct))
        {
            var to = today;
            var from = to.AddYears(-1).AddDays(1);
            var stats = await satisfaction.ComputeAsync(productId, from, to, null, Granularity.Month, ct);
            satisfactionFigures = new PackSatisfaction(stats.Totals.Index, stats.Totals.Count, from, to);
        }

        var phase = request.ProductPhase;
        var records = await db.DeliverableRecords.AsNoTracking().Where(d => d.ProductId == productId && d.Phase == phase).ToListAsync(ct);
        var deliverables = PhaseDeliverables.For(phase).Select(d => records.FirstOrDefault(r => r.Key == d.Key) is { } r
            ? new PackDeliverable(d, r.IsProvided, r.Link, r.Note) : new PackDeliverable(d, false, null, null)).ToList();

        var team = (await db.TeamMembers.AsNoTracking().Where(m => m.ProductId == productId)
            .Select(m => new { m.Person!.DisplayName, m.Role, m.Person.Organisation }).ToListAsync(ct))
            .OrderBy(m => m.Role).ThenBy(m => m.DisplayName).Select(m => new PackTeamMember(m.DisplayName, m.Role, m.Organisation)).ToList();

        var decisions = await CommitteeQueries.DecisionsAsync(db, productId, ct);
        var open = await CommitteeQueries.Rows(CommitteeQueries.Unconfirmed(db).Where(c => c.ProductId == productId)
            .OrderBy(c => c.DueDate)).ToListAsync(ct);
        var attention = await flags.ForProductAsync(productId, ct);
        var checklist = await checklists.LatestWithBlocksAsync(productId, ct);

        return new EvidencePackData(request, phase, directorate,
            vision is null ? null : new PackVision(vision.Number, vision.CreatedAt, vision.Statement, (int)(now - vision.CreatedAt).TotalDays),
            objectives, indicatorRows, satisfactionFigures, deliverables, team, decisions, open, attention)
        {
            Checklist = checklist,
        };
    }
}
