using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Cap.Web.Shared.TagHelpers;

/// <summary>
/// One DSFR form field (label, hint, control, error message tied by aria-describedby), bound to a
/// model property so that what was typed is kept when the form is shown again:
/// <c>&lt;dsfr-field for="Input.Name" label="Nom" hint="…" required="true" /&gt;</c>.
/// Kinds: text (default), textarea, select, url, email, number, date, checkbox, password (never shows a value).
/// <para>A handler's parameter rather than a bound property: <c>name</c> (posted name), <c>error-key</c> (the model-state
/// key of its error, and its id) and <c>value</c>; what was posted under that name is shown again.</para>
/// Inside a <c>&lt;dsfr-fieldset&gt;</c> the field is in its <c>fr-fieldset__element</c> (<c>element-class</c>: its width…).
/// </summary>
[HtmlTargetElement("dsfr-field", TagStructure = TagStructure.WithoutEndTag)]
public sealed class DsfrFieldTagHelper(IHtmlGenerator generator, IModelMetadataProvider metadata) : TagHelper
{
    [HtmlAttributeName("for")]
    public ModelExpression? For { get; set; }

    /// <summary>The posted name when there is no <c>for</c>.</summary>
    public string? Name { get; set; }
    /// <summary>The model-state key of the field's error when there is no <c>for</c> (defaults to <see cref="Name"/>); the field's id.</summary>
    public string? ErrorKey { get; set; }
    /// <summary>The value shown when there is no <c>for</c> and nothing was posted under <see cref="Name"/>.</summary>
    public string? Value { get; set; }
    /// <summary>Extra classes of the field's <c>fr-fieldset__element</c> inside a <c>&lt;dsfr-fieldset&gt;</c>.</summary>
    public string? ElementClass { get; set; }

    public string Label { get; set; } = string.Empty;
    public string? Hint { get; set; }
    public string Kind { get; set; } = "text";
    public bool Required { get; set; }
    public int Rows { get; set; } = 4;
    public IEnumerable<SelectListItem>? Items { get; set; }
    /// <summary>First, empty option of a select.</summary>
    public string? Placeholder { get; set; }
    public string? Autocomplete { get; set; }
    public bool Disabled { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        // Inside a partial rendered with for="…", names carry the partial's prefix. The generator adds that prefix
        // itself, so it is given the expression (For.Name); the full name is for the id and the model state only.
        var expression = For?.Name ?? Name ?? throw new InvalidOperationException("<dsfr-field> needs for or name.");
        var explorer = For?.ModelExplorer ?? metadata.GetModelExplorerForType(typeof(string), Posted(Name!) ?? Value);
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(expression);
        var key = For is null ? ErrorKey ?? name : name;
        var id = TagBuilder.CreateSanitizedId(key, "_");
        var messagesId = $"{id}-messages";
        var hintId = $"{id}-hint";
        var error = DsfrMessages.ErrorOf(ViewContext, key);
        var isSelect = Kind == "select";
        var isCheckbox = Kind == "checkbox";
        var group = isSelect ? "fr-select-group" : isCheckbox ? "fr-checkbox-group" : "fr-input-group";
        var control = isSelect ? "fr-select" : "fr-input";

        var attributes = new Dictionary<string, object?>
        {
            ["id"] = id,
            ["aria-describedby"] = Hint is null ? messagesId : $"{hintId} {messagesId}",
        };
        if (!isCheckbox)
        {
            attributes["class"] = error is null ? control : $"{control} {control}--error";
        }
        if (Required)
        {
            attributes["aria-required"] = "true";
        }
        if (error is not null)
        {
            attributes["aria-invalid"] = "true";
        }
        if (Autocomplete is not null)
        {
            attributes["autocomplete"] = Autocomplete;
        }
        if (Disabled)
        {
            attributes["disabled"] = "disabled";
        }

        TagBuilder field = Kind switch
        {
            "textarea" => generator.GenerateTextArea(ViewContext, explorer, expression, Rows, 0, attributes),
            "select" => generator.GenerateSelect(ViewContext, explorer, Placeholder, expression, Items ?? [], false, attributes),
            "checkbox" => generator.GenerateCheckBox(ViewContext, explorer, expression, null, attributes),
            // A secret is never written back into the page, even after a refused post.
            "password" => generator.GeneratePassword(ViewContext, explorer, expression, null, attributes),
            _ => generator.GenerateTextBox(ViewContext, explorer, expression, explorer.Model, Kind == "date" ? "{0:yyyy-MM-dd}" : null, attributes),
        };
        if (Kind is "url" or "email" or "number" or "date")
        {
            field.MergeAttribute("type", Kind, replaceExisting: true);
        }
        if (Kind == "textarea")
        {
            field.Attributes.Remove("cols");
        }

        var label = new TagBuilder("label");
        label.AddCssClass("fr-label");
        label.Attributes["for"] = id;
        label.InnerHtml.Append(Label);
        if (Required)
        {
            label.InnerHtml.AppendHtml("<span aria-hidden=\"true\"> *</span>");
        }
        if (Hint is not null)
        {
            var hint = new TagBuilder("span");
            hint.AddCssClass("fr-hint-text");
            hint.Attributes["id"] = hintId;
            hint.InnerHtml.Append(Hint);
            label.InnerHtml.AppendHtml(hint);
        }

        var messages = DsfrMessages.Group(messagesId, error);

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", error is null ? group : $"{group} {group}--error");
        if (isCheckbox)
        {
            output.Content.AppendHtml(field);
            output.Content.AppendHtml(label);
            // An unchecked box posts nothing: the hidden "false" makes it bind to false.
            output.Content.AppendHtml(generator.GenerateHiddenForCheckbox(ViewContext, explorer, expression));
        }
        else
        {
            output.Content.AppendHtml(label);
            output.Content.AppendHtml(field);
        }
        output.Content.AppendHtml(messages);
        DsfrFieldsetTagHelper.WrapInElement(context, output, ElementClass);
    }

    /// <summary>What was posted under <paramref name="name"/>, to show it again with the refusal.</summary>
    private string? Posted(string name)
    {
        var request = ViewContext.HttpContext?.Request;
        return request is { HasFormContentType: true } && request.Form.TryGetValue(name, out var posted) ? posted.ToString() : null;
    }
}
