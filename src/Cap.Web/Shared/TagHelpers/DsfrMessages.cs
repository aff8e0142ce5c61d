using Microsoft.AspNetCore.Mvc.Rendering;

namespace Cap.Web.Shared.TagHelpers;

/// <summary>The DSFR messages group under a field or a fieldset: announced politely, holding the error when there is one.</summary>
public static class DsfrMessages
{
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
