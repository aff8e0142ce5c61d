using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Cap.Data;
using Cap.Domain;
using Cap.Web.Shared;
using Cap.Web.Shared.Auth;
using Cap.Web.Shared.Refusals;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Cap.Web.Features.Retrospectives;

/// <summary>
/// Base of the two pages of one retrospective (the full page and the facilitation mode): the same forms post here.
/// Without JavaScript a form posts normally and is redirected back (PRG), or redisplayed with its errors (422, 409).
/// retrospective-live.js posts the item and action forms with fetch and <c>Accept: application/json</c>: the answer is
/// then the created item or action (201), or the errors as JSON, never a page.
/// </summary>
public abstract class RetrospectiveBoardPage(CapDbContext db, CurrentUser currentUser, RetrospectiveQueries queries, RetrospectiveBoard board, RetroActionFollowUp actions)
    : RetrospectivePageModel(db, currentUser)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    [FromRoute]
    public int Id { get; set; }

    public RetrospectiveView View { get; private set; } = default!;
    public List<TeamPersonView> Team { get; private set; } = [];
    public List<SelectListItem> TeamItems => Team.Select(p => new SelectListItem(p.Name, p.Id.ToString(CultureInfo.InvariantCulture))).ToList();

    /// <summary>Where a successful post returns.</summary>
    protected abstract string BackUrl { get; }

    public string RetrospectiveUrl => $"{ListUrl}/{Id}";

    [BindProperty]
    public RetroItemInput Item { get; set; } = new();

    [BindProperty]
    public RetroActionInput NewAction { get; set; } = new();

    [BindProperty]
    public RetroActionUpdate Update { get; set; } = new();

    [BindProperty]
    public ActionReviewInput Review { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostItemAsync(CancellationToken ct)
    {
        if (DeniedUnlessEditable() is { } stop)
        {
            return stop;
        }
        ModelState.Clear();
        var result = await board.AddItemAsync(Product.Id, Id, Item, Me.Id, ct);
        if (WantsJson)
        {
            return JsonAnswer(result);
        }
        if (result.Refusal is { } refusal)
        {
            // Each column has its own item form: a text's message goes beside the text of the column posted.
            foreach (var (field, message) in refusal.Errors)
            {
                ModelState.AddModelError(field == nameof(RetroItemInput.Text) && Item.Kind is { } kind ? $"item-text-{kind}" : string.Empty, message);
            }
            return await RedisplayAsync(refusal, ct);
        }
        TempData["Success"] = $"L’élément est ajouté à « {result.Value!.Kind.Label()} ».";
        return Redirect(BackUrl);
    }

    public async Task<IActionResult> OnPostActionAsync(CancellationToken ct)
    {
        if (DeniedUnlessEditable() is { } stop)
        {
            return stop;
        }
        ModelState.Clear();
        var result = await actions.AddActionAsync(Product.Id, Id, NewAction, ct);
        if (WantsJson)
        {
            return JsonAnswer(result);
        }
        if (result.Refusal is { } refusal)
        {
            ModelState.AddRefusal(refusal, nameof(NewAction) + ".");
            return await RedisplayAsync(refusal, ct);
        }
        TempData["Success"] = $"L’action « {result.Value!.Title} » est décidée, portée par {result.Value.OwnerName}.";
        return Redirect(BackUrl);
    }

    public async Task<IActionResult> OnPostUpdateAsync(int actionId, CancellationToken ct)
    {
        if (DeniedUnlessEditable() is { } stop)
        {
            return stop;
        }
        ModelState.Clear();
        var result = await actions.UpdateActionAsync(Product.Id, Id, actionId, Update, ct);
        if (result.Refusal is { } refusal)
        {
            return await RedisplayAsync(InSummary(refusal), ct);
        }
        TempData["Success"] = $"L’action « {result.Value!.Title} » est enregistrée ({result.Value.Status.Label().ToLowerInvariant()}).";
        return Redirect(BackUrl + "#actions");
    }

    public async Task<IActionResult> OnPostReviewAsync(int actionId, CancellationToken ct)
    {
        if (DeniedUnlessEditable() is { } stop)
        {
            return stop;
        }
        ModelState.Clear();
        var result = await actions.ReviewAsync(Product.Id, Id, actionId, Review, ct);
        if (result.Refusal is { } refusal)
        {
            return await RedisplayAsync(InSummary(refusal), ct);
        }
        TempData["Success"] = Review.Outcome == Domain.Retrospectives.ActionReview.Carry
            ? $"L’action « {result.Value!.Title} » est reportée : elle reste ouverte."
            : $"L’action « {result.Value!.Title} » est close ({result.Value.Status.Label().ToLowerInvariant()}).";
        return Redirect(BackUrl + "#revue");
    }

    public async Task<IActionResult> OnPostCloseAsync(CancellationToken ct)
    {
        if (DeniedUnlessEditable() is { } stop)
        {
            return stop;
        }
        ModelState.Clear();
        var result = await board.CloseAsync(Product.Id, Id, ct);
        if (result.Refusal is { } refusal)
        {
            return await RedisplayAsync(InSummary(refusal), ct);
        }
        TempData["Success"] = "La rétrospective est close. Ses actions ouvertes seront passées en revue au début de la suivante.";
        return Redirect(RetrospectiveUrl);
    }

    private bool WantsJson => Request.Headers.Accept.Any(a => a?.Contains("application/json", StringComparison.OrdinalIgnoreCase) == true);

    private IActionResult JsonAnswer<T>(Result<T> result) => result.Refusal switch
    {
        null => new JsonResult(result.Value, Json) { StatusCode = StatusCodes.Status201Created },
        { Kind: RefusalKind.NotFound } => NotFound(),
        var refusal => new JsonResult(new { errors = refusal.Errors.ToDictionary(e => e.Key.Length == 0 ? "general" : char.ToLowerInvariant(e.Key[0]) + e.Key[1..], e => e.Value) }, Json)
        {
            StatusCode = refusal.PageStatus(),
        },
    };

    /// <summary>The forms of an action's row (status, review, closing) have no field of their own to show a message beside: it goes to the summary.</summary>
    private Refusal InSummary(Refusal refusal)
    {
        foreach (var message in refusal.Errors.Values)
        {
            ModelState.AddModelError(string.Empty, message);
        }
        return refusal;
    }

    private async Task<IActionResult> RedisplayAsync(Refusal refusal, CancellationToken ct)
    {
        if (refusal.Kind == RefusalKind.NotFound || !await LoadAsync(ct))
        {
            return NotFound();
        }
        Response.StatusCode = refusal.PageStatus();
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await queries.LoadAsync(Product.Id, Id, ct) is not { } view)
        {
            return false;
        }
        View = view;
        Team = await queries.TeamAsync(Product.Id, ct);
        ViewData["Title"] = $"{view.Title} — {Product.Name}";
        ViewData["Breadcrumb"] = new List<Crumb>
        {
            new("Accueil", "/"), new("Produits", "/produits"), new(Product.Name, $"/produits/{Product.Slug}"),
            new("Rétrospectives", ListUrl), new(view.Title, null),
        };
        return true;
    }
}
