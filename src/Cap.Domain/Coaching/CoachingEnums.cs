using System.Text.Json.Serialization;

namespace Cap.Domain.Coaching;

public enum CoachingStatus
{
    [JsonStringEnumMemberName("new")]
    Nouvelle = 1,
    /// <summary>A coach is studying the request, usually after asking the team a question.</summary>
    [JsonStringEnumMemberName("under-review")]
    EnInstruction = 2,
    [JsonStringEnumMemberName("accepted")]
    Acceptee = 3,
    [JsonStringEnumMemberName("scheduled")]
    Planifiee = 4,
    [JsonStringEnumMemberName("in-progress")]
    EnCours = 5,
    [JsonStringEnumMemberName("completed")]
    Terminee = 6,
    [JsonStringEnumMemberName("declined")]
    Refusee = 7,
}

public enum CoachingUrgency
{
    [JsonStringEnumMemberName("low")]
    Faible = 1,
    [JsonStringEnumMemberName("normal")]
    Normale = 2,
    [JsonStringEnumMemberName("high")]
    Haute = 3,
}

public enum CoachingMessageKind
{
    Message = 1,
    Question = 2,
    /// <summary>Written by Cap when the status or the coaches change, so the team sees every step.</summary>
    StatusChange = 3,
}

public enum WeatherLevel
{
    [JsonStringEnumMemberName("on-track")]
    AuVert = 1,
    [JsonStringEnumMemberName("watch")]
    ASurveiller = 2,
    [JsonStringEnumMemberName("struggling")]
    EnDifficulte = 3,
}

public static class CoachingLabels
{
    public static readonly CoachingStatus[] Statuses = Enum.GetValues<CoachingStatus>();
    public static readonly CoachingStatus[] Waiting = [CoachingStatus.Nouvelle, CoachingStatus.EnInstruction];
    public static readonly CoachingStatus[] Open =
        [CoachingStatus.Nouvelle, CoachingStatus.EnInstruction, CoachingStatus.Acceptee, CoachingStatus.Planifiee, CoachingStatus.EnCours];

    public static bool IsOpen(this CoachingStatus status) => status is not (CoachingStatus.Terminee or CoachingStatus.Refusee);

    public static string Label(this CoachingStatus status) => status switch
    {
        CoachingStatus.Nouvelle => "Nouvelle",
        CoachingStatus.EnInstruction => "En instruction",
        CoachingStatus.Acceptee => "Acceptée",
        CoachingStatus.Planifiee => "Planifiée",
        CoachingStatus.EnCours => "En cours",
        CoachingStatus.Terminee => "Terminée",
        CoachingStatus.Refusee => "Refusée",
        _ => status.ToString(),
    };

    /// <summary>Lower-case slug used in query strings and the API.</summary>
    public static string Slug(this CoachingStatus status) => status switch
    {
        CoachingStatus.Nouvelle => "nouvelle",
        CoachingStatus.EnInstruction => "en-instruction",
        CoachingStatus.Acceptee => "acceptee",
        CoachingStatus.Planifiee => "planifiee",
        CoachingStatus.EnCours => "en-cours",
        CoachingStatus.Terminee => "terminee",
        CoachingStatus.Refusee => "refusee",
        _ => status.ToString().ToLowerInvariant(),
    };

    public static bool TryParseStatus(string? value, out CoachingStatus status)
    {
        foreach (var s in Statuses)
        {
            if (string.Equals(s.Slug(), value, StringComparison.OrdinalIgnoreCase) || string.Equals(s.ToString(), value, StringComparison.OrdinalIgnoreCase))
            {
                status = s;
                return true;
            }
        }
        status = default;
        return false;
    }

    public static string Label(this CoachingUrgency urgency) => urgency switch
    {
        CoachingUrgency.Faible => "Faible",
        CoachingUrgency.Normale => "Normale",
        CoachingUrgency.Haute => "Haute",
        _ => urgency.ToString(),
    };

    public static string Label(this WeatherLevel level) => level switch
    {
        WeatherLevel.AuVert => "Au vert",
        WeatherLevel.ASurveiller => "À surveiller",
        WeatherLevel.EnDifficulte => "En difficulté",
        _ => level.ToString(),
    };
}
