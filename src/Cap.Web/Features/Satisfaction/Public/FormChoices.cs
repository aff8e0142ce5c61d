using Cap.Domain.Satisfaction;
using Cap.Web.Shared.TagHelpers;

namespace Cap.Web.Features.Satisfaction.Public;

/// <summary>The options of the public form's questions, as <c>&lt;dsfr-choices&gt;</c> items (values as <see cref="AnswerForm"/> binds them).</summary>
public static class FormChoices
{
    public static readonly IReadOnlyList<DsfrChoice> Experience = [new("3", "Bien"), new("2", "Moyen"), new("1", "Mal")];

    public static readonly IReadOnlyList<DsfrChoice> Clarity = Scale("pas du tout claires", "très claires");

    public static readonly IReadOnlyList<DsfrChoice> HelpChannels =
        [.. HelpChannelLabels.All.Select(c => new DsfrChoice(((int)c).ToString(System.Globalization.CultureInfo.InvariantCulture), c.Label()))];

    /// <summary>1 yes, 0 no.</summary>
    public static readonly IReadOnlyList<DsfrChoice> Reached = [new("1", "Oui"), new("0", "Non")];

    public static readonly IReadOnlyList<DsfrChoice> HelpQuality = Scale("très mauvaise", "excellente");

    /// <summary>1 to 5, the ends named.</summary>
    private static IReadOnlyList<DsfrChoice> Scale(string low, string high) =>
        [.. Enumerable.Range(1, 5).Select(v => new DsfrChoice(v.ToString(System.Globalization.CultureInfo.InvariantCulture), v switch { 1 => $"1 — {low}", 5 => $"5 — {high}", _ => v.ToString(System.Globalization.CultureInfo.InvariantCulture) }))];
}
