using Cap.Domain.OpenData;
using Cap.Web.Shared.TagHelpers;

namespace Cap.Web.Features.OpenData;

/// <summary>The open-data form: two yes/no questions and the indicators to publish.</summary>
public sealed class OpenDataForm
{
    public const string Yes = "oui";
    public const string No = "non";

    public string? Publish { get; set; }
    public string? Satisfaction { get; set; }
    public List<int> IndicatorIds { get; set; } = [];

    public static OpenDataForm From(OpenDataChoices c) => new()
    {
        Publish = c.IsPublished ? Yes : No,
        Satisfaction = c.PublishSatisfaction ? Yes : No,
        IndicatorIds = [.. c.PublishedIndicatorIds],
    };

    /// <summary>The input, and the questions left unanswered (keys are the form's property names).</summary>
    public (OpenDataInput Input, Dictionary<string, string> Errors) ToInput()
    {
        var errors = new Dictionary<string, string>();
        bool? Answer(string? posted, string field, string message)
        {
            switch (posted)
            {
                case Yes:
                    return true;
                case No:
                    return false;
                default:
                    errors[field] = message;
                    return null;
            }
        }
        var publish = Answer(Publish, nameof(Publish), "Indiquez si le produit est publié en données ouvertes.");
        var satisfaction = Answer(Satisfaction, nameof(Satisfaction), "Indiquez si l’indice de satisfaction est publié.");
        return (new OpenDataInput(publish ?? false, satisfaction ?? false, IndicatorIds), errors);
    }

    public static IReadOnlyList<DsfrChoice> PublishChoices { get; } =
    [
        new(Yes, "Oui, publier le produit", "Son nom, sa description, sa direction, son domaine, sa phase et son adresse figurent dans les fichiers publics."),
        new(No, "Non", "Le produit n’apparaît nulle part dans les données ouvertes."),
    ];

    public static IReadOnlyList<DsfrChoice> SatisfactionChoices { get; } =
    [
        new(Yes, "Oui, publier l’indice de satisfaction", "L’indice sur 10 de la période et son nombre d’avis ; jamais les commentaires des usagers."),
        new(No, "Non"),
    ];
}
