using Cap.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cap.Web.Features.Roadmap;

/// <summary>The roadmap read through a share link, without signing in; 404 for an unknown or revoked token.</summary>
[AllowAnonymous]
public sealed class SharedModel(RoadmapSharing sharing, RoadmapQueries roadmap) : PageModel
{
    [FromRoute]
    public string Token { get; set; } = string.Empty;

    public RoadmapView View { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        Response.Headers.CacheControl = "no-store";
        if (Token.Length is < 40 or > 60 || await sharing.ProductOfShareTokenAsync(Token, ct) is not { } productId
            || await roadmap.LoadAsync(productId, ct) is not { } view)
        {
            return NotFound();
        }
        View = view;
        ViewData["Title"] = $"Feuille de route — {view.ProductName}";
        return Page();
    }
}
