using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Shared.Problems;

/// <summary>
/// Maps what reaches the top of the pipeline to RFC 9110 problem details: malformed or oversized
/// requests become 400/413/415 with a French explanation, a write that lost a race against another (optimistic
/// concurrency) becomes 409; anything else is a 500 whose details stay in the logs.
/// </summary>
public sealed class ProblemDetailsExceptionHandler(ILogger<ProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // Screens get the French error page (re-executed by the middleware); the API gets ProblemDetails.
        if (!httpContext.Request.Path.StartsWithSegments("/api"))
        {
            return false;
        }
        var problem = exception switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => new ProblemDetails
            {
                Status = StatusCodes.Status413PayloadTooLarge,
                Title = "Requête trop volumineuse",
                Detail = "Le corps de la requête dépasse la taille autorisée.",
            },
            BadHttpRequestException { InnerException: JsonException json } => InvalidJson(json),
            JsonException json => InvalidJson(json),
            // Two writers read the same version; the second one's save finds the row changed (or gone) under it.
            DbUpdateConcurrencyException => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Modification concurrente",
                Detail = "La ressource a été modifiée par une autre requête pendant le traitement de celle-ci : rien n’a été enregistré. Relisez-la, puis renvoyez vos changements.",
            },
            // A body that is absent or the JSON literal null, for a handler whose body parameter is not nullable: the
            // same answer as RequiredBodyFilter gives when the framework lets the null through.
            BadHttpRequestException { StatusCode: StatusCodes.Status400BadRequest } bad when IsMissingBody(bad) => MissingBody(),
            BadHttpRequestException bad => new ProblemDetails
            {
                Status = bad.StatusCode,
                Title = "Requête invalide",
                Detail = bad.StatusCode == StatusCodes.Status415UnsupportedMediaType
                    ? "Le corps de la requête doit être du JSON (Content-Type: application/json)."
                    : "La requête est mal formée : vérifiez les paramètres et le corps envoyés.",
            },
            _ => null,
        };
        if (problem is null)
        {
            logger.LogError(exception, "Unhandled exception on {Path}", httpContext.Request.Path);
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "Erreur interne",
                Detail = "Une erreur inattendue s’est produite. Elle a été enregistrée ; réessayez plus tard.",
            };
        }
        problem.Extensions["traceId"] = httpContext.TraceIdentifier;
        // Written whatever the Accept header says: an API client always gets application/problem+json.
        await Results.Problem(problem).ExecuteAsync(httpContext);
        return true;
    }

    /// <summary>The framework's messages for a required body that did not come (ASP.NET Core's RequestDelegateFactory).</summary>
    private static bool IsMissingBody(BadHttpRequestException bad) =>
        bad.Message.EndsWith(" was not provided from body.", StringComparison.Ordinal)
        || bad.Message.Contains(" but no body was provided.", StringComparison.Ordinal);

    private static ValidationProblemDetails MissingBody() => new(new Dictionary<string, string[]>
    {
        ["$"] = ["Le corps de la requête est vide ou vaut null : envoyez un objet JSON."],
    })
    {
        Status = StatusCodes.Status400BadRequest,
        Title = "Requête invalide",
        Detail = "Le corps JSON de la requête est obligatoire.",
    };

    private static ValidationProblemDetails InvalidJson(JsonException json)
    {
        var field = string.IsNullOrEmpty(json.Path) || json.Path == "$" ? "$" : json.Path.TrimStart('$', '.');
        return new ValidationProblemDetails(new Dictionary<string, string[]>
        {
            [field] = [field == "$"
                ? "Le corps de la requête n’est pas un JSON valide."
                : $"La valeur du champ « {field} » n’a pas le bon type ou le bon format."],
        })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "Requête invalide",
            Detail = "Le JSON envoyé ne peut pas être lu.",
        };
    }
}
