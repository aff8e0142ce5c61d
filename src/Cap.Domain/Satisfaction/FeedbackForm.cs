using Cap.Domain.Catalogue;

namespace Cap.Domain.Satisfaction;

/// <summary>
/// The satisfaction form of a product ("Je donne mon avis" compatible): the required question on the overall
/// experience is always asked; the team switches the optional blocks on or off. Every change of the questions
/// asked makes a new <see cref="FeedbackFormVersion"/>, and each answer records the version it was given under.
/// </summary>
public class FeedbackForm : IVersioned, ITimestamped, IProductScoped
{
    public int Id { get; set; }
    public int ProductId { get; set; }
    public Product? Product { get; set; }

    /// <summary>Off: placements answer 404 and the public form is closed.</summary>
    public bool IsEnabled { get; set; }
    public bool AskClarity { get; set; } = true;
    public bool AskHelp { get; set; }
    public bool AskComment { get; set; } = true;

    /// <summary>Opt-in: the statistics (never the comments) are published on a public page.</summary>
    public bool PublicStatistics { get; set; }

    /// <summary>Number of the current <see cref="FeedbackFormVersion"/> (1 for the first).</summary>
    public int ConfigVersion { get; set; } = 1;

    public int Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public FormQuestions Questions => new(AskClarity, AskHelp, AskComment);

    /// <summary>Applies new questions; returns the version row to store when they changed, null otherwise.</summary>
    public FeedbackFormVersion? ChangeQuestions(FormQuestions questions, string authorName)
    {
        if (questions == Questions)
        {
            return null;
        }
        AskClarity = questions.Clarity;
        AskHelp = questions.Help;
        AskComment = questions.Comment;
        ConfigVersion++;
        return FeedbackFormVersion.Of(this, authorName);
    }
}

/// <summary>Which optional blocks a form asks.</summary>
public readonly record struct FormQuestions(bool Clarity, bool Help, bool Comment)
{
    public static readonly FormQuestions Default = new(Clarity: true, Help: false, Comment: true);
}

/// <summary>One version of a form's questions; never changes once stored, so older answers stay interpretable.</summary>
public class FeedbackFormVersion : IProductScoped, ITimestamped
{
    public int Id { get; set; }
    public int FormId { get; set; }
    public FeedbackForm? Form { get; set; }
    public int ProductId { get; set; }
    public int Number { get; set; }
    public bool AskClarity { get; set; }
    public bool AskHelp { get; set; }
    public bool AskComment { get; set; }
    public string AuthorName { get; set; } = string.Empty;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public static FeedbackFormVersion Of(FeedbackForm form, string authorName) => new()
    {
        Form = form, FormId = form.Id, ProductId = form.ProductId, Number = form.ConfigVersion,
        AskClarity = form.AskClarity, AskHelp = form.AskHelp, AskComment = form.AskComment, AuthorName = authorName,
    };
}
