using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Cap.Web.Shared.Problems;

/// <summary>The ProblemDetails answers every feature's endpoints share (one wording, one shape).</summary>
public static class ApiProblems
{
    /// <summary>The fields refused (field → French message): a 400 ValidationProblem.</summary>
    public static ValidationProblem Invalid(Dictionary<string, string> errors) =>
        TypedResults.ValidationProblem(
            errors.ToDictionary(e => e.Key, e => new[] { e.Value }),
            title: "Données invalides",
            detail: "Corrigez les champs signalés puis renvoyez la requête.");

    /// <summary>404: no product has this slug.</summary>
    public static ProblemHttpResult ProductNotFound(string slug) => TypedResults.Problem(new ProblemDetails
    {
        Status = StatusCodes.Status404NotFound,
        Title = "Produit introuvable",
        Detail = $"Aucun produit n’a l’identifiant « {slug} ».",
    });
}
