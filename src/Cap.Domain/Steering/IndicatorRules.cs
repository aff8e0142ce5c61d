using System.Globalization;
using Cap.Domain.Portfolio;

namespace Cap.Domain.Steering;

/// <summary>An indicator as typed in a form or sent to the API, before validation.</summary>
public sealed class IndicatorInput
{
    public IndicatorKind? Kind { get; set; }
    public string? Name { get; set; }
    public string? Definition { get; set; }
    public IndicatorUnit? Unit { get; set; }
    public string? CustomUnit { get; set; }
    public WantedDirection? Direction { get; set; }
    public decimal? Baseline { get; set; }
    public DateOnly? BaselineDate { get; set; }
    public decimal? Target { get; set; }
    public decimal? TargetMax { get; set; }
    public DateOnly? TargetDate { get; set; }
    public UpdateFrequency? Frequency { get; set; }
    public int? ObjectiveId { get; set; }
    public ImpactFamily? Family { get; set; }
    public string? DataSource { get; set; }
    /// <summary>Optional: availability or page load, the observatory's measure this indicator gives.</summary>
    public ObservatoryMeasure? ObservatoryMeasure { get; set; }
}

/// <summary>A measurement as typed or pushed; the value is already parsed by the caller (see <see cref="IndicatorRules.TryParseNumber"/>).</summary>
public sealed record MeasurementInput(DateOnly? Date, decimal? Value, string? Comment);

/// <summary>Shape rules of indicators and measurements, with one French message per field (keys are property names).</summary>
public static class IndicatorRules
{
    /// <summary>Placed in the data source of an indicator created from a suggestion: with version 0 it means "à compléter".</summary>
    public const string PendingDataSource = "À compléter : source des données";

    public const string NotNumericMessage = "Saisissez un nombre, par exemple 12,5 ou 12.5.";

    public static bool IsPending(Indicator indicator) => indicator.Version == 0 && indicator.DataSource == PendingDataSource;

    public static Dictionary<string, string> Validate(IndicatorInput input)
    {
        var errors = new Dictionary<string, string>();
        if (input.Kind is null || !Enum.IsDefined(input.Kind.Value))
        {
            errors[nameof(input.Kind)] = "Choisissez le type d’indicateur : succès, impact ou tendance.";
        }
        if (string.IsNullOrWhiteSpace(input.Name))
        {
            errors[nameof(input.Name)] = "Saisissez le nom de l’indicateur.";
        }
        else if (input.Name.Trim().Length > Indicator.NameMaxLength)
        {
            errors[nameof(input.Name)] = $"Le nom ne doit pas dépasser {Indicator.NameMaxLength} caractères.";
        }
        if (input.Definition is { } definition && definition.Trim().Length > Indicator.DefinitionMaxLength)
        {
            errors[nameof(input.Definition)] = $"La définition ne doit pas dépasser {Indicator.DefinitionMaxLength} caractères.";
        }
        if (input.DataSource is { } source && source.Trim().Length > Indicator.SourceMaxLength)
        {
            errors[nameof(input.DataSource)] = $"La source des données ne doit pas dépasser {Indicator.SourceMaxLength} caractères.";
        }
        if (input.Unit is null || !Enum.IsDefined(input.Unit.Value))
        {
            errors[nameof(input.Unit)] = "Choisissez l’unité de l’indicateur.";
        }
        else if (input.Unit == IndicatorUnit.Free && string.IsNullOrWhiteSpace(input.CustomUnit))
        {
            errors[nameof(input.CustomUnit)] = "Saisissez le nom de l’unité libre, par exemple « appels ».";
        }
        if (input.CustomUnit is { } unit && unit.Trim().Length > Indicator.UnitMaxLength)
        {
            errors[nameof(input.CustomUnit)] = $"Le nom de l’unité ne doit pas dépasser {Indicator.UnitMaxLength} caractères.";
        }
        if (input.Direction is null || !Enum.IsDefined(input.Direction.Value))
        {
            errors[nameof(input.Direction)] = "Choisissez le sens souhaité : à la hausse, à la baisse ou dans une fourchette.";
        }
        if (input.Frequency is null || !Enum.IsDefined(input.Frequency.Value))
        {
            errors[nameof(input.Frequency)] = "Choisissez la fréquence de mise à jour.";
        }
        if (input.Family is { } family && !Enum.IsDefined(family))
        {
            errors[nameof(input.Family)] = "Famille d’impact inconnue.";
        }
        if (input.Baseline is null)
        {
            errors[nameof(input.Baseline)] = "Saisissez la valeur de référence (nombre).";
        }
        if (input.BaselineDate is null)
        {
            errors[nameof(input.BaselineDate)] = "Saisissez la date de la valeur de référence.";
        }
        if (input.Target is null)
        {
            errors[nameof(input.Target)] = "Saisissez la cible (nombre).";
        }
        if (input.TargetDate is null)
        {
            errors[nameof(input.TargetDate)] = "Saisissez la date à laquelle la cible doit être atteinte.";
        }
        if (input.Direction == WantedDirection.Range)
        {
            if (input.TargetMax is null)
            {
                errors[nameof(input.TargetMax)] = "Pour une fourchette, saisissez la borne haute de la cible.";
            }
            else if (input.Target is { } low && input.TargetMax <= low)
            {
                errors[nameof(input.TargetMax)] = "La borne haute de la fourchette doit être supérieure à la cible (borne basse).";
            }
        }
        else if (input.Baseline is { } baseline && input.Target is { } target && baseline == target)
        {
            errors[nameof(input.Target)] = "La cible doit être différente de la valeur de référence.";
        }
        if (input.BaselineDate is { } from && input.TargetDate is { } to && to <= from)
        {
            errors[nameof(input.TargetDate)] = "La date cible doit être postérieure à la date de la valeur de référence.";
        }
        if (ObservatoryMeasureError(input.ObservatoryMeasure, input.Unit) is { } observatory)
        {
            errors[nameof(input.ObservatoryMeasure)] = observatory;
        }
        return errors;
    }

    /// <summary>
    /// Which measures an indicator can give and in which unit: availability in %, page load in seconds or milliseconds
    /// (converted to seconds on the scorecard). Null when fine (no measure, or a measure in a fitting unit; an unknown unit is
    /// the unit's own error).
    /// </summary>
    public static string? ObservatoryMeasureError(ObservatoryMeasure? measure, IndicatorUnit? unit)
    {
        if (measure is not { } m)
        {
            return null;
        }
        if (!Enum.IsDefined(m) || !m.IsIndicatorMeasure())
        {
            return "Choisissez « Disponibilité (observatoire) », « Temps de chargement (observatoire) » ou aucune mesure de l’observatoire.";
        }
        if (unit is not { } u || !Enum.IsDefined(u) || Observatory.Fits(m, u))
        {
            return null;
        }
        return m == Portfolio.ObservatoryMeasure.Availability
            ? "La disponibilité de l’observatoire se mesure en pourcentage : choisissez l’unité « % »."
            : "Le temps de chargement de l’observatoire se mesure en secondes ou en millisecondes : choisissez l’une de ces unités.";
    }

    /// <summary>
    /// One indicator per product and observatory measure: refused (a rule, on the field) when another indicator of the product
    /// (<paramref name="others"/>: the product's indicators other than the one being saved) already gives <paramref name="measure"/>.
    /// </summary>
    public static Refusal? ObservatoryMeasureTaken(ObservatoryMeasure? measure, IEnumerable<Indicator> others)
    {
        if (measure is not { } m || others.FirstOrDefault(o => o.ObservatoryMeasure == m) is not { } holder)
        {
            return null;
        }
        return Refusal.Rule(nameof(IndicatorInput.ObservatoryMeasure),
            $"L’indicateur « {holder.Name} » est déjà la mesure « {m.ChoiceLabel()} » de ce produit : un produit n’en a qu’un par mesure. "
            + "Retirez-la de cet indicateur d’abord, ou choisissez « Aucune ».");
    }

    /// <summary>Date at most tomorrow (a measurement taken late in the evening elsewhere may carry tomorrow's date), value present, comment length.</summary>
    public static Dictionary<string, string> ValidateMeasurement(MeasurementInput input, DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        if (input.Date is null)
        {
            errors["Date"] = "Saisissez la date de la mesure.";
        }
        else if (input.Date.Value > today.AddDays(1))
        {
            errors["Date"] = "La date de la mesure ne peut pas dépasser demain.";
        }
        if (input.Value is null)
        {
            errors["Value"] = "Saisissez la valeur mesurée (nombre).";
        }
        if (input.Comment is { } comment && comment.Trim().Length > Measurement.CommentMaxLength)
        {
            errors["Comment"] = $"Le commentaire ne doit pas dépasser {Measurement.CommentMaxLength} caractères.";
        }
        return errors;
    }

    /// <summary>
    /// Reads "12,5", "12.5", "1 234,5", "1,234.5" or "-3": spaces are group separators; with both a comma and a point,
    /// the last one is the decimal separator; a single kind of separator occurring once is the decimal separator.
    /// </summary>
    public static bool TryParseNumber(string? text, out decimal value) => FlexibleParse.TryDecimal(text, out value);

    /// <summary>A number shown in French: "12,5", "1 234".</summary>
    public static string Format(decimal value) =>
        value.ToString("#,##0.####", CultureInfo.GetCultureInfo("fr-FR"));
}
