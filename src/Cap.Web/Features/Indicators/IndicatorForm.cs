using Cap.Web.Shared;
using System.Globalization;
using Cap.Domain;
using Cap.Domain.Portfolio;
using Cap.Domain.Steering;
using Cap.Web.Shared.Refusals;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Cap.Web.Features.Indicators;

/// <summary>The indicator form: numbers stay text so "12,5" and "12.5" are both read (see <see cref="IndicatorRules.TryParseNumber"/>).</summary>
public sealed class IndicatorForm
{
    public IndicatorKind? Kind { get; set; }
    public string? Name { get; set; }
    public string? Definition { get; set; }
    public IndicatorUnit? Unit { get; set; }
    public string? CustomUnit { get; set; }
    public WantedDirection? Direction { get; set; }
    public string? Baseline { get; set; }
    public DateOnly? BaselineDate { get; set; }
    public string? Target { get; set; }
    public string? TargetMax { get; set; }
    public DateOnly? TargetDate { get; set; }
    public UpdateFrequency? Frequency { get; set; }
    public int? ObjectiveId { get; set; }
    public ImpactFamily? Family { get; set; }
    public string? DataSource { get; set; }
    public ObservatoryMeasure? ObservatoryMeasure { get; set; }

    public static IndicatorForm From(Indicator i) => new()
    {
        Kind = i.Kind, Name = i.Name, Definition = i.Definition, Unit = i.Unit, CustomUnit = i.CustomUnit, Direction = i.Direction,
        Baseline = Text(i.Baseline), BaselineDate = i.BaselineDate, Target = Text(i.Target), TargetMax = i.TargetMax is { } max ? Text(max) : null,
        TargetDate = i.TargetDate, Frequency = i.Frequency, ObjectiveId = i.ObjectiveId, Family = i.Family,
        DataSource = i.DataSource == IndicatorRules.PendingDataSource ? null : i.DataSource, ObservatoryMeasure = i.ObservatoryMeasure,
    };

    /// <summary>Numbers as typed in French ("12,5").</summary>
    public static string Text(decimal value) => value.ToString("0.####", CultureInfo.GetCultureInfo("fr-FR"));

    /// <summary>The input to validate, and the numbers that could not be read.</summary>
    public (IndicatorInput Input, Dictionary<string, string> ParseErrors) ToInput()
    {
        var errors = new Dictionary<string, string>();
        decimal? Number(string? text, string field)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }
            if (IndicatorRules.TryParseNumber(text, out var value))
            {
                return value;
            }
            errors[field] = IndicatorRules.NotNumericMessage;
            return null;
        }
        var input = new IndicatorInput
        {
            Kind = Kind, Name = Name, Definition = Definition, Unit = Unit, CustomUnit = CustomUnit, Direction = Direction,
            Baseline = Number(Baseline, nameof(Baseline)), BaselineDate = BaselineDate,
            Target = Number(Target, nameof(Target)), TargetMax = Number(TargetMax, nameof(TargetMax)), TargetDate = TargetDate,
            Frequency = Frequency, ObjectiveId = ObjectiveId, Family = Family, DataSource = DataSource, ObservatoryMeasure = ObservatoryMeasure,
        };
        return (input, errors);
    }

    /// <summary>
    /// A form whose fields did not parse is refused without writing: the parse messages, then the rule's messages
    /// for the fields that parsed.
    /// </summary>
    public static Refusal Unparsed(Dictionary<string, string> parseErrors, IReadOnlyDictionary<string, string> ruleErrors) =>
        Refusal.Invalid(parseErrors.Concat(ruleErrors.Where(e => !parseErrors.ContainsKey(e.Key))).ToDictionary(e => e.Key, e => e.Value));

    /// <summary>Replaces the binder's (English) messages by the refusal's French ones, under "<paramref name="prefix"/>.Field".</summary>
    public static void Show(ModelStateDictionary modelState, string prefix, Refusal refusal)
    {
        modelState.Clear();
        modelState.AddRefusal(refusal, prefix + ".");
    }
}

/// <summary>The lists of the indicator form.</summary>
public sealed class IndicatorFormOptions
{
    public List<SelectListItem> Kinds { get; } = Items<IndicatorKind>(k => k.Label());
    public List<SelectListItem> Units { get; } = Items<IndicatorUnit>(u => u.Label());
    public List<SelectListItem> Directions { get; } = Items<WantedDirection>(d => d.Label());
    public List<SelectListItem> Frequencies { get; } = Items<UpdateFrequency>(f => f.Label());
    public List<SelectListItem> Families { get; } = Items<ImpactFamily>(f => f.Label());
    /// <summary>The observatory's measures an indicator can give (« Aucune » is the select's empty choice).</summary>
    public List<SelectListItem> ObservatoryMeasures { get; } =
        Observatory.IndicatorMeasures.Select(m => new SelectListItem(m.ChoiceLabel(), m.ToString())).ToList();
    public List<SelectListItem> Objectives { get; init; } = [];
    public string SubmitLabel { get; init; } = "Enregistrer";
    public string CancelUrl { get; init; } = "/";

    public static List<SelectListItem> Items<T>(Func<T, string> label) where T : struct, Enum =>
        Enum.GetValues<T>().Select(v => new SelectListItem(label(v), v.ToString())).ToList();

    public static List<SelectListItem> ObjectiveItems(IEnumerable<Objective> objectives) =>
        objectives.Select(o => new SelectListItem(o.Title, o.Id.ToString(CultureInfo.InvariantCulture))).ToList();
}

/// <summary>A page showing the indicator form.</summary>
public interface IIndicatorFormPage
{
    IndicatorForm Input { get; }
    IndicatorFormOptions Form { get; }
}

/// <summary>Explanations of an indicator's status (its badge tone: <see cref="IndicatorRows.Tone"/>).</summary>
public static class StatusBadge
{
    /// <summary>Why the status is what it is, in one French sentence.</summary>
    public static string Explain(Indicator indicator, IndicatorAssessment a)
    {
        var unit = indicator.UnitText;
        string V(decimal? v) => v is { } x ? $"{IndicatorRules.Format(Math.Round(x, 2))} {unit}" : "—";
        return a.Status switch
        {
            IndicatorStatus.NoData => "Aucune mesure n’a encore été saisie.",
            IndicatorStatus.Late => $"La dernière mesure date du {a.Last!.Value.Date:dd/MM/yyyy} : une fréquence {indicator.Frequency.Label().ToLowerInvariant()} demande une mesure plus récente.",
            IndicatorStatus.Reached => $"La dernière valeur ({V(a.Last!.Value.Value)}) atteint la cible.",
            _ when indicator.Direction == WantedDirection.Range =>
                $"La dernière valeur ({V(a.Last!.Value.Value)}) est hors de la fourchette {V(indicator.Target)} – {V(indicator.TargetMax)}.",
            _ => $"Dernière valeur {V(a.Last!.Value.Value)} ; la trajectoire de la référence à la cible attend {V(a.Expected)} à cette date ; "
                + (a.Projected is null
                    ? "pas assez de mesures pour une tendance (3 au moins)."
                    : $"la tendance des dernières mesures (moindres carrés) projette {V(a.Projected)} à la date cible ({indicator.TargetDate:dd/MM/yyyy}) pour une cible de {V(indicator.Target)}."),
        };
    }
}
