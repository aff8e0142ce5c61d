using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Cap.Web.Shared.TagHelpers;

/// <summary>
/// A DSFR callout (mise en avant): an optional title at the level the page's outline needs, the text, an optional button.
/// <code>&lt;dsfr-callout title="Itération 3 en cours" heading="h3" button="Ouvrir l’itération 3" button-href="…"&gt;Du … au …&lt;/dsfr-callout&gt;</code>
/// The content is the text (one <c>fr-callout__text</c> paragraph). A title with markup goes in a
/// <c>&lt;dsfr-callout-title&gt;</c> child; what follows the text (a group of buttons, a note) in a <c>&lt;dsfr-callout-actions&gt;</c> child.
/// </summary>
[HtmlTargetElement("dsfr-callout")]
public sealed class DsfrCalloutTagHelper : TagHelper
{
    public string? Title { get; set; }
    /// <summary>The title's element: <c>h2</c>…<c>h6</c> as the page's outline requires, or <c>p</c> when it is no heading.</summary>
    public string Heading { get; set; } = "h3";
    /// <summary>Extra classes of the title (a smaller heading size…).</summary>
    public string? TitleClass { get; set; }
    /// <summary>Extra classes of the text paragraph.</summary>
    public string? TextClass { get; set; }
    /// <summary>A DSFR accent (<c>orange-terre-battue</c>…), <c>fr-callout--{accent}</c>.</summary>
    public string? Accent { get; set; }
    /// <summary>A DSFR icon name (<c>time-line</c>…), <c>fr-icon-{icon}</c>.</summary>
    public string? Icon { get; set; }
    /// <summary>The label of the optional button, a link to <see cref="ButtonHref"/>.</summary>
    public string? Button { get; set; }
    public string? ButtonHref { get; set; }
    /// <summary>Extra classes of the callout (spacing…).</summary>
    [HtmlAttributeName("class")]
    public string? Class { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var parts = new DsfrCalloutParts();
        context.Items[typeof(DsfrCalloutParts)] = parts;
        var text = await output.GetChildContentAsync();

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        var css = "fr-callout";
        if (!string.IsNullOrWhiteSpace(Accent)) css += $" fr-callout--{Accent.Trim()}";
        if (!string.IsNullOrWhiteSpace(Icon)) css += $" fr-icon-{Icon.Trim()}";
        if (!string.IsNullOrWhiteSpace(Class)) css += " " + Class.Trim();
        output.Attributes.SetAttribute("class", css);

        if (Title is not null || parts.Title is not null)
        {
            var title = new TagBuilder(Heading is "h2" or "h3" or "h4" or "h5" or "h6" ? Heading : "p");
            title.AddCssClass(string.IsNullOrWhiteSpace(TitleClass) ? "fr-callout__title" : $"fr-callout__title {TitleClass.Trim()}");
            if (parts.Title is not null) title.InnerHtml.AppendHtml(parts.Title);
            else title.InnerHtml.Append(Title!);
            output.Content.AppendHtml(title);
        }

        var paragraph = new TagBuilder("p");
        paragraph.AddCssClass(string.IsNullOrWhiteSpace(TextClass) ? "fr-callout__text" : $"fr-callout__text {TextClass.Trim()}");
        paragraph.InnerHtml.AppendHtml(text);
        output.Content.AppendHtml(paragraph);

        if (Button is not null && ButtonHref is not null)
        {
            var button = new TagBuilder("a");
            button.AddCssClass("fr-btn fr-btn--secondary");
            button.Attributes["href"] = ButtonHref;
            button.InnerHtml.Append(Button);
            output.Content.AppendHtml(button);
        }
        if (parts.Actions is not null)
        {
            output.Content.AppendHtml(parts.Actions);
        }
    }
}

/// <summary>What the children of a <c>&lt;dsfr-callout&gt;</c> hand to it.</summary>
internal sealed class DsfrCalloutParts
{
    public IHtmlContent? Title { get; set; }
    public IHtmlContent? Actions { get; set; }
}

/// <summary>The title of a <c>&lt;dsfr-callout&gt;</c> when it carries markup (a badge…).</summary>
[HtmlTargetElement("dsfr-callout-title", ParentTag = "dsfr-callout")]
public sealed class DsfrCalloutTitleTagHelper : TagHelper
{
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ((DsfrCalloutParts)context.Items[typeof(DsfrCalloutParts)]).Title = await output.GetChildContentAsync();
        output.SuppressOutput();
    }
}

/// <summary>What follows a <c>&lt;dsfr-callout&gt;</c>'s text: a group of buttons, a button with behaviour, a note.</summary>
[HtmlTargetElement("dsfr-callout-actions", ParentTag = "dsfr-callout")]
public sealed class DsfrCalloutActionsTagHelper : TagHelper
{
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ((DsfrCalloutParts)context.Items[typeof(DsfrCalloutParts)]).Actions = await output.GetChildContentAsync();
        output.SuppressOutput();
    }
}
