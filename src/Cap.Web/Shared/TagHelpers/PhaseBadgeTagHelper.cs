using Cap.Domain.Catalogue;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Cap.Web.Shared.TagHelpers;

/// <summary>The phase of a product as a DSFR badge: <c>&lt;phase-badge phase="@p.Phase" /&gt;</c>, a shortcut for <c>&lt;dsfr-badge&gt;</c> (same classes, through <see cref="DsfrBadge"/>). The label carries the meaning; the colour only helps.</summary>
[HtmlTargetElement("phase-badge", TagStructure = TagStructure.WithoutEndTag)]
public sealed class PhaseBadgeTagHelper : TagHelper
{
    public Phase Phase { get; set; }
    public bool Small { get; set; } = true;
    /// <summary>Prefix the label with "Phase :" where no column header says it.</summary>
    public bool Prefixed { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output) =>
        DsfrBadge.Apply(output, "p", DsfrBadge.Css(Phase.Tone(), Small), Prefixed ? $"Phase : {Phase.Label()}" : Phase.Label());
}

/// <summary>The accent of each phase.</summary>
public static class PhaseTones
{
    public static BadgeTone Tone(this Phase phase) => phase switch
    {
        Phase.Idee => BadgeTone.YellowTournesol,
        Phase.Poc => BadgeTone.OrangeTerreBattue,
        Phase.Mvp => BadgeTone.BlueEcume,
        Phase.Construction => BadgeTone.GreenEmeraude,
        Phase.Generalisation => BadgeTone.GreenMenthe,
        _ => BadgeTone.Neutral,
    };
}
