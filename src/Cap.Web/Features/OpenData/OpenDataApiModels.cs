using Cap.Domain.OpenData;
using Cap.Domain.Steering;

namespace Cap.Web.Features.OpenData;

/// <summary>The team's open-data choices as the API replaces them (every field).</summary>
/// <param name="IsPublished">Publish the product's row (name, summary, directorate, domain, phase, address). Required.</param>
/// <param name="PublishSatisfaction">Publish its satisfaction index of the period with its number of answers (only while the product is published). Required.</param>
/// <param name="PublishedIndicatorIds">The ids of the product's indicators whose latest value is published (only while the product is published); empty for none.</param>
/// <param name="Version">The version read (0 when the team never saved): a different stored version answers 409.</param>
public sealed record OpenDataRequest(bool? IsPublished, bool? PublishSatisfaction, List<int>? PublishedIndicatorIds, int? Version)
{
    public (OpenDataInput Input, Dictionary<string, string> Errors) ToInput()
    {
        var errors = new Dictionary<string, string>();
        if (IsPublished is null)
        {
            errors["isPublished"] = "Indiquez si le produit est publié (true ou false).";
        }
        if (PublishSatisfaction is null)
        {
            errors["publishSatisfaction"] = "Indiquez si l’indice de satisfaction est publié (true ou false).";
        }
        if (Version is null)
        {
            errors["version"] = "Indiquez la version lue avant modification (champ version, 0 si rien n’a encore été enregistré).";
        }
        return (new OpenDataInput(IsPublished ?? false, PublishSatisfaction ?? false, PublishedIndicatorIds ?? []), errors);
    }
}

/// <summary>One of the product's indicators and whether its latest value is published.</summary>
public sealed record OpenDataIndicatorResponse(int Id, string Name, IndicatorKind Kind, string KindLabel, string Unit, decimal? LastValue, DateOnly? LastDate, bool IsPublished);

/// <summary>
/// The team's open-data choices (version 0 while never saved: nothing published), and <c>preview</c>: the product's item
/// exactly as produits.json shows it while the product is published (null for an archived product, never published).
/// </summary>
public sealed record OpenDataResponse(
    string Product, bool IsPublished, bool PublishSatisfaction, IReadOnlyList<OpenDataIndicatorResponse> Indicators, int Version, DateTimeOffset? UpdatedAt,
    OpenDataProductItem? Preview)
{
    public static OpenDataResponse From(string slug, OpenDataChoices choices, PublishedProduct? preview) => new(
        slug, choices.IsPublished, choices.PublishSatisfaction,
        [.. choices.Indicators.Select(i => new OpenDataIndicatorResponse(i.Id, i.Name, i.Kind, i.Kind.Label(), i.Unit, i.LastValue, i.LastDate, i.IsPublished))],
        choices.Version, choices.UpdatedAt, preview is null ? null : OpenDataProductItem.From(preview));
}
