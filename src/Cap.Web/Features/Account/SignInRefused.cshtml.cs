using Cap.Web.Shared.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cap.Web.Features.Account;

/// <summary>Why a sign-in through ProConnect was refused, in French (the reason is a fixed slug, never text from the query).</summary>
[AllowAnonymous]
public sealed class SignInRefusedModel : PageModel
{
    public string Message { get; private set; } = string.Empty;

    public void OnGet(string? motif)
    {
        ViewData["Title"] = "Connexion refusée";
        Message = (OidcRefusals.FromSlug(motif) ?? OidcRefusal.Failed).Message();
        Response.StatusCode = StatusCodes.Status403Forbidden;
    }
}
