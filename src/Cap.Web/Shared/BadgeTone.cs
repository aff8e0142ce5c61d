using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Cap.Web.Shared;

/// <summary>
/// The colour of a DSFR badge. The badge's text always says the meaning; the tone only helps (RGAA: colour is never alone).
/// System tones carry a meaning (success, error…); the accents are illustrative (phases, emphasis).
/// </summary>
public enum BadgeTone
{
    /// <summary>Grey, no modifier.</summary>
    Neutral,
    Success,
    Error,
    Warning,
    Info,
    New,
    /// <summary>Phase Idée.</summary>
    YellowTournesol,
    /// <summary>Phase POC.</summary>
    OrangeTerreBattue,
    /// <summary>Phase MVP.</summary>
    BlueEcume,
    /// <summary>Phase Construction.</summary>
    GreenEmeraude,
    /// <summary>Phase Généralisation.</summary>
    GreenMenthe,
    /// <summary>Emphasis (a priority initiative).</summary>
    PurpleGlycine,
}

/// <summary>The one place that writes a DSFR badge's classes; used by <c>&lt;dsfr-badge&gt;</c> and <c>&lt;phase-badge&gt;</c>.</summary>
public static class DsfrBadge
{
    /// <summary>The DSFR modifier of a tone, empty for <see cref="BadgeTone.Neutral"/>.</summary>
    public static string Modifier(BadgeTone tone) => tone switch
    {
        BadgeTone.Success => "fr-badge--success",
        BadgeTone.Error => "fr-badge--error",
        BadgeTone.Warning => "fr-badge--warning",
        BadgeTone.Info => "fr-badge--info",
        BadgeTone.New => "fr-badge--new",
        BadgeTone.YellowTournesol => "fr-badge--yellow-tournesol",
        BadgeTone.OrangeTerreBattue => "fr-badge--orange-terre-battue",
        BadgeTone.BlueEcume => "fr-badge--blue-ecume",
        BadgeTone.GreenEmeraude => "fr-badge--green-emeraude",
        BadgeTone.GreenMenthe => "fr-badge--green-menthe",
        BadgeTone.PurpleGlycine => "fr-badge--purple-glycine",
        _ => string.Empty,
    };

    /// <summary>The class attribute, always in the same order: <c>fr-badge [fr-badge--sm] [tone] [fr-badge--no-icon] [extra]</c>.</summary>
    public static string Css(BadgeTone tone, bool small = false, bool icon = true, string? extra = null)
    {
        var parts = new List<string>(5) { "fr-badge" };
        if (small) parts.Add("fr-badge--sm");
        var modifier = Modifier(tone);
        if (modifier.Length > 0) parts.Add(modifier);
        if (!icon) parts.Add("fr-badge--no-icon");
        if (!string.IsNullOrWhiteSpace(extra)) parts.Add(extra.Trim());
        return string.Join(' ', parts);
    }

    /// <summary>Turns a tag helper's output into the badge element; the content (the text) is kept, or replaced by <paramref name="text"/>.</summary>
    public static void Apply(TagHelperOutput output, string element, string css, string? text = null)
    {
        output.TagName = element;
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", css);
        if (text is not null) output.Content.SetContent(text);
    }
}

/// <summary>The badge tone of a satisfaction index's colour (the badge writes the colour's label or the index).</summary>
public static class ScoreColourTone
{
    public static BadgeTone Tone(this Cap.Domain.Satisfaction.ScoreColour colour) => colour switch
    {
        Cap.Domain.Satisfaction.ScoreColour.Green => BadgeTone.Success,
        Cap.Domain.Satisfaction.ScoreColour.Amber => BadgeTone.Warning,
        _ => BadgeTone.Error,
    };
}
