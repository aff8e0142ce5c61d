using Cap.Domain.Catalogue;

namespace Cap.Web.Features.Catalogue;

/// <summary>A product as the API creates or replaces it. References are given by their codes (see /api/v1/directorates…).</summary>
/// <param name="Name">Name (120 characters at most).</param>
/// <param name="Slug">URL identifier; made from the name when omitted.</param>
/// <param name="Summary">One-paragraph summary (500 characters at most).</param>
/// <param name="Directorate">Directorate code, e.g. DGS.</param>
/// <param name="Domain">Domain code, e.g. SANTE.</param>
/// <param name="Typology">Typology code, e.g. DOSSIER.</param>
/// <param name="Phase">Life-cycle phase at creation: idea, poc, mvp, construction or generalisation (never stopped). On an update, omit it or give the current phase: the phase changes through the committee or an administrator's override (/lifecycle/override).</param>
/// <param name="Url">Public address of the service.</param>
/// <param name="Users">Who the users are.</param>
/// <param name="KeyFigures">Key figures in free text.</param>
/// <param name="Version">For an update: the version read before editing. A different stored version answers 409.</param>
public sealed record ProductRequest(
    string? Name, string? Slug, string? Summary, string? Directorate, string? Domain, string? Typology,
    string? Phase, string? Url, string? Users, string? KeyFigures, int? Version);

public sealed record ReferenceRef(string Code, string Name);

public sealed record TeamMemberResponse(string Name, string Email, ProductRole Role, string RoleLabel);

public sealed record ProductResponse(
    string Slug, string Name, string Summary, ReferenceRef Directorate, ReferenceRef Domain, ReferenceRef Typology,
    Phase Phase, string PhaseLabel, string? Url, string? Users, string? KeyFigures, bool Archived, DateTimeOffset? ArchivedAt,
    int Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, IReadOnlyList<TeamMemberResponse> Team)
{
    public static ProductResponse From(Product p) => new(
        p.Slug, p.Name, p.Summary,
        new ReferenceRef(p.Directorate!.Code, p.Directorate.Name),
        new ReferenceRef(p.Domain!.Code, p.Domain.Name),
        new ReferenceRef(p.Typology!.Code, p.Typology.Name),
        p.Phase, p.Phase.Label(), p.Url, p.Users, p.KeyFigures, p.IsArchived, p.ArchivedAt,
        p.Version, p.CreatedAt, p.UpdatedAt,
        p.Team.OrderBy(m => m.Role).ThenBy(m => m.Person!.DisplayName)
            .Select(m => new TeamMemberResponse(m.Person!.DisplayName, m.Person.Email, m.Role, m.Role.Label())).ToList());
}

public sealed record ProductSummaryResponse(
    string Slug, string Name, string Summary, Phase Phase, string PhaseLabel, bool Archived,
    ReferenceRef Directorate, ReferenceRef Domain, ReferenceRef Typology, DateTimeOffset UpdatedAt)
{
    public static ProductSummaryResponse From(ProductListItem p) => new(
        p.Slug, p.Name, p.Summary, p.Phase, p.Phase.Label(), p.IsArchived,
        new ReferenceRef(p.DirectorateCode, p.DirectorateName), new ReferenceRef(p.DomainCode, p.DomainName),
        new ReferenceRef(p.TypologyCode, p.TypologyName), p.UpdatedAt);
}

public sealed record ProductPageResponse(IReadOnlyList<ProductSummaryResponse> Items, int Total, int Page, int PageSize, int PageCount);
