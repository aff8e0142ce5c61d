using System.Globalization;
using Cap.Data;
using Cap.Domain.Catalogue;
using Cap.Domain.Committee;
using Cap.Web.Shared;
using Cap.Web.Shared.Auth;
using Cap.Web.Shared.Refusals;
using Cap.Web.Shared.TagHelpers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Committee;

/// <summary>
/// The review of a request in one form: the seven aspects, the decision, its conditions and the support needs.
/// All or nothing: a missing aspect saves nothing. On an examined request the form records a correction.
/// </summary>
public sealed class ReviewModel(CapDbContext db, CurrentUser currentUser, CommitteeDecisions decisions) : CommitteePageModel(db, currentUser)
{
    public const int ConditionRows = 3;

    [FromRoute]
    public int Id { get; set; }

    [BindProperty]
    public ReviewInput Input { get; set; } = new();

    public RequestRow Row { get; private set; } = default!;
    public GateDecision? Corrects { get; private set; }
    public string? Refused { get; private set; }
    public List<SelectListItem> Owners { get; private set; } = [];
    public List<SelectListItem> Targets { get; private set; } = [];
    /// <summary>The decisions the committee may take, each with what it does to the product.</summary>
    public IReadOnlyList<DsfrChoice> Outcomes { get; private set; } = [];
    public static readonly IReadOnlyList<DsfrChoice> Ratings = DsfrChoice.Of<AspectRating>(r => r.Label());
    public static readonly IReadOnlyList<DsfrChoice> Needs = [.. CommitteeLabels.Needs.Select(n => new DsfrChoice(n.ToString(), n.Label()))];

    public sealed class AspectForm
    {
        public string? Rating { get; set; }
        public string? Comment { get; set; }
    }

    public sealed class ConditionForm
    {
        public string? Description { get; set; }
        public int? OwnerId { get; set; }
        public string? DueDate { get; set; }
    }

    public sealed class ReviewInput
    {
        public List<AspectForm> Aspects { get; set; } = [];
        public string? Outcome { get; set; }
        public string? TargetPhase { get; set; }
        public string? Summary { get; set; }
        public List<ConditionForm> Conditions { get; set; } = [];
        public List<string> Needs { get; set; } = [];
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var found = await LoadAsync(ct);
        if (found is not null)
        {
            return found;
        }
        Input.TargetPhase = Row.IsPhaseChange ? Row.TargetPhase.Slug() : null;
        if (Corrects is not null)
        {
            Input.Outcome = Corrects.Outcome.ToString();
            Input.Summary = Corrects.Summary;
            Input.Needs = CommitteeLabels.Needs.Where(n => Corrects.SupportNeeds.HasFlag(n)).Select(n => n.ToString()).ToList();
            Input.Aspects = CommitteeLabels.Aspects.Select(a => Corrects.Assessments.FirstOrDefault(x => x.Aspect == a) is { } x
                ? new AspectForm { Rating = x.Rating.ToString(), Comment = x.Comment } : new AspectForm()).ToList();
        }
        Pad();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var found = await LoadAsync(ct);
        if (found is not null)
        {
            return found;
        }
        ModelState.Clear();
        Pad();
        var conditions = new List<ConditionInput>();
        for (var i = 0; i < Input.Conditions.Count; i++)
        {
            var c = Input.Conditions[i];
            DateOnly? due = null;
            if (!string.IsNullOrWhiteSpace(c.DueDate))
            {
                if (DateOnly.TryParseExact(c.DueDate.Trim(), ["yyyy-MM-dd", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                {
                    due = parsed;
                }
                else
                {
                    ModelState.AddModelError($"Input.Conditions[{i}].DueDate", "Saisissez l’échéance sous la forme jj/mm/aaaa.");
                }
            }
            conditions.Add(new ConditionInput(c.Description, c.OwnerId, due ?? (string.IsNullOrWhiteSpace(c.DueDate) ? null : DateOnly.MaxValue)));
        }
        var input = new DecisionInput(
            [.. CommitteeLabels.Aspects.Select((a, i) => new AspectInput(a,
                DsfrChoice.Parse<AspectRating>(Input.Aspects[i].Rating), Input.Aspects[i].Comment))],
            DsfrChoice.Parse<DecisionOutcome>(Input.Outcome),
            PhaseExtensions.TryParseSlug(Input.TargetPhase, out var target) ? target : null,
            Input.Summary,
            conditions,
            Input.Needs.Select(n => Enum.TryParse<SupportNeeds>(n, out var need) ? need : SupportNeeds.None).Aggregate(SupportNeeds.None, (a, b) => a | b));
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        var request = await Db.GateRequests.FirstAsync(r => r.Id == Id, ct);
        var result = await decisions.DecideAsync(request, input, Corrects, Me, ct);
        if (result.Refusal is { } refusal)
        {
            ModelState.AddRefusal(refusal, "Input.");
            Response.StatusCode = refusal.PageStatus();
            return Page();
        }
        var recorded = result.Value!;
        TempData["Success"] = recorded.Message(Row.ProductName);
        return Redirect($"/produits/{Row.Slug}/comite#decision-{recorded.Decision.Id}");
    }

    private void Pad()
    {
        while (Input.Aspects.Count < CommitteeLabels.Aspects.Length)
        {
            Input.Aspects.Add(new AspectForm());
        }
        while (Input.Conditions.Count < ConditionRows)
        {
            Input.Conditions.Add(new ConditionForm());
        }
    }

    /// <returns>Null when the page can be shown, otherwise the result to return (404, 403, 409).</returns>
    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var request = await CommitteeQueries.Rows(Db.GateRequests.AsNoTracking().Where(r => r.Id == Id)).FirstOrDefaultAsync(ct);
        if (request is null)
        {
            return NotFound();
        }
        Row = request;
        var title = $"Examen de la demande de {request.ProductName}";
        await LoadMeAsync(title, ct, new Crumb(title, null));
        if (!IsCommittee)
        {
            return Forbid();
        }
        if (request.Status == GateRequestStatus.Examinee)
        {
            Corrects = await Db.GateDecisions.AsNoTracking().Include(d => d.Assessments)
                .Where(d => d.GateRequestId == Id).OrderByDescending(d => d.Id).FirstOrDefaultAsync(ct);
        }
        if (Corrects is not null && await Db.GateDecisions.AnyAsync(d => d.ProductId == request.ProductId && d.Id > Corrects.Id, ct))
        {
            Refused = GateRules.OvertakenCorrectionRefusal;
            Response.StatusCode = StatusCodes.Status409Conflict;
        }
        else if (GateRules.ReviewRefusal(request.Status, Corrects is not null) is { } refusal)
        {
            Refused = refusal;
            Response.StatusCode = StatusCodes.Status409Conflict;
        }
        Owners = await Db.TeamMembers.AsNoTracking().Where(m => m.ProductId == request.ProductId)
            .OrderBy(m => m.Person!.DisplayName)
            .Select(m => new SelectListItem(m.Person!.DisplayName, m.PersonId.ToString()))
            .ToListAsync(ct);
        var from = Corrects is null ? request.ProductPhase : request.FromPhase;
        Targets = GateRules.RequestTargets(from).Where(p => p != Phase.Arret)
            .Select(p => new SelectListItem(p.Label(), p.Slug())).ToList();
        Outcomes = [.. Enum.GetValues<DecisionOutcome>().Select(o => new DsfrChoice(o.ToString(), o.Label(), OutcomeHint(o, request)))];
        return null;
    }

    private string OutcomeHint(DecisionOutcome outcome, RequestRow r) => outcome switch
    {
        DecisionOutcome.Go when !r.IsPhaseChange => $"La {r.Kind.Label().ToLowerInvariant()} est validée ; le produit reste en phase {r.FromPhase.Label()}.",
        DecisionOutcome.GoAvecConditions when !r.IsPhaseChange => $"La {r.Kind.Label().ToLowerInvariant()} est validée ; l’équipe lève les conditions ci-dessous.",
        DecisionOutcome.Ajourne when !r.IsPhaseChange => $"La {r.Kind.Label().ToLowerInvariant()} n’est pas validée pour l’instant : " + GateRules.PhaseEffect(r.ProductPhase,
            GateRules.PhaseAfterDecision(DecisionOutcome.Ajourne, r.FromPhase, r.TargetPhase, r.ProductPhase, Corrects is not null)),
        DecisionOutcome.Go => $"Le produit passe en phase {r.TargetPhase.Label()}.",
        DecisionOutcome.GoAvecConditions => $"Le produit passe en phase {r.TargetPhase.Label()} ; l’équipe lève les conditions ci-dessous.",
        DecisionOutcome.Ajourne => "Pas de passage pour l’instant : " + GateRules.PhaseEffect(r.ProductPhase,
            GateRules.PhaseAfterDecision(DecisionOutcome.Ajourne, r.FromPhase, r.TargetPhase, r.ProductPhase, Corrects is not null)),
        _ => "Le produit est arrêté.",
    };
}
