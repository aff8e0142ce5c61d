using System.ComponentModel.DataAnnotations;
using Cap.Data;
using Cap.Domain.Platform;
using Cap.Web.Shared.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Account;

/// <summary>The signed-in person's account: roles, teams, and personal API tokens.</summary>
public sealed class AccountModel(CapDbContext db, CurrentUser currentUser, TimeProvider time) : PageModel
{
    public Person Me { get; private set; } = default!;
    public IReadOnlyList<ApiToken> Tokens { get; private set; } = [];

    /// <summary>The secret of a token just created: shown once, never stored.</summary>
    public string? NewSecret { get; private set; }

    [BindProperty]
    public TokenInput Input { get; set; } = new();

    public sealed class TokenInput
    {
        public string? Name { get; set; }
        /// <summary>Days of validity; empty for no expiry.</summary>
        public int? Days { get; set; } = 90;
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        var name = Input.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            ModelState.AddModelError("Input.Name", "Donnez un nom au jeton (par exemple « Import mensuel des mesures »).");
        }
        else if (name.Length > ApiToken.NameMaxLength)
        {
            ModelState.AddModelError("Input.Name", $"Le nom ne doit pas dépasser {ApiToken.NameMaxLength} caractères.");
        }
        if (Input.Days is not null and (< 1 or > 365))
        {
            ModelState.AddModelError("Input.Days", "La durée de validité va de 1 à 365 jours.");
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        var me = (await currentUser.GetAsync(ct))!;
        var (secret, hash) = ApiToken.NewSecret();
        db.ApiTokens.Add(new ApiToken
        {
            PersonId = me.Id,
            Name = name!,
            Prefix = secret[..10],
            Hash = hash,
            ExpiresAt = Input.Days is { } days ? time.GetUtcNow().AddDays(days) : null,
        });
        await db.SaveChangesAsync(ct);
        NewSecret = secret;
        Input = new TokenInput();
        ModelState.Clear();
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken ct)
    {
        var me = (await currentUser.GetAsync(ct))!;
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == id && t.PersonId == me.Id, ct);
        if (token is null)
        {
            return NotFound();
        }
        if (token.RevokedAt is null)
        {
            token.RevokedAt = time.GetUtcNow();
            await db.SaveChangesAsync(ct);
        }
        TempData["Success"] = $"Le jeton « {token.Name} » est révoqué : il ne donne plus accès à l’API.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        ViewData["Title"] = "Mon compte";
        ViewData["Breadcrumb"] = new List<Shared.Crumb> { new("Accueil", "/"), new("Mon compte", null) };
        Me = (await currentUser.GetAsync(ct))!;
        Tokens = await db.ApiTokens.AsNoTracking().Where(t => t.PersonId == Me.Id)
            .OrderByDescending(t => t.Id).ToListAsync(ct);
    }
}
