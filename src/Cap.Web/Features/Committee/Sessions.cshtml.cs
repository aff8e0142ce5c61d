using Cap.Data;
using Cap.Domain.Committee;
using Cap.Web.Shared;
using Cap.Web.Shared.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Committee;

/// <summary>All sessions, the latest first, paginated.</summary>
public sealed class SessionsModel(CapDbContext db, CurrentUser currentUser) : CommitteePageModel(db, currentUser)
{
    public const int PageSize = 20;

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public PagedResult<(int Id, DateOnly Date, SessionStatus Status, int Agenda, int Decisions)> Result { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadMeAsync("Séances du comité", ct, new Crumb("Séances", null));
        var total = await Db.CommitteeSessions.CountAsync(ct);
        var page = Math.Clamp(PageNumber, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var items = (await Db.CommitteeSessions.AsNoTracking().OrderByDescending(s => s.Date).ThenByDescending(s => s.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(s => new { s.Id, s.Date, s.Status, Agenda = s.Agenda.Count, Decisions = Db.GateDecisions.Count(d => d.SessionId == s.Id) })
            .ToListAsync(ct)).Select(s => (s.Id, s.Date, s.Status, s.Agenda, s.Decisions)).ToList();
        Result = new(items, total, page, PageSize);
        return Page();
    }
}
