using Cap.Web.Shared.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace Cap.Web.Shared.Auth;

/// <summary>
/// Cross-site request forgery on the API: a write (POST, PUT, PATCH, DELETE) to <c>/api/v1</c> authenticated by the
/// session cookie — which a browser attaches by itself — must come from Cap's own pages. The browser says so with
/// <c>Sec-Fetch-Site: same-origin</c> (or <c>none</c>, typed by the person), or, for older browsers, with an
/// <c>Origin</c> header equal to the request's origin or to the configured public origin. Anything else answers 403
/// ProblemDetails. A request carrying an API token (<c>Authorization: Bearer</c>) is not concerned: no browser adds
/// that header on its own.
/// </summary>
public static class ApiSameOrigin
{
    public static IApplicationBuilder UseApiSameOrigin(this IApplicationBuilder app) =>
        app.Use((context, next) =>
            NeedsCheck(context) && !IsSameOrigin(context.Request, context.RequestServices.GetRequiredService<PublicUrls>())
                ? RefuseAsync(context)
                : next(context));

    private static bool NeedsCheck(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api/v1")
        && !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method) && !HttpMethods.IsOptions(context.Request.Method)
        && context.Features.Get<IAuthenticateResultFeature>()?.AuthenticateResult?.Ticket?.AuthenticationScheme == CapClaims.CookieScheme;

    /// <summary>Whether the browser says the request comes from Cap's own origin.</summary>
    public static bool IsSameOrigin(HttpRequest request, PublicUrls urls)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0)
        {
            return site is "same-origin" or "none";
        }
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0 || origin == "null")
        {
            return false;
        }
        return string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase)
            || (urls.Origin is { } configured && string.Equals(origin, configured, StringComparison.OrdinalIgnoreCase));
    }

    private static Task RefuseAsync(HttpContext context)
    {
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status403Forbidden,
            Title = "Origine de la requête refusée",
            Detail = "Une écriture dans l’API avec la session du navigateur doit venir des pages de Cap (en-têtes Sec-Fetch-Site ou Origin). " +
                "Un script ou un autre service utilise un jeton d’API (« Authorization: Bearer cap_… »).",
        };
        problem.Extensions["traceId"] = context.TraceIdentifier;
        return Results.Problem(problem).ExecuteAsync(context);
    }
}
