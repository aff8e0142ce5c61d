using Cap.Data;
using Cap.Domain.Catalogue;
using Cap.Domain.Committee;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Committee;

/// <summary>A gate request with what lists show about its product and session.</summary>
public sealed record RequestRow(
    int Id, int ProductId, string Slug, string ProductName, Phase ProductPhase, Phase FromPhase, Phase TargetPhase,
    GateRequestStatus Status, DateOnly? DesiredDate, DateTimeOffset? SubmittedAt, string AuthorName,
    int? SessionId, DateOnly? SessionDate, string Context, string Ask, int Version, GateRequestKind Kind)
{
    /// <summary>« MVP → Construction » for a phase change, « Refonte (phase MVP) » for a review.</summary>
    public string Subject => CommitteeLabels.Subject(Kind, FromPhase, TargetPhase);

    public bool IsPhaseChange => Kind == GateRequestKind.PassagePhase;
}

/// <summary>A condition with its product, for the committee's follow-up lists.</summary>
public sealed record ConditionRow(
    int Id, int ProductId, string Slug, string ProductName, string Description, string OwnerName, DateOnly DueDate,
    ConditionStatus Status, string? Evidence, string? EvidenceLink, DateTimeOffset? DeclaredAt, string? DeclaredByName, int Version);

/// <summary>Reads shared by the committee's pages, evidence pack and API.</summary>
public static class CommitteeQueries
{
    public static IQueryable<RequestRow> Rows(IQueryable<GateRequest> requests) =>
        requests.Select(r => new RequestRow(
            r.Id, r.ProductId, r.Product!.Slug, r.Product.Name, r.Product.Phase, r.FromPhase, r.TargetPhase, r.Status, r.DesiredDate,
            r.SubmittedAt, r.AuthorName, r.SessionId, r.Session == null ? null : r.Session.Date, r.Context, r.Ask, r.Version, r.Kind));

    public static IQueryable<ConditionRow> Rows(IQueryable<GateCondition> conditions) =>
        conditions.Select(c => new ConditionRow(
            c.Id, c.ProductId, c.Product!.Slug, c.Product.Name, c.Description, c.OwnerName, c.DueDate, c.Status,
            c.Evidence, c.EvidenceLink, c.DeclaredAt, c.DeclaredByName, c.Version));

    /// <summary>A product's decisions, newest first, with their assessments, conditions and session date.</summary>
    public static Task<List<GateDecision>> DecisionsAsync(CapDbContext db, int productId, CancellationToken ct) =>
        db.GateDecisions.AsNoTracking().AsSplitQuery()
            .Include(d => d.Assessments).Include(d => d.Conditions).Include(d => d.Session)
            .Where(d => d.ProductId == productId)
            .OrderByDescending(d => d.DecidedAt).ThenByDescending(d => d.Id)
            .ToListAsync(ct);

    /// <summary>Conditions not yet confirmed by the committee.</summary>
    public static IQueryable<GateCondition> Unconfirmed(CapDbContext db) =>
        db.GateConditions.AsNoTracking().Where(c => c.Status == ConditionStatus.Ouverte || c.Status == ConditionStatus.LeveeDeclaree);
}
