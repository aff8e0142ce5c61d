using System.Globalization;
using System.Text.Json;
using Cap.Domain.Portfolio;
using Cap.Domain.Steering;
using Cap.Web.Shared;

namespace Cap.Web.Features.Indicators;

/// <summary>An indicator as the API creates or replaces it. Enumerations are given by their API name (lower kebab-case English, as the responses write them).</summary>
/// <param name="Kind">success, impact or direction (tendance).</param>
/// <param name="Name">Name (200 characters at most).</param>
/// <param name="Definition">How it is computed and where the data comes from.</param>
/// <param name="Unit">percent, number, days, euros, minutes, score-on-10, free, seconds or milliseconds.</param>
/// <param name="CustomUnit">The unit's name when unit is free.</param>
/// <param name="Direction">up, down or range.</param>
/// <param name="Baseline">Baseline value.</param>
/// <param name="BaselineDate">Baseline date (yyyy-MM-dd).</param>
/// <param name="Target">Target; for a range, its lower bound.</param>
/// <param name="TargetMax">For a range, its upper bound.</param>
/// <param name="TargetDate">Date by which the target is to be reached (yyyy-MM-dd).</param>
/// <param name="Frequency">weekly, monthly, quarterly or yearly.</param>
/// <param name="ObjectiveId">Optional objective of the same product.</param>
/// <param name="Family">Optional impact family: satisfaction, efficiency or savings.</param>
/// <param name="DataSource">Where the measurements come from.</param>
/// <param name="ObservatoryMeasure">Optional: availability (unit percent) or page-load (unit seconds or milliseconds), the observatory's measure this indicator gives on the portfolio's scorecard; one indicator per product and measure (another one: 422). An update without it removes it.</param>
/// <param name="Version">For an update: the version read before editing; a different stored version answers 409.</param>
public sealed record IndicatorRequest(
    string? Kind, string? Name, string? Definition, string? Unit, string? CustomUnit, string? Direction,
    decimal? Baseline, DateOnly? BaselineDate, decimal? Target, decimal? TargetMax, DateOnly? TargetDate,
    string? Frequency, int? ObjectiveId, string? Family, string? DataSource, int? Version, string? ObservatoryMeasure = null)
{
    public (IndicatorInput Input, Dictionary<string, string> Errors) ToInput()
    {
        var errors = new Dictionary<string, string>();
        T? Parse<T>(string? text, string field) where T : struct, Enum
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }
            if (ApiNames.TryParse<T>(text, out var value))
            {
                return value;
            }
            errors[field] = $"Valeur inconnue « {text} » : choisissez {ApiNames.Choices<T>()}.";
            return null;
        }
        var input = new IndicatorInput
        {
            Kind = Parse<IndicatorKind>(Kind, "kind"),
            Name = Name, Definition = Definition,
            Unit = Parse<IndicatorUnit>(Unit, "unit"),
            CustomUnit = CustomUnit,
            Direction = Parse<WantedDirection>(Direction, "direction"),
            Baseline = Baseline, BaselineDate = BaselineDate, Target = Target, TargetMax = TargetMax, TargetDate = TargetDate,
            Frequency = Parse<UpdateFrequency>(Frequency, "frequency"),
            ObjectiveId = ObjectiveId,
            Family = Parse<ImpactFamily>(Family, "family"),
            DataSource = DataSource,
            ObservatoryMeasure = ParseMeasure(ObservatoryMeasure, errors),
        };
        foreach (var (field, message) in IndicatorRules.Validate(input))
        {
            errors.TryAdd(char.ToLowerInvariant(field[0]) + field[1..], message);
        }
        return (input, errors);
    }

    /// <summary>availability or page-load; the scorecard's other measures are Cap's own and are refused.</summary>
    private static ObservatoryMeasure? ParseMeasure(string? text, Dictionary<string, string> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (ApiNames.TryParse<ObservatoryMeasure>(text, out var value) && value.IsIndicatorMeasure())
        {
            return value;
        }
        errors["observatoryMeasure"] = $"Valeur inconnue « {text} » : choisissez {string.Join(" ou ", Observatory.IndicatorMeasures.Select(m => ApiNames.Name(m)))}, ou omettez le champ.";
        return null;
    }
}

/// <summary>An indicator with its status (see the documented rule) and last value.</summary>
public sealed record IndicatorResponse(
    int Id, IndicatorKind Kind, string KindLabel, string Name, string? Definition, IndicatorUnit Unit, string UnitLabel, string? CustomUnit,
    WantedDirection Direction, decimal Baseline, DateOnly BaselineDate, decimal Target, decimal? TargetMax, DateOnly TargetDate,
    UpdateFrequency Frequency, int? ObjectiveId, string? ObjectiveTitle, ImpactFamily? Family, string? DataSource, bool ToComplete, int Version,
    IndicatorStatus Status, string StatusLabel, decimal? LastValue, DateOnly? LastDate, decimal? Progress, decimal? Expected, decimal? Projected,
    ObservatoryMeasure? ObservatoryMeasure, string? ObservatoryMeasureLabel)
{
    public static IndicatorResponse From(IndicatorRow row)
    {
        var i = row.Indicator;
        var a = row.Assessment;
        return new(i.Id, i.Kind, i.Kind.Label(), i.Name, i.Definition, i.Unit, i.UnitText, i.CustomUnit,
            i.Direction, i.Baseline, i.BaselineDate, i.Target, i.TargetMax, i.TargetDate, i.Frequency,
            i.ObjectiveId, row.ObjectiveTitle, i.Family, i.DataSource, row.Pending, i.Version,
            a.Status, a.Status.Label(), a.Last?.Value, a.Last?.Date, a.Progress,
            a.Expected is { } e ? Math.Round(e, 4) : null, a.Projected is { } p ? Math.Round(p, 4) : null,
            i.ObservatoryMeasure, i.ObservatoryMeasure?.ChoiceLabel());
    }
}

/// <summary>One measurement pushed by the API.</summary>
/// <param name="Date">Date (yyyy-MM-dd), at most tomorrow.</param>
/// <param name="Value">Number, or text in French or international form ("12,5", "12.5").</param>
/// <param name="Comment">Optional comment (500 characters at most).</param>
public sealed record MeasurementRequest(string? Date, JsonElement Value, string? Comment)
{
    /// <summary>The input, with parse errors under "date" and "value".</summary>
    public MeasurementInput ToInput(Dictionary<string, string> errors, string prefix)
    {
        DateOnly? date = null;
        if (!string.IsNullOrWhiteSpace(Date))
        {
            if (DateOnly.TryParseExact(Date.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                date = d;
            }
            else
            {
                errors[$"{prefix}date"] = $"Date illisible « {Date} » : écrivez-la AAAA-MM-JJ, par exemple 2026-03-31.";
            }
        }
        decimal? value = null;
        switch (Value.ValueKind)
        {
            case JsonValueKind.Number when Value.TryGetDecimal(out var number):
                value = number;
                break;
            case JsonValueKind.String when IndicatorRules.TryParseNumber(Value.GetString(), out var parsed):
                value = parsed;
                break;
            case JsonValueKind.Undefined or JsonValueKind.Null:
                break;
            case JsonValueKind.String when string.IsNullOrWhiteSpace(Value.GetString()):
                break;
            default:
                errors[$"{prefix}value"] = IndicatorRules.NotNumericMessage;
                break;
        }
        return new MeasurementInput(date, value, Comment);
    }
}

public sealed record MeasurementResponse(long Id, DateOnly Date, decimal Value, string? Comment, MeasurementSource Source, string SourceLabel, string Author, DateTimeOffset CreatedAt)
{
    public static MeasurementResponse From(Measurement m) =>
        new(m.Id, m.Date, m.Value, m.Comment, m.Source, m.Source.Label(), m.AuthorName, m.CreatedAt);
}

/// <summary>What a bulk push did.</summary>
public sealed record PushResponse(int Received, int Created, int Updated, int Unchanged);

/// <summary>What a deletion removed.</summary>
public sealed record DeletedResponse(int Id, int DeletedMeasurements);
