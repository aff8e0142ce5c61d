using Cap.Domain.Satisfaction;

namespace Cap.Web.Features.Satisfaction;

/// <summary>
/// Une réponse au formulaire de satisfaction. Seule <c>experience</c> est obligatoire ; les blocs que le formulaire
/// du produit ne pose pas sont ignorés.
/// </summary>
/// <param name="Experience">Expérience globale : 1 (mauvaise, 0 point), 2 (moyenne, 5 points) ou 3 (bonne, 10 points).</param>
/// <param name="Clarity">Clarté des informations et des consignes, de 1 à 5.</param>
/// <param name="HelpChannels">Canaux d’aide essayés : email, phone, chat, inPerson, onlineHelp, relative, other.</param>
/// <param name="AdministrationReached">Pour qui a essayé un canal d’aide : l’administration a-t-elle été jointe ?</param>
/// <param name="HelpQuality">Qualité de l’aide reçue, de 1 à 5 (gardée seulement si l’administration a été jointe).</param>
/// <param name="Comment">Commentaire libre, 2 000 caractères au plus ; les adresses e-mail, numéros de téléphone et de sécurité sociale sont masqués avant l’enregistrement.</param>
/// <param name="ClientKey">Clé d’idempotence choisie par le client (64 caractères au plus) : une réponse renvoyée avec la même clé pour le même emplacement n’est comptée qu’une fois.</param>
public sealed record AnswerRequest(
    int? Experience,
    int? Clarity = null,
    List<string>? HelpChannels = null,
    bool? AdministrationReached = null,
    int? HelpQuality = null,
    string? Comment = null,
    string? ClientKey = null)
{
    public (AnswerInput Input, Dictionary<string, string> Errors) ToInput()
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var channels = Domain.Satisfaction.HelpChannels.None;
        foreach (var code in HelpChannels ?? [])
        {
            if (HelpChannelLabels.FromCode(code) is { } channel)
            {
                channels |= channel;
            }
            else
            {
                errors["helpChannels"] = $"Canal d’aide inconnu « {code} » : valeurs possibles {string.Join(", ", HelpChannelLabels.All.Select(c => c.Code()))}.";
            }
        }
        var input = new AnswerInput(Experience, Clarity, channels, AdministrationReached, HelpQuality, Comment, ClientKey);
        foreach (var (field, message) in AnswerRules.Validate(input))
        {
            errors.TryAdd(field, message);
        }
        return (input, errors);
    }
}

/// <summary>Accusé de réception : la réponse est enregistrée (201) ou l’était déjà avec la même clé d’idempotence (200).</summary>
/// <param name="Status"><c>stored</c> ou <c>alreadyStored</c>.</param>
/// <param name="Points">Points de l’expérience globale comptés dans l’indice de satisfaction (0, 5 ou 10).</param>
public sealed record AnswerReceipt(string Status, int Points);
