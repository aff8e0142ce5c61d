using System.Globalization;
using Cap.Domain.Satisfaction;

namespace Cap.Domain.Connectors;

/// <summary>The count of one answer option of one field on one day, for one JDMA form: JDMA's statistics, flattened.</summary>
public sealed record JdmaHit(int ServiceId, int FormId, DateOnly Day, string Field, string? Intention, string? Label, long Count);

/// <summary>
/// What a JDMA connection accepts, and how JDMA's statistics become Cap's satisfaction counts. The overall-experience
/// question (<c>satisfaction</c>) scores its intentions good / medium / bad as 10 / 5 / 0, the State's scoring
/// (<see cref="Satisfaction.SatisfactionScore"/>). Comprehension is counted on Cap's clarity scale (1 to 5) only when
/// JDMA's answer is itself a value from 1 to 5 (its label); any other answer is not counted rather than guessed. The
/// help question counts who said whether they reached the administration (<c>contact_reached</c>: intention good = yes,
/// bad = no; other intentions are not counted).
/// </summary>
public static class JdmaRules
{
    public const string SatisfactionField = "satisfaction";
    public const string ComprehensionField = "comprehension";
    public const string ContactReachedField = "contact_reached";

    /// <summary>The field codes a synchronisation asks for.</summary>
    public static readonly string[] FieldCodes = [SatisfactionField, ComprehensionField, ContactReachedField];

    /// <summary>At most this many JDMA products (services) in one statistics call (JDMA's limit).</summary>
    public const int ProductsPerCall = 10;

    /// <summary>The first synchronisation reads this many months back.</summary>
    public const int BackfillMonths = 12;

    /// <summary>Days read again at each synchronisation: answers reach JDMA's statistics late.</summary>
    public const int RefetchDays = 3;

    /// <summary>Days of one statistics call (a long back-fill is cut into chunks).</summary>
    public const int DaysPerCall = 92;

    /// <summary>The points of a satisfaction intention, null when it is not one of the three levels.</summary>
    public static int? Points(string? intention) => intention?.Trim().ToLowerInvariant() switch
    {
        "good" => 10,
        "medium" => 5,
        "bad" => 0,
        _ => null,
    };

    /// <summary>The clarity value (1–5) of a comprehension answer, null when its label is not a value from 1 to 5.</summary>
    public static int? Clarity(string? label) =>
        int.TryParse(label?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is >= 1 and <= 5 ? value : null;

    /// <summary>Whether a « reached the administration » answer says yes (true), no (false), or is not counted (null).</summary>
    public static bool? Reached(string? intention) => intention?.Trim().ToLowerInvariant() switch
    {
        "good" => true,
        "bad" => false,
        _ => null,
    };

    /// <summary>The message beside the address when it is not acceptable, null when it is.</summary>
    public static string? BaseUrlError(string? url) =>
        ConnectorAddress.Error(url, "de JDMA", "https://jedonnemonavis.numerique.gouv.fr", JdmaConnection.BaseUrlMaxLength);

    /// <summary>The message beside the key when it is not acceptable, null when it is.</summary>
    public static string? KeyError(string? key)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            return "Saisissez la clé d’API créée dans JDMA.";
        }
        if (Text.TooLong("La clé", key.Trim(), JdmaConnection.KeyMaxLength) is { } tooLong)
        {
            return tooLong;
        }
        return key.Trim().Any(c => char.IsWhiteSpace(c) || char.IsControl(c)) ? "La clé ne contient ni espace ni retour à la ligne." : null;
    }

    /// <summary>The address kept: trimmed, without its trailing slash.</summary>
    public static string NormalizeBaseUrl(string url) => url.Trim().TrimEnd('/');

    /// <summary>
    /// The days a synchronisation asks for: from the day after the last day synced, minus <see cref="RefetchDays"/>,
    /// or <see cref="BackfillMonths"/> back on the first one; up to today (its answers so far, read again next time).
    /// </summary>
    public static (DateOnly From, DateOnly To) Range(DateOnly? syncedThrough, DateOnly today)
    {
        var backfill = today.AddMonths(-BackfillMonths).AddDays(1);
        var from = syncedThrough is { } through ? through.AddDays(1 - RefetchDays) : backfill;
        if (from < backfill)
        {
            from = backfill;
        }
        if (from > today)
        {
            from = today;
        }
        return (from, today);
    }

    /// <summary>The range cut into consecutive chunks of at most <see cref="DaysPerCall"/> days.</summary>
    public static IEnumerable<(DateOnly From, DateOnly To)> Chunks(DateOnly from, DateOnly to)
    {
        for (var start = from; start <= to; start = start.AddDays(DaysPerCall))
        {
            var end = start.AddDays(DaysPerCall - 1);
            yield return (start, end < to ? end : to);
        }
    }

    /// <summary>
    /// The daily figures of these counts, one per (service, form, day), for the forms of <paramref name="mapped"/> only:
    /// answers to the satisfaction question scored by <see cref="Points"/> (an option that is none of the three levels is
    /// not counted), comprehension by <see cref="Clarity"/>, « reached the administration » by <see cref="Reached"/>.
    /// </summary>
    public static List<ExternalSatisfactionDay> Days(IEnumerable<JdmaHit> hits, IReadOnlySet<(int ServiceId, int FormId)> mapped)
    {
        var days = new Dictionary<(int, int, DateOnly), ExternalSatisfactionDay>();
        foreach (var hit in hits)
        {
            if (hit.Count <= 0 || !mapped.Contains((hit.ServiceId, hit.FormId)))
            {
                continue;
            }
            if (!days.TryGetValue((hit.ServiceId, hit.FormId, hit.Day), out var day))
            {
                day = new ExternalSatisfactionDay { Source = SatisfactionSource.Jdma, ServiceId = hit.ServiceId, FormId = hit.FormId, Day = hit.Day };
                days.Add((hit.ServiceId, hit.FormId, hit.Day), day);
            }
            switch (hit.Field)
            {
                case SatisfactionField when Points(hit.Intention) is { } points:
                    day.Count += hit.Count;
                    day.Points += points * hit.Count;
                    break;
                case ComprehensionField when Clarity(hit.Label) is { } clarity:
                    day.ClarityCount += hit.Count;
                    day.ClaritySum += clarity * hit.Count;
                    break;
                case ContactReachedField when Reached(hit.Intention) is { } reached:
                    day.HelpAsked += hit.Count;
                    day.Reached += reached ? hit.Count : 0;
                    break;
            }
        }
        return [.. days.Values.Where(d => !d.IsEmpty).OrderBy(d => d.ServiceId).ThenBy(d => d.FormId).ThenBy(d => d.Day)];
    }
}
