namespace Cap.Web.Shared;

/// <summary>One dated event of a product's timeline (phase change, gate request, committee decision, ...).</summary>
/// <param name="Category">A short French label shown as a tag (« Phase », « Comité produit », ...).</param>
/// <param name="Url">A page with the details, when there is one.</param>
public sealed record TimelineEvent(DateTimeOffset At, string Category, string Title, string? Detail = null, string? Url = null);

/// <summary>
/// A capability that contributes events to the product timeline of the « Cycle de vie » tab (a seam, like <see cref="ProductTab"/>).
/// Register implementations with <c>services.AddScoped&lt;ITimelineSource, ...&gt;()</c>; the tab merges them by date.
/// </summary>
public interface ITimelineSource
{
    Task<IReadOnlyList<TimelineEvent>> EventsAsync(int productId, string productSlug, CancellationToken ct);
}
