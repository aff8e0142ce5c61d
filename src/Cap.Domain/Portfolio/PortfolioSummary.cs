using Cap.Domain.Coaching;
using Cap.Domain.Platform;
using Cap.Domain.Satisfaction;
using Cap.Domain.Steering;

using System.Text.Json.Serialization;

namespace Cap.Domain.Portfolio;

/// <summary>
/// One product's line of the portfolio dashboard, kept so that the dashboard reads one narrow row per product instead
/// of every product's indicators, answers, assessments and conditions. Derived bookkeeping (not audited): recomputed
/// from its sources by the portfolio's refresher when the product changed (<see cref="ChangeCount"/> moved past
/// <see cref="RefreshedChange"/>), when the Paris day changed (statuses and rolling windows move with the date), and
/// every few minutes for the products receiving satisfaction answers.
/// </summary>
public class PortfolioSummary : IAuditExempt
{
    public const int FlagCodesMaxLength = 600;

    public int ProductId { get; set; }

    /// <summary>Moved by every audited change of the product (in the change's own transaction).</summary>
    public long ChangeCount { get; set; }

    /// <summary>The <see cref="ChangeCount"/> the figures were computed after: stale while lower.</summary>
    public long RefreshedChange { get; set; } = -1;

    /// <summary>The Paris day the figures were computed for (statuses and windows are judged against it).</summary>
    public DateOnly ComputedOn { get; set; }
    public DateTimeOffset RefreshedAt { get; set; }

    /// <summary>The last audited change of the product or of anything in it.</summary>
    public DateTimeOffset? LastActivityAt { get; set; }

    // Indicator health: counts per status, and the worst one (its rank, for sorting and filtering).
    public int Indicators { get; set; }
    public int Reached { get; set; }
    public int OnTrack { get; set; }
    public int Watch { get; set; }
    public int OffTrack { get; set; }
    public int Late { get; set; }
    public int NoData { get; set; }
    public PortfolioHealth Health { get; set; }

    // Satisfaction of the last 30 days (today included) and of the 30 days before.
    public long Answers30 { get; set; }
    public long Points30 { get; set; }
    /// <summary>The 30-day index in tenths (82 for 8,2): what SQL sorts and bands by (an integer compares the same on every database).</summary>
    public int? Index30Tenths { get; set; }
    public long AnswersPrevious30 { get; set; }
    public long PointsPrevious30 { get; set; }
    public long ClarityCount30 { get; set; }
    public long ClaritySum30 { get; set; }
    public long ClarityCountPrevious30 { get; set; }
    public long ClaritySumPrevious30 { get; set; }

    // Help reachable, over a rolling 12 months (the observatory's window), and the same window a month earlier.
    public long HelpAsked12 { get; set; }
    public long Reached12 { get; set; }
    public long HelpAskedPrevious12 { get; set; }
    public long ReachedPrevious12 { get; set; }

    public int? ChecklistScore { get; set; }
    public DateTimeOffset? ChecklistAt { get; set; }

    public WeatherLevel? Weather { get; set; }
    public DateTimeOffset? WeatherAt { get; set; }

    /// <summary>Committee conditions not confirmed yet (open or declared met), and those past their due date.</summary>
    public int OpenConditions { get; set; }
    public int OverdueConditions { get; set; }

    public bool IsPublic { get; set; }
    public decimal? RgaaRate { get; set; }
    public DateOnly? RgaaAuditDate { get; set; }

    // Availability and page load, from the indicators the team marked as the observatory's measures: the latest measurement,
    // and the latest one dated a month ago or earlier. Kept as integers (Observatory.Kept: thousandths of a percent,
    // milliseconds) so that SQL never compares a decimal; null without a measurement.
    public int? AvailabilityKept { get; set; }
    public int? AvailabilityKeptPrevious { get; set; }
    public int? PageLoadMs { get; set; }
    public int? PageLoadMsPrevious { get; set; }

    // The observatory's levels, now and a month earlier (RGAA: now only, its record keeps no history).
    public ObservatoryLevel SatisfactionLevel { get; set; }
    public ObservatoryLevel SatisfactionLevelPrevious { get; set; }
    public ObservatoryLevel ClarityLevel { get; set; }
    public ObservatoryLevel ClarityLevelPrevious { get; set; }
    public ObservatoryLevel HelpLevel { get; set; }
    public ObservatoryLevel HelpLevelPrevious { get; set; }
    public ObservatoryLevel RgaaLevel { get; set; }
    public ObservatoryLevel AvailabilityLevel { get; set; }
    public ObservatoryLevel AvailabilityLevelPrevious { get; set; }
    public ObservatoryLevel PageLoadLevel { get; set; }
    public ObservatoryLevel PageLoadLevelPrevious { get; set; }

    public int FlagCount { get; set; }
    public int AlertCount { get; set; }

    /// <summary>The flags' codes between semicolons (<c>;vision-stale;checklist-missing;</c>), so a filter is one LIKE.</summary>
    public string FlagCodes { get; set; } = ";";

    public decimal? ClarityMean30 => ClarityCount30 == 0 ? null : Math.Round((decimal)ClaritySum30 / ClarityCount30, 1, MidpointRounding.AwayFromZero);
    public decimal? ClarityMeanPrevious30 => ClarityCountPrevious30 == 0 ? null : Math.Round((decimal)ClaritySumPrevious30 / ClarityCountPrevious30, 1, MidpointRounding.AwayFromZero);
    public decimal? Index30 => SatisfactionScore.Index(Points30, Answers30);
    public decimal? IndexPrevious30 => SatisfactionScore.Index(PointsPrevious30, AnswersPrevious30);
    public decimal? ReachRate12 => HelpAsked12 == 0 ? null : Math.Round(100m * Reached12 / HelpAsked12, 0, MidpointRounding.AwayFromZero);
    public decimal? ReachRatePrevious12 => HelpAskedPrevious12 == 0 ? null : Math.Round(100m * ReachedPrevious12 / HelpAskedPrevious12, 0, MidpointRounding.AwayFromZero);

    /// <summary>Availability in percent (99,95), from its kept integer.</summary>
    public decimal? Availability => Observatory.FromKept(AvailabilityKept);
    public decimal? AvailabilityPrevious => Observatory.FromKept(AvailabilityKeptPrevious);
    /// <summary>Page load time in seconds (0,35), from its kept milliseconds.</summary>
    public decimal? PageLoadSeconds => Observatory.FromKept(PageLoadMs);
    public decimal? PageLoadSecondsPrevious => Observatory.FromKept(PageLoadMsPrevious);

    public bool IsStale(DateOnly today) => RefreshedChange < ChangeCount || ComputedOn != today;

    public int Count(IndicatorStatus status) => status switch
    {
        IndicatorStatus.Reached => Reached,
        IndicatorStatus.OnTrack => OnTrack,
        IndicatorStatus.Watch => Watch,
        IndicatorStatus.OffTrack => OffTrack,
        IndicatorStatus.Late => Late,
        _ => NoData,
    };

    public bool Has(string flagCode) => FlagCodes.Contains($";{flagCode};", StringComparison.Ordinal);

    /// <summary>Sets the indicator figures from the statuses of the product's indicators.</summary>
    public void SetIndicators(IEnumerable<IndicatorStatus> statuses)
    {
        Indicators = Reached = OnTrack = Watch = OffTrack = Late = NoData = 0;
        foreach (var status in statuses)
        {
            Indicators++;
            switch (status)
            {
                case IndicatorStatus.Reached: Reached++; break;
                case IndicatorStatus.OnTrack: OnTrack++; break;
                case IndicatorStatus.Watch: Watch++; break;
                case IndicatorStatus.OffTrack: OffTrack++; break;
                case IndicatorStatus.Late: Late++; break;
                default: NoData++; break;
            }
        }
        Health = PortfolioHealthRule.Of(this);
    }

    /// <summary>Sets the observatory's levels from the figures (RGAA judged on <paramref name="today"/>).</summary>
    public void SetLevels(DateOnly today)
    {
        SatisfactionLevel = Observatory.OutOfTen(Index30, Answers30);
        SatisfactionLevelPrevious = Observatory.OutOfTen(IndexPrevious30, AnswersPrevious30);
        ClarityLevel = Observatory.OutOfTen(ClarityMean30, ClarityCount30);
        ClarityLevelPrevious = Observatory.OutOfTen(ClarityMeanPrevious30, ClarityCountPrevious30);
        HelpLevel = Observatory.HelpReachable(ReachRate12, HelpAsked12);
        HelpLevelPrevious = Observatory.HelpReachable(ReachRatePrevious12, HelpAskedPrevious12);
        RgaaLevel = Observatory.Rgaa(RgaaRate, RgaaAuditDate, today);
        AvailabilityLevel = Observatory.Availability(Availability);
        AvailabilityLevelPrevious = Observatory.Availability(AvailabilityPrevious);
        PageLoadLevel = Observatory.PageLoad(PageLoadSeconds);
        PageLoadLevelPrevious = Observatory.PageLoad(PageLoadSecondsPrevious);
    }

    /// <summary>
    /// Sets availability or page load from the product's indicator marked as <paramref name="measure"/>: its latest value and the
    /// latest dated a month ago or earlier, in the indicator's <paramref name="unit"/> (null: not measured).
    /// </summary>
    public void SetMeasure(ObservatoryMeasure measure, IndicatorUnit unit, decimal? latest, decimal? monthEarlier)
    {
        int? Keep(decimal? value) => value is { } v && Observatory.InObservatoryUnit(measure, unit, v) is { } o ? Observatory.Kept(o) : null;
        switch (measure)
        {
            case ObservatoryMeasure.Availability:
                AvailabilityKept = Keep(latest);
                AvailabilityKeptPrevious = Keep(monthEarlier);
                break;
            case ObservatoryMeasure.PageLoad:
                PageLoadMs = Keep(latest);
                PageLoadMsPrevious = Keep(monthEarlier);
                break;
        }
    }

    /// <summary>Sets the flags' figures; codes that would not fit are left out of the filterable list, never the counts.</summary>
    public void SetFlags(IReadOnlyCollection<(string Code, bool Alert)> flags)
    {
        FlagCount = flags.Count;
        AlertCount = flags.Count(f => f.Alert);
        var codes = ";";
        foreach (var code in flags.Select(f => f.Code).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            if (codes.Length + code.Length + 1 > FlagCodesMaxLength)
            {
                break;
            }
            codes += code + ";";
        }
        FlagCodes = codes;
    }
}

/// <summary>
/// A product's indicator health as the portfolio ranks it, worst last: what the dashboard's « santé » column sorts
/// by and the phase × health chart counts.
/// </summary>
public enum PortfolioHealth
{
    /// <summary>No indicator at all: the product is not steered by its indicators yet.</summary>
    [JsonStringEnumMemberName("no-indicator")]
    NoIndicator = 0,
    /// <summary>Every indicator reached or on track.</summary>
    [JsonStringEnumMemberName("good")]
    Good = 1,
    /// <summary>The worst is « à surveiller », or measurements are late / missing.</summary>
    [JsonStringEnumMemberName("watch")]
    Watch = 2,
    /// <summary>At least one indicator off track.</summary>
    [JsonStringEnumMemberName("off-track")]
    OffTrack = 3,
}

public static class PortfolioHealthRule
{
    /// <summary>
    /// Off track as soon as one indicator is; « à surveiller » when one is to watch, late or without data (a product
    /// that stopped measuring is not healthy); good when every indicator is reached or on track.
    /// </summary>
    public static PortfolioHealth Of(PortfolioSummary s) =>
        s.Indicators == 0 ? PortfolioHealth.NoIndicator
        : s.OffTrack > 0 ? PortfolioHealth.OffTrack
        : s.Watch + s.Late + s.NoData > 0 ? PortfolioHealth.Watch
        : PortfolioHealth.Good;

    public static string Label(this PortfolioHealth health) => health switch
    {
        PortfolioHealth.Good => "Bonne santé",
        PortfolioHealth.Watch => "À surveiller",
        PortfolioHealth.OffTrack => "Hors trajectoire",
        _ => "Sans indicateur",
    };

    /// <summary>The query-string and API value.</summary>
    public static string Slug(this PortfolioHealth health) => health switch
    {
        PortfolioHealth.Good => "good",
        PortfolioHealth.Watch => "watch",
        PortfolioHealth.OffTrack => "off-track",
        _ => "no-indicator",
    };
}
