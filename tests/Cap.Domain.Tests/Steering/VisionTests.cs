using Cap.Domain.Steering;

namespace Cap.Domain.Tests.Steering;

public sealed class VisionTests
{
    private static readonly DateTimeOffset Written = new(2026, 1, 15, 9, 0, 0, TimeSpan.Zero);

    private static Vision Sample() => new()
    {
        ProductId = 7,
        Number = 3,
        Statement = "Permettre aux patients de retrouver leur historique vaccinal.",
        Users = "Professionnels de santé, patients",
        Problems = "Carnets papier perdus.",
        ValueProposition = "Un carnet partagé.",
        ExpectedImpact = "Moins de vaccins refaits.",
        ChangeNote = "Note de la version 3",
        AuthorName = "Karim Benali",
        CreatedAt = Written,
        ReviewedAt = Written.AddDays(10),
        ReviewedByName = "Karim Benali",
    };

    [Fact]
    public void NextVersion_copies_the_parts_with_the_next_number_and_nothing_else()
    {
        var next = Sample().NextVersion();

        Assert.Equal(4, next.Number);
        Assert.Equal(7, next.ProductId);
        foreach (var part in Enum.GetValues<VisionPart>())
        {
            Assert.Equal(Sample().Get(part), next.Get(part));
        }
        Assert.Null(next.ChangeNote);
        Assert.Null(next.ReviewedAt);
        Assert.Equal(string.Empty, next.AuthorName);
    }

    [Fact]
    public void Compare_lists_only_the_changed_parts_with_before_and_after()
    {
        var older = Sample();
        var newer = older.NextVersion();
        newer.Users = "Professionnels de santé, patients, pharmaciens";
        newer.ExpectedImpact = null;

        var changes = Vision.Compare(older, newer);

        Assert.Equal([VisionPart.Users, VisionPart.ExpectedImpact], changes.Select(c => c.Part));
        Assert.Equal(("Professionnels de santé, patients", "Professionnels de santé, patients, pharmaciens"), (changes[0].Before, changes[0].After));
        Assert.Null(changes[1].After);
    }

    [Fact]
    public void Compare_ignores_surrounding_whitespace()
    {
        var older = Sample();
        var newer = older.NextVersion();
        newer.Problems = "  Carnets papier perdus.\n";

        Assert.Empty(Vision.Compare(older, newer));
    }

    [Fact]
    public void Validate_requires_the_statement_in_french()
    {
        var errors = Vision.Validate(_ => "   ");

        Assert.Equal([VisionPart.Statement], errors.Keys);
        Assert.Equal("Saisissez la phrase qui dit pourquoi le produit existe.", errors[VisionPart.Statement]);
    }

    [Fact]
    public void Validate_limits_the_statement_and_the_other_parts()
    {
        Assert.Empty(Vision.Validate(p => p == VisionPart.Statement ? new string('a', Vision.StatementMaxLength) : new string('b', Vision.PartMaxLength)));

        var errors = Vision.Validate(p => p == VisionPart.Statement ? new string('a', Vision.StatementMaxLength + 1) : p == VisionPart.Problems ? new string('b', Vision.PartMaxLength + 1) : null);

        Assert.Contains("300 caractères au plus (actuellement 301)", errors[VisionPart.Statement], StringComparison.Ordinal);
        Assert.Contains("« Problèmes et besoins »", errors[VisionPart.Problems], StringComparison.Ordinal);
        Assert.Equal(2, errors.Count);
    }

    [Fact]
    public void NeedsRevisit_counts_six_months_from_the_later_of_writing_and_review()
    {
        var vision = Sample();
        var lastReview = Written.AddDays(10);

        Assert.False(vision.NeedsRevisit(lastReview + Vision.RevisitAfter));
        Assert.True(vision.NeedsRevisit(lastReview + Vision.RevisitAfter + TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void NeedsRevisit_uses_the_writing_date_when_never_reviewed()
    {
        var vision = Sample();
        vision.ReviewedAt = null;

        Assert.Equal(Written, vision.LastReviewed);
        Assert.True(vision.NeedsRevisit(Written.AddDays(184)));
        Assert.False(vision.NeedsRevisit(Written.AddDays(182)));
    }
}
