using Cap.Data;
using Cap.Domain.Coaching;
using Cap.Web.Shared;
using Cap.Web.Shared.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Coaching;

public sealed record CoachLoad(int PersonId, string Name, int OpenRequests, int UpcomingSessions);

public sealed record FollowedProduct(int ProductId, string Slug, string Name, IReadOnlyList<string> Coaches, ProductWeather? Weather, IReadOnlyList<ProductWeather> History);

/// <summary>The coaches' view: workload per coach, requests waiting for triage, followed products and their météo.</summary>
public sealed class CoachesModel(CapDbContext db, CurrentUser currentUser, CoachingQueries queries, ProductWeatherReports weather) : CoachingPageModel(db, currentUser)
{
    public const int UpcomingWeeks = 4;

    public List<CoachLoad> Loads { get; private set; } = [];
    public List<CoachingRequestSummary> Waiting { get; private set; } = [];
    public List<FollowedProduct> Followed { get; private set; } = [];
    public List<SelectListItem> Levels { get; } = [.. Enum.GetValues<WeatherLevel>().Select(l => new SelectListItem(l.Label(), l.ToString()))];
    public DateOnly Today => queries.Today;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadMeAsync("Vue des coachs", ct, new Crumb("Vue des coachs", null));
        if (!IsCoach)
        {
            return Forbid();
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostWeatherAsync(int productId, WeatherLevel? level, string? note, CancellationToken ct)
    {
        await LoadMeAsync("Vue des coachs", ct, new Crumb("Vue des coachs", null));
        ModelState.Clear();
        var result = await weather.SetWeatherAsync(Me, productId, level, note, ct);
        if (result.Refusal is { } refusal)
        {
            if (Refused(refusal, $"weather-{productId}-") is { } stop)
            {
                return stop;
            }
            await LoadAsync(ct);
            return Page();
        }
        TempData["Success"] = "La météo du produit est enregistrée.";
        return Redirect("/accompagnement/coachs#produit-" + productId);
    }

    /// <summary>How many météos before the latest each followed product shows.</summary>
    public const int PreviousWeathersShown = 5;

    private async Task LoadAsync(CancellationToken ct)
    {
        var until = Today.AddDays(7 * UpcomingWeeks);
        var coaches = await queries.CoachesAsync(ct);
        var open = await Db.CoachingAssignments.AsNoTracking().Where(a => CoachingLabels.Open.Contains(a.Request!.Status))
            .Select(a => new { a.PersonId, a.RequestId, a.Request!.ScheduledFor, a.Request.ProductId }).ToListAsync(ct);
        var sessions = await Db.CoachingSessions.AsNoTracking().Where(s => s.Date >= Today && s.Date <= until)
            .Select(s => new { s.RequestId }).ToListAsync(ct);
        Loads = [.. coaches.Select(c =>
        {
            var mine = open.Where(o => o.PersonId == c.Id).ToList();
            var ids = mine.Select(o => o.RequestId).ToHashSet();
            var upcoming = mine.Count(o => o.ScheduledFor is { } d && d >= Today && d <= until) + sessions.Count(s => ids.Contains(s.RequestId));
            return new CoachLoad(c.Id, c.DisplayName, mine.Count, upcoming);
        })];
        Waiting = [.. (await queries.ListAsync(null, CoachingLabels.Waiting, null, 500, ct)).OrderBy(r => r.CreatedAt)];
        var productIds = open.Select(o => o.ProductId).Distinct().ToList();
        var names = coaches.ToDictionary(c => c.Id, c => c.DisplayName);
        var products = await Db.Products.AsNoTracking().Where(p => productIds.Contains(p.Id)).OrderBy(p => p.Name).Select(p => new { p.Id, p.Slug, p.Name }).ToListAsync(ct);
        // Each product's latest météo and the few before it, read as such (one window query), not its whole history.
        var weathers = (await Db.Products.Where(p => productIds.Contains(p.Id))
            .SelectMany(p => Db.ProductWeathers.AsNoTracking().Where(w => w.ProductId == p.Id)
                .OrderByDescending(w => w.At).ThenByDescending(w => w.Id).Take(1 + PreviousWeathersShown))
            .ToListAsync(ct))
            .ToLookup(w => w.ProductId);
        Followed = [.. products.Select(p =>
        {
            var history = weathers[p.Id].OrderByDescending(w => w.At).ThenByDescending(w => w.Id).ToList();
            var followers = open.Where(o => o.ProductId == p.Id).Select(o => names.GetValueOrDefault(o.PersonId, "?")).Distinct().Order().ToList();
            return new FollowedProduct(p.Id, p.Slug, p.Name, followers, history.FirstOrDefault(), history.Skip(1).ToList());
        })];
    }

    public int AgeInDays(CoachingRequestSummary r) => Today.DayNumber - Dates.ParisDay(r.CreatedAt).DayNumber;

    public string? FieldError(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
}
