using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Cap.Web.Shared.TagHelpers;

/// <summary>
/// What the DSFR form tag helpers share: the error of a model-state key, the messages group under a field or a fieldset
/// (announced politely, holding the error when there is one), and a fieldset's legend.
/// </summary>
public static class DsfrMessages
{
    /// <summary>The first error of a model-state key, when it is invalid.</summary>
    public static string? ErrorOf(ViewContext viewContext, string key) =>
        viewContext.ViewData.ModelState.TryGetValue(key, out var entry) && entry.ValidationState == ModelValidationState.Invalid
            ? entry.Errors.FirstOrDefault()?.ErrorMessage : null;

    /// <summary>
    /// A fieldset's <c>legend</c> (<c>{id}-legend</c>), with its hint (<c>{id}-hint</c>) as text or markup; regular
    /// weight for a question among other fields.
    /// </summary>
    public static TagBuilder Legend(string id, string text, string? hint, bool regular, string? legendClass,
        bool required = false, IHtmlContent? hintContent = null)
    {
        var legend = new TagBuilder("legend");
        legend.Attributes["id"] = $"{id}-legend";
        legend.AddCssClass("fr-fieldset__legend");
        if (regular) legend.AddCssClass("fr-fieldset__legend--regular");
        if (!string.IsNullOrWhiteSpace(legendClass)) legend.AddCssClass(legendClass.Trim());
        legend.InnerHtml.Append(text);
        if (required)
        {
            legend.InnerHtml.AppendHtml("<span aria-hidden=\"true\"> *</span>");
        }
        if (hint is not null || hintContent is not null)
        {
            var span = new TagBuilder("span");
            span.AddCssClass("fr-hint-text");
            span.Attributes["id"] = $"{id}-hint";
            if (hintContent is not null) span.InnerHtml.AppendHtml(hintContent);
            else span.InnerHtml.Append(hint!);
            legend.InnerHtml.AppendHtml(span);
        }
        return legend;
    }

    /// <param name="id">The group's id, which the field's or fieldset's ARIA attributes point to.</param>
    /// <param name="errorId">The error paragraph's own id, when a fieldset's legend refers to it.</param>
    public static TagBuilder Group(string id, string? error, string? errorId = null)
    {
        var messages = new TagBuilder("div");
        messages.AddCssClass("fr-messages-group");
        messages.Attributes["id"] = id;
        messages.Attributes["aria-live"] = "polite";
        if (error is not null)
        {
            var p = new TagBuilder("p");
            p.AddCssClass("fr-message fr-message--error");
            if (errorId is not null)
            {
                p.Attributes["id"] = errorId;
            }
            p.InnerHtml.Append(error);
            messages.InnerHtml.AppendHtml(p);
        }
        return messages;
    }
}
