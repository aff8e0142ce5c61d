using Cap.Domain;
using Cap.Web.Shared.Problems;
using Cap.Web.Shared.Products;
using Cap.Web.Shared.Refusals;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Cap.Web.Features.Catalogue;

/// <summary>/api/v1/products/{slug}/team: the team's composition against the guide, and a member's staffing.</summary>
public static class TeamEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var team = api.MapProductGroup("/team").WithTags("Produits");
        team.MapGet("/", GetTeam).WithName("GetProductTeam").ProducesProblem(StatusCodes.Status404NotFound);
        team.MapPut("/{memberId:int}/staffing", PutStaffing).WithName("UpdateTeamMemberStaffing").RequireProductRight(ProductRight.ManageTeam)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    /// <summary>Lit l’équipe du produit : chaque membre avec son rôle d’accès, ses rôles du guide et sa part de temps ; les alertes de composition (responsable métier sous 60 %, pas de designer, personne en charge de l’accessibilité d’un produit public, rôle demandé par la phase tenu par personne) ; les rôles que la phase demande ; le partage des responsabilités entre responsable métier et responsable produit.</summary>
    public static async Task<Results<Ok<TeamResponse>, ProblemHttpResult>> GetTeam(ProductAccess product, TeamStaffing team, CancellationToken ct) =>
        await team.ReadAsync(product.Id, ct) is { } view ? TypedResults.Ok(TeamResponse.From(product.Slug, view)) : ApiProblems.ProductNotFound(product.Slug);

    /// <summary>Remplace les rôles du guide, la part de temps et le rôle de référent accessibilité d’un membre (responsables du produit ou administrateur). Rôle inconnu ou part de temps hors de 1 à 100 : 400 ; rôle de responsable métier ou produit qui ne suit pas le rôle d’accès : 422 ; membre d’une autre équipe : 404. Répond l’équipe entière, alertes recalculées.</summary>
    public static async Task<Results<Ok<TeamResponse>, ValidationProblem, Refused, ProblemHttpResult>> PutStaffing(
        int memberId, StaffingRequest request, ProductAccess product, TeamStaffing team, CancellationToken ct)
    {
        var (input, errors) = request.ToInput();
        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors);
        }
        var result = await team.SetStaffingAsync(product.Id, memberId, input, ct);
        if (result.Refusal is { } refusal)
        {
            return refusal.Kind == RefusalKind.NotFound
                ? TypedResults.Problem(new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "Membre introuvable", Detail = $"Le produit « {product.Slug} » n’a pas de membre {memberId}." })
                : new Refused(refusal);
        }
        return TypedResults.Ok(TeamResponse.From(product.Slug, (await team.ReadAsync(product.Id, ct))!));
    }
}
