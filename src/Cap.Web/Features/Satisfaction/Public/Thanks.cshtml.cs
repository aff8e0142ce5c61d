using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cap.Web.Features.Satisfaction.Public;

/// <summary>Confirmation after an answer (also shown, without storing, to robots and to a repeated submission).</summary>
[AllowAnonymous]
public sealed class ThanksModel(SatisfactionService service) : PageModel
{
    [FromRoute]
    public string Key { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true, Name = "integre")]
    public string? Integre { get; set; }

    public bool Embedded => Integre == "1";

    public string ProductName { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var placement = await service.OpenPlacementAsync(Key, ct);
        if (placement is null)
        {
            return NotFound();
        }
        ProductName = placement.ProductName;
        Cap.Web.Shared.Hosting.SecurityHeaders.AllowFramingBy(Response, placement.Origins);
        ViewData["Title"] = "Merci pour votre avis";
        ViewData["Embedded"] = Embedded;
        return Page();
    }
}
