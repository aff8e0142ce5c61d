using Cap.Data;
using Cap.Domain.Notifications;
using Cap.Domain.Platform;
using Cap.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Digests;

/// <summary>
/// The page a digest's « ne plus recevoir » link opens, without signing in: the signed token names the person and the
/// digest. Reading the page changes nothing (mail scanners follow links); the button posts the form (antiforgery) and
/// stops the digest. A tampered, expired or unknown token gets a French explanation and a 400, never an error page.
/// </summary>
[AllowAnonymous]
public sealed class UnsubscribeModel(CapDbContext db, UnsubscribeTokens tokens, DigestUnsubscriber unsubscriber) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "jeton")]
    public string? Token { get; set; }

    public DigestKind? Kind { get; private set; }
    public string? MaskedEmail { get; private set; }
    public bool AlreadyOff { get; private set; }
    public bool Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        ViewData["Title"] = "Ne plus recevoir un courriel de Cap";
        if (await LoadAsync(ct) is not { } person)
        {
            return Invalid();
        }
        var receives = await db.DigestPreferences.AsNoTracking().Where(p => p.PersonId == person.Id && p.Kind == Kind)
            .Select(p => (bool?)p.Receives).FirstOrDefaultAsync(ct) ?? DigestRules.ReceivesByDefault(Kind!.Value);
        AlreadyOff = !receives;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ViewData["Title"] = "Désabonnement confirmé";
        if (await LoadAsync(ct) is not { } person)
        {
            return Invalid();
        }
        await unsubscriber.StopAsync(person, Kind!.Value, ct);
        Done = true;
        return Page();
    }

    private PageResult Invalid()
    {
        ViewData["Title"] = "Lien de désabonnement invalide";
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<Person?> LoadAsync(CancellationToken ct)
    {
        if (tokens.Read(Token) is not { } claim)
        {
            return null;
        }
        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == claim.PersonId, ct);
        if (person is null)
        {
            return null;
        }
        Kind = claim.Kind;
        MaskedEmail = Mask(person.Email);
        return person;
    }

    /// <summary>« ka***@demo.cap.gouv.fr »: enough for the person to recognise their address, not for a reader of a forwarded link to learn it.</summary>
    public static string Mask(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at <= 0 ? "***" : email[..Math.Min(2, at)] + "***" + email[at..];
    }
}
