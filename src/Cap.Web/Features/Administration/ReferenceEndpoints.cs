using Cap.Data;
using Cap.Domain.Catalogue;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Administration;

public sealed record ReferenceItemResponse(string Code, string Name, string? Description, bool Active);

public sealed record PhaseResponse(Phase Code, string Label, int Order, string Goal);

/// <summary>The reference lists, read-only, so that scripts can use their codes.</summary>
public static class ReferenceEndpoints
{
    public static RouteGroupBuilder MapReferenceEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/").WithTags("Référentiels");
        group.MapGet("/directorates", ListDirectorates).WithName("ListDirectorates").WithSummary("Liste les directions.");
        group.MapGet("/domains", ListDomains).WithName("ListDomains").WithSummary("Liste les domaines.");
        group.MapGet("/priorities", ListPriorities).WithName("ListPriorities").WithSummary("Liste les priorités ministérielles.");
        group.MapGet("/typologies", ListTypologies).WithName("ListTypologies").WithSummary("Liste les typologies de produit.");
        group.MapGet("/phases", ListPhases).WithName("ListPhases").WithSummary("Liste les phases du cycle de vie.");
        return group;
    }

    public static Task<Ok<List<ReferenceItemResponse>>> ListDirectorates(CapDbContext db, CancellationToken ct) => ListAsync(db, ReferenceKind.Directorate, ct);

    public static Task<Ok<List<ReferenceItemResponse>>> ListDomains(CapDbContext db, CancellationToken ct) => ListAsync(db, ReferenceKind.Domain, ct);

    public static Task<Ok<List<ReferenceItemResponse>>> ListPriorities(CapDbContext db, CancellationToken ct) => ListAsync(db, ReferenceKind.Priority, ct);

    public static Task<Ok<List<ReferenceItemResponse>>> ListTypologies(CapDbContext db, CancellationToken ct) => ListAsync(db, ReferenceKind.Typology, ct);

    /// <summary>A reference list, active entries first.</summary>
    private static async Task<Ok<List<ReferenceItemResponse>>> ListAsync(CapDbContext db, ReferenceKind kind, CancellationToken ct) =>
        TypedResults.Ok(await db.References(kind).AsNoTracking()
            .OrderByDescending(r => r.IsActive).ThenBy(r => r.Name)
            .Select(r => new ReferenceItemResponse(r.Code, r.Name, r.Description, r.IsActive))
            .ToListAsync(ct));

    /// <summary>Liste les phases du cycle de vie, dans l’ordre.</summary>
    public static Ok<List<PhaseResponse>> ListPhases() =>
        TypedResults.Ok(Enum.GetValues<Phase>().Select(p => new PhaseResponse(p, p.Label(), (int)p, p.Goal())).ToList());
}
