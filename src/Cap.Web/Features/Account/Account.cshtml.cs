using Cap.Data;
using Cap.Domain.Notifications;
using Cap.Domain.Platform;
using Cap.Web.Shared;
using Cap.Web.Shared.Refusals;
using Cap.Web.Shared.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Account;

/// <summary>The signed-in person's account: roles, teams, and personal API tokens.</summary>
public sealed class AccountModel(CapDbContext db, CurrentUser currentUser, TimeProvider time, DigestPreferences preferences) : PageModel
{
    /// <summary>The digests the person may receive, with what they receive now.</summary>
    public IReadOnlyList<DigestPreferences.Choice> Digests { get; private set; } = [];

    public IReadOnlyList<Shared.TagHelpers.DsfrChoice> DigestChoices => Digests.Select(d => new Shared.TagHelpers.DsfrChoice(d.Kind.ToString(), d.Kind.Label(), d.Kind switch
    {
        DigestKind.Weekly => "Chaque lundi matin, pour tous vos produits en un seul courriel : les indicateurs qui ont changé de statut, les données en retard, l’évolution de la satisfaction, les conditions du comité à lever et les séances d’accompagnement à venir.",
        _ => "Quelques jours avant chaque séance du comité produit : l’ordre du jour et le lien vers chaque dossier.",
    })).ToList();

    /// <summary>The digests' checkboxes: the kinds checked (their enum names).</summary>
    [BindProperty]
    public List<string> Receive { get; set; } = [];

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

    /// <summary>Saves the digests' checkboxes: each digest that concerns the person, checked or not.</summary>
    public async Task<IActionResult> OnPostDigestsAsync(CancellationToken ct)
    {
        var me = (await currentUser.GetAsync(ct))!;
        var choices = DigestKinds.All.Where(k => DigestPreferences.Applies(me, k))
            .ToDictionary(k => k, k => Receive.Contains(k.ToString()));
        var result = await preferences.SetAsync(me, choices, ct);
        if (result.Refusal is { } refusal)
        {
            ModelState.AddRefusal(refusal);
            await LoadAsync(ct);
            Response.StatusCode = refusal.PageStatus();
            return Page();
        }
        TempData["Success"] = "Vos choix de courriels sont enregistrés.";
        return RedirectToPage(null, null, "courriels");
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
        Digests = (await preferences.ForAsync(Me, ct)).Where(d => d.Applies).ToList();
        if (!Request.HasFormContentType || Request.Query["handler"] != "Digests")
        {
            Receive = Digests.Where(d => d.Receives).Select(d => d.Kind.ToString()).ToList();
        }
        Tokens = await db.ApiTokens.AsNoTracking().Where(t => t.PersonId == Me.Id && t.ProductId == null)
            .OrderByDescending(t => t.Id).ToListAsync(ct);
    }
}
