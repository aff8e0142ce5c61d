namespace Cap.Domain.Catalogue;

/// <summary>A digital product of the portfolio.</summary>
public class Product : IVersioned, ITimestamped
{
    public const int SlugMaxLength = 80;
    public const int NameMaxLength = 120;
    public const int SummaryMaxLength = 500;
    public const int UrlMaxLength = 300;
    public const int UsersMaxLength = 500;
    public const int KeyFiguresMaxLength = 1000;

    public int Id { get; set; }
    public string Slug { get; set; } = string.Empty;
    public string Name { get; set; } = string.Empty;
    public string Summary { get; set; } = string.Empty;
    public int DirectorateId { get; set; }
    public Directorate? Directorate { get; set; }
    public int DomainId { get; set; }
    public BusinessDomain? Domain { get; set; }
    public int TypologyId { get; set; }
    public Typology? Typology { get; set; }
    public Phase Phase { get; set; } = Phase.Idee;

    /// <summary>
    /// When the product entered its current phase (its last phase change, or its registration): kept with the phase so
    /// that « time in phase » is read, not recomputed from the history, on the committee's home and the portfolio.
    /// </summary>
    public DateTimeOffset PhaseSince { get; set; }
    public string? Url { get; set; }
    /// <summary>Who the users are (citizens, companies, agents), in the team's words.</summary>
    public string? Users { get; set; }
    /// <summary>Key figures (users, volumes) in free text.</summary>
    public string? KeyFigures { get; set; }
    public bool IsArchived { get; set; }
    public DateTimeOffset? ArchivedAt { get; set; }
    public int Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Lower-case, accent-free name, slug and summary, so search behaves the same on every database.</summary>
    [Platform.AuditIgnore]
    public string SearchText { get; set; } = string.Empty;

    public List<TeamMember> Team { get; set; } = [];

    /// <summary>The portfolio dashboard's kept line of the product (derived; null until first computed).</summary>
    public Portfolio.PortfolioSummary? Portfolio { get; set; }

    public void RefreshSearchText() =>
        SearchText = Text.Fold($"{Name} {Slug} {Summary}");
}

/// <summary>A person's membership of a product team, with their product role.</summary>
public class TeamMember : IProductScoped, ITimestamped
{
    public int Id { get; set; }
    public int ProductId { get; set; }
    public Product? Product { get; set; }
    public int PersonId { get; set; }
    public Platform.Person? Person { get; set; }
    public ProductRole Role { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
