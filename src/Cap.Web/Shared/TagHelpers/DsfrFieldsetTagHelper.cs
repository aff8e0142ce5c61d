using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Cap.Web.Shared.TagHelpers;

/// <summary>
/// A DSFR fieldset grouping fields under a legend, as the DSFR documents it: <c>fr-fieldset</c>, a
/// <c>fr-fieldset__legend</c> (with an optional hint), each child in its <c>fr-fieldset__element</c>, and the group's
/// message group, which the fieldset's <c>aria-labelledby</c> names with the legend; in error (the model-state entry of
/// <c>error-key</c>) the fieldset takes <c>fr-fieldset--error</c> and <c>role="group"</c>.
/// <code>&lt;dsfr-fieldset id="identite" legend="Identité" legend-class="fr-h5"&gt;&lt;dsfr-field … /&gt;&lt;/dsfr-fieldset&gt;</code>
/// A <c>&lt;dsfr-field&gt;</c> inside wraps itself in its element (<c>element-class</c> for its width); any other
/// content goes in a <c>&lt;dsfr-fieldset-element&gt;</c>. Ids: the fieldset's (given, or the error key's), then
/// <c>{id}-legend</c>, <c>{id}-hint</c>, <c>{id}-messages</c>, <c>{id}-message-error</c>.
/// </summary>
[HtmlTargetElement("dsfr-fieldset")]
public sealed class DsfrFieldsetTagHelper : DsfrLegendTagHelper
{
    /// <summary>The fieldset's id (defaults to the error key's).</summary>
    public string? Id { get; set; }

    /// <summary>The model-state key of an error on the group as a whole.</summary>
    public string? ErrorKey { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var id = Id ?? (ErrorKey is null ? throw new InvalidOperationException("<dsfr-fieldset> needs an id or an error-key.")
            : TagBuilder.CreateSanitizedId(ErrorKey, "_"));
        var error = ErrorKey is null ? null : DsfrMessages.ErrorOf(ViewContext, ErrorKey);
        context.Items[typeof(DsfrFieldsetTagHelper)] = id;
        var content = await output.GetChildContentAsync();

        output.TagName = "fieldset";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", Classes("fr-fieldset", error is null ? null : "fr-fieldset--error", Class));
        output.Attributes.SetAttribute("id", id);
        output.Attributes.SetAttribute("aria-labelledby", $"{id}-legend {id}-messages");
        if (error is not null)
        {
            output.Attributes.SetAttribute("role", "group");
        }
        output.Content.AppendHtml(DsfrMessages.Legend(id, Legend, Hint, Regular, LegendClass));
        output.Content.AppendHtml(content);
        output.Content.AppendHtml(DsfrMessages.Group($"{id}-messages", error, $"{id}-message-error"));
    }

    internal static string Classes(params string?[] classes) =>
        string.Join(' ', classes.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c!.Trim()));

    /// <summary>Wraps a child's markup in its <c>fr-fieldset__element</c> when it is inside a <c>&lt;dsfr-fieldset&gt;</c>.</summary>
    internal static void WrapInElement(TagHelperContext context, TagHelperOutput output, string? elementClass)
    {
        if (!context.Items.ContainsKey(typeof(DsfrFieldsetTagHelper)))
        {
            return;
        }
        output.PreElement.AppendHtml($"<div class=\"{Classes("fr-fieldset__element", elementClass)}\">");
        output.PostElement.AppendHtml("</div>");
    }
}

/// <summary>What a DSFR fieldset with a legend takes: <c>&lt;dsfr-fieldset&gt;</c> and <c>&lt;dsfr-choices&gt;</c>.</summary>
public abstract class DsfrLegendTagHelper : TagHelper
{
    public string Legend { get; set; } = string.Empty;
    public string? Hint { get; set; }
    /// <summary>The legend in regular weight, for a question among other fields (DSFR's choice legend).</summary>
    public bool Regular { get; set; }
    /// <summary>Extra classes of the legend (a heading size, <c>fr-sr-only</c>…).</summary>
    public string? LegendClass { get; set; }
    /// <summary>Extra classes of the fieldset.</summary>
    [HtmlAttributeName("class")]
    public string? Class { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;
}

/// <summary>
/// Content of a <c>&lt;dsfr-fieldset&gt;</c> that is not a <c>&lt;dsfr-field&gt;</c> (buttons, a note, a control of
/// its own), in its <c>fr-fieldset__element</c>: <c>&lt;dsfr-fieldset-element class="fr-col-md-6"&gt;…&lt;/dsfr-fieldset-element&gt;</c>.
/// </summary>
[HtmlTargetElement("dsfr-fieldset-element", ParentTag = "dsfr-fieldset")]
public sealed class DsfrFieldsetElementTagHelper : TagHelper
{
    /// <summary>Extra classes of the element (its width, <c>fr-fieldset__element--inline</c>…).</summary>
    [HtmlAttributeName("class")]
    public string? Class { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        // A <dsfr-field> in here is already in this element.
        context.Items.Remove(typeof(DsfrFieldsetTagHelper));
        output.Content.SetHtmlContent(await output.GetChildContentAsync());
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", DsfrFieldsetTagHelper.Classes("fr-fieldset__element", Class));
    }
}
