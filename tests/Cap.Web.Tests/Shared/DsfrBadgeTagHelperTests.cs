using Cap.Domain.Catalogue;
using Cap.Web.Shared;
using Cap.Web.Shared.TagHelpers;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Cap.Web.Tests.Shared;

/// <summary>The one way a DSFR badge is written: &lt;dsfr-badge&gt; and its phase shortcut render through <see cref="DsfrBadge"/>.</summary>
public sealed class DsfrBadgeTagHelperTests
{
    private static string Render(TagHelper helper, string tag, string text, params TagHelperAttribute[] attributes)
    {
        var all = new TagHelperAttributeList(attributes);
        var context = new TagHelperContext(tag, all, new Dictionary<object, object>(), "id");
        var output = new TagHelperOutput(tag, [], (_, _) =>
        {
            var content = new DefaultTagHelperContent();
            content.SetContent(text);
            return Task.FromResult<TagHelperContent>(content);
        });
        helper.Process(context, output);
        // As Razor does: content the helper left alone is the element's child content.
        if (!output.IsContentModified) output.Content.SetContent(text);
        using var writer = new StringWriter();
        output.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return writer.ToString();
    }

    [Fact]
    public void A_small_status_badge_without_icon_keeps_its_text_and_DSFR_classes()
    {
        var html = Render(new DsfrBadgeTagHelper { Tone = BadgeTone.Warning, Small = true, Icon = false }, "dsfr-badge", "En retard");
        Assert.Equal("<p class=\"fr-badge fr-badge--sm fr-badge--warning fr-badge--no-icon\">En retard</p>", html);
    }

    [Fact]
    public void An_inline_badge_is_a_span_with_its_utility_classes_last()
    {
        var html = Render(new DsfrBadgeTagHelper { Tone = BadgeTone.PurpleGlycine, Small = true, Element = "span", Class = "fr-ml-1w" }, "dsfr-badge", "Prioritaire");
        Assert.Equal("<span class=\"fr-badge fr-badge--sm fr-badge--purple-glycine fr-ml-1w\">Prioritaire</span>", html);
    }

    [Fact]
    public void A_neutral_badge_has_no_tone_modifier()
    {
        Assert.Equal("<p class=\"fr-badge\">Inactif</p>", Render(new DsfrBadgeTagHelper(), "dsfr-badge", "Inactif"));
    }

    [Fact]
    public void The_phase_badge_renders_through_the_same_builder()
    {
        var html = Render(new PhaseBadgeTagHelper { Phase = Phase.Mvp, Prefixed = true }, "phase-badge", string.Empty);
        Assert.Equal($"<p class=\"{DsfrBadge.Css(BadgeTone.BlueEcume, small: true)}\">Phase : {Phase.Mvp.Label()}</p>", html);
        Assert.Contains("fr-badge fr-badge--sm fr-badge--blue-ecume", html);
    }
}
