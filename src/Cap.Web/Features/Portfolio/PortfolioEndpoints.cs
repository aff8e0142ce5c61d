using Cap.Domain.Catalogue;
using Cap.Domain.Coaching;
using Cap.Domain.Portfolio;
using Cap.Domain.Satisfaction;
using Cap.Web.Shared;
using Cap.Web.Shared.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Cap.Web.Features.Portfolio;

/// <summary>/api/v1/portfolio: the portfolio dashboard, read by every person who can read the portfolio.</summary>
public static class PortfolioEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/portfolio").WithTags("Pilotage du portefeuille");
        group.MapGet("/", Get).WithName("GetPortfolio");
    }

    /// <summary>
    /// Le tableau de pilotage du portefeuille (produits non archivés) : une page de produits (phase et durée dans la phase,
    /// santé des indicateurs, satisfaction sur 30 jours et tendance, check-list, météo, conditions, points d’attention,
    /// dernière activité) et, sur tous les produits filtrés, les produits par phase × santé, par tranche de satisfaction et
    /// la grille de l’observatoire par direction (satisfaction, clarté, aide joignable, RGAA, et disponibilité et temps de chargement
    /// tirés des indicateurs que les équipes désignent comme mesures de l’observatoire). Filtres : q, domain, directorate, typology (codes), phase (idea, poc, mvp,
    /// construction, generalisation, stopped), health (good, watch, off-track, no-indicator), flag (code d’un point
    /// d’attention), sort (name, phase, time-in-phase, health, satisfaction, checklist, activity, flags), order (asc, desc),
    /// page, pageSize (1 à 200, 50 par défaut). Une valeur invalide : 400.
    /// </summary>
    public static async Task<Results<Ok<PortfolioResponse>, ValidationProblem>> Get(
        [FromQuery(Name = "q")] string? q, [FromQuery(Name = "domain")] string? domain, [FromQuery(Name = "directorate")] string? directorate,
        [FromQuery(Name = "typology")] string? typology, [FromQuery(Name = "phase")] string? phase, [FromQuery(Name = "health")] string? health,
        [FromQuery(Name = "flag")] string? flag, [FromQuery(Name = "sort")] string? sort, [FromQuery(Name = "order")] string? order,
        [FromQuery(Name = "page")] string? page, [FromQuery(Name = "pageSize")] string? pageSize,
        PortfolioQuery query, ProductFlags flags, TimeProvider time, CancellationToken ct)
    {
        var values = new Dictionary<string, string?>
        {
            ["q"] = q, ["domain"] = domain, ["directorate"] = directorate, ["typology"] = typology, ["phase"] = phase, ["health"] = health,
            ["flag"] = flag, ["sort"] = sort, ["order"] = order, ["page"] = page, ["pageSize"] = pageSize,
        };
        var kinds = flags.Kinds;
        var (criteria, errors) = PortfolioParameters.English.Parse(name => values.GetValueOrDefault(name), kinds.Select(k => k.Code).ToList());
        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors);
        }
        var view = await query.ReadAsync(criteria, ct);
        var labels = kinds.ToDictionary(k => k.Code, k => k.Label);
        var today = time.ParisToday();
        return TypedResults.Ok(new PortfolioResponse(view.Rows.Total, view.Rows.Page, view.Rows.PageSize, view.Stale,
            [.. view.Rows.Items.Select(r => Item(r, labels, today))],
            [.. view.PhaseHealth.Select(p => new PortfolioPhaseHealthResponse(p.Phase, p.Health, p.Count))],
            [.. view.SatisfactionBands.Select(b => new PortfolioSatisfactionBandResponse(b.Band, PortfolioQuery.BandLabels[b.Band], b.Count))],
            Scorecard(view.Overall, null), [.. view.ByDirectorate.Select(d => Scorecard(d, d.DirectorateCode))]));
    }

    private static PortfolioItemResponse Item(PortfolioRow r, IReadOnlyDictionary<string, string> labels, DateOnly today)
    {
        var s = r.Line;
        return new PortfolioItemResponse(r.Slug, r.Name, r.DirectorateCode, r.DomainCode, r.TypologyName, r.Phase, r.Phase.Label(), r.PhaseSince,
            PortfolioDisplay.DaysInPhase(r, today),
            s?.Health ?? PortfolioHealth.NoIndicator, (s?.Health ?? PortfolioHealth.NoIndicator).Label(),
            new PortfolioIndicatorsResponse(s?.Indicators ?? 0, s?.OffTrack ?? 0, s?.Watch ?? 0, s?.Late ?? 0, s?.NoData ?? 0, s?.OnTrack ?? 0, s?.Reached ?? 0),
            new PortfolioSatisfactionResponse(s?.Index30, s?.Answers30 ?? 0, s?.IndexPrevious30, s?.AnswersPrevious30 ?? 0,
                s?.Index30 is { } i ? ApiNames.Name(SatisfactionScore.Colour(i)) : null),
            s?.ChecklistScore, s?.ChecklistAt, s?.Weather, s?.WeatherAt, s?.OpenConditions ?? 0, s?.OverdueConditions ?? 0, s?.AlertCount ?? 0,
            [.. PortfolioDisplay.Codes(s).Select(c => new PortfolioFlagResponse(c, labels.GetValueOrDefault(c, c)))],
            s?.LastActivityAt, s?.RefreshedAt,
            new PortfolioObservatoryResponse(s?.Availability, s?.AvailabilityPrevious, s?.AvailabilityLevel ?? ObservatoryLevel.Insufficient,
                s?.PageLoadSeconds, s?.PageLoadSecondsPrevious, s?.PageLoadLevel ?? ObservatoryLevel.Insufficient));
    }

    private static ScorecardRowResponse Scorecard(ScorecardRow row, string? directorate) =>
        new(directorate, row.DirectorateName, row.Products,
            [.. row.Cells.Select(c => new ScorecardMeasureResponse(c.Measure, c.Measure.Label(), c.Measure.Threshold(), Levels(c.Now), c.Before is null ? null : Levels(c.Before),
                c.Measure.InsufficientLabel()))]);

    private static ScorecardLevelsResponse Levels(IReadOnlyDictionary<ObservatoryLevel, int> l) =>
        new(l[ObservatoryLevel.Green], l[ObservatoryLevel.Amber], l[ObservatoryLevel.Red], l[ObservatoryLevel.Insufficient]);
}
