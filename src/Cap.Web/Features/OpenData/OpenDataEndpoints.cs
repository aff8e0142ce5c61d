using Cap.Web.Shared.Problems;
using Cap.Web.Shared.Products;
using Cap.Web.Shared.Refusals;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cap.Web.Features.OpenData;

/// <summary>/api/v1/products/{slug}/open-data: what the team publishes in the portfolio's open data.</summary>
public static class OpenDataEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapProductGroup("/open-data").WithTags("Données ouvertes");
        group.MapGet("/", GetOpenData).WithName("GetProductOpenData").RequireProductEdit().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/", PutOpenData).WithName("UpdateProductOpenData").RequireProductEdit()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    /// <summary>Lit ce que l’équipe publie en données ouvertes (équipe du produit ou administrateur) et l’aperçu de la ligne publiée. Tant que rien n’a été enregistré : rien n’est publié, version 0.</summary>
    public static async Task<Ok<OpenDataResponse>> GetOpenData(ProductAccess product, OpenDataSettings settings, OpenDataset dataset, CancellationToken ct) =>
        TypedResults.Ok(OpenDataResponse.From(product.Slug, await settings.LoadAsync(product.Id, ct), await dataset.PreviewAsync(product.Id, ct)));

    /// <summary>Remplace les choix de publication (équipe du produit ou administrateur). <c>version</c> : la version lue (0 si rien n’était enregistré) ; une autre version enregistrée entre-temps répond 409 avec currentVersion. Un indicateur qui n’est pas celui du produit : 400.</summary>
    public static async Task<Results<Ok<OpenDataResponse>, ValidationProblem, Refused>> PutOpenData(
        OpenDataRequest request, ProductAccess product, OpenDataSettings settings, OpenDataset dataset, CancellationToken ct)
    {
        var (input, errors) = request.ToInput();
        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors);
        }
        var result = await settings.SaveAsync(product.Id, input, request.Version!.Value, ct);
        if (result.Refusal is { } refusal)
        {
            return new Refused(refusal, f => f == nameof(Cap.Domain.OpenData.OpenDataInput.IndicatorIds) ? "publishedIndicatorIds" : Refused.JsonField(f));
        }
        return TypedResults.Ok(OpenDataResponse.From(product.Slug, result.Value!, await dataset.PreviewAsync(product.Id, ct)));
    }
}
