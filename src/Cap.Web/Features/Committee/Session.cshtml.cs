using Cap.Data;
using Cap.Domain.Catalogue;
using Cap.Domain.Committee;
using Cap.Web.Shared;
using Cap.Web.Shared.Auth;
using Cap.Web.Shared.Refusals;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Committee;

/// <summary>A session: its members, its agenda (requests with links to their products and evidence packs), its notes.</summary>
public sealed class SessionModel(CapDbContext db, CurrentUser currentUser, CommitteeRequests requests) : CommitteePageModel(db, currentUser)
{
    [FromRoute]
    public int Id { get; set; }

    public CommitteeSession Session { get; private set; } = default!;
    public List<string> Members { get; private set; } = [];
    public List<RequestRow> Agenda { get; private set; } = [];
    public Dictionary<int, (int Id, DecisionOutcome Outcome)> Decisions { get; private set; } = [];
    public List<SelectListItem> Submitted { get; private set; } = [];

    [BindProperty]
    public int? RequestId { get; set; }

    [BindProperty]
    public string? Notes { get; set; }

    [BindProperty]
    public SessionStatus? Status { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        Notes = Session.Notes;
        Status = Session.Status;
        return Page();
    }

    /// <summary>Puts a submitted request on the agenda.</summary>
    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        if (!IsCommittee)
        {
            return Forbid();
        }
        var request = RequestId is null ? null : await Db.GateRequests.Include(r => r.Product).FirstOrDefaultAsync(r => r.Id == RequestId, ct);
        if (request is null)
        {
            ModelState.AddModelError(nameof(RequestId), "Choisissez une demande soumise à inscrire.");
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        var session = await Db.CommitteeSessions.FirstAsync(s => s.Id == Id, ct);
        var result = await requests.ScheduleAsync(request, session, ct);
        if (result.Refusal is { } refusal)
        {
            ModelState.AddRefusal(refusal);
            Response.StatusCode = refusal.PageStatus();
            return Page();
        }
        TempData["Success"] = $"La demande de « {request.Product!.Name} » est inscrite à l’ordre du jour.";
        return Redirect($"/comite/seances/{Id}");
    }

    public async Task<IActionResult> OnPostRemoveAsync(int requestId, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        if (!IsCommittee)
        {
            return Forbid();
        }
        var request = await Db.GateRequests.Include(r => r.Product).FirstOrDefaultAsync(r => r.Id == requestId && r.SessionId == Id, ct);
        if (request is null)
        {
            return NotFound();
        }
        var result = await requests.UnscheduleAsync(request, ct);
        if (result.Refusal is { } refusal)
        {
            ModelState.AddRefusal(refusal);
            Response.StatusCode = refusal.PageStatus();
            return Page();
        }
        TempData["Success"] = $"La demande de « {request.Product!.Name} » est retirée de l’ordre du jour : elle attend une autre séance.";
        return Redirect($"/comite/seances/{Id}");
    }

    /// <summary>Records the session's notes and status (held, cancelled).</summary>
    public async Task<IActionResult> OnPostUpdateAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        if (!IsCommittee)
        {
            return Forbid();
        }
        var notes = string.IsNullOrWhiteSpace(Notes) ? null : Notes.Trim();
        if (notes is { Length: > CommitteeSession.NotesMaxLength })
        {
            ModelState.AddModelError(nameof(Notes), $"Les notes ne doivent pas dépasser {CommitteeSession.NotesMaxLength} caractères.");
        }
        if (Status is not { } status || !Enum.IsDefined(status))
        {
            ModelState.AddModelError(nameof(Status), "Choisissez le statut de la séance.");
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        var session = await Db.CommitteeSessions.FirstAsync(s => s.Id == Id, ct);
        session.Notes = notes;
        session.Status = Status!.Value;
        await Db.SaveChangesAsync(ct);
        TempData["Success"] = "La séance est enregistrée.";
        return Redirect($"/comite/seances/{Id}");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var session = await Db.CommitteeSessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == Id, ct);
        if (session is null)
        {
            return false;
        }
        Session = session;
        var title = $"Séance du {session.Date.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)}";
        await LoadMeAsync(title, ct, new Crumb("Séances", "/comite/seances"), new Crumb(title, null));
        Members = await Db.SessionMembers.AsNoTracking().Where(m => m.SessionId == Id).OrderBy(m => m.Person!.DisplayName).Select(m => m.Person!.DisplayName).ToListAsync(ct);
        // The agenda keeps the requests examined at this session.
        var examined = Db.GateDecisions.Where(d => d.SessionId == Id).Select(d => d.GateRequestId);
        Agenda = await CommitteeQueries.Rows(Db.GateRequests.AsNoTracking().Where(r => r.SessionId == Id || examined.Contains(r.Id))
            .OrderBy(r => r.Product!.Name)).ToListAsync(ct);
        Decisions = (await Db.GateDecisions.AsNoTracking().Where(d => d.SessionId == Id)
            .OrderBy(d => d.Id).Select(d => new { d.GateRequestId, d.Id, d.Outcome }).ToListAsync(ct))
            .GroupBy(d => d.GateRequestId).ToDictionary(g => g.Key, g => (g.Last().Id, g.Last().Outcome));
        if (IsCommittee && session.Status == SessionStatus.Planifiee)
        {
            Submitted = (await CommitteeQueries.Rows(Db.GateRequests.AsNoTracking().Where(r => r.Status == GateRequestStatus.Soumise)
                .OrderBy(r => r.Product!.Name).Take(500)).ToListAsync(ct))
                .Select(r => new SelectListItem($"{r.ProductName} — {r.Subject}", r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                .ToList();
        }
        return true;
    }
}
