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
    public ApiTokenInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (!ApiTokenIssuer.Validate(Input, ModelState))
        {
            await LoadAsync(ct);
            return Page();
        }
        var me = (await currentUser.GetAsync(ct))!;
        NewSecret = await ApiTokenIssuer.IssueAsync(db, me.Id, productId: null, Input, time.GetUtcNow(), ct);
        Input = new ApiTokenInput();
        ModelState.Clear();
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken ct)
    {
        var me = (await currentUser.GetAsync(ct))!;
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == id && t.PersonId == me.Id && t.ProductId == null, ct);
        if (token is null)
        {
            return NotFound();
        }
        TempData["Success"] = await ApiTokenIssuer.RevokeAsync(db, token, time.GetUtcNow(), ct);
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        ViewData["Title"] = "Mon compte";
        ViewData["Breadcrumb"] = new List<Shared.Crumb> { new("Accueil", "/"), new("Mon compte", null) };
        Me = (await currentUser.GetAsync(ct))!;
        Tokens = await db.ApiTokens.AsNoTracking().Where(t => t.PersonId == Me.Id && t.ProductId == null)
            .OrderByDescending(t => t.Id).ToListAsync(ct);
    }
}
