using Cap.Data;
using Cap.Web.Shared;
using Cap.Web.Shared.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Indicators;

/// <summary>
/// The product's API tokens, for data feeds pushing measurements: the team sees them, owners (and administrators)
/// create and revoke them. See <see cref="ProductTokenScope"/> for what a product token may do.
/// </summary>
public sealed class TokensModel(CapDbContext db, CurrentUser currentUser, TimeProvider time) : ProductPageModel(db, currentUser)
{
    public override string TabKey => "indicateurs";
    protected override string PageTitle => "Jetons d’API du produit";

    [BindProperty]
    public ApiTokenInput Input { get; set; } = new();

    public ApiTokenList Tokens { get; private set; } = default!;

    /// <summary>The secret of a token just created: shown once, never stored.</summary>
    public string? NewSecret { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct, manage: true) is { } denied)
        {
            return denied;
        }
        if (ApiTokenIssuer.Validate(Input, ModelState))
        {
            NewSecret = await ApiTokenIssuer.IssueAsync(Db, Me.Id, Product.Id, Input, time.GetUtcNow(), ct);
            Input = new ApiTokenInput();
            ModelState.Clear();
            await LoadAsync(ct, manage: true);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(ct, manage: true) is { } denied)
        {
            return denied;
        }
        var token = await Db.ApiTokens.FirstOrDefaultAsync(t => t.Id == id && t.ProductId == Product.Id, ct);
        if (token is null)
        {
            return NotFound();
        }
        TempData["Success"] = await ApiTokenIssuer.RevokeAsync(Db, token, time.GetUtcNow(), ct);
        return Redirect($"/produits/{Product.Slug}/indicateurs/jetons");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct, bool manage = false)
    {
        if (!CanEdit || (manage && !CanManageTeam))
        {
            return Forbid();
        }
        var tokens = await Db.ApiTokens.AsNoTracking().Where(t => t.ProductId == Product.Id).OrderByDescending(t => t.Id).ToListAsync(ct);
        var creatorIds = tokens.Select(t => t.PersonId).Distinct().ToList();
        var creators = await Db.People.AsNoTracking().Where(p => creatorIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.DisplayName, ct);
        Tokens = new ApiTokenList(tokens, "Jetons du produit", CanRevoke: CanManageTeam, creators);
        return null;
    }
}
