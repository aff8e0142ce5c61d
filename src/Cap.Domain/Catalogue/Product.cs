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

/// <summary>A person's membership of a product team: their access role, the guide's roles they hold and their time share.</summary>
public class TeamMember : IProductScoped, ITimestamped
{
    public int Id { get; set; }
    public int ProductId { get; set; }
    public Product? Product { get; set; }
    public int PersonId { get; set; }
    public Platform.Person? Person { get; set; }
    /// <summary>The access role: what the member may do in Cap (it also makes them the guide's responsable produit or métier).</summary>
    public ProductRole Role { get; set; }

    /// <summary>
    /// The guide's roles the member holds besides the one their access role implies (never <see cref="GuideRoles.Owners"/>:
    /// those are derived, <see cref="GuideRoles.Of(TeamMember)"/>).
    /// </summary>
    public GuideRole ChosenRoles { get; set; }

    /// <summary>The share of their working time the member gives the product, 1 to 100 %, when known.</summary>
    public int? TimeShare { get; set; }

    /// <summary>In charge of accessibility (« référent accessibilité ») without being the team's accessibility expert.</summary>
    public bool AccessibilityReferent { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
