using Cap.Domain.Iterations;

namespace Cap.Web.Features.Rituals;

/// <summary>A ritual as pages and the API show it; <see cref="NextOccurrence"/> is null for an inactive ritual.</summary>
public sealed record RitualView(
    int Id, RitualKind Kind, string Name, RitualFrequency Frequency, string FrequencyText, DateOnly FirstDate, string StartTime,
    int DurationMinutes, string? Location, bool IsActive, DateTimeOffset? NextOccurrence, int Version);

/// <summary>The team's rituals, active ones first in order of their next occurrence.</summary>
public sealed record RitualsView(string Slug, string ProductName, IReadOnlyList<RitualView> Rituals);

/// <summary>A ritual as typed in the form or sent to the API.</summary>
public sealed class RitualInput
{
    /// <summary>Daily, Demo, Retrospective, Refinement, Custom.</summary>
    public RitualKind? Kind { get; set; }
    /// <summary>Required for Custom; otherwise the kind's label when empty.</summary>
    public string? Name { get; set; }
    /// <summary>Daily (Monday to Friday), Weekly, EveryTwoWeeks, EveryFourWeeks, Monthly.</summary>
    public RitualFrequency? Frequency { get; set; }
    public DateOnly? FirstDate { get; set; }
    /// <summary>Paris start time, "09:30".</summary>
    public string? StartTime { get; set; }
    /// <summary>5 to 480 minutes.</summary>
    public int? DurationMinutes { get; set; }
    public string? Location { get; set; }
    /// <summary>True when left out.</summary>
    public bool? IsActive { get; set; }
    /// <summary>The version read, for an update (409 when it changed since).</summary>
    public int? Version { get; set; }
}

/// <summary>The state of the team's calendar feed shown on the page (never the address, which only the team was shown once).</summary>
public sealed record RitualFeedState(DateTimeOffset CreatedAt, string CreatedByName);
