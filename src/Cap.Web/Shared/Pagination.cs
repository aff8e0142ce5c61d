namespace Cap.Web.Shared;

/// <summary>Model of the DSFR pagination partial (<c>_Pagination</c>): the current page, the page count and how to link to a page.</summary>
public sealed record Pagination(int Page, int PageCount, Func<int, string> UrlFor, string Label = "Pagination")
{
    /// <summary>The page numbers to show: first, last and two around the current one.</summary>
    public IEnumerable<int?> Window()
    {
        var pages = new SortedSet<int> { 1, PageCount };
        for (var p = Page - 2; p <= Page + 2; p++)
        {
            if (p >= 1 && p <= PageCount)
            {
                pages.Add(p);
            }
        }
        int? previous = null;
        foreach (var p in pages)
        {
            if (previous is { } prev && p - prev > 1)
            {
                yield return null;
            }
            yield return p;
            previous = p;
        }
    }
}

/// <summary>One step of the breadcrumb. The layout renders <c>ViewData["Breadcrumb"]</c> when a page sets it.</summary>
public sealed record Crumb(string Label, string? Url);
