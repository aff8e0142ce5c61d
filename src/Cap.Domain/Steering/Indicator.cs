using System.Text.Json.Serialization;

namespace Cap.Domain.Steering;

public enum IndicatorKind
{
    /// <summary>Succès (KPI): does the product reach its expected results?</summary>
    Success = 1,
    /// <summary>Impact: effects on users, agents or the organisation.</summary>
    Impact = 2,
    /// <summary>Direction (tendance): leading signals and guard rails.</summary>
    Direction = 3,
}

public enum IndicatorUnit
{
    Percent = 1,
    Number = 2,
    Days = 3,
    Euros = 4,
    Minutes = 5,
    [JsonStringEnumMemberName("score-on-10")]
    ScoreOn10 = 6,
    Free = 7,
    Seconds = 8,
    Milliseconds = 9,
}

/// <summary>The wanted direction: up, down, or staying within a range.</summary>
public enum WantedDirection
{
    Up = 1,
    Down = 2,
    Range = 3,
}

public enum UpdateFrequency
{
    Weekly = 1,
    Monthly = 2,
    Quarterly = 3,
    Yearly = 4,
}

public enum ImpactFamily
{
    Satisfaction = 1,
    Efficiency = 2,
    Savings = 3,
}

public enum MeasurementSource
{
    Entry = 1,
    Import = 2,
    Api = 3,
    Form = 4,
    /// <summary>Synchronised from the product's Matomo (audience) by the Matomo connector.</summary>
    Matomo = 5,
}

public static class IndicatorLabels
{
    public static string Label(this IndicatorKind kind) => kind switch
    {
        IndicatorKind.Success => "Succès",
        IndicatorKind.Impact => "Impact",
        IndicatorKind.Direction => "Tendance",
        _ => kind.ToString(),
    };

    public static string Label(this IndicatorUnit unit) => unit switch
    {
        IndicatorUnit.Percent => "%",
        IndicatorUnit.Number => "nombre",
        IndicatorUnit.Days => "jours",
        IndicatorUnit.Euros => "euros",
        IndicatorUnit.Minutes => "minutes",
        IndicatorUnit.ScoreOn10 => "note sur 10",
        IndicatorUnit.Free => "unité libre",
        IndicatorUnit.Seconds => "secondes",
        IndicatorUnit.Milliseconds => "millisecondes",
        _ => unit.ToString(),
    };

    public static string Label(this WantedDirection direction) => direction switch
    {
        WantedDirection.Up => "À la hausse",
        WantedDirection.Down => "À la baisse",
        WantedDirection.Range => "Dans une fourchette",
        _ => direction.ToString(),
    };

    public static string Label(this UpdateFrequency frequency) => frequency switch
    {
        UpdateFrequency.Weekly => "Hebdomadaire",
        UpdateFrequency.Monthly => "Mensuelle",
        UpdateFrequency.Quarterly => "Trimestrielle",
        UpdateFrequency.Yearly => "Annuelle",
        _ => frequency.ToString(),
    };

    public static string Label(this ImpactFamily family) => family switch
    {
        ImpactFamily.Satisfaction => "Satisfaction usagers",
        ImpactFamily.Efficiency => "Efficacité opérationnelle",
        ImpactFamily.Savings => "Économies réalisées",
        _ => family.ToString(),
    };

    public static string Label(this MeasurementSource source) => source switch
    {
        MeasurementSource.Entry => "Saisie",
        MeasurementSource.Import => "Import",
        MeasurementSource.Api => "API",
        MeasurementSource.Form => "Formulaire",
        MeasurementSource.Matomo => "Matomo",
        _ => source.ToString(),
    };

    /// <summary>How long one period lasts, in days.</summary>
    public static int Days(this UpdateFrequency frequency) => frequency switch
    {
        UpdateFrequency.Weekly => 7,
        UpdateFrequency.Monthly => 31,
        UpdateFrequency.Quarterly => 92,
        _ => 366,
    };
}

/// <summary>A measurable indicator of a product, with its baseline, target and measurements.</summary>
public class Indicator : IProductScoped, IVersioned, ITimestamped
{
    public const int NameMaxLength = 200;
    public const int DefinitionMaxLength = 2000;
    public const int UnitMaxLength = 40;
    public const int SourceMaxLength = 300;

    public int Id { get; set; }
    public int ProductId { get; set; }
    public Catalogue.Product? Product { get; set; }
    public int? ObjectiveId { get; set; }
    public Objective? Objective { get; set; }
    public IndicatorKind Kind { get; set; }
    public string Name { get; set; } = string.Empty;
    /// <summary>How it is computed and where the data comes from.</summary>
    public string? Definition { get; set; }
    public IndicatorUnit Unit { get; set; }
    /// <summary>The unit's name when <see cref="Unit"/> is free.</summary>
    public string? CustomUnit { get; set; }
    public WantedDirection Direction { get; set; }
    public decimal Baseline { get; set; }
    public DateOnly BaselineDate { get; set; }
    /// <summary>The target; for a range, its lower bound.</summary>
    public decimal Target { get; set; }
    /// <summary>For a range, its upper bound.</summary>
    public decimal? TargetMax { get; set; }
    public DateOnly TargetDate { get; set; }
    public UpdateFrequency Frequency { get; set; }
    public ImpactFamily? Family { get; set; }
    public string? DataSource { get; set; }
    public int Position { get; set; }

    /// <summary>Fed each month by the product's satisfaction form (the index of the month's answers), see SatisfactionFeed.</summary>
    public bool FedBySatisfactionForm { get; set; }

    /// <summary>
    /// The observatory's measure this indicator gives (availability or page load), shown on the portfolio's scorecard; at most
    /// one indicator per product and measure (see <see cref="IndicatorRules.ObservatoryMeasureTaken"/>).
    /// </summary>
    public Portfolio.ObservatoryMeasure? ObservatoryMeasure { get; set; }
    public int Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<Measurement> Measurements { get; set; } = [];

    // The measurements' summary the status rule needs (see MeasurementSummary), kept by the data layer
    // whenever measurements change: derived bookkeeping, not a person's change, hence out of the audit.
    [Platform.AuditIgnore]
    public DateOnly? LastDate { get; set; }
    [Platform.AuditIgnore]
    public decimal? LastValue { get; set; }
    [Platform.AuditIgnore]
    public double? TrendValue { get; set; }
    [Platform.AuditIgnore]
    public double? TrendSlope { get; set; }

    public MeasurementSummary? Summary => LastDate is { } date && LastValue is { } value
        ? new MeasurementSummary(new Point(date, value), TrendSlope is { } slope && TrendValue is { } at ? new Trend(date, at, slope) : null)
        : null;

    public string UnitText => Unit == IndicatorUnit.Free && !string.IsNullOrWhiteSpace(CustomUnit) ? CustomUnit! : Unit.Label();

    public IndicatorSpec Spec => new(Direction, Baseline, BaselineDate, Target, TargetMax, TargetDate, Frequency);
}

/// <summary>One value of an indicator at a date. One per indicator and date, so a repeated push does not duplicate.</summary>
public class Measurement : IProductScoped
{
    public const int CommentMaxLength = 500;

    public long Id { get; set; }
    public int IndicatorId { get; set; }
    public Indicator? Indicator { get; set; }
    public int ProductId { get; set; }
    public DateOnly Date { get; set; }
    public decimal Value { get; set; }
    public string? Comment { get; set; }
    public MeasurementSource Source { get; set; }
    public int? AuthorId { get; set; }
    public string AuthorName { get; set; } = string.Empty;
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>An administered indicator suggestion for a typology (the guide's library).</summary>
public class IndicatorTemplate : IVersioned, ITimestamped
{
    public int Id { get; set; }
    public int TypologyId { get; set; }
    public Catalogue.Typology? Typology { get; set; }
    public IndicatorKind Kind { get; set; }
    public string Name { get; set; } = string.Empty;
    public string? Definition { get; set; }
    public IndicatorUnit Unit { get; set; }
    public WantedDirection Direction { get; set; }
    public ImpactFamily? Family { get; set; }
    public int Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
