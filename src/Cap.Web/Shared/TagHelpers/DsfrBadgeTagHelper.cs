using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Cap.Web.Shared.TagHelpers;

/// <summary>
/// A DSFR badge: <c>&lt;dsfr-badge tone="BadgeTone.Success" small="true" icon="false"&gt;Actif&lt;/dsfr-badge&gt;</c>.
/// The content is the text and always says the meaning (the tone only helps: colour is never alone, RGAA 3.1).
/// Rendered as <c>&lt;p&gt;</c>, or <c>element="span"</c> inside a heading or a sentence, or a link with <c>href</c>;
/// <c>class</c> adds utility classes (spacing…).
/// </summary>
[HtmlTargetElement("dsfr-badge")]
public sealed class DsfrBadgeTagHelper : TagHelper
{
    public BadgeTone Tone { get; set; } = BadgeTone.Neutral;
    /// <summary><c>fr-badge--sm</c>.</summary>
    public bool Small { get; set; }
    /// <summary>The DSFR icon of system tones; <c>fr-badge--no-icon</c> when false.</summary>
    public bool Icon { get; set; } = true;
    /// <summary><c>p</c> (default) or <c>span</c>.</summary>
    public string Element { get; set; } = "p";
    /// <summary>A badge that leads somewhere: rendered as <c>&lt;a href&gt;</c>.</summary>
    public string? Href { get; set; }
    /// <summary>Extra classes, written after the badge's own.</summary>
    [HtmlAttributeName("class")]
    public string? Class { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        DsfrBadge.Apply(output, Href is not null ? "a" : Element == "span" ? "span" : "p", DsfrBadge.Css(Tone, Small, Icon, Class));
        if (Href is not null)
        {
            output.Attributes.SetAttribute("href", Href);
        }
    }
}
