using Cap.Web.Shared.TagHelpers;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Cap.Web.Tests.Shared;

/// <summary>The DSFR patterns written once: &lt;dsfr-choices&gt;, &lt;dsfr-fieldset&gt;, &lt;dsfr-callout&gt;, &lt;dsfr-table&gt; render the markup of the pinned DSFR.</summary>
public sealed class DsfrMarkupTagHelperTests
{
    private static async Task<string> RenderAsync(TagHelper helper, string tag, string content, Action<TagHelperContext>? children = null)
    {
        var context = new TagHelperContext(tag, [], new Dictionary<object, object>(), "id");
        var output = new TagHelperOutput(tag, [], (_, _) =>
        {
            // Child tag helpers run while the parent reads its content, as in Razor.
            children?.Invoke(context);
            var inner = new DefaultTagHelperContent();
            inner.SetHtmlContent(content);
            return Task.FromResult<TagHelperContent>(inner);
        });
        await helper.ProcessAsync(context, output);
        using var writer = new StringWriter();
        output.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return writer.ToString();
    }

    private static ViewContext WithoutError() =>
        new() { ViewData = new ViewDataDictionary(new EmptyModelMetadataProvider(), new ModelStateDictionary()) };

    private static ViewContext WithError(string key, string message)
    {
        var viewData = new ViewDataDictionary(new EmptyModelMetadataProvider(), new ModelStateDictionary());
        viewData.ModelState.AddModelError(key, message);
        return new ViewContext { ViewData = viewData };
    }

    private static AngleSharp.Dom.IElement Parse(string html) =>
        new AngleSharp.Html.Parser.HtmlParser().ParseDocument($"<form>{html}</form>").QuerySelector("fieldset")!;

    [Theory]
    [InlineData("Go", Cap.Domain.Committee.DecisionOutcome.Go)]
    [InlineData("GoAvecConditions", Cap.Domain.Committee.DecisionOutcome.GoAvecConditions)]
    [InlineData("2", null)]
    [InlineData("-1", null)]
    [InlineData("9", null)]
    [InlineData("Inconnu", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void An_enumeration_option_is_read_back_by_its_name_only(string? posted, Cap.Domain.Committee.DecisionOutcome? expected) =>
        Assert.Equal(expected, DsfrChoice.Parse<Cap.Domain.Committee.DecisionOutcome>(posted));

    [Fact]
    public async Task A_radio_group_in_error_is_a_DSFR_fieldset_whose_error_is_read_with_its_legend()
    {
        var helper = new DsfrChoicesTagHelper
        {
            Name = "rating", ErrorKey = "rate-Rating", Legend = "Utile ?", Inline = true,
            Items = [new("1", "1"), new("2", "2", Hint: "moyen")],
            ViewContext = WithError("rate-Rating", "Choisissez une note."),
        };
        var fieldset = Parse(await RenderAsync(helper, "dsfr-choices", string.Empty));
        Assert.Equal("fr-fieldset fr-fieldset--error", fieldset.ClassName);
        Assert.Equal("rate-Rating", fieldset.Id);
        Assert.Equal("group", fieldset.GetAttribute("role"));
        Assert.Equal("rate-Rating-legend rate-Rating-messages", fieldset.GetAttribute("aria-labelledby"));
        var legend = fieldset.QuerySelector("legend#rate-Rating-legend")!;
        Assert.Equal("fr-fieldset__legend fr-fieldset__legend--regular", legend.ClassName);
        Assert.Equal("Utile ?", legend.TextContent);
        var radios = fieldset.QuerySelectorAll(".fr-fieldset__element.fr-fieldset__element--inline > .fr-radio-group > input[type=radio][name=rating]");
        Assert.Equal(["rate-Rating-1", "rate-Rating-2"], radios.Select(r => r.Id));
        Assert.All(radios, r => Assert.False(r.HasAttribute("checked")));
        Assert.Equal("2moyen", fieldset.QuerySelector("label.fr-label[for='rate-Rating-2']")!.TextContent);
        Assert.Equal("moyen", fieldset.QuerySelector("label[for='rate-Rating-2'] > .fr-hint-text")!.TextContent);
        var error = fieldset.QuerySelector(".fr-messages-group#rate-Rating-messages[aria-live=polite] > p.fr-message.fr-message--error#rate-Rating-message-error")!;
        Assert.Equal("Choisissez une note.", error.TextContent);
        Assert.Same(fieldset.LastElementChild, error.ParentElement);
    }

    [Fact]
    public async Task A_checkbox_group_without_error_keeps_an_empty_message_group_and_its_checked_options()
    {
        var helper = new DsfrChoicesTagHelper
        {
            Name = "coachIds", Kind = "checkbox", Legend = "Coachs", Regular = false,
            Items = [new(7, "Anne", null, true), new(8, "Paul")],
            ViewContext = WithoutError(),
        };
        var fieldset = Parse(await RenderAsync(helper, "dsfr-choices", "<p class=\"fr-fieldset__element\">note</p>"));
        Assert.Equal("fr-fieldset", fieldset.ClassName);
        Assert.False(fieldset.HasAttribute("role"));
        Assert.Equal("coachIds-legend coachIds-messages", fieldset.GetAttribute("aria-labelledby"));
        Assert.Equal("fr-fieldset__legend", fieldset.QuerySelector("legend")!.ClassName);
        var boxes = fieldset.QuerySelectorAll(".fr-fieldset__element > .fr-checkbox-group > input[type=checkbox][name=coachIds]");
        Assert.Equal(["coachIds-7", "coachIds-8"], boxes.Select(b => b.Id));
        Assert.Equal([true, false], boxes.Select(b => b.HasAttribute("checked")));
        Assert.Equal("note", fieldset.QuerySelector("p.fr-fieldset__element")!.TextContent);
        var messages = fieldset.QuerySelector(".fr-messages-group#coachIds-messages")!;
        Assert.Empty(messages.Children);
        Assert.Same(fieldset.LastElementChild, messages);
    }

    [Fact]
    public async Task A_checkbox_alone_is_a_DSFR_single_checkbox_without_a_fieldset()
    {
        var helper = new DsfrChoicesTagHelper
        {
            Name = "masques", Kind = "checkbox", Class = "fr-mt-2w",
            Items = [new("true", "Afficher aussi les masqués", Checked: true, HiddenSuffix: " : verbatims")],
            ViewContext = WithoutError(),
        };
        var html = await RenderAsync(helper, "dsfr-choices", string.Empty);
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument($"<form>{html}</form>");
        Assert.Null(document.QuerySelector("fieldset"));
        var group = document.QuerySelector("form > div.fr-checkbox-group.fr-mt-2w")!;
        var box = group.QuerySelector("input#masques[type=checkbox][name=masques][value=true][aria-describedby=masques-messages]")!;
        Assert.True(box.HasAttribute("checked"));
        Assert.Equal("Afficher aussi les masqués : verbatims", group.QuerySelector("label.fr-label[for=masques]")!.TextContent);
        Assert.Equal(" : verbatims", group.QuerySelector("label > span.fr-sr-only")!.TextContent);
        Assert.NotNull(group.QuerySelector(".fr-messages-group#masques-messages[aria-live=polite]"));
    }

    [Fact]
    public async Task A_rich_radio_carries_its_decorative_pictogram()
    {
        var helper = new DsfrChoicesTagHelper
        {
            Name = "fr-radios-theme", Legend = "Thème",
            Items = [new("light", "Thème clair", Pictogram: "environment/sun")],
            ViewContext = WithoutError(),
        };
        var fieldset = Parse(await RenderAsync(helper, "dsfr-choices", string.Empty));
        var group = fieldset.QuerySelector(".fr-fieldset__element > .fr-radio-group.fr-radio-rich")!;
        Assert.Equal("fr-radios-theme-light", group.QuerySelector("input[type=radio][name=fr-radios-theme]")!.Id);
        var svg = group.QuerySelector(".fr-radio-rich__img > svg.fr-artwork[aria-hidden=true]")!;
        Assert.Equal("/lib/dsfr/artwork/pictograms/environment/sun.svg#artwork-major", svg.QuerySelector("use.fr-artwork-major")!.GetAttribute("href"));
    }

    [Fact]
    public async Task A_fieldset_has_its_legend_hint_and_message_group_and_wraps_its_fields_in_elements()
    {
        var helper = new DsfrFieldsetTagHelper
        {
            ErrorKey = "Input.Outcomes", Legend = "Initiatives", Hint = "Toutes", Regular = true, LegendClass = "fr-h5",
            ViewContext = WithError("Input.Outcomes", "Choisissez un résultat."),
        };
        var fieldset = Parse(await RenderAsync(helper, "dsfr-fieldset", "<div class=\"fr-fieldset__element\">champ</div>", context =>
            Assert.True(context.Items.ContainsKey(typeof(DsfrFieldsetTagHelper)))));
        Assert.Equal("fr-fieldset fr-fieldset--error", fieldset.ClassName);
        Assert.Equal("Input_Outcomes", fieldset.Id);
        Assert.Equal("group", fieldset.GetAttribute("role"));
        Assert.Equal("Input_Outcomes-legend Input_Outcomes-messages", fieldset.GetAttribute("aria-labelledby"));
        var legend = fieldset.QuerySelector("legend#Input_Outcomes-legend")!;
        Assert.Equal("fr-fieldset__legend fr-fieldset__legend--regular fr-h5", legend.ClassName);
        Assert.Equal("Toutes", legend.QuerySelector("span.fr-hint-text#Input_Outcomes-hint")!.TextContent);
        Assert.Equal("Choisissez un résultat.", fieldset.QuerySelector(".fr-messages-group#Input_Outcomes-messages > p.fr-message--error#Input_Outcomes-message-error")!.TextContent);
        Assert.Same(fieldset.LastElementChild, fieldset.QuerySelector(".fr-messages-group"));

        var plain = new DsfrFieldsetTagHelper
        {
            Id = "identite", Legend = "Identité",
            ViewContext = WithoutError(),
        };
        var quiet = Parse(await RenderAsync(plain, "dsfr-fieldset", string.Empty));
        Assert.Equal("fr-fieldset", quiet.ClassName);
        Assert.False(quiet.HasAttribute("role"));
        Assert.Empty(quiet.QuerySelector(".fr-messages-group#identite-messages")!.Children);
    }

    [Fact]
    public async Task A_callout_has_its_title_at_the_given_level_its_text_and_its_button()
    {
        var helper = new DsfrCalloutTagHelper { Title = "Iteration 3 en cours", Heading = "h2", Button = "Ouvrir", ButtonHref = "/x", Class = "fr-mb-3w" };
        var html = await RenderAsync(helper, "dsfr-callout", "Du 1 au 14");
        Assert.Equal("<div class=\"fr-callout fr-mb-3w\"><h2 class=\"fr-callout__title\">Iteration 3 en cours</h2><p class=\"fr-callout__text\">Du 1 au 14</p><a class=\"fr-btn fr-btn--secondary\" href=\"/x\">Ouvrir</a></div>", html);
    }

    [Fact]
    public async Task A_callout_takes_an_accent_an_icon_and_actions_after_its_text()
    {
        var helper = new DsfrCalloutTagHelper { Accent = "orange-terre-battue", Icon = "time-line" };
        var html = await RenderAsync(helper, "dsfr-callout", "Texte", context =>
            ((DsfrCalloutParts)context.Items[typeof(DsfrCalloutParts)]).Actions = new HtmlString("<ul class=\"fr-btns-group\"></ul>"));
        Assert.Equal("<div class=\"fr-callout fr-callout--orange-terre-battue fr-icon-time-line\"><p class=\"fr-callout__text\">Texte</p><ul class=\"fr-btns-group\"></ul></div>", html);
    }

    [Fact]
    public async Task A_table_has_the_wrapper_of_DSFR_1_12_and_later_and_its_caption()
    {
        var html = await RenderAsync(new DsfrTableTagHelper { Caption = "Iterations", HideCaption = true, Class = "cap-iterations" }, "dsfr-table", "<tbody></tbody>");
        Assert.Equal("<div class=\"fr-table fr-table--no-caption cap-iterations\"><div class=\"fr-table__wrapper\"><div class=\"fr-table__container\" tabindex=\"0\"><div class=\"fr-table__content\"><table><caption>Iterations</caption><tbody></tbody></table></div></div></div></div>", html);
    }
}
