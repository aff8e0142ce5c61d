using Cap.Data;
using Cap.Web.Shared;
using Cap.Web.Shared.Auth;
using Cap.Web.Shared.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace Cap.Web.Features.Rituals;

/// <summary>The team's rituals with their next date, and the calendar feed; the team (de)activates and deletes here.</summary>
public sealed class IndexModel(CapDbContext db, CurrentUser currentUser, RitualService service, PublicUrls urls) : ProductPageModel(db, currentUser)
{
    public override string TabKey => "iterations";
    protected override string PageTitle => "Rituels";

    public RitualsView View { get; private set; } = default!;
    public RitualFeedState? Feed { get; private set; }

    /// <summary>The feed's new address, shown once after it is (re)generated.</summary>
    public string? NewFeedUrl { get; private set; }

    private const string FeedUrlKey = "RitualFeedUrl";

    public string Base => $"/produits/{Product.Slug}/rituels";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadProductAsync(ct))
        {
            return NotFound();
        }
        NewFeedUrl = TempData[FeedUrlKey] as string;
        await LoadAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostDeactivateAsync(int id, CancellationToken ct) =>
        CommandAsync(async () => await service.SetActiveAsync(Product.Id, id, false, ct) ? "Le rituel est désactivé : il reste dans la liste mais quitte l’agenda." : null, ct);

    public Task<IActionResult> OnPostActivateAsync(int id, CancellationToken ct) =>
        CommandAsync(async () => await service.SetActiveAsync(Product.Id, id, true, ct) ? "Le rituel est réactivé." : null, ct);

    public Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct) =>
        CommandAsync(async () => await service.DeleteAsync(Product.Id, id, ct) is { } name ? $"Le rituel « {name} » est supprimé." : null, ct);

    public Task<IActionResult> OnPostDisableFeedAsync(CancellationToken ct) =>
        CommandAsync(async () => await service.DisableFeedAsync(Product.Id, ct) ? "Le lien d’agenda est désactivé : les agendas abonnés ne reçoivent plus les rituels." : null, ct);

    public async Task<IActionResult> OnPostRegenerateFeedAsync(CancellationToken ct)
    {
        if (!await LoadProductAsync(ct))
        {
            return NotFound();
        }
        if (!CanEdit)
        {
            return Forbid();
        }
        var token = await service.RegenerateFeedAsync(Product.Id, ct);
        // Shown once on the next page (post/redirect/get: reloading the page does not regenerate the link again);
        // TempData is encrypted and read once.
        TempData[FeedUrlKey] = urls.Absolute($"/rituels/{token}.ics", Request);
        return Redirect(Base);
    }

    private async Task<IActionResult> CommandAsync(Func<Task<string?>> command, CancellationToken ct)
    {
        if (!await LoadProductAsync(ct))
        {
            return NotFound();
        }
        if (!CanEdit)
        {
            return Forbid();
        }
        if (await command() is not { } message)
        {
            return NotFound();
        }
        TempData["Success"] = message;
        return Redirect(Base);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        View = (await service.LoadAsync(Product.Id, ct))!;
        Feed = await service.FeedStateAsync(Product.Id, ct);
    }
}
