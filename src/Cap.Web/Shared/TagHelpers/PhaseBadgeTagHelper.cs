using Cap.Domain.Catalogue;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Cap.Web.Shared.TagHelpers;

/// <summary>The phase of a product as a DSFR badge: <c>&lt;phase-badge phase="@p.Phase" /&gt;</c>. The label carries the meaning; the colour only helps.</summary>
[HtmlTargetElement("phase-badge", TagStructure = TagStructure.WithoutEndTag)]
public sealed class PhaseBadgeTagHelper : TagHelper
{
    public Phase Phase { get; set; }
    public bool Small { get; set; } = true;
    /// <summary>Prefix the label with "Phase :" where no column header says it.</summary>
    public bool Prefixed { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var accent = Phase switch
        {
            Phase.Idee => "fr-badge--yellow-tournesol",
            Phase.Poc => "fr-badge--orange-terre-battue",
            Phase.Mvp => "fr-badge--blue-ecume",
            Phase.Construction => "fr-badge--green-emeraude",
            Phase.Generalisation => "fr-badge--green-menthe",
            _ => string.Empty,
        };
        output.TagName = "p";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", $"fr-badge {(Small ? "fr-badge--sm " : string.Empty)}{accent}".Trim());
        output.Content.SetContent(Prefixed ? $"Phase : {Phase.Label()}" : Phase.Label());
    }
}
