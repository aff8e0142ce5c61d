using System.Globalization;
using Cap.Data;
using Cap.Domain.Catalogue;
using Cap.Domain.Committee;
using Cap.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Cap.Web.Shared.Products;

namespace Cap.Web.Features.Committee;

public sealed record AssessmentResponse(ReviewAspect Aspect, string AspectLabel, AspectRating Rating, string RatingLabel, string? Comment);

public sealed record ConditionResponse(
    int Id, string Description, string OwnerName, DateOnly DueDate, ConditionStatus Status, string StatusLabel,
    string? Evidence, string? EvidenceLink, DateTimeOffset? DeclaredAt, DateTimeOffset? ConfirmedAt);

public sealed record DecisionResponse(
    int Id, string Product, int RequestId, int? SessionId, DateOnly? SessionDate, GateRequestKind Kind, Phase FromPhase, Phase TargetPhase,
    DecisionOutcome Outcome, string OutcomeLabel, string Summary, IReadOnlyList<SupportNeeds> SupportNeeds, int? CorrectsDecisionId,
    DateTimeOffset DecidedAt, string DecidedByName, IReadOnlyList<AssessmentResponse> Assessments, IReadOnlyList<ConditionResponse> Conditions)
{
    public static DecisionResponse From(GateDecision d, string slug) => new(
        d.Id, slug, d.GateRequestId, d.SessionId, d.Session?.Date, d.Kind, d.FromPhase, d.TargetPhase, d.Outcome, d.Outcome.Label(),
        d.Summary, [.. CommitteeLabels.Needs.Where(n => d.SupportNeeds.HasFlag(n))],
        d.CorrectsDecisionId, d.DecidedAt, d.DecidedByName,
        [.. d.Assessments.OrderBy(a => a.Aspect).Select(a => new AssessmentResponse(a.Aspect, a.Aspect.Label(), a.Rating, a.Rating.Label(), a.Comment))],
        [.. d.Conditions.OrderBy(c => c.DueDate).Select(c => new ConditionResponse(c.Id, c.Description, c.OwnerName, c.DueDate, c.Status, c.Status.Label(), c.Evidence, c.EvidenceLink, c.DeclaredAt, c.ConfirmedAt))]);
}

public sealed record DecisionSummaryResponse(
    int Id, string Product, string ProductName, int RequestId, int? SessionId, GateRequestKind Kind, Phase FromPhase, Phase TargetPhase,
    DecisionOutcome Outcome, string OutcomeLabel, IReadOnlyList<SupportNeeds> SupportNeeds, int? CorrectsDecisionId, DateTimeOffset DecidedAt, string DecidedByName, int Conditions);

public sealed record SessionResponse(int Id, DateOnly Date, SessionStatus Status, string StatusLabel, IReadOnlyList<string> Members, int Agenda, int Decisions, string? Notes);


/// <summary>Query parameters of the committee's lists: from/to as yyyy-MM-dd, page and pageSize (1 to 100).</summary>
public sealed record CommitteeListQuery(
    [FromQuery(Name = "from")] string? From,
    [FromQuery(Name = "to")] string? To,
    [FromQuery(Name = "page")] int? Page,
    [FromQuery(Name = "pageSize")] int? PageSize);

/// <summary>/api/v1: a product's decisions; the committee's sessions and decisions, for reporting. Read-only.</summary>
public static class CommitteeEndpoints
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public static RouteGroupBuilder MapCommitteeApi(this RouteGroupBuilder api)
    {
        api.MapProductGroup("/decisions").WithTags("Comité produit")
            .MapGet("/", ListProductDecisions).WithName("ListProductDecisions").ProducesProblem(StatusCodes.Status404NotFound);
        var committee = api.MapGroup("/committee").WithTags("Comité produit");
        committee.MapGet("/sessions", ListSessions).WithName("ListCommitteeSessions").ProducesValidationProblem();
        committee.MapGet("/decisions", ListDecisions).WithName("ListCommitteeDecisions").ProducesValidationProblem();
        return api;
    }

    /// <summary>Liste les décisions du comité sur le produit, de la plus récente à la plus ancienne, avec la revue en sept aspects, les conditions (statut open, declared-met, confirmed) et les besoins d’accompagnement. Une correction référence la décision qu’elle corrige (correctsDecisionId).</summary>
    public static async Task<Ok<List<DecisionResponse>>> ListProductDecisions(ProductAccess product, CapDbContext db, CancellationToken ct)
    {
        var decisions = await CommitteeQueries.DecisionsAsync(db, product.Id, ct);
        return TypedResults.Ok(decisions.Select(d => DecisionResponse.From(d, product.Slug)).ToList());
    }

    /// <summary>Liste les séances du comité, de la plus récente à la plus ancienne. Filtres : from, to (dates yyyy-MM-dd, bornes incluses), page, pageSize (1 à 100).</summary>
    public static async Task<Results<Ok<PagedResult<SessionResponse>>, ValidationProblem>> ListSessions([AsParameters] CommitteeListQuery query, CapDbContext db, CancellationToken ct)
    {
        var errors = Parse(query, out var from, out var to, out var page, out var size);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Les filtres de la liste des séances sont invalides.");
        }
        var sessions = db.CommitteeSessions.AsNoTracking();
        if (from is { } f)
        {
            sessions = sessions.Where(s => s.Date >= f);
        }
        if (to is { } t)
        {
            sessions = sessions.Where(s => s.Date <= t);
        }
        var total = await sessions.CountAsync(ct);
        var rows = await sessions.OrderByDescending(s => s.Date).ThenByDescending(s => s.Id).Skip((page - 1) * size).Take(size)
            .Select(s => new
            {
                s.Id, s.Date, s.Status, s.Notes,
                Members = s.Members.OrderBy(m => m.Person!.DisplayName).Select(m => m.Person!.DisplayName).ToList(),
                Agenda = s.Agenda.Count,
                Decisions = db.GateDecisions.Count(d => d.SessionId == s.Id),
            }).ToListAsync(ct);
        return TypedResults.Ok(new PagedResult<SessionResponse>(
            rows.Select(s => new SessionResponse(s.Id, s.Date, s.Status, s.Status.Label(), s.Members, s.Agenda, s.Decisions, s.Notes)).ToList(),
            total, page, size));
    }

    /// <summary>Liste les décisions du comité pour le pilotage, de la plus récente à la plus ancienne. Filtres : from, to (dates de décision yyyy-MM-dd, bornes incluses, heure de Paris), outcome (go, go-with-conditions, postponed, stop), page, pageSize (1 à 100).</summary>
    public static async Task<Results<Ok<PagedResult<DecisionSummaryResponse>>, ValidationProblem>> ListDecisions(
        [AsParameters] CommitteeListQuery query, [FromQuery(Name = "outcome")] string? outcome, CapDbContext db, CancellationToken ct)
    {
        var errors = Parse(query, out var from, out var to, out var page, out var size);
        DecisionOutcome? wanted = null;
        if (!string.IsNullOrWhiteSpace(outcome))
        {
            if (ApiNames.TryParse<DecisionOutcome>(outcome, out var o))
            {
                wanted = o;
            }
            else
            {
                errors["outcome"] = [$"Décision inconnue : {ApiNames.Choices<DecisionOutcome>()}."];
            }
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Les filtres de la liste des décisions sont invalides.");
        }
        var decisions = db.GateDecisions.AsNoTracking();
        if (from is { } f)
        {
            var start = Dates.StartOfParisDay(f);
            decisions = decisions.Where(d => d.DecidedAt >= start);
        }
        if (to is { } t)
        {
            var end = Dates.StartOfParisDay(t.AddDays(1));
            decisions = decisions.Where(d => d.DecidedAt < end);
        }
        if (wanted is { } w)
        {
            decisions = decisions.Where(d => d.Outcome == w);
        }
        var total = await decisions.CountAsync(ct);
        var rows = await decisions.OrderByDescending(d => d.DecidedAt).ThenByDescending(d => d.Id).Skip((page - 1) * size).Take(size)
            .Select(d => new
            {
                d.Id, d.Product!.Slug, d.Product.Name, d.GateRequestId, d.SessionId, d.Kind, d.FromPhase, d.TargetPhase, d.Outcome, d.SupportNeeds,
                d.CorrectsDecisionId, d.DecidedAt, d.DecidedByName, Conditions = d.Conditions.Count,
            }).ToListAsync(ct);
        return TypedResults.Ok(new PagedResult<DecisionSummaryResponse>(
            rows.Select(d => new DecisionSummaryResponse(d.Id, d.Slug, d.Name, d.GateRequestId, d.SessionId, d.Kind, d.FromPhase, d.TargetPhase,
                d.Outcome, d.Outcome.Label(), [.. CommitteeLabels.Needs.Where(n => d.SupportNeeds.HasFlag(n))],
                d.CorrectsDecisionId, d.DecidedAt, d.DecidedByName, d.Conditions)).ToList(),
            total, page, size));
    }


    private static Dictionary<string, string[]> Parse(CommitteeListQuery query, out DateOnly? from, out DateOnly? to, out int page, out int size)
    {
        var errors = new Dictionary<string, string[]>();
        from = ParseDate(query.From, "from", errors);
        to = ParseDate(query.To, "to", errors);
        if (from is { } f && to is { } t && t < f)
        {
            errors["to"] = ["La date de fin précède la date de début."];
        }
        page = query.Page ?? 1;
        size = query.PageSize ?? DefaultPageSize;
        if (page < 1)
        {
            errors["page"] = ["La page commence à 1."];
        }
        if (size is < 1 or > MaxPageSize)
        {
            errors["pageSize"] = [$"La taille de page va de 1 à {MaxPageSize}."];
        }
        return errors;
    }

    private static DateOnly? ParseDate(string? value, string name, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        errors[name] = ["Date attendue au format yyyy-MM-dd, par exemple 2026-11-27."];
        return null;
    }
}
