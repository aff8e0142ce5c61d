using System.Globalization;
using Cap.Domain.Catalogue;
using Cap.Web.Shared.TagHelpers;

namespace Cap.Web.Features.Catalogue;

/// <summary>A member's staffing as the form posts it: the guide's roles by name, the time share as typed (« 60 » or « 60 % »).</summary>
public sealed class StaffingForm
{
    public const string Yes = "oui";

    public List<string> Roles { get; set; } = [];
    public string? TimeShare { get; set; }
    /// <summary><see cref="Yes"/> when ticked.</summary>
    public string? AccessibilityReferent { get; set; }

    public static StaffingForm From(TeamMember m) => new()
    {
        Roles = [.. (m.ChosenRoles & ~GuideRoles.Owners).Split().Select(r => r.ToString())],
        TimeShare = m.TimeShare?.ToString(CultureInfo.InvariantCulture),
        AccessibilityReferent = m.AccessibilityReferent ? Yes : null,
    };

    /// <summary>The input to check, and the fields that could not be read (keys are <see cref="StaffingInput"/>'s properties).</summary>
    public (StaffingInput Input, Dictionary<string, string> ParseErrors) ToInput()
    {
        var errors = new Dictionary<string, string>();
        var roles = GuideRole.None;
        foreach (var posted in Roles)
        {
            if (DsfrChoice.Parse<GuideRole>(posted) is { } role && role != GuideRole.None)
            {
                roles |= role;
            }
            else
            {
                errors[nameof(StaffingInput.Roles)] = "Choisissez parmi les rôles proposés.";
            }
        }
        int? share = null;
        var text = TimeShare?.Replace("%", "", StringComparison.Ordinal).Trim();
        if (!string.IsNullOrEmpty(text))
        {
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                share = value;
            }
            else
            {
                errors[nameof(StaffingInput.TimeShare)] = $"Saisissez un nombre entier entre {StaffingRules.MinTimeShare} et {StaffingRules.MaxTimeShare}, par exemple 60, ou laissez vide si la part n’est pas connue.";
            }
        }
        return (new StaffingInput(roles, share, AccessibilityReferent == Yes), errors);
    }

    /// <summary>The roles a member chooses (the owners' follow the access role), with what each brings.</summary>
    public static IReadOnlyList<DsfrChoice> RoleChoices { get; } =
        [.. GuideRoles.Chosen.Select(r => new DsfrChoice(r.ToString(), r.Label(), r.Hint()))];

    public static IReadOnlyList<DsfrChoice> ReferentChoice { get; } =
        [new(Yes, "Référent accessibilité", "La personne est en charge de l’accessibilité du produit sans en être l’experte (souvent le responsable produit).")];
}
