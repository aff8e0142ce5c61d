using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Cap.Web.Shared.TagHelpers;

/// <summary>
/// A DSFR table with its caption: <c>&lt;dsfr-table caption="Produits"&gt;&lt;thead&gt;…&lt;/tbody&gt;&lt;/dsfr-table&gt;</c>.
/// The scrolling container is focusable so that a wide table can be scrolled with the keyboard (RGAA 7.3).
/// </summary>
[HtmlTargetElement("dsfr-table")]
public sealed class DsfrTableTagHelper : TagHelper
{
    public string Caption { get; set; } = string.Empty;
    /// <summary>Keeps the caption for assistive technologies only.</summary>
    public bool HideCaption { get; set; }
    /// <summary>Extra classes of the component (<c>fr-table--bordered</c>, a page's own class…), written after DSFR's.</summary>
    [HtmlAttributeName("class")]
    public string? Class { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var content = await output.GetChildContentAsync();
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        var css = HideCaption ? "fr-table fr-table--no-caption" : "fr-table";
        output.Attributes.SetAttribute("class", string.IsNullOrWhiteSpace(Class) ? css : $"{css} {Class.Trim()}");
        output.Content.AppendHtml("<div class=\"fr-table__wrapper\"><div class=\"fr-table__container\" tabindex=\"0\"><div class=\"fr-table__content\"><table><caption>");
        output.Content.Append(Caption);
        output.Content.AppendHtml("</caption>");
        output.Content.AppendHtml(content);
        output.Content.AppendHtml("</table></div></div></div>");
    }
}
