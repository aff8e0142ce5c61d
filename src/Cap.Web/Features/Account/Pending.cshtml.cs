using Cap.Web.Shared.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cap.Web.Features.Account;

/// <summary>
/// Where a signed-in person without any role or team lands (an account opened through ProConnect): it says that an
/// administrator must grant access. Open to that person only; everyone else goes on to the home page or to sign-in.
/// </summary>
[AllowAnonymous]
public sealed class PendingModel(CurrentUser currentUser) : PageModel
{
    public string DisplayName { get; private set; } = string.Empty;
    public string Email { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var me = await currentUser.GetAsync(ct);
        if (me is null)
        {
            return Redirect("/connexion");
        }
        if (!await currentUser.IsAwaitingAccessAsync(ct))
        {
            return Redirect("/");
        }
        ViewData["Title"] = "Compte en attente";
        DisplayName = me.DisplayName;
        Email = me.Email;
        return Page();
    }
}
