using System.Globalization;

namespace Cap.Domain.Steering;

/// <summary>An objective as typed in its form (the horizon as typed, parsed here for a French message).</summary>
public sealed record ObjectiveInput(string? Title, string? Description, string? Horizon, ObjectiveStatus? Status, IReadOnlyCollection<int> PriorityIds);

/// <summary>An objective's values once accepted: cleaned text, the parsed horizon, the distinct priorities.</summary>
public sealed record ObjectiveValues(string Title, string? Description, DateOnly? Horizon, ObjectiveStatus Status, IReadOnlySet<int> PriorityIds);

/// <summary>What an objective must be: a title, bounded texts, a real date, a status, and priorities still offered.</summary>
public static class ObjectiveRules
{
    /// <param name="offered">The ministry priorities offered now.</param>
    /// <param name="kept">The priorities the objective already has: an inactive priority stays where it was, but is not offered anew.</param>
    /// <returns>The accepted values, or the refusal with a message by field (the input's property names).</returns>
    public static Result<ObjectiveValues> Validate(ObjectiveInput input, IReadOnlySet<int> offered, IReadOnlySet<int> kept)
    {
        var errors = new Dictionary<string, string>();
        var title = Text.Clean(input.Title);
        if (title is null)
        {
            errors[nameof(input.Title)] = "Saisissez le titre de l’objectif.";
        }
        else if (Text.TooLong("Le titre", title, Objective.TitleMaxLength) is { } titleTooLong)
        {
            errors[nameof(input.Title)] = titleTooLong;
        }
        var description = Text.Clean(input.Description);
        if (Text.TooLong("La description", description, Objective.DescriptionMaxLength) is { } descriptionTooLong)
        {
            errors[nameof(input.Description)] = descriptionTooLong;
        }
        DateOnly? horizon = null;
        if (Text.Clean(input.Horizon) is { } rawHorizon)
        {
            if (DateOnly.TryParseExact(rawHorizon, ["yyyy-MM-dd", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                horizon = parsed;
            }
            else
            {
                errors[nameof(input.Horizon)] = "Saisissez l’horizon sous la forme jj/mm/aaaa, par exemple 30/06/2027.";
            }
        }
        if (input.Status is not { } status || !Enum.IsDefined(status))
        {
            errors[nameof(input.Status)] = "Choisissez le statut de l’objectif.";
            status = default;
        }
        if (input.PriorityIds.Any(id => !offered.Contains(id) && !kept.Contains(id)))
        {
            errors[nameof(input.PriorityIds)] = "Une des priorités choisies n’existe pas ou n’est plus proposée.";
        }
        return errors.Count > 0
            ? Refusal.Invalid(errors)
            : new ObjectiveValues(title!, description, horizon, status, input.PriorityIds.ToHashSet());
    }
}
