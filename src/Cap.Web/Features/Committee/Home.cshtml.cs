using Cap.Data;
using Cap.Domain;
using Cap.Domain.Catalogue;
using Cap.Domain.Committee;
using Cap.Web.Shared;
using Cap.Web.Shared.Auth;
using Cap.Web.Shared.Refusals;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cap.Web.Features.Committee;

/// <summary>A product whose current phase has lasted long.</summary>
public sealed record LongPhaseRow(string Slug, string Name, Phase Phase, DateTimeOffset Since);

/// <summary>
/// The committee's home: upcoming sessions, submitted requests waiting for a session, conditions due within 14 days
/// or overdue, conditions declared met awaiting confirmation, products whose phase has lasted too long.
/// </summary>
public sealed class HomeModel(CapDbContext db, CurrentUser currentUser, DecisionConditions conditions, IOptions<CommitteeOptions> options, TimeProvider time)
    : CommitteePageModel(db, currentUser)
{
    public const int LongPhaseShown = 20;

    public List<(int Id, DateOnly Date, int Agenda, int Members)> Upcoming { get; private set; } = [];
    public List<RequestRow> Waiting { get; private set; } = [];
    public List<ConditionRow> DueSoon { get; private set; } = [];
    public List<ConditionRow> ToConfirm { get; private set; } = [];
    public List<LongPhaseRow> LongPhases { get; private set; } = [];
    public int LongPhaseCount { get; private set; }
    public int PhaseAlertMonths => options.Value.PhaseAlertMonths;
    public DateOnly Today => time.ParisToday();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadMeAsync("Comité produit", ct);
        await LoadAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostConfirmAsync(int conditionId, CancellationToken ct) =>
        ConditionCommandAsync(conditionId, (c, t) => conditions.ConfirmAsync(c, Me, t), "est confirmée : elle est levée.", ct);

    public Task<IActionResult> OnPostReopenAsync(int conditionId, CancellationToken ct) =>
        ConditionCommandAsync(conditionId, (c, t) => conditions.ReopenAsync(c, t), "est rouverte : la preuve n’a pas convaincu le comité.", ct);

    private async Task<IActionResult> ConditionCommandAsync(int conditionId, Func<GateCondition, CancellationToken, Task<Result<GateCondition>>> command, string success, CancellationToken ct)
    {
        await LoadMeAsync("Comité produit", ct);
        if (!IsCommittee)
        {
            return Forbid();
        }
        var condition = await Db.GateConditions.FirstOrDefaultAsync(c => c.Id == conditionId, ct);
        if (condition is null)
        {
            return NotFound();
        }
        var result = await command(condition, ct);
        if (result.Refusal is { } refusal)
        {
            ModelState.AddRefusal(refusal);
            await LoadAsync(ct);
            Response.StatusCode = refusal.PageStatus();
            return Page();
        }
        TempData["Success"] = $"La condition « {condition.Description} » {success}";
        return Redirect("/comite#a-confirmer");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var today = Today;
        Upcoming = (await Db.CommitteeSessions.AsNoTracking()
            .Where(s => s.Date >= today && s.Status == SessionStatus.Planifiee)
            .OrderBy(s => s.Date).Take(10)
            .Select(s => new { s.Id, s.Date, Agenda = s.Agenda.Count, Members = s.Members.Count })
            .ToListAsync(ct)).Select(s => (s.Id, s.Date, s.Agenda, s.Members)).ToList();
        Waiting = await CommitteeQueries.Rows(Db.GateRequests.AsNoTracking().Where(r => r.Status == GateRequestStatus.Soumise)
            .OrderBy(r => r.SubmittedAt).ThenBy(r => r.Id).Take(100)).ToListAsync(ct);
        var horizon = today.AddDays(14);
        DueSoon = await CommitteeQueries.Rows(Db.GateConditions.AsNoTracking().Where(c => c.Status == ConditionStatus.Ouverte && c.DueDate <= horizon)
            .OrderBy(c => c.DueDate).ThenBy(c => c.Id).Take(100)).ToListAsync(ct);
        ToConfirm = await CommitteeQueries.Rows(Db.GateConditions.AsNoTracking().Where(c => c.Status == ConditionStatus.LeveeDeclaree)
            .OrderBy(c => c.DeclaredAt).ThenBy(c => c.Id).Take(100)).ToListAsync(ct);

        // The phase's start is kept on the product (PhaseSince, indexed): a range read, not a scan of the histories.
        var threshold = time.GetUtcNow().AddMonths(-PhaseAlertMonths);
        var longPhases = Db.Products.AsNoTracking()
            .Where(p => p.PhaseSince < threshold && !p.IsArchived && p.Phase != Phase.Arret)
            .Select(p => new { p.Slug, p.Name, p.Phase, Since = p.PhaseSince });
        LongPhaseCount = await longPhases.CountAsync(ct);
        LongPhases = (await longPhases.OrderBy(p => p.Since).ThenBy(p => p.Slug).Take(LongPhaseShown).ToListAsync(ct))
            .Select(p => new LongPhaseRow(p.Slug, p.Name, p.Phase, p.Since)).ToList();
    }
}
