namespace Cap.Domain.Checklist;

/// <summary>The answer scale. The guide asks yes/no questions; teams expect a middle answer and a way to say they do not know.</summary>
public enum ChecklistAnswerValue
{
    Yes = 1,
    Partly = 2,
    No = 3,
    Unknown = 4,
}

public static class ChecklistAnswerValueExtensions
{
    public static string Label(this ChecklistAnswerValue value) => value switch
    {
        ChecklistAnswerValue.Yes => "Oui",
        ChecklistAnswerValue.Partly => "Partiellement",
        ChecklistAnswerValue.No => "Non",
        ChecklistAnswerValue.Unknown => "Ne sait pas",
        _ => value.ToString(),
    };
}

/// <summary>
/// One dated self-assessment of a product against the checklist, saved whole (every question answered, « ne sait pas »
/// allowed) and never edited afterwards: the next one is a new assessment. Its overall score is kept on the row so that
/// the portfolio reads one row per product.
/// </summary>
public class ChecklistAssessment : IProductScoped
{
    public int Id { get; set; }
    public int ProductId { get; set; }
    public Catalogue.Product? Product { get; set; }

    /// <summary>1 for the product's first assessment, then 2, 3…</summary>
    public int Number { get; set; }

    /// <summary>The catalogue answered (<see cref="ChecklistCatalogue.Version"/>), whose wording the assessment keeps.</summary>
    public int CatalogueVersion { get; set; }

    public DateTimeOffset AssessedAt { get; set; }
    public int? AuthorId { get; set; }
    public string AuthorName { get; set; } = string.Empty;

    /// <summary>Overall score in percent (<see cref="ChecklistRules.Score"/>), null when every answer is « ne sait pas ».</summary>
    public int? ScorePercent { get; set; }

    /// <summary>How many answers are « ne sait pas » (left out of the score).</summary>
    public int UnknownCount { get; set; }

    public List<ChecklistAnswer> Answers { get; set; } = [];
}

/// <summary>One answer of an assessment: the question's key in the assessment's catalogue, the answer and an optional comment.</summary>
public class ChecklistAnswer : IProductScoped
{
    public const int KeyMaxLength = 60;
    public const int CommentMaxLength = 2000;

    public int Id { get; set; }
    public int AssessmentId { get; set; }
    public ChecklistAssessment? Assessment { get; set; }
    public int ProductId { get; set; }
    public string QuestionKey { get; set; } = string.Empty;
    public ChecklistAnswerValue Value { get; set; }
    public string? Comment { get; set; }
}
