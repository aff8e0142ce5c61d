using Microsoft.AspNetCore.Mvc;

namespace Cap.Web.Shared.Problems;

/// <summary>Gives every bodiless error response a body: ProblemDetails under /api, a French page elsewhere.</summary>
public static class StatusCodeResponses
{
    public static IApplicationBuilder UseCapStatusCodePages(this IApplicationBuilder app)
    {
        app.UseWhen(IsApi, api => api.UseStatusCodePages(context => WriteProblemAsync(context.HttpContext)));
        app.UseWhen(ctx => !IsApi(ctx), screens => screens.UseStatusCodePagesWithReExecute("/erreur/{0}"));
        return app;
    }

    /// <summary>Whether this response is an error still without a body (what the status-code pages fill in).</summary>
    public static bool IsBodilessError(HttpResponse response) =>
        !response.HasStarted && response.StatusCode is >= 400 and < 600
        && response.ContentLength is null && string.IsNullOrEmpty(response.ContentType);

    /// <summary>Writes the ProblemDetails of the response's status (title and detail in French, trace id).</summary>
    public static Task WriteProblemAsync(HttpContext http)
    {
        var status = http.Response.StatusCode;
        var problem = new ProblemDetails { Status = status, Title = TitleFor(status), Detail = DetailFor(status) };
        problem.Extensions["traceId"] = http.TraceIdentifier;
        return Results.Problem(problem).ExecuteAsync(http);
    }

    private static bool IsApi(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/health");

    public static string TitleFor(int status) => status switch
    {
        400 => "Requête invalide",
        401 => "Authentification requise",
        403 => "Accès refusé",
        404 => "Ressource introuvable",
        405 => "Méthode non autorisée",
        409 => "Conflit",
        413 => "Requête trop volumineuse",
        415 => "Type de contenu non pris en charge",
        422 => "Requête impossible à traiter",
        429 => "Trop de requêtes",
        _ => "Erreur",
    };

    public static string DetailFor(int status) => status switch
    {
        401 => "Connectez-vous, ou envoyez un jeton d’API valide dans l’en-tête Authorization: Bearer.",
        403 => "Vos droits ne permettent pas cette action.",
        404 => "La ressource demandée n’existe pas.",
        405 => "Cette méthode HTTP n’est pas acceptée à cette adresse.",
        _ => TitleFor(status),
    };
}
