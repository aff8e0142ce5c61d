using Cap.Data;
using Cap.Domain.Coaching;
using Cap.Web.Shared;
using Cap.Web.Shared.Auth;
using Microsoft.AspNetCore.Mvc;

namespace Cap.Web.Features.Coaching;

/// <summary>The coaches' triage queue: requests waiting for an answer, oldest first, with their age; then the open ones.</summary>
public sealed class QueueModel(CapDbContext db, CurrentUser currentUser, CoachingQueries queries) : CoachingPageModel(db, currentUser)
{
    public List<CoachingRequestSummary> Waiting { get; private set; } = [];
    public List<CoachingRequestSummary> Open { get; private set; } = [];
    public DateOnly Today => queries.Today;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadMeAsync("Demandes d’accompagnement", ct, new Crumb("Demandes", null));
        if (!IsCoach)
        {
            return Forbid();
        }
        Waiting = [.. (await queries.ListAsync(null, CoachingLabels.Waiting, null, 500, ct)).OrderBy(r => r.CreatedAt)];
        Open = await queries.ListAsync(null, [CoachingStatus.Acceptee, CoachingStatus.Planifiee, CoachingStatus.EnCours], null, 500, ct);
        return Page();
    }

    public int AgeInDays(CoachingRequestSummary r) => Today.DayNumber - Dates.ParisDay(r.CreatedAt).DayNumber;
}
