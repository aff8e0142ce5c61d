using System.Collections;
using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Cap.Web.Shared.TagHelpers;

/// <summary>
/// One option of a <c>&lt;dsfr-choices&gt;</c> group: the posted value, the label, an optional hint under it; words read
/// only by screen readers after the label (which row it is about); a DSFR pictogram (<c>environment/sun</c>) for a rich radio.
/// </summary>
public sealed record DsfrChoice(string Value, string Label, string? Hint = null, bool Checked = false,
    string? HiddenSuffix = null, string? Pictogram = null)
{
    /// <summary>An option posted as a number (a row's id).</summary>
    public DsfrChoice(long value, string label, string? hint = null, bool @checked = false)
        : this(value.ToString(CultureInfo.InvariantCulture), label, hint, @checked)
    {
    }

    /// <summary>The options of an enumeration, posted by name.</summary>
    public static IReadOnlyList<DsfrChoice> Of<TEnum>(Func<TEnum, string> label) where TEnum : struct, Enum =>
        [.. Enum.GetValues<TEnum>().Select(v => new DsfrChoice(v.ToString(), label(v)))];

    /// <summary>
    /// The option of an enumeration a form posted by name (<see cref="Of{TEnum}"/>), or null when the posted value is none
    /// of them: empty, unknown, or a number (which <see cref="Enum.TryParse{TEnum}(string?, out TEnum)"/> would accept).
    /// </summary>
    public static TEnum? Parse<TEnum>(string? posted) where TEnum : struct, Enum =>
        posted is { Length: > 0 } && !char.IsAsciiDigit(posted[0]) && posted[0] != '-' && Enum.TryParse<TEnum>(posted, out var value) && Enum.IsDefined(value)
            ? value : null;

    /// <summary>The options of a select list (text, value, selected).</summary>
    public static IReadOnlyList<DsfrChoice> From(IEnumerable<SelectListItem> items) =>
        [.. items.Select(i => new DsfrChoice(i.Value, i.Text, Checked: i.Selected))];
}

/// <summary>
/// A DSFR group of radio buttons or checkboxes, as the DSFR documents it: a <c>fieldset</c> whose <c>legend</c> names the
/// question, one <c>fr-fieldset__element</c> per option, and the error in the fieldset's message group, which the
/// fieldset's <c>aria-labelledby</c> names with the legend (so the error is read with the question); in error the
/// fieldset takes <c>fr-fieldset--error</c> and <c>role="group"</c>.
/// <code>&lt;dsfr-choices for="Input.Outcome" legend="Décision du comité" items="Model.Outcomes" /&gt;</code>
/// Bound with <c>for</c> (name, id, checked options and error come from the model), or unbound with <c>name</c> and
/// <c>error-key</c> (the model-state key of its error; the fieldset's id, which the error summary links to).
/// Option ids are <c>{fieldset id}-{value}</c>. Any content is written after the options, inside the fieldset (a note
/// when there is no option, a field tied to the question); a hint with markup goes in a <c>&lt;dsfr-choices-hint&gt;</c> child.
/// Options with a pictogram are DSFR's rich radios (<c>fr-radio-rich</c>).
/// <para>Without a legend, one checkbox alone (a filter's toggle): DSFR's single checkbox, <c>fr-checkbox-group</c> with
/// its message group and no fieldset; its id is the group's (<c>masques</c>), not <c>{id}-{value}</c>.</para>
/// </summary>
[HtmlTargetElement("dsfr-choices")]
public sealed class DsfrChoicesTagHelper : DsfrLegendTagHelper
{
    /// <summary>A choice's legend is in regular weight unless <c>regular="false"</c>.</summary>
    public DsfrChoicesTagHelper() => Regular = true;

    [HtmlAttributeName("for")]
    public ModelExpression? For { get; set; }

    /// <summary>The posted name when there is no <c>for</c>.</summary>
    public string? Name { get; set; }

    /// <summary>The model-state key of the group's error when there is no <c>for</c> (defaults to <see cref="Name"/>).</summary>
    public string? ErrorKey { get; set; }

    /// <summary><c>radio</c> (default) or <c>checkbox</c>.</summary>
    public string Kind { get; set; } = "radio";
    public IEnumerable<DsfrChoice> Items { get; set; } = [];
    /// <summary>Options side by side (<c>fr-fieldset__element--inline</c>).</summary>
    public bool Inline { get; set; }
    public bool Required { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var name = For is null ? Name ?? throw new InvalidOperationException("<dsfr-choices> needs for or name.")
            : ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        var key = For is null ? ErrorKey ?? name : name;
        var id = TagBuilder.CreateSanitizedId(key, "_");
        var messagesId = $"{id}-messages";
        var error = DsfrMessages.ErrorOf(ViewContext, key);
        var isCheckbox = Kind == "checkbox";
        var bound = For is null ? null : BoundValues(For.Model);
        bool IsChecked(DsfrChoice item) => item.Checked || (bound?.Contains(item.Value) ?? false);

        if (string.IsNullOrEmpty(Legend))
        {
            var single = Items.ToList() is [var only] && isCheckbox ? only
                : throw new InvalidOperationException("<dsfr-choices> without a legend is one checkbox alone.");
            output.TagName = "div";
            output.TagMode = TagMode.StartTagAndEndTag;
            output.Attributes.SetAttribute("class", DsfrFieldsetTagHelper.Classes("fr-checkbox-group", error is null ? null : "fr-checkbox-group--error", Class));
            var input = Input(single, id, name, IsChecked(single));
            input.Attributes["aria-describedby"] = messagesId;
            output.Content.AppendHtml(input);
            output.Content.AppendHtml(OptionLabel(single, id));
            output.Content.AppendHtml(DsfrMessages.Group(messagesId, error));
            return;
        }

        var slot = new DsfrChoicesHint();
        context.Items[typeof(DsfrChoicesHint)] = slot;
        var extra = await output.GetChildContentAsync();

        output.TagName = "fieldset";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", DsfrFieldsetTagHelper.Classes("fr-fieldset", error is null ? null : "fr-fieldset--error", Class));
        output.Attributes.SetAttribute("id", id);
        output.Attributes.SetAttribute("aria-labelledby", $"{id}-legend {messagesId}");
        if (error is not null)
        {
            output.Attributes.SetAttribute("role", "group");
        }
        output.Content.AppendHtml(DsfrMessages.Legend(id, Legend, Hint, Regular, LegendClass, Required, slot.Content));

        foreach (var item in Items)
        {
            var optionId = TagBuilder.CreateSanitizedId($"{id}-{item.Value}", "_");
            var input = Input(item, optionId, name, IsChecked(item));
            if (Required && !isCheckbox) input.Attributes["required"] = "required";

            var group = new TagBuilder("div");
            group.AddCssClass(isCheckbox ? "fr-checkbox-group" : "fr-radio-group");
            if (item.Pictogram is not null) group.AddCssClass("fr-radio-rich");
            group.InnerHtml.AppendHtml(input);
            group.InnerHtml.AppendHtml(OptionLabel(item, optionId));
            if (item.Pictogram is not null) group.InnerHtml.AppendHtml(Pictogram(item.Pictogram));
            var element = new TagBuilder("div");
            element.AddCssClass(Inline ? "fr-fieldset__element fr-fieldset__element--inline" : "fr-fieldset__element");
            element.InnerHtml.AppendHtml(group);
            output.Content.AppendHtml(element);
        }

        output.Content.AppendHtml(extra);
        output.Content.AppendHtml(DsfrMessages.Group(messagesId, error, $"{id}-message-error"));
    }

    private TagBuilder Input(DsfrChoice item, string id, string name, bool isChecked)
    {
        var input = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
        input.Attributes["type"] = Kind == "checkbox" ? "checkbox" : "radio";
        input.Attributes["id"] = id;
        input.Attributes["name"] = name;
        input.Attributes["value"] = item.Value;
        if (isChecked) input.Attributes["checked"] = "checked";
        return input;
    }

    private static TagBuilder OptionLabel(DsfrChoice item, string id)
    {
        var label = new TagBuilder("label");
        label.AddCssClass("fr-label");
        label.Attributes["for"] = id;
        label.InnerHtml.Append(item.Label);
        if (item.HiddenSuffix is not null)
        {
            var hidden = new TagBuilder("span");
            hidden.AddCssClass("fr-sr-only");
            hidden.InnerHtml.Append(item.HiddenSuffix);
            label.InnerHtml.AppendHtml(hidden);
        }
        if (item.Hint is not null)
        {
            var hint = new TagBuilder("span");
            hint.AddCssClass("fr-hint-text");
            hint.InnerHtml.Append(item.Hint);
            label.InnerHtml.AppendHtml(hint);
        }
        return label;
    }

    /// <summary>A rich radio's decorative pictogram, from the DSFR's artwork (<c>/lib/dsfr/artwork/pictograms/…</c>).</summary>
    private static TagBuilder Pictogram(string pictogram)
    {
        var svg = new TagBuilder("svg");
        svg.Attributes["aria-hidden"] = "true";
        svg.AddCssClass("fr-artwork");
        svg.Attributes["width"] = "80";
        svg.Attributes["height"] = "80";
        svg.Attributes["viewBox"] = "0 0 80 80";
        foreach (var part in new[] { "decorative", "minor", "major" })
        {
            svg.InnerHtml.AppendHtml($"<use class=\"fr-artwork-{part}\" href=\"/lib/dsfr/artwork/pictograms/{pictogram}.svg#artwork-{part}\"></use>");
        }
        var img = new TagBuilder("div");
        img.AddCssClass("fr-radio-rich__img");
        img.InnerHtml.AppendHtml(svg);
        return img;
    }

    /// <summary>The values the bound property holds, as posted strings (one for a radio group, several for checkboxes).</summary>
    private static HashSet<string> BoundValues(object? model) => model switch
    {
        null => [],
        string s => [s],
        IEnumerable many => [.. many.Cast<object?>().Where(v => v is not null).Select(v => Posted(v!))],
        _ => [Posted(model)],
    };

    private static string Posted(object value) => value switch
    {
        Enum e => e.ToString(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}

/// <summary>The legend's hint of a <c>&lt;dsfr-choices&gt;</c> when it carries markup (a link).</summary>
internal sealed class DsfrChoicesHint
{
    public Microsoft.AspNetCore.Html.IHtmlContent? Content { get; set; }
}

/// <summary>A hint with markup under a <c>&lt;dsfr-choices&gt;</c>'s legend.</summary>
[HtmlTargetElement("dsfr-choices-hint", ParentTag = "dsfr-choices")]
public sealed class DsfrChoicesHintTagHelper : TagHelper
{
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ((DsfrChoicesHint)context.Items[typeof(DsfrChoicesHint)]).Content = await output.GetChildContentAsync();
        output.SuppressOutput();
    }
}
