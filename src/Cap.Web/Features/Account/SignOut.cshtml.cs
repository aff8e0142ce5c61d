using Cap.Web.Shared.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cap.Web.Features.Account;

/// <summary>
/// Ends the Cap session; a session opened through ProConnect also ends at the provider (RP-initiated logout, with the
/// session's id_token as <c>id_token_hint</c>), which then sends the browser back to Cap's home page.
/// </summary>
[AllowAnonymous]
public sealed class SignOutModel(IConfiguration configuration) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public IActionResult OnPost()
    {
        TempData["Success"] = "Vous êtes déconnecté.";
        var properties = new AuthenticationProperties { RedirectUri = "/" };
        if (AuthSetup.OidcConfigured(configuration) && User.FindFirst(CapClaims.SignInMethod)?.Value == CapClaims.OidcMethod)
        {
            return SignOut(properties, CapClaims.CookieScheme, CapClaims.OidcScheme);
        }
        return SignOut(properties, CapClaims.CookieScheme);
    }
}
