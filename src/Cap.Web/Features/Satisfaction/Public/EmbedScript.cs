using System.Text.Json;
using Cap.Web.Shared.Hosting;

namespace Cap.Web.Features.Satisfaction.Public;

/// <summary>
/// /avis/{key}/bouton.js: the one-line integration. A plain JavaScript file (no inline script on either side, so
/// both Cap's and the host page's CSP can stay strict) that inserts, right after its own script element, a link
/// styled as a DSFR button which opens the form in a new window.
/// </summary>
public static class EmbedScript
{
    public static IEndpointRouteBuilder MapEmbedScript(this IEndpointRouteBuilder app)
    {
        app.MapGet("/avis/{key}/bouton.js", Serve).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> Serve(string key, HttpContext http, SatisfactionService service, PublicUrls urls, CancellationToken ct)
    {
        var placement = await service.OpenPlacementAsync(key, ct);
        if (placement is null)
        {
            return TypedResults.NotFound();
        }
        http.Response.Headers.CacheControl = "public, max-age=300";
        http.Response.Headers["Cross-Origin-Resource-Policy"] = "cross-origin";
        return TypedResults.Text(Script(urls.Absolute($"/avis/{key}", http.Request)), "text/javascript; charset=utf-8");
    }

    public static string Script(string formUrl) => $$"""
        /* Cap : bouton « Je donne mon avis ». Le formulaire s’ouvre dans une nouvelle fenêtre. */
        (function () {
          var script = document.currentScript;
          if (!script || !script.parentNode) { return; }
          var link = document.createElement("a");
          link.href = {{JsonSerializer.Serialize(formUrl)}};
          link.target = "_blank";
          link.rel = "noopener";
          link.className = "fr-btn cap-avis";
          link.textContent = "Je donne mon avis";
          link.title = "Je donne mon avis (nouvelle fenêtre)";
          var s = link.style;
          s.display = "inline-flex";
          s.alignItems = "center";
          s.minHeight = "2.5rem";
          s.padding = "0.5rem 1rem";
          s.backgroundColor = "#000091";
          s.color = "#ffffff";
          s.font = "500 1rem/1.5rem Marianne, arial, sans-serif";
          s.textDecoration = "none";
          s.border = "0";
          script.parentNode.insertBefore(link, script.nextSibling);
        })();
        """;
}
