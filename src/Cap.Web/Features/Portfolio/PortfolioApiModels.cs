using Cap.Domain.Catalogue;
using Cap.Domain.Coaching;
using Cap.Domain.Portfolio;

namespace Cap.Web.Features.Portfolio;

/// <summary>Counts of a product's indicators per status.</summary>
public sealed record PortfolioIndicatorsResponse(int Total, int OffTrack, int Watch, int Late, int NoData, int OnTrack, int Reached);

/// <param name="Index">Satisfaction index out of 10 over the last 30 days (today included); null without answers.</param>
/// <param name="PreviousIndex">The same over the 30 days before, for the trend.</param>
/// <param name="Colour">green (≥ 8), amber (5 to 8), red (&lt; 5); null without answers.</param>
public sealed record PortfolioSatisfactionResponse(decimal? Index, long Answers, decimal? PreviousIndex, long PreviousAnswers, string? Colour);

public sealed record PortfolioFlagResponse(string Code, string Label);

/// <summary>A product's availability and page load, from the indicators its team marked as the observatory's measures.</summary>
/// <param name="Availability">Latest availability in percent (null: not measured).</param>
/// <param name="AvailabilityPrevious">The latest measured a month ago or earlier.</param>
/// <param name="PageLoadSeconds">Latest page load time in seconds (an indicator in milliseconds is converted).</param>
public sealed record PortfolioObservatoryResponse(
    decimal? Availability, decimal? AvailabilityPrevious, ObservatoryLevel AvailabilityLevel,
    decimal? PageLoadSeconds, decimal? PageLoadSecondsPrevious, ObservatoryLevel PageLoadLevel);

/// <summary>One product's line of the portfolio dashboard.</summary>
/// <param name="DaysInPhase">Whole days since the product entered its current phase.</param>
/// <param name="ChecklistScore">Overall score of the latest checklist assessment, in percent.</param>
/// <param name="OpenConditions">Committee conditions not confirmed yet (open or declared met).</param>
/// <param name="Flags">The points of attention raised on the product (codes and labels).</param>
/// <param name="ComputedAt">When the figures were computed (null: not yet).</param>
public sealed record PortfolioItemResponse(
    string Slug, string Name, string Directorate, string Domain, string Typology, Phase Phase, string PhaseLabel, DateTimeOffset PhaseSince, int DaysInPhase,
    PortfolioHealth Health, string HealthLabel, PortfolioIndicatorsResponse Indicators, PortfolioSatisfactionResponse Satisfaction,
    int? ChecklistScore, DateTimeOffset? ChecklistAssessedAt, WeatherLevel? Weather, DateTimeOffset? WeatherAt,
    int OpenConditions, int OverdueConditions, int AlertCount, IReadOnlyList<PortfolioFlagResponse> Flags, DateTimeOffset? LastActivityAt, DateTimeOffset? ComputedAt,
    PortfolioObservatoryResponse Observatory);

public sealed record PortfolioPhaseHealthResponse(Phase Phase, PortfolioHealth Health, int Products);

/// <param name="Band">0: no answer in 30 days; 1: index below 5; 2: 5 to 6; … 6: 9 and above.</param>
public sealed record PortfolioSatisfactionBandResponse(int Band, string Label, int Products);

public sealed record ScorecardLevelsResponse(int Green, int Amber, int Red, int Insufficient);

/// <param name="Measure">satisfaction, clarity, help-reachable, rgaa, availability or page-load (the last two from the indicators a team marks as the observatory's measures).</param>
/// <param name="InsufficientLabel">What the insufficient count means for this measure: too few answers, or not measured (availability, page load).</param>
/// <param name="Before">The same counts a month earlier (satisfaction and clarity: the 30 days before; help: the 12 months ending 30 days ago; availability
/// and page load: the latest measurement dated a month ago or earlier); null for RGAA.</param>
public sealed record ScorecardMeasureResponse(ObservatoryMeasure Measure, string Label, string Thresholds, ScorecardLevelsResponse Now, ScorecardLevelsResponse? Before,
    string InsufficientLabel);

public sealed record ScorecardRowResponse(string? Directorate, string Name, int Products, IReadOnlyList<ScorecardMeasureResponse> Measures);

/// <summary>The portfolio dashboard: a page of products with their lines, and the figures over every product matching the filters.</summary>
/// <param name="Refreshing">Products whose figures are being recomputed in the background (shown with their previous figures meanwhile).</param>
public sealed record PortfolioResponse(
    int Total, int Page, int PageSize, int Refreshing, IReadOnlyList<PortfolioItemResponse> Items,
    IReadOnlyList<PortfolioPhaseHealthResponse> PhaseHealth, IReadOnlyList<PortfolioSatisfactionBandResponse> SatisfactionBands,
    ScorecardRowResponse Scorecard, IReadOnlyList<ScorecardRowResponse> ScorecardByDirectorate);
