namespace Cap.Domain.Satisfaction;

/// <summary>An answer as received, from the public form or the JSON intake, before checks.</summary>
public sealed record AnswerInput(
    int? Experience,
    int? Clarity = null,
    HelpChannels HelpChannels = HelpChannels.None,
    bool? AdministrationReached = null,
    int? HelpQuality = null,
    string? Comment = null,
    string? ClientKey = null);

/// <summary>Checks and shapes answers. Error keys are the JSON field names of the intake API.</summary>
public static class AnswerRules
{
    public static Dictionary<string, string> Validate(AnswerInput input)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (input.Experience is null)
        {
            errors["experience"] = "Indiquez comment s’est passée la démarche (1, 2 ou 3).";
        }
        else if (input.Experience is < 1 or > 3)
        {
            errors["experience"] = "L’expérience globale vaut 1 (mauvaise), 2 (moyenne) ou 3 (bonne).";
        }
        if (input.Clarity is < 1 or > 5)
        {
            errors["clarity"] = "La clarté des informations se note de 1 à 5.";
        }
        if (input.HelpQuality is < 1 or > 5)
        {
            errors["helpQuality"] = "La qualité de l’aide reçue se note de 1 à 5.";
        }
        if (((int)input.HelpChannels & ~(int)HelpChannelLabels.All.Aggregate(HelpChannels.None, (a, c) => a | c)) != 0)
        {
            errors["helpChannels"] = "Un canal d’aide est inconnu.";
        }
        if (input.Comment is { Length: > FeedbackAnswer.CommentMaxLength })
        {
            errors["comment"] = $"Le commentaire dépasse {FeedbackAnswer.CommentMaxLength} caractères ({input.Comment.Length}) : raccourcissez-le.";
        }
        if (input.ClientKey is { } key && (key.Length > FeedbackAnswer.ClientKeyMaxLength || key.Any(char.IsControl)))
        {
            errors["clientKey"] = $"La clé d’idempotence fait au plus {FeedbackAnswer.ClientKeyMaxLength} caractères imprimables.";
        }
        return errors;
    }

    /// <summary>
    /// The record to store: blocks the form does not ask are dropped, the help details are kept only when help was
    /// tried (quality only when the administration was reached), and personal data in the comment is masked.
    /// </summary>
    public static FeedbackAnswer Build(AnswerInput input, int productId, int placementId, FormQuestions questions, int formVersion, DateTimeOffset receivedAt, DateOnly day)
    {
        var triedHelp = questions.Help && input.HelpChannels != HelpChannels.None;
        var reached = triedHelp ? input.AdministrationReached : null;
        var comment = questions.Comment ? PersonalDataMask.Apply(NullIfBlank(input.Comment)?.Trim()) : null;
        return new FeedbackAnswer
        {
            ProductId = productId,
            PlacementId = placementId,
            FormVersion = formVersion,
            ReceivedAt = receivedAt,
            Day = day,
            Experience = input.Experience ?? throw new ArgumentException("Validate the answer first.", nameof(input)),
            Clarity = questions.Clarity ? input.Clarity : null,
            HelpChannels = triedHelp ? input.HelpChannels : HelpChannels.None,
            AdministrationReached = reached,
            HelpQuality = reached == true ? input.HelpQuality : null,
            Comment = comment,
            ClientKey = NullIfBlank(input.ClientKey)?.Trim(),
        };
    }

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
