using System.Text.Json.Serialization;
using Cap.Domain.OpenData;

namespace Cap.Web.Features.OpenData;

/// <summary>
/// produits.json: the dataset's products with their published indicators. Each product has the columns of produits.csv
/// and each indicator those of indicateurs.csv (without the product's two), under the same names (docs/open-data.md).
/// </summary>
public sealed record OpenDataDocument(
    [property: JsonPropertyName("version_schema")] string SchemaVersion,
    [property: JsonPropertyName("licence")] string Licence,
    [property: JsonPropertyName("licence_url")] string LicenceUrl,
    [property: JsonPropertyName("date_modification")] DateTimeOffset Modified,
    [property: JsonPropertyName("satisfaction_minimum_avis")] int MinimumAnswers,
    [property: JsonPropertyName("produits")] IReadOnlyList<OpenDataProductItem> Products)
{
    public const string LicenceName = "Licence Ouverte / Open Licence version 2.0";
    public const string LicenceUrlValue = "https://www.etalab.gouv.fr/licence-ouverte-open-licence/";

    public static OpenDataDocument From(OpenDataContent content, DateTimeOffset modified) => new(
        OpenDataRules.SchemaVersion, LicenceName, LicenceUrlValue, modified, content.MinimumAnswers,
        [.. content.Products.Select(OpenDataProductItem.From)]);
}

/// <summary>One product (a row of produits.csv) and its published indicators.</summary>
public sealed record OpenDataProductItem(
    [property: JsonPropertyName("identifiant")] string Identifier,
    [property: JsonPropertyName("nom")] string Name,
    [property: JsonPropertyName("description")] string Summary,
    [property: JsonPropertyName("direction_code")] string DirectorateCode,
    [property: JsonPropertyName("direction")] string Directorate,
    [property: JsonPropertyName("domaine")] string Domain,
    [property: JsonPropertyName("phase")] string Phase,
    [property: JsonPropertyName("phase_libelle")] string PhaseLabel,
    [property: JsonPropertyName("url")] string? Url,
    [property: JsonPropertyName("satisfaction_statut")] string SatisfactionStatus,
    [property: JsonPropertyName("satisfaction_indice")] decimal? SatisfactionIndex,
    [property: JsonPropertyName("satisfaction_avis")] long? SatisfactionAnswers,
    [property: JsonPropertyName("satisfaction_debut")] string? SatisfactionFrom,
    [property: JsonPropertyName("satisfaction_fin")] string? SatisfactionTo,
    [property: JsonPropertyName("indicateurs_publies")] int PublishedIndicators,
    [property: JsonPropertyName("indicateurs")] IReadOnlyList<OpenDataIndicatorItem> Indicators)
{
    public static OpenDataProductItem From(PublishedProduct p) => new(
        p.Slug, p.Name, p.Summary, p.DirectorateCode, p.DirectorateName, p.DomainName, p.PhaseCode, Cap.Domain.Catalogue.PhaseExtensions.Label(p.Phase), p.Url,
        p.Satisfaction.Code(), p.SatisfactionIndex is { } index ? Cap.Domain.Steering.FlexibleParse.Normalize(index) : null, p.SatisfactionAnswers, OpenDataset.Iso(p.SatisfactionFrom), OpenDataset.Iso(p.SatisfactionTo),
        p.Indicators.Count, [.. p.Indicators.Select(OpenDataIndicatorItem.From)]);

    /// <summary>The row of produits.csv, in the order of <see cref="OpenDataFields.Products"/>.</summary>
    public object?[] CsvRow() =>
        [Identifier, Name, Summary, DirectorateCode, Directorate, Domain, Phase, PhaseLabel, Url, SatisfactionStatus, SatisfactionIndex, SatisfactionAnswers,
         SatisfactionFrom, SatisfactionTo, PublishedIndicators];
}

/// <summary>One published indicator (a row of indicateurs.csv without the product's columns).</summary>
public sealed record OpenDataIndicatorItem(
    [property: JsonPropertyName("indicateur")] string Name,
    [property: JsonPropertyName("type")] string Kind,
    [property: JsonPropertyName("unite")] string Unit,
    [property: JsonPropertyName("sens")] string Direction,
    [property: JsonPropertyName("valeur_reference")] decimal Baseline,
    [property: JsonPropertyName("date_reference")] string BaselineDate,
    [property: JsonPropertyName("cible")] decimal Target,
    [property: JsonPropertyName("cible_max")] decimal? TargetMax,
    [property: JsonPropertyName("date_cible")] string TargetDate,
    [property: JsonPropertyName("derniere_valeur")] decimal? LatestValue,
    [property: JsonPropertyName("date_derniere_valeur")] string? LatestDate,
    [property: JsonPropertyName("frequence")] string Frequency)
{
    public static OpenDataIndicatorItem From(PublishedIndicator i) => new(
        i.Name, i.KindCode, i.Unit, i.DirectionCode, Normalize(i.Baseline), OpenDataset.Iso(i.BaselineDate)!, Normalize(i.Target),
        i.TargetMax is { } max ? Normalize(max) : null, OpenDataset.Iso(i.TargetDate)!, i.LatestValue is { } v ? Normalize(v) : null,
        OpenDataset.Iso(i.LatestDate), i.FrequencyCode);

    private static decimal Normalize(decimal value) => Cap.Domain.Steering.FlexibleParse.Normalize(value);

    /// <summary>The row of indicateurs.csv, in the order of <see cref="OpenDataFields.Indicators"/>.</summary>
    public object?[] CsvRow(OpenDataProductItem product) =>
        [product.Identifier, product.Name, Name, Kind, Unit, Direction, Baseline, BaselineDate, Target, TargetMax, TargetDate, LatestValue, LatestDate, Frequency];
}
