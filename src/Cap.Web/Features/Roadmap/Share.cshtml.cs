using Cap.Domain;
using Cap.Data;
using Cap.Web.Shared;
using Cap.Web.Shared.Auth;
using Cap.Web.Shared.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Roadmap;

/// <summary>The team's read-only share links for stakeholders: create (token shown once), list, revoke.</summary>
public sealed class ShareModel(CapDbContext db, CurrentUser currentUser, RoadmapSharing sharing, PublicUrls urls) : ProductPageModel(db, currentUser)
{
    public override string TabKey => "feuille-de-route";
    protected override string PageTitle => "Partage de la feuille de route";

    public sealed record LinkRow(int Id, string Label, string CreatedByName, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

    public IReadOnlyList<LinkRow> Links { get; private set; } = [];

    /// <summary>The new link's address, shown once after its creation.</summary>
    public string? NewLink { get; private set; }

    [BindProperty]
    public string? Label { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadLinksAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (DeniedUnlessEditable() is { } denied)
        {
            return denied;
        }
        var label = Text.Clean(Label);
        if (label is null)
        {
            ModelState.AddModelError(nameof(Label), "Nommez le lien, par exemple « Comité de pilotage ».");
        }
        else if (label.Length > Cap.Domain.Roadmap.RoadmapShareLink.LabelMaxLength)
        {
            ModelState.AddModelError(nameof(Label), $"Le nom ne doit pas dépasser {Cap.Domain.Roadmap.RoadmapShareLink.LabelMaxLength} caractères.");
        }
        if (!ModelState.IsValid)
        {
            await LoadLinksAsync(ct);
            return Page();
        }
        var token = await sharing.CreateShareLinkAsync(Product.Id, label!, ct);
        NewLink = urls.Absolute($"/feuille-de-route/partage/{token}", Request);
        Label = null;
        await LoadLinksAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken ct)
    {
        if (DeniedUnlessEditable() is { } denied)
        {
            return denied;
        }
        if (!await sharing.RevokeShareLinkAsync(Product.Id, id, ct))
        {
            return NotFound();
        }
        TempData["Success"] = "Le lien est révoqué : il n’ouvre plus la feuille de route.";
        return Redirect($"/produits/{Product.Slug}/feuille-de-route/partage");
    }

    private async Task LoadLinksAsync(CancellationToken ct) =>
        Links = await Db.RoadmapShareLinks.AsNoTracking().Where(l => l.ProductId == Product.Id).OrderByDescending(l => l.Id)
            .Select(l => new LinkRow(l.Id, l.Label, l.CreatedByName, l.CreatedAt, l.RevokedAt)).ToListAsync(ct);
}
