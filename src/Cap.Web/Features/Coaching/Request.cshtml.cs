using System.Globalization;
using Cap.Data;
using Cap.Domain;
using Cap.Domain.Catalogue;
using Cap.Domain.Coaching;
using Cap.Domain.Platform;
using Cap.Web.Shared;
using Cap.Web.Shared.Auth;
using Cap.Web.Shared.TagHelpers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Coaching;

/// <summary>
/// A request with its thread and sessions; every signed-in person reads it. Coaches triage, plan, record sessions
/// and close from here; the team writes in the thread and rates the support once it is over.
/// </summary>
public sealed class RequestModel(CapDbContext db, CurrentUser currentUser, CoachingQueries queries, CoachingRequestWorkflow workflow) : CoachingPageModel(db, currentUser)
{
    [FromRoute]
    public int Id { get; set; }

    public CoachingRequestDetail Item { get; private set; } = default!;
    public ProductRole? MyRole { get; private set; }
    public bool CanWriteMessage { get; private set; }
    public bool CanRate { get; private set; }
    public List<SelectListItem> Coaches { get; private set; } = [];
    public List<SelectListItem> OtherRequests { get; private set; } = [];

    [BindProperty]
    public SessionInput Session { get; set; } = new();

    public CoachingStatus Status => Item.StatusValue;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        Session.Date = queries.Today;
        return Page();
    }

    public Task<IActionResult> OnPostAcceptAsync(int? version, CancellationToken ct) =>
        RunAsync(() => workflow.AcceptAsync(Me, Id, version, ct), "La demande est acceptée.", "", ct);

    public Task<IActionResult> OnPostDeclineAsync(string? reason, int? version, CancellationToken ct) =>
        RunAsync(() => workflow.DeclineAsync(Me, Id, reason, version, ct), "La demande est refusée ; l’équipe en est prévenue.", "decline-", ct);

    public Task<IActionResult> OnPostMergeAsync(int? duplicateOfId, int? version, CancellationToken ct) =>
        RunAsync(() => workflow.MergeAsync(Me, Id, duplicateOfId, version, ct), "La demande est fusionnée avec la demande choisie.", "merge-", ct);

    public Task<IActionResult> OnPostQuestionAsync(string? question, int? version, CancellationToken ct) =>
        RunAsync(() => workflow.QuestionAsync(Me, Id, question, version, ct), "Votre question est envoyée à l’équipe.", "question-", ct);

    public Task<IActionResult> OnPostAssignAsync(List<int>? coachIds, int? version, CancellationToken ct) =>
        RunAsync(() => workflow.AssignAsync(Me, Id, coachIds ?? [], version, ct), "Les coachs sont affectés.", "assign-", ct);

    public Task<IActionResult> OnPostScheduleAsync(DateOnly? date, int? version, CancellationToken ct) =>
        RunAsync(() => workflow.ScheduleAsync(Me, Id, date, version, ct), "La demande est planifiée.", "schedule-", ct);

    public Task<IActionResult> OnPostSessionAsync(CancellationToken ct) =>
        RunAsync(() => workflow.RecordSessionAsync(Me, Id, Session, ct), "La séance est enregistrée.", "Session.", ct);

    public Task<IActionResult> OnPostCloseAsync(string? outcome, string? autonomy, int? version, CancellationToken ct) =>
        RunAsync(() => workflow.CloseAsync(Me, Id, outcome, autonomy switch { "oui" => true, "non" => false, _ => null }, version, ct),
            "L’accompagnement est terminé ; l’équipe est invitée à l’évaluer.", "close-", ct);

    public Task<IActionResult> OnPostRateAsync(int? rating, string? comment, CancellationToken ct) =>
        RunAsync(() => workflow.RateAsync(Me, Id, rating, comment, ct), "Merci : votre évaluation est enregistrée.", "rate-", ct);

    public Task<IActionResult> OnPostMessageAsync(string? body, CancellationToken ct) =>
        RunAsync(() => workflow.MessageAsync(Me, Id, body, ct), "Votre message est envoyé.", "message-", ct);

    private async Task<IActionResult> RunAsync(Func<Task<Result<int>>> command, string success, string prefix, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        ModelState.Clear();
        var result = await command();
        if (result.Refusal is { } refusal)
        {
            if (Refused(refusal, prefix) is { } stop)
            {
                return stop;
            }
            await LoadAsync(ct);
            return Page();
        }
        TempData["Success"] = success;
        return Redirect($"/accompagnement/demandes/{Id}");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var request = await queries.LoadAsync(Id, ct);
        if (request is null)
        {
            return false;
        }
        Item = request;
        await LoadMeAsync($"Demande d’accompagnement n° {Id}", ct,
            new Crumb(request.ProductName, $"/produits/{request.ProductSlug}/accompagnement"), new Crumb($"Demande n° {Id}", null));
        MyRole = await CurrentUser.RoleInAsync(Db, request.ProductId, ct);
        CanWriteMessage = CoachingWorkflow.CanWriteMessage(Me, MyRole);
        CanRate = CoachingWorkflow.CanRate(Me, MyRole);
        if (IsCoach)
        {
            var assigned = request.Coaches.Select(c => c.PersonId).ToHashSet();
            Coaches = [.. (await queries.CoachesAsync(ct)).Select(p => new SelectListItem(p.DisplayName, p.Id.ToString(CultureInfo.InvariantCulture), assigned.Contains(p.Id)))];
            OtherRequests = await Db.CoachingRequests.AsNoTracking()
                .Where(r => r.ProductId == request.ProductId && r.Id != Id && CoachingLabels.Open.Contains(r.Status))
                .OrderBy(r => r.Id).Select(r => new SelectListItem($"n° {r.Id} — {r.Intervention!.Title}", r.Id.ToString(CultureInfo.InvariantCulture)))
                .ToListAsync(ct);
        }
        return true;
    }

    /// <summary>Posted as <c>autonomy</c>: oui or non.</summary>
    public static readonly IReadOnlyList<DsfrChoice> Autonomy = [new("oui", "Oui"), new("non", "Non")];
    public static readonly IReadOnlyList<DsfrChoice> Ratings = [.. Enumerable.Range(1, 5).Select(n => new DsfrChoice(n.ToString(CultureInfo.InvariantCulture), n.ToString(CultureInfo.InvariantCulture)))];
}
