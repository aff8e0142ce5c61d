using Cap.Data;
using Cap.Domain;
using Cap.Domain.Coaching;
using Cap.Domain.Committee;
using Cap.Web.Shared;
using Cap.Web.Shared.Auth;
using Cap.Web.Shared.Refusals;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Coaching;

/// <summary>A support need the committee identified, and the request that answers it if any.</summary>
public sealed record CommitteeNeed(int DecisionId, DateTimeOffset DecidedAt, SupportNeeds Need, int? RequestId);

/// <summary>The product's « Accompagnement » tab: its requests, the committee's support needs, the coaches' météo.</summary>
public sealed class ProductTabModel(CapDbContext db, CurrentUser currentUser, AskForCoaching ask, CoachingQueries queries) : ProductPageModel(db, currentUser)
{
    public override string TabKey => "accompagnement";
    protected override string PageTitle => "Accompagnement";

    public List<CoachingRequestSummary> Requests { get; private set; } = [];
    public List<CommitteeNeed> Needs { get; private set; } = [];
    public ProductWeather? Weather { get; private set; }
    public bool CanAsk { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        return Page();
    }

    /// <summary>One click: a request for the need the committee identified, with an intervention that fits it.</summary>
    public async Task<IActionResult> OnPostFromCommitteeAsync(int decisionId, SupportNeeds need, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        var slug = need == SupportNeeds.Produit ? "atelier-de-cadrage-produit" : "audit-produit-et-gestion-des-risques";
        var intervention = await Db.CoachingInterventions.AsNoTracking().Where(i => i.IsActive).OrderBy(i => i.Slug == slug ? 0 : 1).ThenBy(i => i.Order)
            .Select(i => (int?)i.Id).FirstOrDefaultAsync(ct);
        var decidedAt = Needs.FirstOrDefault(n => n.DecisionId == decisionId)?.DecidedAt;
        var result = await ask.CreateAsync(Me, new CoachingRequestInput
        {
            Product = Product.Slug,
            InterventionId = intervention,
            DecisionId = decisionId,
            SupportNeed = need,
            Need = $"Le comité produit{(decidedAt is { } d ? $" du {Dates.Day(d)}" : "")} a identifié un besoin d’accompagnement « {need.Label()} ».",
        }, ct);
        if (result.Refusal is { } refusal)
        {
            if (refusal.Kind == RefusalKind.Forbidden)
            {
                return Forbid();
            }
            // One button, no fields: the refusal is said once, above the tab.
            Response.StatusCode = refusal.PageStatus();
            await LoadAsync(ct);
            ModelState.AddModelError(string.Empty, refusal.Message);
            return Page();
        }
        TempData["Success"] = $"La demande d’accompagnement « {need.Label()} » est envoyée aux coachs : précisez votre besoin dans la conversation.";
        return Redirect($"/accompagnement/demandes/{result.Value}");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        CanAsk = CoachingWorkflow.CanAsk(Me, MyRole) && !Product.IsArchived;
        Requests = await queries.ListAsync(Product.Id, null, null, 200, ct);
        var decisions = await Db.GateDecisions.AsNoTracking().Where(d => d.ProductId == Product.Id && d.SupportNeeds != SupportNeeds.None)
            .OrderByDescending(d => d.DecidedAt).Select(d => new { d.Id, d.DecidedAt, d.SupportNeeds }).ToListAsync(ct);
        var ids = decisions.Select(d => (int?)d.Id).ToList();
        var answered = await Db.CoachingRequests.AsNoTracking().Where(r => ids.Contains(r.FromDecisionId))
            .Select(r => new { r.Id, r.FromDecisionId, r.FromNeed }).ToListAsync(ct);
        Needs = [.. decisions.SelectMany(d => CommitteeLabels.Needs.Where(n => d.SupportNeeds.HasFlag(n))
            .Select(n => new CommitteeNeed(d.Id, d.DecidedAt, n, answered.FirstOrDefault(a => a.FromDecisionId == d.Id && a.FromNeed == n)?.Id)))];
        Weather = await Db.ProductWeathers.AsNoTracking().Where(w => w.ProductId == Product.Id).OrderByDescending(w => w.At).ThenByDescending(w => w.Id).FirstOrDefaultAsync(ct);
        return true;
    }
}
