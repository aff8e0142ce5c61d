using System.Globalization;
using Cap.Data;
using Cap.Domain.Platform;
using Cap.Web.Shared;
using Cap.Web.Shared.Auth;
using Cap.Web.Shared.Refusals;
using Microsoft.AspNetCore.Mvc;

namespace Cap.Web.Features.Committee;

/// <summary>A committee member plans a session: its date (today or later) and the members who will sit.</summary>
public sealed class SessionFormModel(CapDbContext db, CurrentUser currentUser, CommitteeSessionPlanning planning) : CommitteePageModel(db, currentUser)
{
    [BindProperty]
    public SessionInput Input { get; set; } = new();

    public List<Person> Eligible { get; private set; } = [];

    public sealed class SessionInput
    {
        public string? Date { get; set; }
        public List<int> MemberIds { get; set; } = [];
        public string? Notes { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadMeAsync("Planifier une séance", ct, new Crumb("Planifier une séance", null));
        if (!IsCommittee)
        {
            return Forbid();
        }
        Eligible = await planning.EligibleMembersAsync(ct);
        // The next Thursday by default: the committee meets weekly.
        var today = planning.Today;
        Input.Date = today.AddDays(((int)DayOfWeek.Thursday - (int)today.DayOfWeek + 7) % 7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Input.MemberIds = Eligible.Where(p => p.Has(GlobalRoles.MembreComite)).Select(p => p.Id).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadMeAsync("Planifier une séance", ct, new Crumb("Planifier une séance", null));
        if (!IsCommittee)
        {
            return Forbid();
        }
        ModelState.Clear();
        Eligible = await planning.EligibleMembersAsync(ct);
        DateOnly? date = null;
        if (!string.IsNullOrWhiteSpace(Input.Date))
        {
            if (DateOnly.TryParseExact(Input.Date.Trim(), ["yyyy-MM-dd", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                date = parsed;
            }
            else
            {
                ModelState.AddModelError("Input.Date", "Saisissez la date sous la forme jj/mm/aaaa, par exemple 03/12/2026.");
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                return Page();
            }
        }
        var result = await planning.PlanSessionAsync(date, Input.MemberIds, Input.Notes, ct);
        if (result.Refusal is { } refusal)
        {
            ModelState.AddRefusal(refusal, "Input.");
            Response.StatusCode = refusal.PageStatus();
            return Page();
        }
        TempData["Success"] = $"La séance du {result.Value!.Date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)} est planifiée : inscrivez des demandes à son ordre du jour.";
        return Redirect($"/comite/seances/{result.Value.Id}");
    }
}
