namespace Cap.Web.Features.Coaching;

/// <summary>The length and presence checks of the coaching forms, with their one message shape.</summary>
internal static class CoachingChecks
{
    public static void Required(Dictionary<string, string> errors, string field, string? value, int max, string missing, string what)
    {
        if (value is null)
        {
            errors[field] = missing;
        }
        else
        {
            MaxLength(errors, field, value, max, what);
        }
    }

    public static void MaxLength(Dictionary<string, string> errors, string field, string? value, int max, string what)
    {
        if (value is { } v && v.Length > max)
        {
            errors[field] = $"{what} ne doit pas dépasser {max} caractères.";
        }
    }
}
