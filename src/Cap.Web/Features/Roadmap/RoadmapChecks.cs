using Cap.Domain;

namespace Cap.Web.Features.Roadmap;

/// <summary>
/// What a roadmap write's checks found: messages by field (the input's property names), whether a roadmap rule rather than
/// the form refused it, and the version stored when the one read is stale (a conflict keeps the field messages).
/// </summary>
internal sealed class RoadmapChecks
{
    public const string ConflictMessage = "L’élément a été modifié depuis la version lue. Relisez-le, puis renvoyez vos changements.";

    public Dictionary<string, string> Errors { get; } = [];
    public bool RuleRefused { get; set; }
    public int? StaleVersion { get; set; }

    public Refusal? Refusal => StaleVersion is { } current
        ? new Refusal(RefusalKind.Conflict, new Dictionary<string, string>(Errors.Prepend(new(string.Empty, ConflictMessage)))) { CurrentVersion = current }
        : Errors.Count == 0 ? null
        : RuleRefused ? Refusal.Rule(Errors) : Refusal.Invalid(Errors);

    public void CheckVersion(int? current, int? read)
    {
        if (current is { } c && read is { } r && c != r)
        {
            StaleVersion = c;
        }
    }

    public void Required(string field, string? value, int max, string missing, string what)
    {
        if (value is null)
        {
            Errors[field] = missing;
        }
        else
        {
            MaxLength(field, value, max, what);
        }
    }

    public void MaxLength(string field, string? value, int max, string what)
    {
        if (value is not null && value.Length > max)
        {
            Errors[field] = $"{what} ne doit pas dépasser {max} caractères (actuellement {value.Length}).";
        }
    }
}
