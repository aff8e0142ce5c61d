namespace Cap.Domain.OpenData;

/// <summary>The opt-ins as a command sets them.</summary>
/// <param name="IsPublished">Publish the product's row.</param>
/// <param name="PublishSatisfaction">Publish its satisfaction index (only with the product).</param>
/// <param name="IndicatorIds">The indicators to publish (only with the product); each must be one of the product's.</param>
public sealed record OpenDataInput(bool IsPublished, bool PublishSatisfaction, IReadOnlyList<int> IndicatorIds);

/// <summary>The satisfaction figure as published: the period's index, or why it is not given.</summary>
public enum PublishedSatisfaction
{
    /// <summary>The team does not publish it (or the product has no answers form).</summary>
    NotPublished = 0,
    /// <summary>Fewer answers than the minimum over the period: the count is published, not the index.</summary>
    TooFewAnswers = 1,
    Published = 2,
}

/// <summary>
/// The rules of the open data (decision 0020): the satisfaction window and the minimum number of answers below which the
/// index is not published (like the State's observatory, « nombre d'avis insuffisant » below 100), and what the team may
/// choose.
/// </summary>
public static class OpenDataRules
{
    /// <summary>The schema's version: a field added is a minor version, a field renamed, removed or retyped a major one (and new /vN/ files).</summary>
    public const string SchemaVersion = "1.0.0";

    /// <summary>The path segment of the files of this major version.</summary>
    public const string MajorPath = "v1";

    public const int DefaultSatisfactionDays = 90;
    public const int DefaultMinimumAnswers = 100;

    /// <summary>
    /// The period the index covers: the <paramref name="days"/> full Paris days before <paramref name="today"/> (today's
    /// answers are still coming, so the figure changes at most once a day).
    /// </summary>
    public static (DateOnly From, DateOnly To) SatisfactionPeriod(DateOnly today, int days) =>
        (today.AddDays(-days), today.AddDays(-1));

    /// <summary>Whether the index of <paramref name="answers"/> answers is published.</summary>
    public static PublishedSatisfaction Satisfaction(bool optedIn, long answers, int minimumAnswers) =>
        !optedIn ? PublishedSatisfaction.NotPublished
        : answers < minimumAnswers ? PublishedSatisfaction.TooFewAnswers
        : PublishedSatisfaction.Published;

    public static string Label(this PublishedSatisfaction satisfaction) => satisfaction switch
    {
        PublishedSatisfaction.Published => "Publié",
        PublishedSatisfaction.TooFewAnswers => "Nombre d’avis insuffisant",
        _ => "Non publié",
    };

    /// <summary>The code written in the files (stable, ASCII).</summary>
    public static string Code(this PublishedSatisfaction satisfaction) => satisfaction switch
    {
        PublishedSatisfaction.Published => "publie",
        PublishedSatisfaction.TooFewAnswers => "avis-insuffisants",
        _ => "non-publie",
    };

    /// <summary>The French messages by field of an input the product's indicators do not allow (empty when it is valid).</summary>
    public static Dictionary<string, string> Validate(OpenDataInput input, IReadOnlyCollection<int> productIndicatorIds)
    {
        var errors = new Dictionary<string, string>();
        if (input.IndicatorIds.Any(id => !productIndicatorIds.Contains(id)))
        {
            errors[nameof(OpenDataInput.IndicatorIds)] = "Choisissez parmi les indicateurs du produit : l’un de ceux indiqués n’en fait pas partie.";
        }
        else if (input.IndicatorIds.Distinct().Count() != input.IndicatorIds.Count)
        {
            errors[nameof(OpenDataInput.IndicatorIds)] = "Chaque indicateur ne peut être choisi qu’une fois.";
        }
        return errors;
    }

    /// <summary>Applies the input to the stored choices: the indicators' rows follow the list (added, removed).</summary>
    public static void Apply(ProductOpenData record, OpenDataInput input)
    {
        record.IsPublished = input.IsPublished;
        record.PublishSatisfaction = input.PublishSatisfaction;
        var wanted = input.IndicatorIds.ToHashSet();
        record.Indicators.RemoveAll(i => !wanted.Contains(i.IndicatorId));
        foreach (var id in wanted.Where(id => record.Indicators.All(i => i.IndicatorId != id)).Order())
        {
            record.Indicators.Add(new OpenDataIndicator { ProductId = record.ProductId, IndicatorId = id });
        }
    }
}
