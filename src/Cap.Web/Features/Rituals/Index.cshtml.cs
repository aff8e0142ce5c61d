using Cap.Data;
using Cap.Domain;
using Cap.Web.Shared;
using Cap.Web.Shared.Auth;
using Cap.Web.Shared.Hosting;
using Cap.Web.Shared.Refusals;
using Microsoft.AspNetCore.Mvc;

namespace Cap.Web.Features.Rituals;

/// <summary>The team's rituals with their next date, and the calendar feed; the team (de)activates and deletes here.</summary>
public sealed class IndexModel(CapDbContext db, CurrentUser currentUser, TeamRituals rituals, RitualCalendarFeed feed, PublicUrls urls) : ProductPageModel(db, currentUser)
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
        NewFeedUrl = TempData[FeedUrlKey] as string;
        await LoadAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostDeactivateAsync(int id, CancellationToken ct) =>
        CommandAsync(() => rituals.SetActiveAsync(Product.Id, id, false, ct), _ => "Le rituel est désactivé : il reste dans la liste mais quitte l’agenda.", ct);

    public Task<IActionResult> OnPostActivateAsync(int id, CancellationToken ct) =>
        CommandAsync(() => rituals.SetActiveAsync(Product.Id, id, true, ct), _ => "Le rituel est réactivé.", ct);

    public Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct) =>
        CommandAsync(() => rituals.DeleteAsync(Product.Id, id, ct), name => $"Le rituel « {name} » est supprimé.", ct);

    public Task<IActionResult> OnPostDisableFeedAsync(CancellationToken ct) =>
        CommandAsync(() => feed.DisableFeedAsync(Product.Id, ct), _ => "Le lien d’agenda est désactivé : les agendas abonnés ne reçoivent plus les rituels.", ct);

    public async Task<IActionResult> OnPostRegenerateFeedAsync(CancellationToken ct)
    {
        if (DeniedUnlessEditable() is { } denied)
        {
            return denied;
        }
        var token = await feed.RegenerateFeedAsync(Product.Id, ct);
        // Shown once on the next page (post/redirect/get: reloading the page does not regenerate the link again);
        // TempData is encrypted and read once.
        TempData[FeedUrlKey] = urls.Absolute($"/rituels/{token}.ics", Request);
        return Redirect(Base);
    }

    /// <summary>
    /// Runs a command of the list's buttons and comes back to the list saying what it did. The list has no form to show
    /// a message in: a refused command answers its status alone (today only « not found », a ritual or a feed gone).
    /// </summary>
    private async Task<IActionResult> CommandAsync<T>(Func<Task<Result<T>>> command, Func<T, string> done, CancellationToken ct)
    {
        if (DeniedUnlessEditable() is { } denied)
        {
            return denied;
        }
        var result = await command();
        if (result.Refusal is { } refusal)
        {
            return StatusCode(refusal.PageStatus());
        }
        TempData["Success"] = done(result.Value!);
        return Redirect(Base);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        View = (await rituals.LoadAsync(Product.Id, ct))!;
        Feed = await feed.FeedStateAsync(Product.Id, ct);
    }
}
