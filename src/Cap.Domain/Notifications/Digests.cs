using System.Globalization;
using System.Text.Json.Serialization;
using Cap.Domain.Platform;
using Cap.Domain.Satisfaction;
using Cap.Domain.Steering;

namespace Cap.Domain.Notifications;

/// <summary>The digests Cap mails (decision 0022).</summary>
public enum DigestKind
{
    /// <summary>Each Monday, to each product team's members: what changed and what is due, all their products in one mail.</summary>
    [JsonStringEnumMemberName("weekly")]
    Weekly = 1,
    /// <summary>A few days before each committee session, to the committee's members: the agenda and the dossiers.</summary>
    [JsonStringEnumMemberName("committee")]
    Committee = 2,
}

public static class DigestKinds
{
    public static readonly DigestKind[] All = [DigestKind.Weekly, DigestKind.Committee];

    public static string Label(this DigestKind kind) => kind switch
    {
        DigestKind.Weekly => "Résumé hebdomadaire de mes produits",
        DigestKind.Committee => "Ordre du jour du comité produit",
        _ => kind.ToString(),
    };

    /// <summary>The kind's name in a link (unsubscribe tokens, the admin's form).</summary>
    public static string Slug(this DigestKind kind) => kind switch
    {
        DigestKind.Weekly => "hebdomadaire",
        DigestKind.Committee => "comite",
        _ => kind.ToString().ToLowerInvariant(),
    };

    public static DigestKind? FromSlug(string? slug) => All.Cast<DigestKind?>().FirstOrDefault(k => k!.Value.Slug() == slug);
}

/// <summary>
/// One generation of a digest for one period: inserted in the transaction that enqueues the period's mails, under a
/// unique (kind, period, scope) key, so a second instance (or a second click) finds the period taken and enqueues nothing.
/// Bookkeeping like the outbox, not a person's change: not audited.
/// </summary>
public class DigestRun : IAuditExempt
{
    public const int PeriodKeyMaxLength = 20;
    public const int TriggerMaxLength = 150;

    public long Id { get; set; }
    public DigestKind Kind { get; set; }
    /// <summary>The ISO week in Europe/Paris for the weekly digest (« 2026-W49 »); the session's date for the committee's.</summary>
    public string PeriodKey { get; set; } = string.Empty;
    /// <summary>The committee session for the committee digest; 0 for the weekly digest (one run for every product).</summary>
    public int ScopeId { get; set; }
    public DateTimeOffset GeneratedAt { get; set; }
    /// <summary>Products (weekly) or agenda items (committee) that had something to say.</summary>
    public int ItemCount { get; set; }
    public int MailCount { get; set; }
    /// <summary>What started it: « planification », « démarrage (démonstration) », or the administrator's name.</summary>
    public string Trigger { get; set; } = string.Empty;
    /// <summary>Generation time in milliseconds (reads, rendering and the save).</summary>
    public long DurationMs { get; set; }
}

/// <summary>A person's choice for one digest; without a row, the default of <see cref="DigestRules.ReceivesByDefault"/>.</summary>
public class DigestPreference : IVersioned, ITimestamped
{
    public int Id { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }
    public DigestKind Kind { get; set; }
    public bool Receives { get; set; }
    public int Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// An indicator's status as the last weekly digest saw it, so the next one can say « from → to » without reading the
/// measurement history. Rewritten by each weekly run in its own transaction; bookkeeping, not audited.
/// </summary>
public class IndicatorStatusMark : IAuditExempt
{
    public int IndicatorId { get; set; }
    public IndicatorStatus Status { get; set; }
    public DateOnly MarkedOn { get; set; }
}

/// <summary>A status that changed since the previous digest.</summary>
public sealed record StatusChange(int IndicatorId, string Name, IndicatorStatus From, IndicatorStatus To);

/// <summary>The satisfaction of the last 30 days against the same window a week earlier.</summary>
public sealed record SatisfactionChange(decimal? IndexNow, long AnswersNow, decimal? IndexWeekAgo, long AnswersWeekAgo)
{
    public ScoreColour? ColourNow => IndexNow is { } i ? SatisfactionScore.Colour(i) : null;
    public ScoreColour? ColourWeekAgo => IndexWeekAgo is { } i ? SatisfactionScore.Colour(i) : null;

    /// <summary>Worth saying: the index moved (by at least 0,1 as shown), appeared, disappeared, or changed colour.</summary>
    public bool IsWorthSaying => IndexNow != IndexWeekAgo;
}

public sealed record DueCondition(int Id, string Description, DateOnly DueDate, string OwnerName, bool Overdue);
public sealed record ComingSession(int RequestId, DateOnly Date, string Intervention);
public sealed record LateIndicator(int IndicatorId, string Name, DateOnly? LastDate, UpdateFrequency Frequency);

/// <summary>What the weekly digest says of one product; empty sections are left out of the mail.</summary>
public sealed record ProductDigest(
    int ProductId, string Slug, string Name,
    IReadOnlyList<StatusChange> StatusChanges,
    IReadOnlyList<LateIndicator> Late,
    SatisfactionChange? Satisfaction,
    IReadOnlyList<DueCondition> Conditions,
    IReadOnlyList<ComingSession> Sessions)
{
    public bool HasSomethingToSay => DigestRules.HasSomethingToSay(this);
}

/// <summary>One request on a session's agenda.</summary>
public sealed record AgendaItem(int RequestId, string ProductName, string ProductSlug, string KindLabel, string Subject, string RequestedPhase);

/// <summary>The rules of the digests: their periods, windows, and when a product has something to say.</summary>
public static class DigestRules
{
    /// <summary>Conditions due within this many days (or overdue) and coaching sessions within this many days are listed.</summary>
    public const int HorizonDays = 14;

    /// <summary>The satisfaction window (days, today included) and how far back the comparison looks.</summary>
    public const int SatisfactionWindowDays = 30;
    public const int ComparisonDays = 7;

    /// <summary>Opt-out: both digests are received until the person says otherwise (the committee's only by its members).</summary>
    public static bool ReceivesByDefault(DigestKind kind) => true;

    /// <summary>The ISO 8601 week of a Paris date, « 2026-W49 » (the weekly digest's period key).</summary>
    public static string IsoWeekKey(DateOnly day)
    {
        var date = day.ToDateTime(TimeOnly.MinValue);
        return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(date)}-W{ISOWeek.GetWeekOfYear(date):00}");
    }

    /// <summary>
    /// The weekly schedule's latest occurrence at or before <paramref name="parisNow"/> (a Paris wall-clock time): the day
    /// of the week and time configured, e.g. Monday 07:00. The digest of that occurrence's ISO week is due from then on.
    /// </summary>
    public static DateTime LatestOccurrence(DateTime parisNow, DayOfWeek day, TimeOnly time)
    {
        var back = ((int)parisNow.DayOfWeek - (int)day + 7) % 7;
        var candidate = DateOnly.FromDateTime(parisNow).AddDays(-back).ToDateTime(time);
        return candidate <= parisNow ? candidate : candidate.AddDays(-7);
    }

    /// <summary>Whether the weekly digest of the latest occurrence is still worth sending (not later than the catch-up window).</summary>
    public static bool WithinCatchUp(DateTime parisNow, DateTime occurrence, double catchUpHours) =>
        parisNow >= occurrence && (parisNow - occurrence).TotalHours <= catchUpHours;

    /// <summary>The committee digest of a session is due from <paramref name="daysBefore"/> days before it at the configured time, until the session's day.</summary>
    public static bool CommitteeDue(DateOnly sessionDate, DateTime parisNow, int daysBefore, TimeOnly time)
    {
        var from = sessionDate.AddDays(-Math.Max(0, daysBefore)).ToDateTime(time);
        return parisNow >= from && DateOnly.FromDateTime(parisNow) <= sessionDate;
    }

    /// <summary>The changes between the statuses the last digest saw and today's; an indicator never seen before is not a change.</summary>
    public static List<StatusChange> Changes(IEnumerable<(int Id, string Name, IndicatorStatus Now)> indicators, IReadOnlyDictionary<int, IndicatorStatus> seen) =>
        indicators.Where(i => seen.TryGetValue(i.Id, out var before) && before != i.Now)
            .Select(i => new StatusChange(i.Id, i.Name, seen[i.Id], i.Now)).ToList();

    /// <summary>Whether an open condition is listed: due within the horizon, or overdue.</summary>
    public static bool ConditionListed(DateOnly due, DateOnly today) => due <= today.AddDays(HorizonDays);

    /// <summary>Whether a coaching session is listed: from today to the horizon.</summary>
    public static bool SessionListed(DateOnly date, DateOnly today) => date >= today && date <= today.AddDays(HorizonDays);

    /// <summary>
    /// A product's digest is sent when one section has something: a status change, an indicator late, a satisfaction
    /// index that moved, a condition due or overdue, a coaching session coming. Otherwise it is left out (and a person
    /// none of whose products has anything gets no mail that week).
    /// </summary>
    public static bool HasSomethingToSay(ProductDigest digest) =>
        digest.StatusChanges.Count > 0 || digest.Late.Count > 0 || digest.Satisfaction is { IsWorthSaying: true }
        || digest.Conditions.Count > 0 || digest.Sessions.Count > 0;

    /// <summary>The two satisfaction windows' sums from daily totals: [today−29, today] and the same a week earlier.</summary>
    public static (DateOnly NowFrom, DateOnly WeekAgoFrom, DateOnly WeekAgoTo) SatisfactionWindows(DateOnly today) =>
        (today.AddDays(-(SatisfactionWindowDays - 1)), today.AddDays(-(SatisfactionWindowDays - 1 + ComparisonDays)), today.AddDays(-ComparisonDays));
}
