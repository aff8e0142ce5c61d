using Cap.Data;
using Cap.Domain.Platform;
using Cap.Web.Shared.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Account;

/// <summary>Sign-in: ProConnect (OpenID Connect) when configured, and the demo picker when enabled.</summary>
[AllowAnonymous]
public sealed class SignInModel(CapDbContext db, IConfiguration configuration, IWebHostEnvironment environment, TimeProvider time) : PageModel
{
    public bool DemoEnabled { get; private set; }
    public bool OidcEnabled { get; private set; }
    public IReadOnlyList<Person> DemoPeople { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostDemoAsync(int personId, CancellationToken ct)
    {
        if (!AuthSetup.DemoSignInEnabled(configuration, environment))
        {
            return NotFound();
        }
        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId && p.IsDemo && p.IsActive, ct);
        if (person is null)
        {
            Error = "Cette personne de démonstration n’existe pas ou est désactivée.";
            await LoadAsync(ct);
            return Page();
        }
        await HttpContext.SignInAsync(CapClaims.CookieScheme, CapClaims.For(person, CapClaims.CookieScheme, "demo", time.GetUtcNow()));
        return LocalRedirect(SafeReturnUrl());
    }

    public IActionResult OnPostProConnect()
    {
        if (!AuthSetup.OidcConfigured(configuration))
        {
            return NotFound();
        }
        return Challenge(new AuthenticationProperties { RedirectUri = SafeReturnUrl() }, CapClaims.OidcScheme);
    }

    private string SafeReturnUrl() => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";

    private async Task LoadAsync(CancellationToken ct)
    {
        ViewData["Title"] = "Connexion";
        DemoEnabled = AuthSetup.DemoSignInEnabled(configuration, environment);
        OidcEnabled = AuthSetup.OidcConfigured(configuration);
        if (DemoEnabled)
        {
            DemoPeople = await db.People.AsNoTracking().Where(p => p.IsDemo && p.IsActive).OrderBy(p => p.Id).ToListAsync(ct);
        }
    }
}
