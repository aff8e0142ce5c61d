using Cap.Domain.Satisfaction;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Cap.Web.Features.Satisfaction;

/// <summary>The fields of a placement, for its creation and edit pages.</summary>
public sealed class PlacementForm
{
    public string? Label { get; set; }
    public string? AllowedOrigins { get; set; }
    public bool IsEnabled { get; set; } = true;

    public static PlacementForm From(Placement p) => new() { Label = p.Label, AllowedOrigins = p.AllowedOrigins, IsEnabled = p.IsEnabled };

    /// <summary>Copies valid fields to the placement; false with French messages beside the fields otherwise.</summary>
    public bool ApplyTo(Placement placement, ModelStateDictionary state, string prefix)
    {
        var label = Label?.Trim() ?? string.Empty;
        if (label.Length == 0)
        {
            state.AddModelError($"{prefix}.Label", "Donnez un nom à l’emplacement, par exemple « Fin de démarche ».");
        }
        else if (label.Length > Placement.LabelMaxLength)
        {
            state.AddModelError($"{prefix}.Label", $"Le nom tient en {Placement.LabelMaxLength} caractères au plus.");
        }
        var (origins, error) = Origins.Parse(AllowedOrigins);
        if (error is not null)
        {
            state.AddModelError($"{prefix}.AllowedOrigins", error);
        }
        else if (origins.Length > Placement.OriginsMaxLength)
        {
            state.AddModelError($"{prefix}.AllowedOrigins", "La liste des origines est trop longue.");
        }
        if (state.ErrorCount > 0)
        {
            return false;
        }
        placement.Label = label;
        placement.AllowedOrigins = origins;
        placement.IsEnabled = IsEnabled;
        return true;
    }
}
