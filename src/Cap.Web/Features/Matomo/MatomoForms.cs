using System.Globalization;
using Cap.Domain.Connectors;
using Cap.Domain.Steering;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Cap.Web.Features.Matomo;

/// <summary>The connection form's fields: numbers as typed (a French message for what does not parse), the token write-only.</summary>
public sealed class MatomoConnectionForm
{
    public string? BaseUrl { get; set; }
    public string? SiteId { get; set; }
    public string? Token { get; set; }

    public MatomoConnectionInput ToInput() => new(BaseUrl, MatomoForms.ParseId(SiteId), Token);
}

/// <summary>The mapping form's fields.</summary>
public sealed class MatomoMappingForm
{
    public string? Metric { get; set; }
    public string? GoalId { get; set; }
    public string? IndicatorId { get; set; }

    /// <summary>A goal typed for another metric than conversions is ignored (the field stays on the page for all metrics).</summary>
    public MatomoMappingInput ToInput()
    {
        MatomoMetric? metric = Enum.TryParse<MatomoMetric>(Metric, out var m) && Enum.IsDefined(m) ? m : null;
        int? goal = metric != MatomoMetric.GoalConversions || string.IsNullOrWhiteSpace(GoalId) ? null : MatomoForms.ParseId(GoalId) ?? 0;
        return new(metric, goal, MatomoForms.ParseId(IndicatorId));
    }
}

public static class MatomoForms
{
    /// <summary>A positive id as typed, null when empty or not a number.</summary>
    public static int? ParseId(string? text) =>
        int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    public static List<SelectListItem> Metrics { get; } =
        [.. Enum.GetValues<MatomoMetric>().Select(m => new SelectListItem($"{m.Label()} ({m.Field()})", m.ToString()))];

    public static List<SelectListItem> Indicators(IEnumerable<MappableIndicator> indicators) =>
        [.. indicators.Select(i => new SelectListItem($"{i.Name} — {i.Unit.Label()}, {i.Frequency.Label().ToLowerInvariant()}", i.Id.ToString(CultureInfo.InvariantCulture)))];
}
