using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Cap.Web.Tests.Infrastructure;

/// <summary>Reads HTML answers as a browser shows them (entities decoded).</summary>
public static class Html
{
    public static async Task<IDocument> ParseAsync(HttpResponseMessage response) =>
        await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    /// <summary>The visible text of the page's main content (or the whole body), whitespace collapsed.</summary>
    public static string Text(IDocument document) =>
        string.Join(' ', ((document.QuerySelector("main") ?? document.Body)?.TextContent ?? string.Empty)
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
