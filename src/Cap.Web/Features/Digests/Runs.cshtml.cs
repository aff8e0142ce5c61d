using Cap.Data;
using Cap.Domain.Committee;
using Cap.Domain.Notifications;
using Cap.Web.Shared;
using Cap.Web.Shared.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Digests;

/// <summary>
/// The administrators' view of the digests (/admin/courriels/resumes): the last runs (period, when, what started them,
/// how many mails), and « Générer maintenant » for a kind — idempotent by period: a second click finds the period taken.
/// </summary>
public sealed class RunsModel(CapDbContext db, WeeklyDigest weekly, CommitteeDigest committee, CurrentUser currentUser, TimeProvider time) : PageModel
{
    public const int Shown = 50;

    public IReadOnlyList<DigestRun> Runs { get; private set; } = [];
    public (int Id, DateOnly Date)? NextSession { get; private set; }

    [BindProperty]
    public string? Kind { get; set; }

    public IReadOnlyList<Shared.TagHelpers.DsfrChoice> Choices =>
    [
        new(DigestKind.Weekly.Slug(), DigestKind.Weekly.Label(), $"Semaine {DigestRules.IsoWeekKey(time.ParisToday())}"),
        new(DigestKind.Committee.Slug(), DigestKind.Committee.Label(), NextSession is { } s ? $"Prochaine séance : {s.Date:dd/MM/yyyy}" : "Aucune séance planifiée"),
    ];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var me = (await currentUser.GetAsync(ct))!;
        var trigger = $"{me.DisplayName} (générer maintenant)";
        DigestOutcome? outcome = DigestKinds.FromSlug(Kind) switch
        {
            DigestKind.Weekly => await weekly.GenerateAsync(trigger, ct),
            DigestKind.Committee when NextSession is { } s => await committee.GenerateAsync(s.Id, trigger, ct),
            DigestKind.Committee => null,
            _ => null,
        };
        if (outcome is null)
        {
            ModelState.AddModelError(nameof(Kind), DigestKinds.FromSlug(Kind) == DigestKind.Committee
                ? "Aucune séance du comité n’est planifiée : il n’y a pas d’ordre du jour à envoyer."
                : "Choisissez le résumé à générer.");
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        TempData["Success"] = outcome.Message;
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        ViewData["Title"] = "Résumés par courriel";
        ViewData["Breadcrumb"] = new List<Crumb> { new("Accueil", "/"), new("Administration", "/admin"), new("Courriels", "/admin/courriels"), new("Résumés", null) };
        Runs = await db.DigestRuns.AsNoTracking().OrderByDescending(r => r.GeneratedAt).ThenByDescending(r => r.Id).Take(Shown).ToListAsync(ct);
        var today = time.ParisToday();
        var next = await db.CommitteeSessions.AsNoTracking().Where(s => s.Status == SessionStatus.Planifiee && s.Date >= today)
            .OrderBy(s => s.Date).Select(s => new { s.Id, s.Date }).FirstOrDefaultAsync(ct);
        NextSession = next is null ? null : (next.Id, next.Date);
    }
}
