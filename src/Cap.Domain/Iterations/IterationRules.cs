using System.Globalization;

namespace Cap.Domain.Iterations;

/// <summary>Where an iteration stands on a given day.</summary>
public enum IterationState
{
    Upcoming = 1,
    Running = 2,
    Ended = 3,
}

/// <summary>An iteration's dates, as the rules need them.</summary>
public readonly record struct IterationSpan(int Number, DateOnly Start, DateOnly End)
{
    public int Days => End.DayNumber - Start.DayNumber + 1;
}

/// <summary>The cadence of a product's iterations (see <see cref="IterationRules.Cadence"/>).</summary>
/// <param name="MeanLengthDays">Mean length in days (both ends included) of the ended iterations; null when none has ended.</param>
/// <param name="DaysSinceLastEnded">Days since the last ended iteration's last day; null when one is running or none has ended.</param>
/// <param name="RetrospectiveShare">Share (0 to 1) of the ended iterations that have a retrospective; null when none has ended.</param>
public sealed record IterationCadence(int Total, int Ended, bool Running, double? MeanLengthDays, int? DaysSinceLastEnded, double? RetrospectiveShare, int WithRetrospective);

/// <summary>
/// Pure rules of iterations: 1 to 6 weeks, never overlapping another of the same product, numbered 1, 2, 3… in date
/// order. Numbering never changes: a new iteration starts after the last one, an edited one stays between its
/// neighbours, and only the last one can be deleted (see docs/decisions/0008-iterations.md).
/// </summary>
public static class IterationRules
{
    public const int MinDays = 7;
    public const int MaxDays = 42;
    /// <summary>Default length offered when planning: two weeks.</summary>
    public const int DefaultDays = 14;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static string Day(DateOnly day) => day.ToString("dd/MM/yyyy", Invariant);

    /// <summary>The refusal for an iteration's dates alone, or null: end not before start, 7 to 42 days inclusive.</summary>
    public static string? LengthError(DateOnly start, DateOnly end)
    {
        if (end < start)
        {
            return "La fin de l’itération ne peut pas précéder son début.";
        }
        var days = end.DayNumber - start.DayNumber + 1;
        if (days < MinDays)
        {
            return $"Une itération dure au moins une semaine ({MinDays} jours) : celle-ci n’en compte que {days}.";
        }
        if (days > MaxDays)
        {
            return $"Une itération dure au plus 6 semaines ({MaxDays} jours) : celle-ci en compte {days}. Choisissez une fin au plus tard le {Day(start.AddDays(MaxDays - 1))}.";
        }
        return null;
    }

    public static bool Overlaps(DateOnly start, DateOnly end, IterationSpan other) => start <= other.End && other.Start <= end;

    /// <summary>
    /// The refusal for placing an iteration among the product's others (<paramref name="others"/> excludes the edited one),
    /// or null. <paramref name="number"/> is the edited iteration's number, null for a new one. Overlaps are named first;
    /// then a new iteration must start after the last one, an edited one must stay between its neighbours.
    /// </summary>
    public static string? PlacementError(IReadOnlyCollection<IterationSpan> others, int? number, DateOnly start, DateOnly end)
    {
        var overlap = others.Where(o => Overlaps(start, end, o)).OrderBy(o => o.Start).FirstOrDefault();
        if (overlap != default)
        {
            return $"Ces dates chevauchent l’itération {overlap.Number} (du {Day(overlap.Start)} au {Day(overlap.End)}) : deux itérations d’un produit ne se chevauchent jamais.";
        }
        if (number is null)
        {
            var last = others.OrderBy(o => o.Number).LastOrDefault();
            if (last != default && start <= last.End)
            {
                return $"Une nouvelle itération commence après la dernière (l’itération {last.Number} finit le {Day(last.End)}) : choisissez un début à partir du {Day(last.End.AddDays(1))}.";
            }
            return null;
        }
        var previous = others.Where(o => o.Number < number).OrderBy(o => o.Number).LastOrDefault();
        var next = others.Where(o => o.Number > number).OrderBy(o => o.Number).FirstOrDefault();
        if (previous != default && start <= previous.End || next != default && end >= next.Start)
        {
            return $"L’itération {number} reste entre l’itération précédente et la suivante : sa numérotation suit l’ordre des dates.";
        }
        return null;
    }

    /// <summary>The number of a new iteration: one more than the highest.</summary>
    public static int NextNumber(IEnumerable<int> numbers) => numbers.DefaultIfEmpty(0).Max() + 1;

    /// <summary>Dates offered for a new iteration: from the day after the last one (or today), two weeks long.</summary>
    public static (DateOnly Start, DateOnly End) SuggestedDates(DateOnly? lastEnd, DateOnly today)
    {
        var start = lastEnd is { } e ? e.AddDays(1) : today;
        return (start, start.AddDays(DefaultDays - 1));
    }

    public static IterationState State(DateOnly start, DateOnly end, DateOnly today) =>
        today < start ? IterationState.Upcoming : today > end ? IterationState.Ended : IterationState.Running;

    public static string Label(this IterationState state) => state switch
    {
        IterationState.Upcoming => "À venir",
        IterationState.Running => "En cours",
        _ => "Terminée",
    };

    public static string Label(this IterationWorkOutcome outcome) => outcome switch
    {
        IterationWorkOutcome.Pending => "À juger",
        IterationWorkOutcome.Done => "Terminée",
        IterationWorkOutcome.CarriedOver => "Reportée",
        _ => "Non terminée",
    };

    /// <summary>An initiative can be carried over while its outcome is pending or not done.</summary>
    public static bool CanCarry(IterationWorkOutcome outcome) => outcome is IterationWorkOutcome.Pending or IterationWorkOutcome.NotDone;

    /// <summary>
    /// Carries over the unfinished initiatives of <paramref name="from"/> into <paramref name="next"/>, which must be the
    /// iteration right after it: each carried row becomes <see cref="IterationWorkOutcome.CarriedOver"/> and a new row
    /// (pending, <see cref="IterationInitiative.CarriedFromId"/> set) is added to the next iteration, unless the initiative is
    /// already there. Returns the refusal, or null and the rows added. <paramref name="rowIds"/> limits the rows carried
    /// (null: every unfinished one).
    /// </summary>
    public static (string? Error, List<IterationInitiative> Added) CarryOver(Iteration from, Iteration next, IReadOnlyCollection<int>? rowIds = null)
    {
        if (next.ProductId != from.ProductId || next.Number != from.Number + 1)
        {
            return ($"Les initiatives ne se reportent que sur l’itération qui suit immédiatement (l’itération {from.Number + 1}).", []);
        }
        var rows = from.Initiatives.Where(r => rowIds is null || rowIds.Contains(r.Id)).ToList();
        if (rowIds is not null && rows.Count != rowIds.Count)
        {
            return ("Une des initiatives choisies n’est pas travaillée dans cette itération.", []);
        }
        if (rowIds is not null && rows.FirstOrDefault(r => !CanCarry(r.Outcome)) is { } finished)
        {
            return (finished.Outcome == IterationWorkOutcome.Done
                ? "Une initiative terminée ne se reporte pas."
                : "Cette initiative est déjà reportée sur l’itération suivante.", []);
        }
        var carry = rows.Where(r => CanCarry(r.Outcome)).ToList();
        if (carry.Count == 0)
        {
            return ("Aucune initiative non terminée à reporter dans cette itération.", []);
        }
        var added = new List<IterationInitiative>();
        foreach (var row in carry)
        {
            row.Outcome = IterationWorkOutcome.CarriedOver;
            if (next.Initiatives.Any(n => n.InitiativeId == row.InitiativeId))
            {
                continue;
            }
            var copy = new IterationInitiative
            {
                ProductId = next.ProductId, IterationId = next.Id, Iteration = next, InitiativeId = row.InitiativeId,
                Outcome = IterationWorkOutcome.Pending, CarriedFromId = row.Id,
            };
            next.Initiatives.Add(copy);
            added.Add(copy);
        }
        return (null, added);
    }

    /// <summary>
    /// Cadence indicators: ended iterations are those whose last day is before <paramref name="today"/>. Mean length and
    /// retrospective share are over ended iterations; days since the last ended one is null while one is running.
    /// </summary>
    public static IterationCadence Cadence(IReadOnlyCollection<(DateOnly Start, DateOnly End, bool HasRetrospective)> iterations, DateOnly today)
    {
        var ended = iterations.Where(i => i.End < today).ToList();
        var running = iterations.Any(i => i.Start <= today && today <= i.End);
        double? mean = ended.Count == 0 ? null : ended.Average(i => (double)(i.End.DayNumber - i.Start.DayNumber + 1));
        int? since = running || ended.Count == 0 ? null : today.DayNumber - ended.Max(i => i.End).DayNumber;
        var withRetro = ended.Count(i => i.HasRetrospective);
        double? share = ended.Count == 0 ? null : (double)withRetro / ended.Count;
        return new IterationCadence(iterations.Count, ended.Count, running, mean, since, share, withRetro);
    }
}
