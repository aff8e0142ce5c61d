namespace Cap.Web.Shared;

/// <summary>
/// The seam through which satisfaction figures that do not come from Cap's own form (a connector's daily figures) move
/// the product's « Satisfaction usagers » indicator: Indicators implements it, a connector calls it after it wrote days.
/// </summary>
public interface ISatisfactionIndicatorFeed
{
    /// <summary>Rewrites the product's monthly satisfaction measurements from the month of <paramref name="since"/> (creating the indicator with the whole history if needed).</summary>
    Task RefreshAsync(int productId, DateOnly since, CancellationToken ct);
}
