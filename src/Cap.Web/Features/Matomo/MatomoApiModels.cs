using Cap.Domain.Connectors;
using Cap.Domain.Steering;
using Cap.Web.Shared.Connectors;

namespace Cap.Web.Features.Matomo;

/// <summary>The Matomo connection as the API saves it.</summary>
/// <param name="BaseUrl">The Matomo instance's address (https; http only for localhost), without /index.php.</param>
/// <param name="SiteId">Matomo's site id (idSite).</param>
/// <param name="Token">The token_auth created in Matomo: required the first time; left out (or empty), the saved token is kept; given, it replaces it (rotation). Never returned.</param>
/// <param name="Version">The version read (0 when the product had no connection): a different stored version answers 409.</param>
public sealed record MatomoConnectionRequest(string? BaseUrl, int? SiteId, string? Token, int? Version);

/// <summary>A Matomo figure to feed one of the product's indicators.</summary>
/// <param name="Metric">unique-visitors (Matomo's nb_uniq_visitors), visits (nb_visits), bounce-rate (bounce_rate), average-time-on-site (avg_time_on_site) or goal-conversions (Goals.get nb_conversions, with goalId).</param>
/// <param name="GoalId">The goal's id in Matomo (idGoal), for nb_conversions only.</param>
/// <param name="IndicatorId">The product's indicator it feeds, in a unit that fits (a number for counts, % for the bounce rate, seconds or minutes for the time).</param>
public sealed record MatomoMappingRequest(MatomoMetric? Metric, int? GoalId, int? IndicatorId);

/// <summary>A Matomo figure that feeds an indicator, at the indicator's frequency.</summary>
/// <param name="MatomoField">The figure's name in Matomo's answer (nb_uniq_visitors…).</param>
public sealed record MatomoMappingResponse(int Id, MatomoMetric Metric, string MetricLabel, string MatomoField, int? GoalId, int IndicatorId, string IndicatorName, UpdateFrequency Frequency)
{
    public static MatomoMappingResponse From(MatomoMetricMapping m) =>
        new(m.Id, m.Metric, m.Metric.Label(), m.Metric.Field(), m.GoalId, m.IndicatorId, m.Indicator?.Name ?? "", m.Indicator?.Frequency ?? UpdateFrequency.Monthly);
}

/// <summary>The product's Matomo connection. The token is never returned: only when it was saved.</summary>
/// <param name="TokenSavedAt">When the token was saved or last replaced.</param>
public sealed record MatomoConnectionResponse(string ProductSlug, string BaseUrl, int SiteId, DateTimeOffset TokenSavedAt, int Version,
    List<MatomoMappingResponse> Mappings, SyncStatusResponse? Status)
{
    public static MatomoConnectionResponse From(string slug, MatomoConnection c, ConnectorStatus? status) => new(slug, c.BaseUrl, c.SiteId, c.TokenSavedAt, c.Version,
        [.. c.Mappings.OrderBy(m => m.Id).Select(MatomoMappingResponse.From)], status is null ? null : SyncStatusResponse.From(status));
}
