namespace Cap.Domain.Steering;

/// <summary>The five parts of a product vision (guide: reason to exist, users, problems, value proposition, impact).</summary>
public enum VisionPart
{
    Statement = 1,
    Users = 2,
    Problems = 3,
    ValueProposition = 4,
    ExpectedImpact = 5,
}

public static class VisionPartExtensions
{
    public static string Label(this VisionPart part) => part switch
    {
        VisionPart.Statement => "Raison d’être",
        VisionPart.Users => "Usagers cibles",
        VisionPart.Problems => "Problèmes et besoins",
        VisionPart.ValueProposition => "Solution et proposition de valeur",
        VisionPart.ExpectedImpact => "Impact attendu",
        _ => part.ToString(),
    };
}

/// <summary>
/// One version of a product's vision. Versions are never edited: saving creates the next number.
/// "Confirm still valid" only stamps <see cref="ReviewedAt"/> on the current version.
/// </summary>
public class Vision : IProductScoped
{
    public const int StatementMaxLength = 300;
    public const int PartMaxLength = 2000;
    /// <summary>A vision not reviewed for this long is flagged "à revisiter".</summary>
    public static readonly TimeSpan RevisitAfter = TimeSpan.FromDays(183);

    public int Id { get; set; }
    public int ProductId { get; set; }
    public Catalogue.Product? Product { get; set; }
    public int Number { get; set; }
    public string Statement { get; set; } = string.Empty;
    public string? Users { get; set; }
    public string? Problems { get; set; }
    public string? ValueProposition { get; set; }
    public string? ExpectedImpact { get; set; }
    /// <summary>Why this version was written (free note), or the accepted proposal it comes from.</summary>
    public string? ChangeNote { get; set; }
    public int? AuthorId { get; set; }
    public string AuthorName { get; set; } = string.Empty;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
    public string? ReviewedByName { get; set; }

    public string? Get(VisionPart part) => part switch
    {
        VisionPart.Statement => Statement,
        VisionPart.Users => Users,
        VisionPart.Problems => Problems,
        VisionPart.ValueProposition => ValueProposition,
        VisionPart.ExpectedImpact => ExpectedImpact,
        _ => null,
    };

    public void Set(VisionPart part, string? value)
    {
        switch (part)
        {
            case VisionPart.Statement: Statement = value ?? string.Empty; break;
            case VisionPart.Users: Users = value; break;
            case VisionPart.Problems: Problems = value; break;
            case VisionPart.ValueProposition: ValueProposition = value; break;
            case VisionPart.ExpectedImpact: ExpectedImpact = value; break;
        }
    }

    /// <summary>The last time someone wrote or confirmed the vision.</summary>
    public DateTimeOffset LastReviewed => ReviewedAt is { } r && r > CreatedAt ? r : CreatedAt;

    public bool NeedsRevisit(DateTimeOffset now) => now - LastReviewed > RevisitAfter;

    /// <summary>A copy as the next version, to be edited before saving.</summary>
    public Vision NextVersion() => new()
    {
        ProductId = ProductId,
        Number = Number + 1,
        Statement = Statement,
        Users = Users,
        Problems = Problems,
        ValueProposition = ValueProposition,
        ExpectedImpact = ExpectedImpact,
    };

    /// <summary>The parts that differ between two versions.</summary>
    public static IReadOnlyList<(VisionPart Part, string? Before, string? After)> Compare(Vision older, Vision newer) =>
        Enum.GetValues<VisionPart>()
            .Where(p => !string.Equals(older.Get(p)?.Trim(), newer.Get(p)?.Trim(), StringComparison.Ordinal))
            .Select(p => (p, older.Get(p), newer.Get(p)))
            .ToList();

    /// <summary>Shape rules of a vision's parts (French messages by part).</summary>
    public static Dictionary<VisionPart, string> Validate(Func<VisionPart, string?> value)
    {
        var errors = new Dictionary<VisionPart, string>();
        var statement = value(VisionPart.Statement)?.Trim();
        if (string.IsNullOrEmpty(statement))
        {
            errors[VisionPart.Statement] = "Saisissez la phrase qui dit pourquoi le produit existe.";
        }
        else if (statement.Length > StatementMaxLength)
        {
            errors[VisionPart.Statement] = $"La raison d’être tient en une phrase : {StatementMaxLength} caractères au plus (actuellement {statement.Length}).";
        }
        foreach (var part in new[] { VisionPart.Users, VisionPart.Problems, VisionPart.ValueProposition, VisionPart.ExpectedImpact })
        {
            if (value(part)?.Trim() is { Length: > PartMaxLength } text)
            {
                errors[part] = $"« {part.Label()} » ne doit pas dépasser {PartMaxLength} caractères (actuellement {text.Length}).";
            }
        }
        return errors;
    }
}

public enum ContributionKind
{
    Comment = 1,
    Proposal = 2,
}

public enum ContributionStatus
{
    Open = 1,
    Accepted = 2,
    Declined = 3,
    /// <summary>A comment the team has answered.</summary>
    Answered = 4,
}

/// <summary>A comment on, or a proposed wording of, one part of the vision, by anyone; the team answers.</summary>
public class VisionContribution : IProductScoped
{
    public const int TextMaxLength = 2000;

    public int Id { get; set; }
    public int ProductId { get; set; }
    /// <summary>The version the contribution was made on.</summary>
    public int VisionId { get; set; }
    public Vision? Vision { get; set; }
    public VisionPart Part { get; set; }
    public ContributionKind Kind { get; set; }
    public string Text { get; set; } = string.Empty;
    public int? AuthorId { get; set; }
    public string AuthorName { get; set; } = string.Empty;
    public DateTimeOffset CreatedAt { get; set; }
    public ContributionStatus Status { get; set; } = ContributionStatus.Open;
    public string? Answer { get; set; }
    public string? AnsweredByName { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    /// <summary>The version created by accepting this proposal.</summary>
    public int? ResultingVisionId { get; set; }
}
