using Cap.Data;
using Cap.Domain.Steering;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Cap.Web.Shared.Products;

namespace Cap.Web.Features.Vision;

public sealed record VisionVersionSummary(int Number, DateTimeOffset CreatedAt, string AuthorName, string? ChangeNote);

public sealed record VisionResponse(
    int Number, string Statement, string? Users, string? Problems, string? ValueProposition, string? ExpectedImpact,
    string? ChangeNote, string AuthorName, DateTimeOffset CreatedAt, DateTimeOffset? ReviewedAt, string? ReviewedByName, bool NeedsRevisit);

public sealed record ProductVisionResponse(string Product, VisionResponse? Current, int OpenProposals, IReadOnlyList<VisionVersionSummary> Versions);

public sealed record ObjectiveResponse(int Id, int Position, string Title, string? Description, DateOnly? Horizon, ObjectiveStatus Status, IReadOnlyList<string> Priorities, int Version);

/// <summary>/api/v1/products/{slug}/vision and /objectives: read-only views of the product's steering.</summary>
public static class VisionEndpoints
{
    public static RouteGroupBuilder MapVisionApi(this RouteGroupBuilder api)
    {
        var group = api.MapProductGroup().WithTags("Vision et objectifs");
        group.MapGet("/vision", GetVision).WithName("GetProductVision").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/objectives", ListObjectives).WithName("ListProductObjectives").ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    /// <summary>Lit la vision actuelle du produit (null s’il n’en a pas), le nombre de propositions ouvertes et la liste de ses versions, de la plus récente à la plus ancienne.</summary>
    public static async Task<Ok<ProductVisionResponse>> GetVision(ProductAccess product, CapDbContext db, TimeProvider time, CancellationToken ct)
    {
        var productId = product.Id;
        var versions = await db.Visions.AsNoTracking().Where(v => v.ProductId == productId).OrderByDescending(v => v.Number).ToListAsync(ct);
        var openProposals = await db.VisionContributions.CountAsync(c => c.ProductId == productId && c.Kind == ContributionKind.Proposal && c.Status == ContributionStatus.Open, ct);
        var current = versions.FirstOrDefault() is { } v
            ? new VisionResponse(v.Number, v.Statement, v.Users, v.Problems, v.ValueProposition, v.ExpectedImpact, v.ChangeNote, v.AuthorName, v.CreatedAt, v.ReviewedAt, v.ReviewedByName, v.NeedsRevisit(time.GetUtcNow()))
            : null;
        return TypedResults.Ok(new ProductVisionResponse(product.Slug, current, openProposals,
            versions.Select(x => new VisionVersionSummary(x.Number, x.CreatedAt, x.AuthorName, x.ChangeNote)).ToList()));
    }

    /// <summary>Liste les objectifs du produit dans l’ordre choisi par l’équipe, avec les codes des priorités ministérielles alignées. Statut : active, reached, abandoned.</summary>
    public static async Task<Ok<List<ObjectiveResponse>>> ListObjectives(ProductAccess product, VisionService vision, CancellationToken ct)
    {
        var items = await vision.ObjectivesAsync(product.Id, tracking: false, ct);
        return TypedResults.Ok(items.Select(o => new ObjectiveResponse(o.Id, o.Position, o.Title, o.Description, o.Horizon,
            o.Status, o.Priorities.Select(p => p.MinistryPriority!.Code).ToList(), o.Version)).ToList());
    }
}
