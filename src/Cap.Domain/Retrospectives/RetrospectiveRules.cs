namespace Cap.Domain.Retrospectives;

/// <summary>What the team decides, at the start of a retrospective, about an open action of an earlier one.</summary>
public enum ActionReview
{
    /// <summary>The action was carried out: closed as done.</summary>
    Done = 1,
    /// <summary>Dropped: closed as abandoned.</summary>
    Abandoned = 2,
    /// <summary>Still worth doing: stays open, marked as carried by this retrospective.</summary>
    Carry = 3,
}

/// <summary>The share of actions done among those decided in a period or a retrospective.</summary>
public sealed record DoneShare(string Key, DateOnly From, int Decided, int Done)
{
    /// <summary>Done / decided, 0 to 1; null when nothing was decided.</summary>
    public double? Share => Decided == 0 ? null : (double)Done / Decided;

    /// <summary>Whole percent, rounded half away from zero; null when nothing was decided.</summary>
    public int? Percent => Share is { } s ? (int)Math.Round(s * 100, MidpointRounding.AwayFromZero) : null;
}

/// <summary>An action as the rules see it: where it was decided and where it stands.</summary>
public sealed record ActionFacts(int Id, int RetrospectiveId, DateOnly DecidedOn, RetroActionStatus Status, int? CarriedToRetrospectiveId);

/// <summary>A retrospective as the rules see it: held on a day, ordered by (day, id).</summary>
public sealed record RetrospectiveFacts(int Id, DateOnly HeldOn);

/// <summary>
/// The rules of retrospectives, pure: one per iteration, items of 1 to 1000 characters, actions with an owner from the
/// product's team and a due date not before the retrospective, the review of earlier open actions, the share of
/// actions done.
/// </summary>
public static class RetrospectiveRules
{
    public const string IterationTaken = "Cette itération a déjà sa rétrospective : ouvrez-la plutôt que d’en créer une seconde.";
    public const string OwnerMissing = "Choisissez le porteur de l’action : une action sans porteur n’est jamais faite.";
    public const string OwnerNotInTeam = "Le porteur choisi n’est pas membre de l’équipe du produit : choisissez un membre de l’équipe.";
    public const string Closed = "La rétrospective est close : on n’y ajoute plus d’élément ni d’action.";

    public static bool IsOpen(RetroActionStatus status) => status is RetroActionStatus.Open or RetroActionStatus.InProgress;

    /// <summary>The error for an item's text, or null: required, 1 to <see cref="RetroItem.TextMaxLength"/> characters once trimmed.</summary>
    public static string? ItemTextError(string? text)
    {
        var clean = text?.Trim();
        if (string.IsNullOrEmpty(clean))
        {
            return "Écrivez le texte de l’élément.";
        }
        return clean.Length > RetroItem.TextMaxLength
            ? $"Le texte ne doit pas dépasser {RetroItem.TextMaxLength} caractères (actuellement {clean.Length})."
            : null;
    }

    /// <summary>The error for an action's title, or null.</summary>
    public static string? ActionTitleError(string? title)
    {
        var clean = title?.Trim();
        if (string.IsNullOrEmpty(clean))
        {
            return "Décrivez l’action à mener.";
        }
        return clean.Length > RetroAction.TitleMaxLength
            ? $"L’action ne doit pas dépasser {RetroAction.TitleMaxLength} caractères (actuellement {clean.Length})."
            : null;
    }

    /// <summary>The error for an action's owner, or null: required and a member of the product's team.</summary>
    public static string? OwnerError(int? ownerPersonId, IReadOnlyCollection<int> teamPersonIds) =>
        ownerPersonId is not { } id ? OwnerMissing : teamPersonIds.Contains(id) ? null : OwnerNotInTeam;

    /// <summary>The error for an action's due date, or null: optional, never before the day of the retrospective.</summary>
    public static string? DueDateError(DateOnly? due, DateOnly heldOn) =>
        due is { } d && d < heldOn
            ? $"L’échéance ne peut pas précéder la rétrospective (tenue le {heldOn:dd/MM/yyyy}) : choisissez une date à partir de ce jour."
            : null;

    /// <summary>The error for the iteration chosen for a new retrospective, or null: one retrospective per iteration.</summary>
    public static string? IterationError(int? iterationId, IReadOnlyCollection<int> iterationsWithRetrospective) =>
        iterationId is { } id && iterationsWithRetrospective.Contains(id) ? IterationTaken : null;

    /// <summary>Whether <paramref name="earlier"/> was held before <paramref name="current"/> (by day, then by creation order).</summary>
    public static bool IsBefore(RetrospectiveFacts earlier, RetrospectiveFacts current) =>
        earlier.HeldOn < current.HeldOn || (earlier.HeldOn == current.HeldOn && earlier.Id < current.Id);

    /// <summary>
    /// The open actions of earlier retrospectives that <paramref name="current"/> has still to review: decided in a
    /// retrospective held before it, still open, and not yet carried by it. An action carried by an earlier
    /// retrospective comes back at each later one until it is closed.
    /// </summary>
    public static IReadOnlyList<ActionFacts> ToReview(RetrospectiveFacts current, IEnumerable<ActionFacts> actions, IReadOnlyDictionary<int, RetrospectiveFacts> retrospectives) =>
        actions.Where(a => IsOpen(a.Status) && a.RetrospectiveId != current.Id && a.CarriedToRetrospectiveId != current.Id
                && retrospectives.TryGetValue(a.RetrospectiveId, out var r) && IsBefore(r, current))
            .OrderBy(a => a.DecidedOn).ThenBy(a => a.Id).ToList();

    /// <summary>The error for reviewing an action in a retrospective, or null.</summary>
    public static string? ReviewError(ActionFacts action, RetrospectiveFacts current, RetrospectiveFacts decidedIn)
    {
        if (!IsBefore(decidedIn, current))
        {
            return "Seules les actions des rétrospectives précédentes se passent en revue au début de celle-ci.";
        }
        return IsOpen(action.Status) ? null : "Cette action est déjà close : il n’y a plus rien à décider.";
    }

    /// <summary>The new status after a review: done and abandoned close the action, carrying keeps its status.</summary>
    public static RetroActionStatus StatusAfter(ActionReview review, RetroActionStatus current) => review switch
    {
        ActionReview.Done => RetroActionStatus.Done,
        ActionReview.Abandoned => RetroActionStatus.Abandoned,
        _ => current,
    };

    /// <summary>The share of actions done, per retrospective, in the order they were held.</summary>
    public static IReadOnlyList<DoneShare> DoneSharePerRetrospective(IEnumerable<RetrospectiveFacts> retrospectives, IEnumerable<ActionFacts> actions)
    {
        var byRetro = actions.ToLookup(a => a.RetrospectiveId);
        return retrospectives.OrderBy(r => r.HeldOn).ThenBy(r => r.Id)
            .Select(r => new DoneShare(r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), r.HeldOn,
                byRetro[r.Id].Count(), byRetro[r.Id].Count(a => a.Status == RetroActionStatus.Done)))
            .ToList();
    }

    /// <summary>
    /// The share of actions done per calendar month of the retrospective that decided them, from the first month with
    /// an action to the last, months without any action included (decided 0) so that a chart's time axis stays regular.
    /// </summary>
    public static IReadOnlyList<DoneShare> DoneSharePerMonth(IEnumerable<ActionFacts> actions)
    {
        var list = actions.ToList();
        if (list.Count == 0)
        {
            return [];
        }
        var byMonth = list.ToLookup(a => new DateOnly(a.DecidedOn.Year, a.DecidedOn.Month, 1));
        var first = byMonth.Min(g => g.Key);
        var last = byMonth.Max(g => g.Key);
        var result = new List<DoneShare>();
        for (var m = first; m <= last; m = m.AddMonths(1))
        {
            var these = byMonth[m];
            result.Add(new DoneShare(m.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), m, these.Count(), these.Count(a => a.Status == RetroActionStatus.Done)));
        }
        return result;
    }
}
