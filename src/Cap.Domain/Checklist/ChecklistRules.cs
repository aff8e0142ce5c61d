namespace Cap.Domain.Checklist;

/// <summary>One answer as typed (page) or sent (API), before validation.</summary>
public sealed record ChecklistAnswerInput(string? QuestionKey, ChecklistAnswerValue? Answer, string? Comment);

/// <summary>A score: the percentage (null when nothing counts) and how many answers it counts and leaves out.</summary>
/// <param name="Percent">Rounded to the unit, half away from zero.</param>
/// <param name="Counted">Answers oui, partiellement or non.</param>
/// <param name="Unknown">Answers « ne sait pas », left out of the percentage.</param>
public sealed record ChecklistScore(int? Percent, int Counted, int Unknown);

/// <summary>
/// The checklist's rules: what a complete assessment is, and how it is scored. Score: oui = 1 point, partiellement = ½,
/// non = 0; « ne sait pas » counts neither in the points nor in the number of questions (it is shown apart). A block's
/// score is its points over its questions answered oui/partiellement/non, in percent; the overall score is the same sum
/// over the twenty questions (each question weighs the same, whatever its block).
/// </summary>
public static class ChecklistRules
{
    /// <summary>An assessment older than this is flagged « à refaire » (six months, as the vision).</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromDays(183);

    public static bool IsStale(DateTimeOffset assessedAt, DateTimeOffset now) => now - assessedAt > StaleAfter;

    public static ChecklistScore Score(IEnumerable<ChecklistAnswerValue> answers)
    {
        int halfPoints = 0, counted = 0, unknown = 0;
        foreach (var answer in answers)
        {
            switch (answer)
            {
                case ChecklistAnswerValue.Yes: halfPoints += 2; counted++; break;
                case ChecklistAnswerValue.Partly: halfPoints += 1; counted++; break;
                case ChecklistAnswerValue.No: counted++; break;
                default: unknown++; break;
            }
        }
        int? percent = counted == 0 ? null : (int)Math.Round(100m * halfPoints / (2m * counted), MidpointRounding.AwayFromZero);
        return new ChecklistScore(percent, counted, unknown);
    }

    /// <summary>The score of each block of <paramref name="catalogue"/>, from answers by question key (missing keys count as nothing).</summary>
    public static IReadOnlyList<(ChecklistBlock Block, ChecklistScore Score)> BlockScores(ChecklistCatalogue catalogue, IReadOnlyDictionary<string, ChecklistAnswerValue> answers) =>
        [.. catalogue.Blocks.Select(b => (b, Score(b.Questions.Where(q => answers.ContainsKey(q.Key)).Select(q => answers[q.Key]))))];

    /// <summary>
    /// Checks a whole assessment against <paramref name="catalogue"/>: every key known and given once, an answer on the
    /// scale for each, comments of at most <see cref="ChecklistAnswer.CommentMaxLength"/> characters (malformed:
    /// <see cref="RefusalKind.Invalid"/>); then every question answered (<see cref="RefusalKind.Rule"/>). Messages are keyed
    /// <c>Answers[i].Answer</c> / <c>Answers[i].Comment</c> / <c>Answers[i].QuestionKey</c> by position in the input.
    /// Returns the answers in the catalogue's order, comments cleaned.
    /// </summary>
    public static Result<IReadOnlyList<ChecklistAnswerInput>> Validate(ChecklistCatalogue catalogue, IReadOnlyList<ChecklistAnswerInput>? answers)
    {
        answers ??= [];
        var invalid = new Dictionary<string, string>(StringComparer.Ordinal);
        var byKey = new Dictionary<string, ChecklistAnswerInput>(StringComparer.Ordinal);
        for (var i = 0; i < answers.Count; i++)
        {
            var a = answers[i];
            var key = a.QuestionKey?.Trim();
            if (string.IsNullOrEmpty(key) || !catalogue.Knows(key))
            {
                invalid[$"Answers[{i}].QuestionKey"] = string.IsNullOrEmpty(key)
                    ? "Indiquez la question (questionKey)."
                    : $"La question « {key} » n’existe pas dans la check-list (version {catalogue.Version}).";
                continue;
            }
            if (byKey.ContainsKey(key))
            {
                invalid[$"Answers[{i}].QuestionKey"] = $"La question « {key} » reçoit plusieurs réponses : une seule par question.";
                continue;
            }
            if (a.Answer is not { } value || !Enum.IsDefined(value))
            {
                invalid[$"Answers[{i}].Answer"] = $"Répondez à la question « {catalogue.Question(key)!.Text} » : oui, partiellement, non ou ne sait pas.";
            }
            var comment = Text.Clean(a.Comment);
            if (Text.TooLong("Le commentaire", comment, ChecklistAnswer.CommentMaxLength) is { } tooLong)
            {
                invalid[$"Answers[{i}].Comment"] = tooLong;
            }
            byKey[key] = a with { QuestionKey = key, Comment = comment };
        }
        if (invalid.Count > 0)
        {
            return Refusal.Invalid(invalid);
        }
        var missing = catalogue.Questions.Where(q => !byKey.ContainsKey(q.Key)).ToList();
        if (missing.Count > 0)
        {
            return Refusal.Rule(string.Empty, missing.Count == 1
                ? $"Une question n’a pas de réponse : « {missing[0].Text} ». Une auto-évaluation s’enregistre entière ; « Ne sait pas » est une réponse."
                : $"{missing.Count} questions n’ont pas de réponse. Une auto-évaluation s’enregistre entière ; « Ne sait pas » est une réponse.");
        }
        return Result<IReadOnlyList<ChecklistAnswerInput>>.Ok([.. catalogue.Questions.Select(q => byKey[q.Key])]);
    }
}
